import { sql } from 'kysely';
import type { TestKith } from '../harness.js';

/**
 * Tables that change on reads by design: a session's or key's last use, failed logins. Every
 * other table must be exactly as it was after a refused request.
 */
const TOUCHED_BY_READS = new Set([
  'staff_sessions',
  'api_keys',
  'login_failures',
  'member_sessions',
  'schema_migrations',
]);

/** A digest of every row of every table, by table name: equal digests mean nothing was written. */
export async function tableFingerprint(kith: TestKith): Promise<Record<string, string>> {
  const db = kith.database.db;
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`.execute(db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    if (TOUCHED_BY_READS.has(name)) continue;
    const r = await sql<{ digest: string | null; n: number }>`
      select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest, count(*)::int as n from ${sql.table(name)} x`.execute(
      db,
    );
    out[name] = `${r.rows[0]!.n}:${r.rows[0]!.digest}`;
  }
  return out;
}
