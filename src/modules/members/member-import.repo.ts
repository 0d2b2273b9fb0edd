import { sql, type Insertable, type Updateable } from 'kysely';
import { pinyinKeys } from './domain/pinyin.js';
import { refreshPinyin } from './members.repo.js';
import type { Tx } from '../../kernel/db/database.js';
import type { MembersTable } from '../../kernel/db/tables.js';

/** SQL of member imports: matching people again, writing profiles, identities and tags in sets. */

/** The members owning these channel accounts. */
export async function identityOwners(tx: Tx, ids: { channel: string; externalId: string }[]) {
  const r = await sql<{ channel: string; external_id: string; member_id: number }>`
      select i.channel, i.external_id, i.member_id from member_identities i
      join unnest(${ids.map((i) => i.channel)}::text[], ${ids.map((i) => i.externalId)}::text[]) q(channel, external_id)
        on i.channel = q.channel and i.external_id = q.external_id`.execute(tx);
  return r.rows;
}

/** The oldest live member with each phone. */
export async function liveMembersByPhone(tx: Tx, phones: string[]) {
  const r = await sql<{ phone: string; id: number }>`
      select distinct on (phone) phone, id from members
      where phone = any(${phones}::text[]) and merged_into is null and erased_at is null order by phone, id`.execute(
    tx,
  );
  return r.rows;
}

/** The oldest live member with each email (lower case). */
export async function liveMembersByEmail(tx: Tx, emails: string[]) {
  const r = await sql<{ email: string; id: number }>`
      select distinct on (lower(email)) lower(email) as email, id from members
      where lower(email) = any(${emails}::text[]) and merged_into is null and erased_at is null order by lower(email), id`.execute(
    tx,
  );
  return r.rows;
}

/** New members in the order given; their ids in that order. */
export async function insertMemberRows(tx: Tx, rows: Insertable<MembersTable>[]): Promise<number[]> {
  const inserted = await tx
    .insertInto('members')
    .values(rows.map((r) => ({ ...r, name_pinyin: pinyinKeys(r.name, r.nickname) })))
    .returning('id')
    .execute();
  return inserted.map((x) => x.id);
}

export async function membersByIds(tx: Tx, ids: number[]) {
  return tx.selectFrom('members').selectAll().where('id', 'in', ids).execute();
}

export async function patchMember(tx: Tx, id: number, patch: Updateable<MembersTable>) {
  const row = await tx
    .updateTable('members')
    .set(patch)
    .where('id', '=', id)
    .returning(['id', 'name', 'nickname'])
    .executeTakeFirstOrThrow();
  if ('name' in patch || 'nickname' in patch) await refreshPinyin(tx, [row]);
}

/** Channel accounts for members; those already taken are skipped. The ones added. */
export async function addIdentities(
  tx: Tx,
  rows: { member_id: number; channel: string; external_id: string; display_name?: string | null }[],
) {
  return tx
    .insertInto('member_identities')
    .values(rows)
    .onConflict((oc) => oc.columns(['channel', 'external_id']).doNothing())
    .returning(['channel', 'external_id'])
    .execute();
}

/** The tags of these names, created when missing (names match case-insensitively): lower(name) → id. */
/** Of these tag names, the ones no tag has yet (case ignored). */
export async function unknownTagNames(tx: Tx, names: string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const found = await tx
    .selectFrom('tags')
    .select(sql<string>`lower(name)`.as('key'))
    .where(
      sql`lower(name)`,
      'in',
      names.map((n) => n.toLowerCase()),
    )
    .execute();
  const known = new Set(found.map((f) => f.key));
  return names.filter((n) => !known.has(n.toLowerCase()));
}

export async function ensureTags(tx: Tx, names: string[]): Promise<Map<string, number>> {
  await tx
    .insertInto('tags')
    .values(names.map((name) => ({ name })))
    .onConflict((oc) => oc.expression(sql`lower(name)`).doNothing())
    .execute();
  const tagRows = await tx
    .selectFrom('tags')
    .select(['id', 'name'])
    .where(
      sql`lower(name)`,
      'in',
      names.map((n) => n.toLowerCase()),
    )
    .execute();
  return new Map(tagRows.map((t) => [t.name.toLowerCase(), t.id]));
}

/** Tags members; links that exist already are skipped. The ones added. */
export async function linkTags(tx: Tx, links: { member_id: number; tag_id: number }[]) {
  return tx
    .insertInto('member_tags')
    .values(links)
    .onConflict((oc) => oc.columns(['member_id', 'tag_id']).doNothing())
    .returning(['member_id', 'tag_id'])
    .execute();
}

/** Gives names to members who have none (a buyer's name from an order file only fills a gap). */
export async function nameUnnamed(tx: Tx, named: { id: number; name: string }[]) {
  const r = await sql<{ id: number; name: string | null; nickname: string | null }>`
    update members m set name = q.name from unnest(${named.map((n) => n.id)}::bigint[], ${named.map((n) => n.name)}::text[]) q(id, name)
      where m.id = q.id and m.name is null returning m.id, m.name, m.nickname`.execute(tx);
  await refreshPinyin(tx, r.rows);
}
