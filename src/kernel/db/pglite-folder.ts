import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { isProcessAlive, readTextOrEmpty } from '../process-alive.js';
import { from as copyFrom } from 'pg-copy-streams';
import { migrate } from './migrator.js';
import type { Database } from './database.js';

/**
 * Kith used to keep its data in an in-process PGlite database, its files directly in the data
 * folder. The data folder now holds a real PostgreSQL server (`pg/`); a folder of the earlier kind
 * is moved over once, at the first start: both brought to the same schema, every table copied
 * (PGlite's COPY out, the server's COPY in), sequences carried, every table's row count compared.
 * The PGlite files are then kept aside in `pglite-<date>/`, never deleted: nothing is lost, and
 * the move can be checked or redone by hand.
 */

/** PGlite kept PG_VERSION in the data folder itself; the server keeps its cluster in `pg/`. */
export function isPgliteFolder(dataDir: string): boolean {
  return fs.existsSync(path.join(dataDir, 'PG_VERSION')) && !fs.existsSync(path.join(dataDir, 'pg', 'PG_VERSION'));
}

/** Rows per COPY chunk of a table with an `id`, so a large table is not held whole in memory. */
const CHUNK = 100_000;

/** Whether an earlier Kith still holds the folder (its lock file names a live process). */
export function earlierKithHolding(dataDir: string): number | null {
  const holder = Number(readTextOrEmpty(path.join(dataDir, 'kith.lock')));
  return holder && holder !== process.pid && isProcessAlive(holder) ? holder : null;
}

/** `source`: the earlier database, opened on `dataDir` (openPglite); closed here. */
export async function movePgliteFolder(
  dataDir: string,
  source: Database,
  target: Database,
  log: (m: string) => void,
): Promise<{ tables: number; rows: number; keptIn: string }> {
  const pglite = source.pglite as PGlite;
  let tables = 0;
  let rows = 0;
  try {
    // Same schema on both sides first: the earlier database may predate some migrations.
    await migrate(source);
    await migrate(target);
    const names = (
      await pglite.query<{ name: string }>(
        `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
      )
    ).rows.map((r) => r.name);
    const client = await target.pool!.connect();
    try {
      await client.query('begin');
      // Rows arrive table by table, not in foreign-key order, and triggers already ran when the
      // rows were first written: both are off for this session only.
      await client.query('set local session_replication_role = replica');
      await client.query(`truncate ${names.map((n) => pg.escapeIdentifier(n)).join(', ')}`);
      for (const name of names) {
        const t = pg.escapeIdentifier(name);
        const hasId =
          (
            await pglite.query(
              `select 1 from information_schema.columns where table_schema = 'public' and table_name = $1 and column_name = 'id'`,
              [name],
            )
          ).rows.length > 0;
        const columns = (
          await pglite.query<{ c: string }>(
            `select column_name as c from information_schema.columns where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER' order by ordinal_position`,
            [name],
          )
        ).rows
          .map((r) => pg.escapeIdentifier(r.c))
          .join(', ');
        const copyIn = async (query: string) => {
          const out = await pglite.query(`copy (${query}) to '/dev/blob'`);
          const blob = out.blob;
          if (!blob || blob.size === 0) return;
          await pipeline(
            Readable.from([Buffer.from(await blob.arrayBuffer())]),
            client.query(copyFrom(`copy ${t} (${columns}) from stdin`)),
          );
        };
        if (hasId) {
          for (let after: number | null = null; ;) {
            const last: { id: number } | undefined = (
              await pglite.query<{ id: number }>(
                `select id from ${t} ${after === null ? '' : `where id > ${after}`} order by id offset ${CHUNK - 1} limit 1`,
              )
            ).rows[0];
            const upTo = last ? `and id <= ${Number(last.id)}` : '';
            await copyIn(
              `select ${columns} from ${t} where true ${after === null ? '' : `and id > ${after}`} ${upTo} order by id`,
            );
            if (!last) break;
            after = Number(last.id);
          }
        } else {
          await copyIn(`select ${columns} from ${t}`);
        }
        const [a, b] = [
          Number((await pglite.query<{ n: string }>(`select count(*)::text as n from ${t}`)).rows[0]!.n),
          Number((await client.query<{ n: string }>(`select count(*)::text as n from ${t}`)).rows[0]!.n),
        ];
        if (a !== b)
          throw new Error(
            `copying ${name} from the earlier database wrote ${b} rows of ${a}; nothing was changed, the earlier database is as it was`,
          );
        tables++;
        rows += a;
      }
      // Identity and serial columns continue after the rows carried over.
      const seqs = await client.query<{ t: string; c: string; s: string }>(`
        select c.relname as t, a.attname as c, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as s
        from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
          and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`);
      for (const q of seqs.rows) {
        await client.query(
          `select setval($1, coalesce((select max(${pg.escapeIdentifier(q.c)}) from ${pg.escapeIdentifier(q.t)}), 0) + 1, false)`,
          [q.s],
        );
      }
      await client.query('commit');
    } catch (e) {
      await client.query('rollback').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  } finally {
    await source.close();
  }
  // Kept, not deleted: the earlier database's files move into a folder of their own.
  const keptIn = path.join(dataDir, `pglite-${new Date().toISOString().slice(0, 10)}`);
  fs.mkdirSync(keptIn, { recursive: true });
  for (const entry of fs.readdirSync(dataDir)) {
    if (
      ['pg', 'pg-connection.json', 'pg-owner.pid', 'uploads', path.basename(keptIn)].includes(entry) ||
      entry.startsWith('pglite-')
    )
      continue;
    fs.renameSync(path.join(dataDir, entry), path.join(keptIn, entry));
  }
  log(
    `moved the earlier embedded database (${tables} tables, ${rows} rows) to Kith's PostgreSQL; its files are kept in ${keptIn}`,
  );
  return { tables, rows, keptIn };
}
