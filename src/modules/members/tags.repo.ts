import { sql, type RawBuilder } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';
import type { Scope } from './members.repo.js';
import type { AttributeDefinition } from './domain/attribute-rules.js';

/** SQL for tags, tagging in bulk, and custom attribute definitions. */
export interface TagRow {
  id: number;
  name: string;
  color: string;
  created_at: Date;
}

export async function listTags(tx: Tx, scope: Scope): Promise<(TagRow & { member_count: number })[]> {
  // Merges move tags and erasure removes them, so member_tags only holds live members. A community
  // manager's counts are driven from their communities: the numbers must match what their list shows.
  const counts =
    scope === null
      ? sql`select tag_id, count(*) as n from member_tags group by tag_id`
      : sql`select mt.tag_id, count(distinct mt.member_id) as n from community_memberships cm
          join member_tags mt on mt.member_id = cm.member_id
          where cm.community_id = any(${scope}::bigint[]) group by mt.tag_id`;
  const r = await sql<TagRow & { member_count: number }>`
    select t.id, t.name, t.color, t.created_at, coalesce(c.n, 0) as member_count
    from tags t left join (${counts}) c on c.tag_id = t.id
    order by lower(t.name), t.id`.execute(tx);
  return r.rows.map((x) => ({ ...x, member_count: Number(x.member_count) }));
}

export async function findTag(tx: Tx, id: number): Promise<TagRow | undefined> {
  return tx.selectFrom('tags').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findTagByName(tx: Tx, name: string): Promise<TagRow | undefined> {
  return tx
    .selectFrom('tags')
    .selectAll()
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
}

export async function missingTags(tx: Tx, ids: number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  const rows = await tx.selectFrom('tags').select('id').where('id', 'in', ids).execute();
  const found = new Set(rows.map((r) => r.id));
  return [...new Set(ids)].filter((id) => !found.has(id));
}

export async function insertTag(tx: Tx, v: { name: string; color: string; created_at: Date }): Promise<TagRow> {
  return tx.insertInto('tags').values(v).returningAll().executeTakeFirstOrThrow();
}

export async function updateTag(tx: Tx, id: number, v: { name: string; color: string }): Promise<TagRow> {
  return tx.updateTable('tags').set(v).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

/** Deletes a tag (its member_tags rows go with it); returns how many members carried it. */
export async function deleteTag(tx: Tx, id: number): Promise<number> {
  const n = await tx
    .selectFrom('member_tags')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tag_id', '=', id)
    .executeTakeFirstOrThrow();
  await tx.deleteFrom('tags').where('id', '=', id).execute();
  return Number(n.n);
}

/** Adds tags to every matching member in one statement; returns the rows actually added. */
export async function bulkAddTags(
  tx: Tx,
  targets: RawBuilder<{ id: number }>,
  tagIds: number[],
  at: Date,
): Promise<number> {
  if (tagIds.length === 0) return 0;
  const r = await sql`
    insert into member_tags (member_id, tag_id, created_at)
    select t.id, a.tag_id, ${at}::timestamptz from (${targets}) t cross join unnest(${tagIds}::bigint[]) as a(tag_id)
    on conflict do nothing`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

export async function bulkRemoveTags(tx: Tx, targets: RawBuilder<{ id: number }>, tagIds: number[]): Promise<number> {
  if (tagIds.length === 0) return 0;
  const r = await sql`
    delete from member_tags mt where mt.tag_id = any(${tagIds}::bigint[]) and mt.member_id in (${targets})`.execute(tx);
  return Number(r.numAffectedRows ?? 0);
}

// ───────────── attribute definitions ─────────────

const asDefinition = (r: {
  key: string;
  label: string;
  type: string;
  options: unknown;
  required: boolean;
  created_at: Date;
}) => ({
  key: r.key,
  label: r.label,
  type: r.type as AttributeDefinition['type'],
  options: (r.options ?? []) as string[],
  required: r.required,
  created_at: r.created_at,
});
export type DefinitionRow = ReturnType<typeof asDefinition>;

export async function listDefinitions(tx: Tx): Promise<DefinitionRow[]> {
  return (await tx.selectFrom('attribute_definitions').selectAll().orderBy('created_at').orderBy('key').execute()).map(
    asDefinition,
  );
}

export async function findDefinition(tx: Tx, key: string): Promise<DefinitionRow | undefined> {
  const r = await tx.selectFrom('attribute_definitions').selectAll().where('key', '=', key).executeTakeFirst();
  return r && asDefinition(r);
}

export async function insertDefinition(tx: Tx, d: AttributeDefinition & { created_at: Date }): Promise<DefinitionRow> {
  return asDefinition(
    await tx
      .insertInto('attribute_definitions')
      .values({ ...d, options: JSON.stringify(d.options) })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

export async function updateDefinition(
  tx: Tx,
  key: string,
  d: { label: string; options: string[]; required: boolean },
): Promise<DefinitionRow> {
  return asDefinition(
    await tx
      .updateTable('attribute_definitions')
      .set({ ...d, options: JSON.stringify(d.options) })
      .where('key', '=', key)
      .returningAll()
      .executeTakeFirstOrThrow(),
  );
}

/** Removes a definition and the values members held for it; returns how many members had one. */
export async function deleteDefinition(tx: Tx, key: string, at: Date): Promise<number> {
  const r =
    await sql`update members set attributes = attributes - ${key}, updated_at = ${at} where attributes ? ${key}`.execute(
      tx,
    );
  await tx.deleteFrom('attribute_definitions').where('key', '=', key).execute();
  return Number(r.numAffectedRows ?? 0);
}
