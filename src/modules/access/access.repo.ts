import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';

/** The only place SQL for staff, sessions, API keys and the audit log lives. */
export const staffColumns = [
  'id',
  'email',
  'name',
  'role',
  'disabled_at',
  'created_at',
  'updated_at',
  'password_changed_at',
] as const;

export async function findStaffByEmail(db: Tx, email: string) {
  return db
    .selectFrom('staff_users')
    .selectAll()
    .where(sql`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

export async function findStaff(db: Tx, id: number) {
  return db.selectFrom('staff_users').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * A session with its staff member (and a community manager's communities) in one statement: every
 * signed-in request starts here, so it costs one round trip.
 */
export async function sessionWithStaff(db: Tx, id: string) {
  return db
    .selectFrom('staff_sessions as s')
    .innerJoin('staff_users as u', 'u.id', 's.staff_id')
    .select(['s.staff_id', 's.expires_at', 's.last_seen_at', 'u.email', 'u.role', 'u.disabled_at'])
    .select(
      sql<number[] | null>`case when u.role = 'community_manager'
      then array(select a.community_id::int from staff_community_assignments a where a.staff_id = u.id order by a.community_id) end`.as(
        'community_ids',
      ),
    )
    .where('s.id', '=', id)
    .executeTakeFirst();
}

export async function staffCommunityIds(db: Tx, staffId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('staff_community_assignments')
    .select('community_id')
    .where('staff_id', '=', staffId)
    .orderBy('community_id')
    .execute();
  return rows.map((r) => r.community_id);
}

export async function setStaffCommunities(db: Tx, staffId: number, communityIds: number[]) {
  await db.deleteFrom('staff_community_assignments').where('staff_id', '=', staffId).execute();
  if (communityIds.length) {
    await db
      .insertInto('staff_community_assignments')
      .values(communityIds.map((community_id) => ({ staff_id: staffId, community_id })))
      .execute();
  }
}

export async function listStaff(db: Tx) {
  const rows = await db.selectFrom('staff_users').select(staffColumns).orderBy('id').execute();
  const assignments = await db.selectFrom('staff_community_assignments').selectAll().execute();
  return rows.map((r) => ({
    ...r,
    community_ids: assignments.filter((a) => a.staff_id === r.id).map((a) => a.community_id),
  }));
}

export async function countActiveOwners(db: Tx): Promise<number> {
  const r = await db
    .selectFrom('staff_users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('role', '=', 'owner')
    .where('disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Advisory locks are one namespace per database: this first key keeps ours apart from others'. */
const LOGIN_LOCK_SPACE = 0x4b495448; // 'KITH'

/**
 * Counts one attempt against `key` unless it already holds `max` within the window, and answers the
 * new row's id, or null when the key is at its limit. Check and count are one step, serialised per
 * key by a transaction-level advisory lock, so parallel attempts — from this process or from other
 * Kith processes on the same PostgreSQL — cannot all pass the check before any of them is counted.
 * Run inside a transaction: the lock is held until it commits.
 */
export async function reserveLoginAttempt(
  tx: Tx,
  key: string,
  since: Date,
  max: number,
  now: Date,
): Promise<number | null> {
  await sql`select pg_advisory_xact_lock(${LOGIN_LOCK_SPACE}, hashtext(${key}))`.execute(tx);
  const r = await tx
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('failed_at', '>', since)
    .executeTakeFirstOrThrow();
  if (Number(r.n) >= max) return null;
  const row = await tx
    .insertInto('login_failures')
    .values({ key, failed_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(row.id);
}

/** Takes back an attempt that turned out not to be a guess (a refused form, a setup already done). */
export async function releaseLoginAttempt(db: Tx, id: number) {
  await db.deleteFrom('login_failures').where('id', '=', id).execute();
}

export async function anyStaff(db: Tx): Promise<boolean> {
  return !!(await db.selectFrom('staff_users').select('id').limit(1).executeTakeFirst());
}

/** Stores the first-run setup token's hash, replacing any earlier one (the table holds one row). */
export async function saveSetupToken(db: Tx, tokenHash: string, createdAt: Date, expiresAt: Date) {
  await db
    .insertInto('setup_tokens')
    .values({ singleton: true, token_hash: tokenHash, created_at: createdAt, expires_at: expiresAt })
    .onConflict((oc) =>
      oc.column('singleton').doUpdateSet({ token_hash: tokenHash, created_at: createdAt, expires_at: expiresAt }),
    )
    .execute();
}

/**
 * Deletes the setup token when the hash matches and it has not expired; true when it did. Deleting
 * the row locks it, so of two setups holding the same token the second waits for the first and then
 * finds nothing to delete.
 */
export async function takeSetupToken(tx: Tx, tokenHash: string, now: Date): Promise<boolean> {
  const r = await tx
    .deleteFrom('setup_tokens')
    .where('token_hash', '=', tokenHash)
    .where('expires_at', '>', now)
    .returning('singleton')
    .executeTakeFirst();
  return !!r;
}

export async function communitiesExist(db: Tx, ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const rows = await db.selectFrom('communities').select('id').where('id', 'in', ids).execute();
  const found = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !found.has(id));
}

/** One key and the keys above it that made it, nearest first, with each one's creating person. */
export interface KeyChainRow {
  id: number;
  name: string;
  prefix: string;
  scopes: string[];
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_by: number | null;
  created_by_key: number | null;
  creator_role: string | null;
  creator_disabled_at: Date | null;
  depth: number;
}

export async function keyChainByHash(db: Tx, keyHash: string): Promise<KeyChainRow[]> {
  const r = await sql<KeyChainRow>`
    with recursive chain as (
      select k.id, k.name, k.prefix, k.scopes, k.revoked_at, k.last_used_at, k.created_by, k.created_by_key, 0 as depth
      from api_keys k where k.key_hash = ${keyHash}
      union all
      select p.id, p.name, p.prefix, p.scopes, p.revoked_at, p.last_used_at, p.created_by, p.created_by_key, c.depth + 1
      from api_keys p join chain c on p.id = c.created_by_key
      where c.depth < 32
    )
    select chain.*, s.role as creator_role, s.disabled_at as creator_disabled_at
    from chain left join staff_users s on s.id = chain.created_by
    order by depth`.execute(db);
  return r.rows;
}

/** Every key with the name of the person who made it (the whole table: a workspace has few keys). */
export async function listKeys(db: Tx) {
  return db
    .selectFrom('api_keys as k')
    .leftJoin('staff_users as s', 's.id', 'k.created_by')
    .select([
      'k.id',
      'k.name',
      'k.prefix',
      'k.scopes',
      'k.created_at',
      'k.last_used_at',
      'k.revoked_at',
      'k.created_by',
      'k.created_by_key',
      's.name as creator_name',
      's.email as creator_email',
      's.role as creator_role',
      's.disabled_at as creator_disabled_at',
    ])
    .orderBy('k.id')
    .execute();
}

export async function insertStaffRow(
  tx: Tx,
  row: { email: string; name: string; role: string; password_hash: string },
) {
  return tx.insertInto('staff_users').values(row).returning(staffColumns).executeTakeFirstOrThrow();
}

export async function updateStaffRow(
  tx: Tx,
  id: number,
  set: { name: string; role: string; disabled_at: Date | null; updated_at: Date },
) {
  return tx.updateTable('staff_users').set(set).where('id', '=', id).returning(staffColumns).executeTakeFirstOrThrow();
}

export async function setPassword(tx: Tx, staffId: number, passwordHash: string, now: Date) {
  await tx
    .updateTable('staff_users')
    .set({ password_hash: passwordHash, password_changed_at: now, updated_at: now })
    .where('id', '=', staffId)
    .execute();
}

export async function insertSession(
  tx: Tx,
  row: {
    id: string;
    staff_id: number;
    created_at: Date;
    last_seen_at: Date;
    expires_at: Date;
    ip: string;
    user_agent: string | null;
  },
) {
  await tx.insertInto('staff_sessions').values(row).execute();
}

/** Slides a session's expiry forward while it is in use. */
export async function touchSession(tx: Tx, id: string, now: Date, expiresAt: Date) {
  await tx
    .updateTable('staff_sessions')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('id', '=', id)
    .execute();
}

/** Ends one session; whether there was one. */
export async function deleteSession(tx: Tx, id: string): Promise<boolean> {
  const r = await tx.deleteFrom('staff_sessions').where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Ends a staff member's sessions, but the one `exceptId` names. */
export async function deleteSessionsOf(tx: Tx, staffId: number, exceptId?: string) {
  let q = tx.deleteFrom('staff_sessions').where('staff_id', '=', staffId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  await q.execute();
}

/** A success clears the failed attempts counted against the key. */
export async function clearLoginFailures(tx: Tx, key: string) {
  await tx.deleteFrom('login_failures').where('key', '=', key).execute();
}

export async function insertApiKey(
  tx: Tx,
  row: {
    name: string;
    prefix: string;
    key_hash: string;
    scopes: string[];
    created_by: number | null;
    created_by_key: number | null;
  },
): Promise<number> {
  return (await tx.insertInto('api_keys').values(row).returning(['id']).executeTakeFirstOrThrow()).id;
}

export async function findApiKey(tx: Tx, id: number) {
  return tx.selectFrom('api_keys').select(['id', 'name', 'revoked_at']).where('id', '=', id).executeTakeFirst();
}

export async function revokeApiKey(tx: Tx, id: number, now: Date) {
  await tx.updateTable('api_keys').set({ revoked_at: now }).where('id', '=', id).execute();
}

export async function touchApiKey(tx: Tx, id: number, now: Date) {
  await tx.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', id).execute();
}
