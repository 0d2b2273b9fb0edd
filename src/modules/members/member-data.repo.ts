import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';

/** SQL for moving, restoring, exporting and erasing a member's identities and tags. */

export async function moveIdentities(tx: Tx, fromId: number, toId: number): Promise<number[]> {
  const moved = await sql<{ id: number }>`
      update member_identities set member_id = ${toId} where member_id = ${fromId} returning id`.execute(tx);
  return moved.rows.map((r) => r.id);
}

/** The member's tags with when they were given (as exact text, to restore them unchanged). */
export async function tagsWithTimes(tx: Tx, memberId: number) {
  const tags = await sql<{ tag_id: number; created_at: string }>`
      select tag_id, to_jsonb(created_at) #>> '{}' as created_at from member_tags where member_id = ${memberId} order by tag_id`.execute(
    tx,
  );
  return tags.rows;
}

/** Copies `fromId`'s tags to `toId` (keeping when they were given); the tags `toId` gained. */
export async function copyTags(tx: Tx, fromId: number, toId: number): Promise<number[]> {
  const added = await sql<{ tag_id: number }>`
      insert into member_tags (member_id, tag_id, created_at)
      select ${toId}, tag_id, created_at from member_tags where member_id = ${fromId}
      on conflict do nothing returning tag_id`.execute(tx);
  return added.rows.map((r) => r.tag_id);
}

export async function deleteTagsOf(tx: Tx, memberId: number, tagIds?: number[]) {
  if (tagIds === undefined) await sql`delete from member_tags where member_id = ${memberId}`.execute(tx);
  else
    await sql`delete from member_tags where member_id = ${memberId} and tag_id = any(${tagIds}::bigint[])`.execute(tx);
}

export async function returnIdentities(tx: Tx, identityIds: number[], fromId: number, toId: number) {
  await sql`update member_identities set member_id = ${fromId} where id = any(${identityIds}::bigint[]) and member_id = ${toId}`.execute(
    tx,
  );
}

/** Puts tags back as they were; tags deleted since cannot come back, and the join skips them. */
export async function restoreTags(tx: Tx, memberId: number, tags: { tagId: number; createdAt: string }[]) {
  await sql`
      insert into member_tags (member_id, tag_id, created_at)
      select ${memberId}, t.id, q.created_at from unnest(${tags.map((t) => t.tagId)}::bigint[], ${tags.map((t) => t.createdAt)}::timestamptz[]) as q(tag_id, created_at)
      join tags t on t.id = q.tag_id
      on conflict do nothing`.execute(tx);
}

export async function identitiesOf(tx: Tx, memberId: number) {
  return tx
    .selectFrom('member_identities')
    .select(['channel', 'external_id', 'display_name', 'created_at'])
    .where('member_id', '=', memberId)
    .orderBy('id')
    .execute();
}

export async function tagNamesOf(tx: Tx, memberId: number) {
  return tx
    .selectFrom('member_tags as mt')
    .innerJoin('tags as t', 't.id', 'mt.tag_id')
    .select(['t.name', 'mt.created_at'])
    .where('mt.member_id', '=', memberId)
    .orderBy('t.name')
    .execute();
}

/** A random token, not a hash: a hash of a phone number or QQ number could be reversed by trying them all. */
export async function anonymiseIdentities(tx: Tx, memberId: number) {
  await sql`
      update member_identities set external_id = 'erased-' || gen_random_uuid(), display_name = null
      where member_id = ${memberId} and external_id not like 'erased-%'`.execute(tx);
}
