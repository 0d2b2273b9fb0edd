import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import type { MemberDataParticipant } from './participants.js';

/**
 * The members module's own part of a merge, export and erasure: a member's identities and tags.
 * Other modules (memberships, activities, orders…) register their own participants.
 */
interface MembersMoveSnapshot {
  /** Identities that moved to the survivor. */
  identityIds: number[];
  /** The merged member's tags as they were, to put back on undo. */
  mergedTags: { tagId: number; createdAt: string }[];
  /** Tags the survivor gained from the merge (it did not carry them before). */
  addedToSurvivor: number[];
}

export const membersParticipant: MemberDataParticipant = {
  name: 'members',

  async move(tx: Tx, fromId: number, toId: number): Promise<MembersMoveSnapshot> {
    const moved = await sql<{ id: number }>`
      update member_identities set member_id = ${toId} where member_id = ${fromId} returning id`.execute(tx);
    const tags = await sql<{ tag_id: number; created_at: string }>`
      select tag_id, to_jsonb(created_at) #>> '{}' as created_at from member_tags where member_id = ${fromId} order by tag_id`.execute(
      tx,
    );
    const added = await sql<{ tag_id: number }>`
      insert into member_tags (member_id, tag_id, created_at)
      select ${toId}, tag_id, created_at from member_tags where member_id = ${fromId}
      on conflict do nothing returning tag_id`.execute(tx);
    await sql`delete from member_tags where member_id = ${fromId}`.execute(tx);
    return {
      identityIds: moved.rows.map((r) => r.id).sort((a, b) => a - b),
      mergedTags: tags.rows.map((r) => ({ tagId: r.tag_id, createdAt: r.created_at })),
      addedToSurvivor: added.rows.map((r) => r.tag_id).sort((a, b) => a - b),
    };
  },

  async undoMove(tx: Tx, snapshot: unknown, fromId: number, toId: number): Promise<void> {
    const s = snapshot as MembersMoveSnapshot;
    await sql`update member_identities set member_id = ${fromId} where id = any(${s.identityIds}::bigint[]) and member_id = ${toId}`.execute(
      tx,
    );
    await sql`delete from member_tags where member_id = ${toId} and tag_id = any(${s.addedToSurvivor}::bigint[])`.execute(
      tx,
    );
    // Tags deleted since the merge cannot come back; the join skips them.
    await sql`
      insert into member_tags (member_id, tag_id, created_at)
      select ${fromId}, t.id, q.created_at from unnest(${s.mergedTags.map((t) => t.tagId)}::bigint[], ${s.mergedTags.map((t) => t.createdAt)}::timestamptz[]) as q(tag_id, created_at)
      join tags t on t.id = q.tag_id
      on conflict do nothing`.execute(tx);
  },

  async exportData(tx: Tx, memberId: number) {
    const identities = await tx
      .selectFrom('member_identities')
      .select(['channel', 'external_id', 'display_name', 'created_at'])
      .where('member_id', '=', memberId)
      .orderBy('id')
      .execute();
    const tags = await tx
      .selectFrom('member_tags as mt')
      .innerJoin('tags as t', 't.id', 'mt.tag_id')
      .select(['t.name', 'mt.created_at'])
      .where('mt.member_id', '=', memberId)
      .orderBy('t.name')
      .execute();
    return {
      identities: identities.map((i) => ({
        channel: i.channel,
        externalId: i.external_id,
        displayName: i.display_name,
        createdAt: i.created_at.toISOString(),
      })),
      tags: tags.map((t) => ({ name: t.name, taggedAt: t.created_at.toISOString() })),
    };
  },

  async erase(tx: Tx, memberId: number): Promise<void> {
    // A random token, not a hash: a hash of a phone number or QQ number could be reversed by trying them all.
    await sql`
      update member_identities set external_id = 'erased-' || gen_random_uuid(), display_name = null
      where member_id = ${memberId} and external_id not like 'erased-%'`.execute(tx);
    await sql`delete from member_tags where member_id = ${memberId}`.execute(tx);
  },
};
