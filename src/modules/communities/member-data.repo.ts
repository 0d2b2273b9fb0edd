import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import type { MembershipRole } from './domain/community-rules.js';

/** SQL for moving, restoring and exporting a member's memberships and community roles. */

/** A stint as stored in a merge snapshot (JSON: times as ISO strings). */
export interface StintJson {
  id: number;
  community_id: number;
  member_id: number;
  role: string;
  join_source: string;
  invited_by_member_id: number | null;
  joined_at: string;
  left_at: string | null;
}
export interface AdminJson {
  id: number;
  community_id: number;
  staff_id: number | null;
  member_id: number | null;
  role: string;
}

const stintJson = (r: {
  id: number;
  community_id: number;
  member_id: number;
  role: string;
  join_source: string;
  invited_by_member_id: number | null;
  joined_at: Date;
  left_at: Date | null;
}): StintJson => ({
  ...r,
  joined_at: r.joined_at.toISOString(),
  left_at: r.left_at?.toISOString() ?? null,
});

/** The merged member's stints and the survivor's stints in the same communities, locked. */
export async function stintsForMerge(tx: Tx, fromId: number, toId: number): Promise<StintJson[]> {
  const rows = await tx
    .selectFrom('community_memberships')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('member_id', '=', fromId),
        eb.and([
          eb('member_id', '=', toId),
          eb(
            'community_id',
            'in',
            eb.selectFrom('community_memberships').select('community_id').where('member_id', '=', fromId),
          ),
        ]),
      ]),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map(stintJson);
}

export async function deleteStints(tx: Tx, ids: number[]) {
  if (ids.length) await tx.deleteFrom('community_memberships').where('id', 'in', ids).execute();
}

export async function rewriteStints(
  tx: Tx,
  rows: { id: number; leftAt: Date | null; role: MembershipRole }[],
  memberId: number,
) {
  if (rows.length === 0) return;
  await sql`
    update community_memberships m set member_id = ${memberId}, left_at = u.left_at, role = u.role
    from unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.leftAt?.toISOString() ?? null)}::timestamptz[], ${rows.map((r) => r.role)}::text[])
      as u(id, left_at, role)
    where m.id = u.id`.execute(tx);
}

/** Hands rows over from one member to another; only rows still held by `fromId` move. */
export async function reassignStints(tx: Tx, ids: number[], fromId: number, toId: number) {
  if (ids.length)
    await tx
      .updateTable('community_memberships')
      .set({ member_id: toId })
      .where('id', 'in', ids)
      .where('member_id', '=', fromId)
      .execute();
}

export async function reassignInviter(tx: Tx, fromId: number, toId: number, onlyIds?: number[]): Promise<number[]> {
  if (onlyIds && onlyIds.length === 0) return [];
  let q = tx
    .updateTable('community_memberships')
    .set({ invited_by_member_id: toId })
    .where('invited_by_member_id', '=', fromId);
  if (onlyIds) q = q.where('id', 'in', onlyIds);
  return (await q.returning('id').execute()).map((r) => r.id);
}

/** Stints that would be current twice for one member in one community if these were restored. */
export async function openStintClashes(tx: Tx, rows: StintJson[]) {
  const open = rows.filter((r) => r.left_at === null);
  if (open.length === 0) return [];
  const r = await sql<{ community_id: number; member_id: number }>`
    select m.community_id, m.member_id from community_memberships m
    join unnest(${open.map((o) => o.community_id)}::bigint[], ${open.map((o) => o.member_id)}::bigint[]) as o(community_id, member_id)
      on m.community_id = o.community_id and m.member_id = o.member_id
    where m.left_at is null`.execute(tx);
  return r.rows;
}

/** Puts stints back exactly as they were, ids included (delete the ids first). */
export async function insertStints(tx: Tx, rows: StintJson[]) {
  if (rows.length === 0) return;
  await sql`
    insert into community_memberships (id, community_id, member_id, role, join_source, invited_by_member_id, joined_at, left_at)
    overriding system value
    select * from unnest(
      ${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.community_id)}::bigint[], ${rows.map((r) => r.member_id)}::bigint[],
      ${rows.map((r) => r.role)}::text[], ${rows.map((r) => r.join_source)}::text[], ${rows.map((r) => r.invited_by_member_id)}::bigint[],
      ${rows.map((r) => r.joined_at)}::timestamptz[], ${rows.map((r) => r.left_at)}::timestamptz[])`.execute(tx);
}

// ───────────── community roles (owner / admin rows naming a member) ─────────────

/** The merged member's admin rows, and the survivor's rows in the same communities, locked. */
export async function adminRowsForMerge(tx: Tx, fromId: number, toId: number): Promise<AdminJson[]> {
  return tx
    .selectFrom('community_admins')
    .select(['id', 'community_id', 'staff_id', 'member_id', 'role'])
    .where('member_id', 'in', [fromId, toId])
    .where('community_id', 'in', (eb) =>
      eb.selectFrom('community_admins').select('community_id').where('member_id', '=', fromId),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function deleteAdminRows(tx: Tx, ids: number[]) {
  if (ids.length) await tx.deleteFrom('community_admins').where('id', 'in', ids).execute();
}

export async function setAdminRole(tx: Tx, id: number, role: string) {
  await tx.updateTable('community_admins').set({ role }).where('id', '=', id).execute();
}

export async function reassignAdminRows(tx: Tx, ids: number[], fromId: number, toId: number) {
  if (ids.length)
    await tx
      .updateTable('community_admins')
      .set({ member_id: toId })
      .where('id', 'in', ids)
      .where('member_id', '=', fromId)
      .execute();
}

/**
 * Puts admin rows back with their ids. A row that clashes with what operators set up since the
 * merge (the community got another owner, say) is left out: the later decision stands.
 */
export async function restoreAdminRows(tx: Tx, rows: AdminJson[]) {
  if (rows.length === 0) return;
  await deleteAdminRows(
    tx,
    rows.map((r) => r.id),
  );
  await sql`
    insert into community_admins (id, community_id, staff_id, member_id, role)
    overriding system value
    select * from unnest(${rows.map((r) => r.id)}::bigint[], ${rows.map((r) => r.community_id)}::bigint[],
      ${rows.map((r) => r.staff_id)}::bigint[], ${rows.map((r) => r.member_id)}::bigint[], ${rows.map((r) => r.role)}::text[])
    on conflict do nothing`.execute(tx);
}

// ───────────── export ─────────────

export async function exportMemberships(tx: Tx, memberId: number) {
  return tx
    .selectFrom('community_memberships as cm')
    .innerJoin('communities as c', 'c.id', 'cm.community_id')
    .select([
      'cm.community_id',
      'c.name as community_name',
      'c.channel',
      'cm.role',
      'cm.join_source',
      'cm.invited_by_member_id',
      'cm.joined_at',
      'cm.left_at',
    ])
    .where('cm.member_id', '=', memberId)
    .orderBy('cm.joined_at')
    .execute();
}

export async function exportAdminRoles(tx: Tx, memberId: number) {
  return tx
    .selectFrom('community_admins as a')
    .innerJoin('communities as c', 'c.id', 'a.community_id')
    .select(['a.community_id', 'c.name as community_name', 'a.role'])
    .where('a.member_id', '=', memberId)
    .orderBy('a.community_id')
    .execute();
}
