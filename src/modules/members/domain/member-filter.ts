import type { FieldProblem } from '../../../kernel/errors.js';
import { normaliseEmail, normalisePhone } from './profile-rules.js';
import { pinyinQuery } from './pinyin.js';

/**
 * The one filter behind the member list, the CSV export and bulk tagging, so "tag everyone in this
 * list" tags exactly the members the list shows.
 */
export interface MemberFilter {
  /**
   * Name or nickname fragment or its pinyin (spelling, initials or a prefix), an exact phone, email
   * or channel account id, or 4–10 digits of a phone number's start or end.
   */
  q?: string;
  /** `q` read as a phone number, when it is one. */
  qPhone?: string | null;
  /** `q` read as pinyin (letters only), when it can be. */
  qPinyin?: string | null;
  /** `q` read as part of a phone number (4–10 digits), when it can be. */
  qDigits?: string | null;
  phone?: string;
  email?: string;
  tagIds?: number[];
  tagMatch?: 'any' | 'all';
  communityId?: number;
  lifecycleStages?: string[];
  accountType?: string;
  createdFrom?: string;
  createdTo?: string;
  lastActiveFrom?: string;
  lastActiveTo?: string;
  channel?: string;
  consentMarketing?: boolean;
  source?: string;
  /** Exact members (bulk actions on a selection). */
  memberIds?: number[];
}

/** Normalises what an operator typed (phone and email as Kith stores them) and checks the ranges. */
export function normaliseFilter(input: MemberFilter): { filter: MemberFilter; problems: FieldProblem[] } {
  const filter: MemberFilter = { ...input };
  const problems: FieldProblem[] = [];
  const q = input.q?.trim();
  if (q) {
    filter.q = q;
    filter.qPhone = normalisePhone(q);
    filter.qPinyin = pinyinQuery(q);
    const digits = q.replace(/[\s-]/g, '');
    filter.qDigits = /^\d{4,10}$/.test(digits) ? digits : null;
  } else delete filter.q;
  if (input.phone !== undefined) {
    const phone = normalisePhone(input.phone);
    if (phone === null) problems.push({ path: 'phone', message: 'is not a phone number' });
    else filter.phone = phone;
  }
  if (input.email !== undefined) {
    const email = normaliseEmail(input.email);
    if (email === null) problems.push({ path: 'email', message: 'is not a valid email address' });
    else filter.email = email;
  }
  for (const [from, to] of [
    ['createdFrom', 'createdTo'],
    ['lastActiveFrom', 'lastActiveTo'],
  ] as const) {
    const a = input[from];
    const b = input[to];
    if (a && b && Date.parse(a) > Date.parse(b)) problems.push({ path: from, message: `must not be after ${to}` });
  }
  return { filter, problems };
}
