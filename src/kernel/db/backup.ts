import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { migrate, readMigrations, type MigrationFile } from './migrator.js';
import { openDatabase } from './database.js';

/**
 * `kith backup` and `kith restore`: a logical copy of every Kith table, made while Kith runs and
 * read back into Kith's own server or any PostgreSQL 15+ (the same file moves a workspace from the
 * embedded server to a DATABASE_URL, or back). The embedded server ships no pg_dump; this needs
 * nothing but the connection Kith already has.
 *
 * A backup is one snapshot (a read-only repeatable-read transaction), so it is consistent even
 * while imports and ingest write. The file is gzip-compressed text framed in records:
 *
 *   KITH-BACKUP 1 {"madeAt", "migrations": [...]}      header
 *   T {"table", "columns"}                              a table starts
 *   D <bytes>\n<bytes of COPY text>                     its rows, in chunks
 *   E {"rows"}                                          the table ends, with its row count
 *   S {"sequences": {name: value|null}}                 sequence positions
 *   Z                                                   the end: a file without it is cut short
 *
 * A restore never touches the live tables until the very end: it builds the schema of the backup's
 * migrations in a schema of its own (`kith_restore`), loads and counts every table there, applies
 * the migrations this Kith has that the backup predates, and only then swaps that schema for
 * `public` in one transaction. A restore that fails half-way leaves the database as it was.
 */

const MAGIC = 'KITH-BACKUP 1';
const STAGING = 'kith_restore';
/** COPY rows are gathered into chunks of about this size before they are framed. */
const CHUNK_BYTES = 1 << 20;

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

export interface BackupSummary {
  tables: number;
  rows: number;
  migrations: number;
}

interface TableShape {
  name: string;
  columns: string[];
}

async function tablesOf(client: pg.ClientBase, schema: string): Promise<TableShape[]> {
  const { rows } = await client.query<{ name: string; columns: string[] }>(
    `select c.table_name as name, array_agg(c.column_name::text order by c.ordinal_position) as columns
       from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
      where c.table_schema = $1 and c.is_generated = 'NEVER'
      group by c.table_name order by c.table_name`,
    [schema],
  );
  return rows;
}

const columnList = (columns: string[]) => columns.map((c) => pg.escapeIdentifier(c)).join(', ');

async function write(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Writes a backup of the database behind `pool` to `out` (which it ends). */
export async function writeBackup(pool: pg.Pool, out: Writable): Promise<BackupSummary> {
  const client = await pool.connect();
  const summary: BackupSummary = { tables: 0, rows: 0, migrations: 0 };
  try {
    await client.query('begin isolation level repeatable read, read only');
    const migrations = (
      await client.query<{ name: string }>('select name from kith_migrations order by name')
    ).rows.map((r) => r.name);
    summary.migrations = migrations.length;
    await write(out, `${MAGIC} ${JSON.stringify({ madeAt: new Date().toISOString(), migrations })}\n`);
    for (const table of await tablesOf(client, 'public')) {
      await write(out, `T ${JSON.stringify({ table: table.name, columns: table.columns })}\n`);
      const stream = client.query(
        copyTo(`copy ${pg.escapeIdentifier(table.name)} (${columnList(table.columns)}) to stdout`),
      );
      let parts: Buffer[] = [];
      let size = 0;
      const flush = async () => {
        if (!size) return;
        await write(out, `D ${size}\n`);
        await write(out, Buffer.concat(parts, size));
        parts = [];
        size = 0;
      };
      for await (const row of stream) {
        parts.push(row as Buffer);
        size += (row as Buffer).length;
        if (size >= CHUNK_BYTES) await flush();
      }
      await flush();
      const rows = stream.rowCount;
      await write(out, `E ${JSON.stringify({ rows })}\n`);
      summary.tables++;
      summary.rows += rows;
    }
    // Sequences are not transactional: read after the tables, a position is never behind a row.
    const sequences: Record<string, number | null> = {};
    for (const s of (
      await client.query<{ name: string; value: string | null }>(
        `select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public' order by 1`,
      )
    ).rows) {
      sequences[s.name] = s.value === null ? null : Number(s.value);
    }
    await write(out, `S ${JSON.stringify({ sequences })}\nZ\n`);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => {});
    out.destroy(e as Error);
    throw e;
  } finally {
    client.release();
  }
  out.end();
  await once(out, 'finish');
  return summary;
}

/** Reads a backup record by record: header lines, and the bytes of `D` records. */
class RecordReader {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly source: AsyncIterator<Buffer>;
  private done = false;
  constructor(input: Readable) {
    this.source = input[Symbol.asyncIterator]();
  }
  private async more(): Promise<boolean> {
    if (this.done) return false;
    let next: IteratorResult<Buffer>;
    try {
      next = await this.source.next();
    } catch (e) {
      if (e instanceof BackupError) throw e;
      throw new BackupError(`The backup file cannot be read (${(e as Error).message}). Nothing was restored.`);
    }
    if (next.done) {
      this.done = true;
      return false;
    }
    const chunk: Buffer = Buffer.isBuffer(next.value) ? next.value : Buffer.from(String(next.value));
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    return true;
  }
  async line(): Promise<string> {
    for (;;) {
      const nl = this.buffer.indexOf(10);
      if (nl >= 0) {
        const text = this.buffer.subarray(0, nl).toString('utf8');
        this.buffer = this.buffer.subarray(nl + 1);
        return text;
      }
      if (this.buffer.length > 64 << 20)
        throw new BackupError('This is not a Kith backup (no record line in the first 64 MiB).');
      if (!(await this.more()))
        throw new BackupError('The backup file is cut short: it ends before its last record. Nothing was restored.');
    }
  }
  async bytes(n: number): Promise<Buffer> {
    while (this.buffer.length < n) {
      if (!(await this.more()))
        throw new BackupError('The backup file is cut short: it ends inside a table. Nothing was restored.');
    }
    const out = this.buffer.subarray(0, n);
    this.buffer = this.buffer.subarray(n);
    return out;
  }
}

function record(line: string): { kind: string; body: unknown } {
  const space = line.indexOf(' ');
  const kind = space < 0 ? line : line.slice(0, space);
  const rest = space < 0 ? '' : line.slice(space + 1);
  if (kind === 'D') return { kind, body: Number(rest) };
  try {
    return { kind, body: rest ? JSON.parse(rest) : null };
  } catch {
    throw new BackupError(
      `The backup file is damaged: a record "${line.slice(0, 40)}" cannot be read. Nothing was restored.`,
    );
  }
}

export interface RestoreOptions {
  /** Replace a database that already holds a workspace (staff or members). */
  replace: boolean;
  /** This Kith's migrations (tests pass their own). */
  files?: MigrationFile[];
}

export interface RestoreSummary extends BackupSummary {
  madeAt: string;
  /** Migrations applied after the load, the backup being older than this Kith. */
  upgraded: string[];
}

/**
 * Restores `input` into the database at `url`, replacing what is there. Refuses while anything
 * else is connected to that database (a running Kith would keep writing into the tables being
 * replaced), and, without `replace`, when the database already holds a workspace.
 */
export async function restoreBackup(url: string, input: Readable, opts: RestoreOptions): Promise<RestoreSummary> {
  const files = opts.files ?? readMigrations();
  const reader = new RecordReader(input);
  const first = await reader.line();
  if (!first.startsWith(`${MAGIC} `))
    throw new BackupError('This is not a Kith backup (it does not start with "KITH-BACKUP 1"). Nothing was restored.');
  let header: { madeAt: string; migrations: string[] };
  try {
    header = JSON.parse(first.slice(MAGIC.length + 1));
  } catch {
    throw new BackupError('The backup file is damaged: its header cannot be read. Nothing was restored.');
  }
  const known = files.map((f) => f.name);
  const newer = header.migrations.filter((m) => !known.includes(m));
  if (newer.length)
    throw new BackupError(
      `The backup was made by a newer Kith (migrations ${newer.join(', ')} are unknown here). Restore it with that version or a later one.`,
    );
  const level = header.migrations.length;
  if (header.migrations.some((m, i) => known[i] !== m))
    throw new BackupError("The backup's migrations do not follow this Kith's in order; it cannot be restored here.");

  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const others = (
      await admin.query<{ n: number; apps: string }>(
        `select count(*)::int as n, string_agg(distinct coalesce(nullif(application_name, ''), client_addr::text, 'local'), ', ') as apps
         from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`,
      )
    ).rows[0]!;
    if (others.n > 0)
      throw new BackupError(
        `${others.n} other connection(s) use this database (${others.apps}). Stop Kith (and anything else connected) before restoring: the tables are replaced.`,
      );
    if (!opts.replace) {
      let held = 0;
      for (const table of ['members', 'staff']) {
        const exists = (await admin.query(`select to_regclass($1) as t`, [`public.${table}`])).rows[0]!.t;
        if (exists) held += (await admin.query(`select 1 from public.${table} limit 1`)).rowCount ?? 0;
      }
      if (held > 0)
        throw new BackupError(
          'This database already holds a workspace (staff or members). Restoring replaces all of it: run again with --replace to do so.',
        );
    }
    await admin.query(`drop schema if exists ${STAGING} cascade; create schema ${STAGING}`);
  } finally {
    await admin.end();
  }

  // The backup's own schema first, in the staging schema: the migrations it was made at.
  const staging = await openDatabase({ databaseUrl: url, poolSize: 1, searchPath: STAGING });
  const summary: RestoreSummary = { tables: 0, rows: 0, migrations: level, madeAt: header.madeAt, upgraded: [] };
  try {
    await migrate(staging, files.slice(0, level));
    const client = await staging.pool!.connect();
    try {
      await client.query('begin');
      // Rows arrive table by table, not in foreign-key order, and triggers already ran when
      // they were first written: both are off for this session only.
      await client.query('set local session_replication_role = replica').catch((e: { code?: string }) => {
        if (e.code === '42501')
          throw new BackupError(
            "Restoring needs a database superuser (the tables are loaded with their triggers off): connect as one, e.g. the database's owner on your own PostgreSQL. Nothing was restored.",
          );
        throw e;
      });
      const shapes = new Map((await tablesOf(client, STAGING)).map((t) => [t.name, t.columns]));
      if (shapes.size)
        await client.query(`truncate ${[...shapes.keys()].map((n) => pg.escapeIdentifier(n)).join(', ')}`);
      for (;;) {
        const { kind, body } = record(await reader.line());
        if (kind === 'Z') break;
        if (kind === 'S') {
          for (const [name, value] of Object.entries(
            (body as { sequences: Record<string, number | null> }).sequences,
          )) {
            const qualified = `${STAGING}.${pg.escapeIdentifier(name)}`;
            if (value === null) await client.query(`select setval($1::regclass, 1, false)`, [qualified]);
            else await client.query(`select setval($1::regclass, $2)`, [qualified, value]);
          }
          continue;
        }
        if (kind !== 'T')
          throw new BackupError(
            `The backup file is damaged: a "${kind}" record where a table should start. Nothing was restored.`,
          );
        const { table, columns } = body as { table: string; columns: string[] };
        const here = shapes.get(table);
        if (!here)
          throw new BackupError(
            `The backup holds a table "${table}" that its migrations do not create. Nothing was restored.`,
          );
        const missing = columns.filter((c) => !here.includes(c));
        if (missing.length)
          throw new BackupError(
            `The backup's table "${table}" has columns the schema lacks (${missing.join(', ')}). Nothing was restored.`,
          );
        const copy = client.query(copyFrom(`copy ${pg.escapeIdentifier(table)} (${columnList(columns)}) from stdin`));
        const done = finished(copy);
        let expected: number | null = null;
        try {
          while (expected === null) {
            const r = record(await reader.line());
            if (r.kind === 'D') await write(copy, await reader.bytes(r.body as number));
            else if (r.kind === 'E') expected = (r.body as { rows: number }).rows;
            else throw new BackupError(`The backup file is damaged inside table "${table}". Nothing was restored.`);
          }
          copy.end();
          await done;
        } catch (e) {
          // Ends the COPY on the server (CopyFail), so the transaction can roll back.
          copy.destroy(e as Error);
          await done.catch(() => {});
          throw e;
        }
        if (copy.rowCount !== expected)
          throw new BackupError(
            `Table "${table}": ${copy.rowCount} rows loaded of ${expected} in the backup. Nothing was restored.`,
          );
        summary.tables++;
        summary.rows += expected;
      }
      await client.query('commit');
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
    // Migrations this Kith has that the backup predates, still in the staging schema.
    summary.upgraded = (await migrate(staging, files)).applied;
  } catch (e) {
    await staging.close();
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup
      .connect()
      .then(() => cleanup.query(`drop schema if exists ${STAGING} cascade`))
      .catch(() => {})
      .finally(() => cleanup.end().catch(() => {}));
    throw e;
  }
  await staging.close();

  const swap = new pg.Client({ connectionString: url });
  await swap.connect();
  try {
    await swap.query('begin');
    await swap.query('drop schema if exists public cascade');
    await swap.query(`alter schema ${STAGING} rename to public`);
    await swap.query('grant usage on schema public to public');
    await swap.query('commit');
  } catch (e) {
    await swap.query('rollback').catch(() => {});
    throw e;
  } finally {
    await swap.end();
  }
  return summary;
}
