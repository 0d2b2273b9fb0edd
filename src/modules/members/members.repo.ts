import { sql, type Selectable } from 'kysely';
import { pinyinKeys } from './domain/pinyin.js';
import type { Tx } from '../../kernel/db/database.js';
import type { MembersTable, MemberIdentitiesTable } from '../../kernel/db/tables.js';
import type { ProfileColumns } from './domain/profile-rules.js';

/**
 * SQL for member profiles, identities and what is shown beside them. The joins to
 * `community_memberships` and `communities` here only read (to scope community managers and to
 * show a member's communities); those tables are written by the communities module alone.
 */
export type MemberRow = Selectable<MembersTable>;
export type IdentityRow = Selectable<MemberIdentitiesTable>;
/** Communities an actor is limited to, or null for all of them. */
export type Scope = number[] | null;

/**
 * A member is in a community manager's scope if they belong, or once belonged, to one of its
 * communities. This form checks one member (by id) with one index probe.
 */
export function inScope(scope: Scope, alias = 'm') {
  if (scope === null) return sql<boolean>`true`;
  return sql<boolean>`exists (select 1 from community_memberships sc where sc.member_id = ${sql.ref(`${alias}.id`)} and sc.community_id = any(${scope}::bigint[]))`;
}

/**
 * The same scope for lists: the scope's members are gathered first (a manager's groups hold
 * hundreds or thousands of people) and the list is built from them. `offset 0` keeps the planner
 * from walking all members in list order and probing each one instead (seconds at 1M members,
 * see QUERIES.md).
 */
/**
 * A live member: neither merged into another profile nor erased. The one definition of the member
 * base that every module's statements count from (the member list, the overview, reports, tiers).
 */
export function liveMember(alias = 'm') {
  return sql<boolean>`${sql.ref(`${alias}.merged_into`)} is null and ${sql.ref(`${alias}.erased_at`)} is null`;
}

/**
 * The brand's own accounts — staff 员工 and official 官方账号 (migration 0021) — as a subquery of ids.
 * Member figures (counts, rates, rankings) leave them out: reports subtract what these few did from
 * their rollups, and queries over member rows skip them (docs/metrics.md).
 */
export function internalAccountIds() {
  return sql<number>`(select ia.id from members ia where ia.account_type <> 'member')`;
}

/** A profile that counts in member figures: live, and not one of the brand's own accounts. */
export function countedMember(alias = 'm') {
  return sql<boolean>`${liveMember(alias)} and ${sql.ref(`${alias}.account_type`)} = 'member'`;
}

export function inScopeList(scope: Scope, alias = 'm') {
  if (scope === null) return sql<boolean>`true`;
  return sql<boolean>`${sql.ref(`${alias}.id`)} in (select sc.member_id from community_memberships sc where sc.community_id = any(${scope}::bigint[]) offset 0)`;
}

export async function findMember(tx: Tx, id: number, scope: Scope): Promise<MemberRow | undefined> {
  return tx.selectFrom('members as m').selectAll('m').where('m.id', '=', id).where(inScope(scope)).executeTakeFirst();
}

/** Locks members in id order (so two merges of the same pair cannot deadlock) and returns them. NO KEY UPDATE leaves the foreign-key checks of concurrent activity inserts free. */
export async function lockMembers(tx: Tx, ids: number[]): Promise<MemberRow[]> {
  return tx.selectFrom('members').selectAll().where('id', 'in', ids).orderBy('id').forNoKeyUpdate().execute();
}

/** Members as JSON exactly as the database holds them (timestamps at full precision), for undo snapshots. */
export async function memberRecords(tx: Tx, ids: number[]): Promise<Map<number, Record<string, unknown>>> {
  if (ids.length === 0) return new Map();
  const r = await sql<{ id: number; record: Record<string, unknown> }>`
    select m.id, to_jsonb(m) as record from members m where m.id = any(${ids}::bigint[])`.execute(tx);
  return new Map(r.rows.map((x) => [x.id, x.record]));
}

export async function insertMember(
  tx: Tx,
  values: Partial<ProfileColumns> & { attributes: Record<string, unknown>; created_at: Date; updated_at: Date },
) {
  return tx
    .insertInto('members')
    .values({
      ...values,
      attributes: JSON.stringify(values.attributes),
      name_pinyin: pinyinKeys(values.name, values.nickname),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Writes column values; `attributes` as an object, timestamps as Date or full-precision text. */
export async function updateMember(tx: Tx, id: number, values: Record<string, unknown>): Promise<MemberRow> {
  const set = { ...values } as Record<string, unknown>;
  if (set.attributes !== undefined) set.attributes = JSON.stringify(set.attributes);
  const row = await tx.updateTable('members').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
  if ('name' in set || 'nickname' in set) await refreshPinyin(tx, [row]);
  return row;
}

/** Works out the pinyin search keys of these profiles from their name and nickname as they are now. */
export async function refreshPinyin(tx: Tx, rows: { id: number; name: string | null; nickname: string | null }[]) {
  if (rows.length === 0) return;
  await sql`update members m set name_pinyin = k.keys::text[]
    from jsonb_to_recordset(${JSON.stringify(rows.map((r) => ({ id: r.id, keys: `{${pinyinKeys(r.name, r.nickname).join(',')}}` })))}::jsonb) as k(id bigint, keys text)
    where m.id = k.id`.execute(tx);
}

/** Up to `limit` profiles whose pinyin keys are not worked out yet (written before migration 0023). */
export async function pinyinTodo(tx: Tx, limit: number) {
  return tx
    .selectFrom('members')
    .select(['id', 'name', 'nickname'])
    .where('name_pinyin', 'is', null)
    .where((eb) => eb.or([eb('name', 'is not', null), eb('nickname', 'is not', null)]))
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function identitiesOf(tx: Tx, memberIds: number[]): Promise<IdentityRow[]> {
  if (memberIds.length === 0) return [];
  return tx.selectFrom('member_identities').selectAll().where('member_id', 'in', memberIds).orderBy('id').execute();
}

export async function findIdentity(tx: Tx, channel: string, externalId: string): Promise<IdentityRow | undefined> {
  return tx
    .selectFrom('member_identities')
    .selectAll()
    .where('channel', '=', channel)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

export async function insertIdentity(
  tx: Tx,
  v: { member_id: number; channel: string; external_id: string; display_name: string | null; created_at: Date },
) {
  return tx.insertInto('member_identities').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function deleteIdentity(tx: Tx, memberId: number, identityId: number): Promise<IdentityRow | undefined> {
  return tx
    .deleteFrom('member_identities')
    .where('id', '=', identityId)
    .where('member_id', '=', memberId)
    .returningAll()
    .executeTakeFirst();
}

export async function countIdentities(tx: Tx, memberId: number): Promise<number> {
  const r = await tx
    .selectFrom('member_identities')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('member_id', '=', memberId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export interface MemberTagRow {
  member_id: number;
  id: number;
  name: string;
  color: string;
}
export async function tagsOf(tx: Tx, memberIds: number[]): Promise<MemberTagRow[]> {
  if (memberIds.length === 0) return [];
  return tx
    .selectFrom('member_tags as mt')
    .innerJoin('tags as t', 't.id', 'mt.tag_id')
    .select(['mt.member_id', 't.id', 't.name', 't.color'])
    .where('mt.member_id', 'in', memberIds)
    .orderBy('t.name')
    .execute();
}

export interface MemberCommunityRow {
  member_id: number;
  id: number;
  name: string;
}
/** Communities a member currently belongs to; a community manager sees only their own ones. */
export async function communitiesOf(tx: Tx, memberIds: number[], scope: Scope): Promise<MemberCommunityRow[]> {
  if (memberIds.length === 0) return [];
  let q = tx
    .selectFrom('community_memberships as cm')
    .innerJoin('communities as c', 'c.id', 'cm.community_id')
    .select(['cm.member_id', 'c.id', 'c.name'])
    .where('cm.member_id', 'in', memberIds)
    .where('cm.left_at', 'is', null);
  if (scope !== null) q = q.where('cm.community_id', 'in', scope.length ? scope : [0]);
  return q.orderBy('c.name').orderBy('c.id').execute();
}

export async function addTags(tx: Tx, memberId: number, tagIds: number[], at: Date): Promise<void> {
  if (tagIds.length === 0) return;
  await tx
    .insertInto('member_tags')
    .values(tagIds.map((tag_id) => ({ member_id: memberId, tag_id, created_at: at })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The member and every member merged into it, directly or through earlier merges: one person. */
export async function mergedChain(tx: Tx, id: number): Promise<number[]> {
  const r = await sql<{ id: number }>`
    with recursive chain(id) as (
      select ${id}::bigint
      union
      select m.id from members m join chain c on m.merged_into = c.id
    ) select id from chain order by id`.execute(tx);
  return r.rows.map((x) => x.id);
}

export interface MemberSummaryRow {
  id: number;
  name: string | null;
  nickname: string | null;
  avatar_url: string | null;
  erased_at: Date | null;
  merged_into: number | null;
}
export async function summaryRows(tx: Tx, ids: number[]): Promise<MemberSummaryRow[]> {
  if (ids.length === 0) return [];
  return tx
    .selectFrom('members')
    .select(['id', 'name', 'nickname', 'avatar_url', 'erased_at', 'merged_into'])
    .where('id', 'in', ids)
    .execute();
}

/**
 * Writes lifecycle stages worked out elsewhere (analytics decides them nightly), skipping members
 * already at their stage; returns how many changed. Members own the column: this is its one writer.
 */
export async function setLifecycleStages(tx: Tx, changes: { id: number; stage: string }[]): Promise<number> {
  if (changes.length === 0) return 0;
  const r = await sql`
    update members m set lifecycle_stage = c.stage
    from unnest(${changes.map((c) => c.id)}::bigint[], ${changes.map((c) => c.stage)}::text[]) as c(id, stage)
    where m.id = c.id and m.lifecycle_stage is distinct from c.stage`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

/** Which of `ids` (distinct) are members the scope may see. */
export async function visibleMemberIds(tx: Tx, ids: number[], scope: Scope): Promise<number[]> {
  const rows = await tx
    .selectFrom('members as m')
    .select('m.id')
    .where('m.id', 'in', ids)
    .where(inScope(scope))
    .execute();
  return rows.map((r) => r.id);
}

/**
 * For other modules' lists of rows about members: true when the row's member (`memberIdColumn`) is
 * in the scope, i.e. belongs or once belonged to one of a community manager's communities.
 */
export function memberInScopeSql(scope: Scope, memberIdColumn: string) {
  if (scope === null) return sql<boolean>`true`;
  return sql<boolean>`exists (select 1 from community_memberships sc where sc.member_id = ${sql.ref(memberIdColumn)} and sc.community_id = any(${scope}::bigint[]))`;
}
