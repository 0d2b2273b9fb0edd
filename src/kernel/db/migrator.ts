import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { packageRoot } from '../paths.js';
import type { Database } from './database.js';

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

export function readMigrations(dir = path.join(packageRoot, 'db', 'migrations')): MigrationFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      return { name, sql: text, checksum: crypto.createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Applies pending migrations in order, each in its own transaction together with its record.
 * A migration that was applied and then edited is refused: the database would no longer match
 * the files, and the fix is always a new migration.
 */
export async function migrate(database: Database, files = readMigrations()): Promise<{ applied: string[] }> {
  await sql`create table if not exists kith_migrations (
    name text primary key,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`.execute(database.db);

  const applied: string[] = [];
  for (const file of files) {
    const done = await database.transaction(async (tx) => {
      // One migrator at a time across copies of Kith sharing a PostgreSQL.
      await sql`select pg_advisory_xact_lock(4242001)`.execute(tx);
      const row = await tx
        .selectFrom('kith_migrations')
        .select(['checksum'])
        .where('name', '=', file.name)
        .executeTakeFirst();
      if (row) {
        if (row.checksum !== file.checksum) {
          throw new MigrationError(
            `Migration ${file.name} was changed after it was applied (applied checksum ${row.checksum.slice(0, 12)}…, file now ${file.checksum.slice(0, 12)}…). ` +
              'Applied migrations must never be edited: restore the file and put the change in a new migration.',
          );
        }
        return false;
      }
      await sql.raw(file.sql).execute(tx);
      await tx.insertInto('kith_migrations').values({ name: file.name, checksum: file.checksum }).execute();
      return true;
    });
    if (done) applied.push(file.name);
  }
  // Files recorded as applied but missing here mean this build is older than the database.
  const names = new Set(files.map((f) => f.name));
  const recorded = await database.db.selectFrom('kith_migrations').select('name').execute();
  const unknown = recorded.filter((r) => !names.has(r.name)).map((r) => r.name);
  if (unknown.length) {
    throw new MigrationError(
      `The database has migrations this version of Kith does not know: ${unknown.join(', ')}. Run a newer Kith.`,
    );
  }
  return { applied };
}
