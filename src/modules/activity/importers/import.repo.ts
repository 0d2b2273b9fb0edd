import { sql, type Insertable, type Updateable } from 'kysely';
import type { Tx } from '../../../kernel/db/database.js';
import type { ImportsTable } from '../../../kernel/db/tables.js';

/**
 * SQL of file imports: the import row (its status, counts, resume point and the process that owns
 * it) and the lines it refused. Writes that only the owning process may make carry `owner`.
 */

export async function findImport(tx: Tx, id: number) {
  return tx.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The import of this file with these options (options compared as canonical JSON text). */
export async function findImportOf(tx: Tx, kind: string, fileSha256: string, options: string) {
  return tx
    .selectFrom('imports')
    .selectAll()
    .where('kind', '=', kind)
    .where('file_sha256', '=', fileSha256)
    .where(sql`options::text`, '=', sql<string>`${options}::jsonb::text`)
    .executeTakeFirst();
}

/** A new import row, or nothing when another call inserted the same file and options first. */
export async function insertImport(tx: Tx, row: Insertable<ImportsTable>) {
  return tx
    .insertInto('imports')
    .values(row)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Takes an import over from `owner` (compare-and-set): whether this call won. */
export async function claimImport(
  tx: Tx,
  id: number,
  owner: string | null,
  set: Updateable<ImportsTable>,
): Promise<boolean> {
  const r = await tx
    .updateTable('imports')
    .set(set)
    .where('id', '=', id)
    .where((eb) => (owner === null ? eb('owner', 'is', null) : eb('owner', '=', owner)))
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

/** Updates an import only while `owner` holds it; whether it did. */
export async function updateOwnedImport(
  tx: Tx,
  id: number,
  owner: string,
  set: Updateable<ImportsTable>,
): Promise<boolean> {
  const r = await tx
    .updateTable('imports')
    .set(set)
    .where('id', '=', id)
    .where('owner', '=', owner)
    .returning('id')
    .executeTakeFirst();
  return !!r;
}

export async function processedRows(tx: Tx, id: number): Promise<number> {
  return (await tx.selectFrom('imports').select('processed_rows').where('id', '=', id).executeTakeFirstOrThrow())
    .processed_rows;
}

/** The import's resume point and owner, locked for the chunk about to commit. */
export async function lockImportProgress(tx: Tx, id: number) {
  return tx
    .selectFrom('imports')
    .select(['processed_rows', 'owner', 'status'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirstOrThrow();
}

export async function insertRejections(
  tx: Tx,
  id: number,
  rejected: { line: number; reason: string; problems?: unknown[] }[],
) {
  await tx
    .insertInto('import_rejections')
    .values(
      rejected.map((x) => ({
        import_id: id,
        line: x.line,
        reason: x.reason.slice(0, 1000),
        problems: x.problems ? JSON.stringify(x.problems) : null,
      })),
    )
    .onConflict((oc) => oc.columns(['import_id', 'line']).doNothing())
    .execute();
}

/** A chunk's counts added and the resume point moved, with the owner's heartbeat. */
export async function addChunkCounts(
  tx: Tx,
  id: number,
  c: {
    processed: number;
    created: number;
    updated: number;
    duplicate: number;
    rejected: number;
    skipped: number;
    heartbeatAt: Date;
  },
) {
  await tx
    .updateTable('imports')
    .set((eb) => ({
      processed_rows: c.processed,
      created_rows: eb('created_rows', '+', c.created),
      updated_rows: eb('updated_rows', '+', c.updated),
      duplicate_rows: eb('duplicate_rows', '+', c.duplicate),
      rejected_rows: eb('rejected_rows', '+', c.rejected),
      skipped_rows: eb('skipped_rows', '+', c.skipped),
      heartbeat_at: c.heartbeatAt,
    }))
    .where('id', '=', id)
    .execute();
}

/**
 * A large import changes the shape of the tables; fresh statistics now keep the next queries'
 * plans right, without waiting for autovacuum to notice.
 */
export async function analyzeImportedTables(tx: Tx) {
  await sql`analyze members, member_identities, activities, orders, community_memberships`.execute(tx);
}

export async function runningImports(tx: Tx) {
  return tx.selectFrom('imports').selectAll().where('status', '=', 'running').execute();
}

/** Uploads that running imports still need. */
export async function neededUploads(tx: Tx): Promise<string[]> {
  const rows = await tx
    .selectFrom('imports')
    .select('upload_path')
    .where('status', '=', 'running')
    .where('upload_path', 'is not', null)
    .execute();
  return rows.map((r) => r.upload_path!);
}

export async function latestImportIds(tx: Tx, limit: number): Promise<number[]> {
  return (await tx.selectFrom('imports').select('id').orderBy('id', 'desc').limit(limit).execute()).map((r) => r.id);
}

/** Refused lines in file order (`limit`: the first ones, for a report). */
export async function rejectionsOf(tx: Tx, id: number, limit?: number) {
  let q = tx
    .selectFrom('import_rejections')
    .select(['line', 'reason', 'problems'])
    .where('import_id', '=', id)
    .orderBy('line');
  if (limit !== undefined) q = q.limit(limit);
  return q.execute();
}
