import { problem, type FieldProblem } from '../../../kernel/errors.js';
import { ACCOUNT_TYPES, GENDERS, LIFECYCLE_STAGES } from '../../../web/shared/vocabulary.js';
export { ACCOUNT_TYPES, GENDERS, LIFECYCLE_STAGES };

/**
 * Rules for the fields of a member profile. Pure: the service turns the problems into one 400
 * naming every bad field, so an operator fixes a form in one go.
 */
export type Gender = (typeof GENDERS)[number];

/** The lifecycle funnel (获客 → 激活 → 留存 → 变现) plus the two ways out of it. */
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
/** A member, or the brand's own account (员工 / 官方账号), which member figures leave out. */
export type AccountType = (typeof ACCOUNT_TYPES)[number];

const SEPARATORS = /[\s\-().]/g;

/**
 * A phone number as Kith stores it: a mainland mobile as its 11 digits (the +86 / 0086 prefix
 * dropped, so one person's number is written one way), any other number as +E.164.
 * Returns null when the text is not a phone number.
 */
export function normalisePhone(raw: string): string | null {
  let s = raw.trim().replace(SEPARATORS, '');
  if (s.startsWith('00')) s = `+${s.slice(2)}`;
  if (/^\+861[3-9]\d{9}$/.test(s)) return s.slice(3);
  if (/^861[3-9]\d{9}$/.test(s)) return s.slice(2);
  if (/^1[3-9]\d{9}$/.test(s)) return s;
  if (/^\+[1-9]\d{6,14}$/.test(s) && !s.startsWith('+86')) return s;
  return null;
}

export function normaliseEmail(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  if (s.length > 254 || !/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(s)) return null;
  return s;
}

/** A calendar date written YYYY-MM-DD that exists (no 2月30日). */
export function calendarDateProblem(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  if (!m) return 'must be a date like 1990-05-20';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
    return 'is not a real date';
  return null;
}

/** A birthday: a real date, not in the future and not before 1900. */
export function birthdayProblem(raw: string, today: Date): string | null {
  const problem = calendarDateProblem(raw);
  if (problem) return problem;
  if (raw < '1900-01-01') return 'must be after 1900';
  if (raw > today.toISOString().slice(0, 10)) return 'cannot be in the future';
  return null;
}

/** Profile fields as the API names them; `null` clears a field. */
export interface ProfileInput {
  name?: string | null;
  nickname?: string | null;
  avatarUrl?: string | null;
  gender?: Gender;
  birthday?: string | null;
  phone?: string | null;
  email?: string | null;
  city?: string | null;
  company?: string | null;
  source?: string | null;
  consentMarketing?: boolean;
  consentDataProcessing?: boolean;
  lifecycleStage?: LifecycleStage;
  accountType?: AccountType;
}

/** The same fields as the database columns hold them. */
export interface ProfileColumns {
  name: string | null;
  nickname: string | null;
  avatar_url: string | null;
  gender: Gender;
  birthday: string | null;
  phone: string | null;
  email: string | null;
  city: string | null;
  company: string | null;
  source: string | null;
  consent_marketing: boolean;
  consent_data_processing: boolean;
  lifecycle_stage: LifecycleStage;
  account_type: AccountType;
}

const TEXT_FIELDS = [
  ['name', 'name'],
  ['nickname', 'nickname'],
  ['city', 'city'],
  ['company', 'company'],
  ['source', 'source'],
] as const;

const blankToNull = (s: string | null | undefined) =>
  s === null || s === undefined || s.trim() === '' ? null : s.trim();

/**
 * Turns the fields present in `input` into column values, normalising phone and email.
 * Fields absent from `input` are absent from `values`, so the same function serves create and PATCH.
 */
export function profileChanges(
  input: ProfileInput,
  today: Date,
): { values: Partial<ProfileColumns>; problems: FieldProblem[] } {
  const values: Partial<ProfileColumns> = {};
  const problems: FieldProblem[] = [];
  for (const [api, column] of TEXT_FIELDS) {
    if (input[api] !== undefined) values[column] = blankToNull(input[api]);
  }
  if (input.avatarUrl !== undefined) {
    const url = blankToNull(input.avatarUrl);
    if (url !== null && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(url)) problems.push(problem('avatarUrl', 'url.invalid'));
    values.avatar_url = url;
  }
  if (input.phone !== undefined) {
    const raw = blankToNull(input.phone);
    const phone = raw === null ? null : normalisePhone(raw);
    if (raw !== null && phone === null) {
      problems.push(problem('phone', 'phone.invalid'));
    }
    values.phone = phone;
  }
  if (input.email !== undefined) {
    const raw = blankToNull(input.email);
    const email = raw === null ? null : normaliseEmail(raw);
    if (raw !== null && email === null) problems.push(problem('email', 'email.invalid'));
    values.email = email;
  }
  if (input.birthday !== undefined) {
    const raw = blankToNull(input.birthday);
    const problem = raw === null ? null : birthdayProblem(raw, today);
    if (problem) problems.push({ path: 'birthday', message: problem });
    values.birthday = raw;
  }
  if (input.gender !== undefined) values.gender = input.gender;
  if (input.lifecycleStage !== undefined) values.lifecycle_stage = input.lifecycleStage;
  if (input.accountType !== undefined) values.account_type = input.accountType;
  if (input.consentMarketing !== undefined) values.consent_marketing = input.consentMarketing;
  if (input.consentDataProcessing !== undefined) values.consent_data_processing = input.consentDataProcessing;
  return { values, problems };
}

/** How a member is shown in lists and other modules: name, else nickname, else a number. */
export function displayName(m: {
  id: number;
  name: string | null;
  nickname: string | null;
  erased_at?: Date | string | null;
}): string {
  if (m.erased_at) return `Erased member #${m.id}`;
  return m.name ?? m.nickname ?? `Member #${m.id}`;
}

/**
 * A live member must stay recognisable: without an identity, a phone or an email, no import,
 * channel or operator could ever match the person again, and the profile would be an orphan.
 */
export function isRecognisable(m: { phone: string | null; email: string | null }, identityCount: number): boolean {
  return identityCount > 0 || m.phone !== null || m.email !== null;
}

/** A channel account id as stored: phone and email channels normalised like the profile fields. */
export function normaliseExternalId(channel: string, raw: string): string | null {
  const s = raw.trim();
  if (s === '') return null;
  if (channel === 'phone') return normalisePhone(s);
  if (channel === 'email') return normaliseEmail(s);
  return s;
}
