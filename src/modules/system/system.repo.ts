import { sql } from 'kysely';
import type { Tx } from '../../kernel/db/database.js';

/** The server's version and the size of Kith's database on disk. */
export async function databaseFacts(tx: Tx): Promise<{ version: string; sizeBytes: number }> {
  const r = await sql<{ version: string; size: string }>`
    select current_setting('server_version') as version, pg_database_size(current_database())::text as size`.execute(
    tx,
  );
  return { version: r.rows[0]!.version, sizeBytes: Number(r.rows[0]!.size) };
}

/** The latest `kith backup` and `kith restore`, from the audit log (both record themselves there). */
export async function lastOf(
  tx: Tx,
  action: 'database.backup' | 'database.restore',
): Promise<{ at: Date; by: string | null; after: unknown } | null> {
  const r = await tx
    .selectFrom('audit_log')
    .select(['occurred_at as at', 'actor_label as by', 'after'])
    .where('action', '=', action)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ?? null;
}
