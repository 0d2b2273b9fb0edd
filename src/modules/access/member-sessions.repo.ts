import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';

/** SQL of member-centre sign-in: tokens are stored by their hash only. */

/** Whether the member exists and is live (merged-away and erased members cannot sign in). */
export async function memberStanding(tx: Tx, memberId: number) {
  return tx
    .selectFrom('members')
    .select(['id', 'merged_into', 'erased_at'])
    .where('id', '=', memberId)
    .executeTakeFirst();
}

export async function insertMemberSession(
  tx: Tx,
  row: { tokenHash: string; memberId: number; createdBy: string; expiresAt: Date },
) {
  await tx
    .insertInto('member_sessions')
    .values({ id: row.tokenHash, member_id: row.memberId, created_by: row.createdBy, expires_at: row.expiresAt })
    .execute();
}

/** The session of a token hash with its member's standing, in one statement. */
export async function memberSessionByHash(tx: Tx, tokenHash: string) {
  const r = await sql<{ member_id: number; expires_at: Date; merged_into: number | null; erased_at: Date | null }>`
      select s.member_id, s.expires_at, m.merged_into, m.erased_at from member_sessions s join members m on m.id = s.member_id
      where s.id = ${tokenHash}`.execute(tx);
  return r.rows[0];
}

export async function deleteMemberSessions(tx: Tx, memberId: number): Promise<number> {
  const r = await tx.deleteFrom('member_sessions').where('member_id', '=', memberId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
