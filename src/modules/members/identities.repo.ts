import { sql } from 'kysely';
import { pinyinKeys } from './domain/pinyin.js';
import type { Tx } from '../../kernel/db/database.js';

/** SQL of identity resolution: finding, creating and adopting members by (channel, external id). */

/** The members behind identities given as JSON `[{c: channel, e: external id}]`. */
export async function findIdentities(tx: Tx, wanted: string) {
  const found = await sql<{ channel: string; external_id: string; member_id: number }>`
    select i.channel, i.external_id, i.member_id
    from json_to_recordset(${wanted}::json) as q(c text, e text)
    join member_identities i on i.channel = q.c and i.external_id = q.e`.execute(tx);
  return found.rows;
}

/** One member per nickname, in order; each new id with its 1-based position. */
export async function insertWalkInMembers(tx: Tx, nicknames: (string | null)[], source: string) {
  const created = await sql<{ id: number; ord: number }>`
    with n as (
      select nickname, keys, ord from unnest(${nicknames}::text[], ${nicknames.map((n) => `{${pinyinKeys(null, n).join(',')}}`)}::text[])
        with ordinality as t(nickname, keys, ord)
    ), ins as (
      insert into members (nickname, source, name_pinyin)
      select nickname, ${source}, keys::text[] from n order by ord
      returning id
    )
    select id, row_number() over (order by id) as ord from ins`.execute(tx);
  return created.rows;
}

/** The identities for the new members, paired by position; those another caller created first are skipped. */
export async function insertIdentities(
  tx: Tx,
  memberIds: number[],
  refs: { channel: string; externalId: string; displayName?: string | null }[],
) {
  const inserted = await sql<{ channel: string; external_id: string; member_id: number }>`
    insert into member_identities (member_id, channel, external_id, display_name)
    select m, c, e, d from unnest(${memberIds}::bigint[], ${refs.map((r) => r.channel)}::text[], ${refs.map((r) => r.externalId)}::text[], ${refs.map((r) => r.displayName ?? null)}::text[]) with ordinality as t(m, c, e, d, ord)
    order by ord
    on conflict (channel, external_id) do nothing
    returning channel, external_id, member_id`.execute(tx);
  return inserted.rows;
}

/** Members created for identities another caller won: never seen by anyone, removed. */
export async function deleteSpareMembers(tx: Tx, ids: number[]) {
  await sql`delete from members where id = any(${ids}::bigint[])`.execute(tx);
}

export async function moveLastActiveForward(tx: Tx, ids: number[], ats: string[]) {
  await sql`
    update members m set last_active_at = q.at
    from unnest(${ids}::bigint[], ${ats}::timestamptz[]) as q(id, at)
    where m.id = q.id and (m.last_active_at is null or m.last_active_at < q.at)`.execute(tx);
}
