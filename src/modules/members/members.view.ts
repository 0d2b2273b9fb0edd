import type { Tx } from '../../kernel/db/database.js';
import { displayName, type AccountType } from './domain/profile-rules.js';
import { maskAccount, maskEmail, maskPhone } from './domain/contact-mask.js';
import * as repo from './members.repo.js';
import type { IdentityRow, MemberCommunityRow, MemberRow, MemberTagRow, Scope } from './members.repo.js';

/** How members leave the module: the API's field names, timestamps as ISO text. */
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The profile alone, as shown in audit before/after images. */
export function profileImage(m: MemberRow) {
  return {
    id: m.id,
    name: m.name,
    nickname: m.nickname,
    avatarUrl: m.avatar_url,
    gender: m.gender,
    birthday: m.birthday,
    phone: m.phone,
    email: m.email,
    city: m.city,
    company: m.company,
    attributes: m.attributes ?? {},
    source: m.source,
    consentMarketing: m.consent_marketing,
    consentDataProcessing: m.consent_data_processing,
    lifecycleStage: m.lifecycle_stage,
    accountType: m.account_type as AccountType,
  };
}

export function identityView(i: IdentityRow) {
  return {
    id: i.id,
    channel: i.channel,
    externalId: i.external_id,
    displayName: i.display_name,
    createdAt: i.created_at.toISOString(),
  };
}

/** Whether a view shows phones and emails in full, or masked (docs/security.md → personal data). */
export type ContactView = 'full' | 'masked';

export function memberView(
  m: MemberRow,
  rel: { identities: IdentityRow[]; tags: MemberTagRow[]; communities: MemberCommunityRow[] },
  contact: ContactView = 'masked',
) {
  const full = contact === 'full';
  return {
    ...profileImage(m),
    phone: full ? m.phone : maskPhone(m.phone),
    email: full ? m.email : maskEmail(m.email),
    displayName: displayName(m),
    mergedInto: m.merged_into,
    erasedAt: iso(m.erased_at),
    lastActiveAt: iso(m.last_active_at),
    createdAt: m.created_at.toISOString(),
    updatedAt: m.updated_at.toISOString(),
    identities: rel.identities.map((i) => {
      const v = identityView(i);
      return full ? v : { ...v, externalId: maskAccount(v.channel, v.externalId) };
    }),
    tags: rel.tags.map((t) => ({ id: t.id, name: t.name, color: t.color })),
    communities: rel.communities.map((c) => ({ id: c.id, name: c.name })),
  };
}
export type MemberView = ReturnType<typeof memberView>;

/** Views of several members with their identities, tags and communities in three queries in all. */
export async function memberViews(
  tx: Tx,
  rows: MemberRow[],
  scope: Scope,
  contact: ContactView = 'masked',
): Promise<MemberView[]> {
  const ids = rows.map((r) => r.id);
  const [identities, tags, communities] = [
    await repo.identitiesOf(tx, ids),
    await repo.tagsOf(tx, ids),
    await repo.communitiesOf(tx, ids, scope),
  ];
  const group = <T extends { member_id: number }>(list: T[]) => {
    const map = new Map<number, T[]>();
    for (const x of list) map.set(x.member_id, [...(map.get(x.member_id) ?? []), x]);
    return map;
  };
  const [byI, byT, byC] = [group(identities), group(tags), group(communities)];
  return rows.map((r) =>
    memberView(
      r,
      { identities: byI.get(r.id) ?? [], tags: byT.get(r.id) ?? [], communities: byC.get(r.id) ?? [] },
      contact,
    ),
  );
}

/** What changed between two images, for a compact audit entry. */
export function changedFields<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}
