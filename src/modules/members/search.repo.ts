import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import { CHANNELS } from './identity-resolution.js';
import { inScopeList, liveMember, type MemberRow, type Scope } from './members.repo.js';
import type { Keyset, MemberSort, SortOrder } from './domain/cursor.js';
import type { MemberFilter } from './domain/member-filter.js';

export type { MemberFilter };

/**
 * SQL of the member list, the CSV export and bulk tagging — all three select members with the same
 * filter, so an operator who tags "everyone in this list" tags exactly what the list showed.
 * The plans of these queries on 1,000,000 members are in QUERIES.md.
 */

/** `%` and `_` typed by an operator are searched for literally, not as wildcards. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * Search text: a name/nickname fragment through the gram index (see 0002_members.sql), its pinyin
 * through the search keys' GIN index (0023), the start or end of a phone number (4–10 digits,
 * pattern indexes of 0023), or an exact phone, email or channel account id. A union of small index
 * lookups, joined to the list after.
 */
function textMatch(f: MemberFilter): RawBuilder<boolean> {
  const q = f.q!;
  const phone = f.qPhone ?? null;
  const pattern = `%${escapeLike(q)}%`;
  const parts = [
    sql`
    select n.id from members n
    where member_name_grams(coalesce(n.name, '') || ' ' || coalesce(n.nickname, '')) @> member_query_grams(${q})
      and n.merged_into is null and n.erased_at is null
      and (n.name ilike ${pattern} or n.nickname ilike ${pattern})`,
  ];
  if (phone) parts.push(sql`select n.id from members n where n.phone = ${phone}`);
  if (f.qPinyin) parts.push(sql`select n.id from members n where n.name_pinyin @> array[${f.qPinyin}]::text[]`);
  if (f.qDigits)
    parts.push(
      sql`select n.id from members n where n.phone is not null and n.phone like ${`${f.qDigits}%`}`,
      sql`select n.id from members n where n.phone is not null and reverse(n.phone) like ${`${[...f.qDigits].reverse().join('')}%`}`,
    );
  if (q.includes('@')) parts.push(sql`select n.id from members n where lower(n.email) = ${q.toLowerCase()}`);
  // Listing every channel lets the (channel, external_id) unique index answer an id-only lookup.
  parts.push(
    sql`select i.member_id from member_identities i where i.channel = any(${[...CHANNELS]}::text[]) and i.external_id = ${q}`,
  );
  return sql<boolean>`m.id in (${sql.join(parts, sql` union all `)})`;
}

export function filterConditions(f: MemberFilter, scope: Scope): RawBuilder<boolean>[] {
  const c: RawBuilder<boolean>[] = [liveMember('m')];
  if (f.q) c.push(textMatch(f));
  if (f.memberIds) c.push(sql`m.id = any(${f.memberIds}::bigint[])`);
  if (f.phone) c.push(sql`m.phone = ${f.phone}`);
  if (f.email) c.push(sql`lower(m.email) = ${f.email}`);
  if (f.lifecycleStages?.length) c.push(sql`m.lifecycle_stage = any(${f.lifecycleStages}::text[])`);
  if (f.source) c.push(sql`m.source = ${f.source}`);
  if (f.consentMarketing !== undefined) c.push(sql`m.consent_marketing = ${f.consentMarketing}`);
  if (f.accountType !== undefined) c.push(sql`m.account_type = ${f.accountType}`);
  if (f.createdFrom) c.push(sql`m.created_at >= ${f.createdFrom}::timestamptz`);
  if (f.createdTo) c.push(sql`m.created_at < ${f.createdTo}::timestamptz`);
  // Written on the sort expression so the last-active index serves the range too.
  if (f.lastActiveFrom)
    c.push(sql`coalesce(m.last_active_at, '-infinity'::timestamptz) >= ${f.lastActiveFrom}::timestamptz`);
  if (f.lastActiveTo)
    c.push(
      sql`m.last_active_at is not null and coalesce(m.last_active_at, '-infinity'::timestamptz) < ${f.lastActiveTo}::timestamptz`,
    );
  // Tag and community filters gather their members first, then build the page from them: a new or
  // rare tag has no statistics yet, and walking a million members in list order to find its ten
  // would take seconds. `offset 0` keeps the planner from turning the subquery back into a probe.
  if (f.tagIds?.length) {
    const tagIds = [...new Set(f.tagIds)];
    c.push(
      f.tagMatch === 'all'
        ? sql`m.id in (select mt.member_id from member_tags mt where mt.tag_id = any(${tagIds}::bigint[]) group by mt.member_id having count(*) = ${tagIds.length})`
        : sql`m.id in (select mt.member_id from member_tags mt where mt.tag_id = any(${tagIds}::bigint[]) offset 0)`,
    );
  }
  if (f.communityId !== undefined) {
    // A community manager may not learn who is in a community outside their own.
    if (scope !== null && !scope.includes(f.communityId)) c.push(sql<boolean>`false`);
    // A semi-join the planner may turn either way, by the community's size in the statistics: a
    // group of a few hundred is read whole and sorted (1 ms); a community holding a tenth of the
    // workspace is found by walking the sort's index and probing each member (0.2 ms where reading
    // its 50,000 members first took 66 ms at 200,000 members, and seconds at 500,000).
    c.push(
      sql`exists (select 1 from community_memberships fc where fc.member_id = m.id and fc.community_id = ${f.communityId} and fc.left_at is null)`,
    );
  }
  if (f.channel)
    c.push(sql`exists (select 1 from member_identities fi where fi.member_id = m.id and fi.channel = ${f.channel})`);
  if (scope !== null) c.push(inScopeList(scope));
  return c;
}

/**
 * Whether the member whose id is `memberId` is a live member matching the filter: the list's own
 * conditions, for statements of other modules that narrow a report to a segment (analytics).
 */
export function memberMatches(f: MemberFilter, memberId: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from members m where m.id = ${memberId} and ${sql.join(filterConditions(f, null), sql` and `)})`;
}

// Never-active members sort as the oldest activity; unnamed ones by nickname, then first.
const SORT_EXPR: Record<MemberSort, RawBuilder<unknown>> = {
  created_at: sql`m.created_at`,
  last_active_at: sql`coalesce(m.last_active_at, '-infinity'::timestamptz)`,
  name: sql`coalesce(m.name, m.nickname, '')`,
};
const SORT_TYPE: Record<MemberSort, RawBuilder<unknown>> = {
  created_at: sql`timestamptz`,
  last_active_at: sql`timestamptz`,
  name: sql`text`,
};

export type SortedMemberRow = MemberRow & { sort_key: string };

/** One page of members in the chosen order, starting after `after`. */
export async function memberPage(
  tx: Tx,
  f: MemberFilter,
  scope: Scope,
  sort: MemberSort,
  order: SortOrder,
  after: Keyset | null,
  limit: number,
): Promise<SortedMemberRow[]> {
  const expr = SORT_EXPR[sort];
  const c = filterConditions(f, scope);
  if (after) {
    const cmp = order === 'asc' ? sql`>` : sql`<`;
    c.push(sql`(${expr}, m.id) ${cmp} (${after.key}::${SORT_TYPE[sort]}, ${after.id}::bigint)`);
  }
  const dir = order === 'asc' ? sql`asc` : sql`desc`;
  const r = await sql<SortedMemberRow>`
    select m.*, (${expr})::text as sort_key from members m
    where ${sql.join(c, sql` and `)}
    order by ${expr} ${dir}, m.id ${dir}
    limit ${limit}`.execute(tx);
  return r.rows;
}

/** The ids matching a filter, as a subquery for set-based writes. */
export function matchingIds(f: MemberFilter, scope: Scope): RawBuilder<{ id: number }> {
  return sql`select m.id from members m where ${sql.join(filterConditions(f, scope), sql` and `)}`;
}

export async function countMatching(tx: Tx, f: MemberFilter, scope: Scope): Promise<number> {
  const r = await sql<{ n: number }>`select count(*) as n from (${matchingIds(f, scope)}) x`.execute(tx);
  return Number(r.rows[0]!.n);
}

/**
 * How many members match, counted exactly up to `cap` (a count stops reading there, so a list's
 * total stays cheap at any size); past it, the planner's estimate of the filter's rows.
 */
export async function countOrEstimate(
  tx: Tx,
  f: MemberFilter,
  scope: Scope,
  cap: number,
): Promise<{ count: number; exact: boolean }> {
  const ids = matchingIds(f, scope);
  const r = await sql<{ n: number }>`select count(*)::int as n from (${ids} limit ${cap + 1}) x`.execute(tx);
  const n = r.rows[0]!.n;
  if (n <= cap) return { count: n, exact: true };
  const plan = await sql<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>`explain (format json) ${ids}`.execute(
    tx,
  );
  const rows = Math.round(plan.rows[0]!['QUERY PLAN'][0].Plan['Plan Rows']);
  return { count: Math.max(rows, cap + 1), exact: false };
}

export type DuplicateReasonCode =
  'phone' | 'email' | 'name_in_community' | 'nickname_in_community' | 'nickname_across_channels';
export interface DuplicateGroupRow {
  reason: DuplicateReasonCode;
  value: string;
  community_id: number | null;
  ids: number[];
}

/**
 * A nickname shared by more members than this is a common or default one (微信用户, 小王), not a
 * person's: it suggests nothing, so one popular nickname cannot flood the report.
 */
export const MAX_NICKNAME_GROUP = 5;

/** The nickname as compared: case and surrounding spaces ignored (`members_nickname_key_idx`). */
const nicknameKey = sql`lower(btrim(m.nickname))`;

/**
 * Groups of live members sharing a phone, an email, the same name or nickname inside one
 * community, or an uncommon nickname across channels; each part one grouped pass with its own
 * limit. A report, not a list: at 1M members it reads every phone, email, nickname and current
 * membership (QUERIES.md); `communityId` narrows it to one community.
 */
export async function duplicateGroups(
  tx: Tx,
  scope: Scope,
  limit: number,
  communityId?: number,
): Promise<DuplicateGroupRow[]> {
  const inCommunity =
    communityId === undefined
      ? sql``
      : sql`and m.id in (select dc.member_id from community_memberships dc where dc.community_id = ${communityId} and dc.left_at is null)`;
  const live = sql`${liveMember('m')} and ${inScopeList(scope)} ${inCommunity}`;
  const communities = sql`${scope === null ? sql`` : sql`and cm.community_id = any(${scope}::bigint[])`}
    ${communityId === undefined ? sql`` : sql`and cm.community_id = ${communityId}`}`;
  const r = await sql<DuplicateGroupRow>`
    (select 'phone' as reason, m.phone as value, null::bigint as community_id, array_agg(m.id order by m.id) as ids
       from members m where m.phone is not null and ${live}
       group by m.phone having count(*) > 1 order by min(m.id) limit ${limit})
    union all
    (select 'email', lower(m.email), null::bigint, array_agg(m.id order by m.id)
       from members m where m.email is not null and ${live}
       group by lower(m.email) having count(*) > 1 order by min(m.id) limit ${limit})
    union all
    -- One current membership per (community, member) is guaranteed by a unique index, so count(*) counts people.
    (select 'name_in_community', m.name, cm.community_id, array_agg(m.id order by m.id)
       from community_memberships cm join members m on m.id = cm.member_id
       where cm.left_at is null and m.name is not null and ${live} ${communities}
       group by cm.community_id, m.name having count(*) > 1 order by min(m.id) limit ${limit})
    union all
    -- Chat members often have only a nickname: the same one twice in a group is likely one person
    -- who reached it through two accounts.
    (select 'nickname_in_community', min(m.nickname), cm.community_id, array_agg(m.id order by m.id)
       from community_memberships cm join members m on m.id = cm.member_id
       where cm.left_at is null and m.nickname is not null and ${nicknameKey} <> '' and ${live} ${communities}
       group by cm.community_id, ${nicknameKey} having count(*) between 2 and ${MAX_NICKNAME_GROUP} order by min(m.id) limit ${limit})
    union all
    -- Across the workspace only an uncommon nickname (2+ characters, at most MAX_NICKNAME_GROUP members) whose
    -- members are reached on at least two channels: one person's QQ and email profiles, not two QQ accounts.
    -- The groups are ordered first (offset 0 keeps the channel test above the sort), so the test
    -- runs only until the limit is reached.
    (select 'nickname_across_channels', g.value, null::bigint, g.ids
       from (select min(m.nickname) as value, array_agg(m.id order by m.id) as ids
               from members m where m.nickname is not null and ${live}
               group by ${nicknameKey}
               having count(*) between 2 and ${MAX_NICKNAME_GROUP} and char_length(${nicknameKey}) >= 2
               order by min(m.id) offset 0) g
       where (select count(distinct c.channel) from (
                select i.channel from member_identities i where i.member_id = any(g.ids)
                union all select 'phone' from members p where p.id = any(g.ids) and p.phone is not null
                union all select 'email' from members e where e.id = any(g.ids) and e.email is not null) c) >= 2
       limit ${limit})`.execute(tx);
  return r.rows;
}
