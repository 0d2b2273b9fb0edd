import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { PGliteDialect, pgliteHolder } from './pglite-dialect.js';
import { EmbeddedServerError, startEmbeddedServer, type EmbeddedServer } from './embedded-server.js';
import { earlierKithHolding, isPgliteFolder, movePgliteFolder } from './pglite-folder.js';
import type { DB } from './tables.js';
import { singleFlight } from '../single-flight.js';

export type { DB };
/** A handle that can run queries: the database itself or an open transaction. */
export type Tx = Kysely<DB>;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** The PostgreSQL server Kith runs itself (no DATABASE_URL), when this database is on it. */
  readonly embedded: EmbeddedServer | null;
  readonly db: Kysely<DB>;
  /** Runs `fn` in one transaction; on the embedded database nothing else runs meanwhile. */
  transaction<T>(fn: (tx: Transaction<DB>) => Promise<T>): Promise<T>;
  /** The underlying PGlite instance (embedded only), e.g. for COPY from a blob. */
  readonly pglite: PGlite | null;
  /** The underlying pool (PostgreSQL only), e.g. for COPY streams. */
  readonly pool: pg.Pool | null;
  /**
   * Whether the database answers, on a connection of its own: a health check must not queue
   * behind the work of the pool (an import, an ingest, fifty readers) to say the server is up.
   */
  ping(): Promise<void>;
  close(): Promise<void>;
}

// int8 counts and ids come back as numbers on both databases (ids stay far below 2^53);
// numeric stays a decimal string so money is never rounded; dates stay 'YYYY-MM-DD'.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (v: string) => Number(v);
    if (oid === 1016)
      return (v: string) => (pg.types.getTypeParser(1016 as never) as (s: string) => string[])(v).map(Number);
    if (oid === 1082) return (v: string) => v;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/**
 * Opens a statement that runs thousands of times a second, e.g. the ledger's credit call:
 * `sql\`${PREPARED} select ...\``. On PostgreSQL it is parsed and planned once per connection and
 * then only bound and executed; parsing a statement with many parameters and casts cost about as
 * much as running it. Only statements with a fixed text may be marked: each distinct text stays
 * prepared on every connection for its lifetime. PGlite reads the mark as a comment.
 */
export const PREPARED = sql.raw('/* kith:prepared */');
const PREPARED_MARK = '/* kith:prepared */';

/** A pg client that prepares marked statements under a name derived from their text. */
class PreparingClient extends pg.Client {
  static names = new Map<string, string>();
  override query(config: unknown, values?: unknown, callback?: unknown): never {
    if (typeof config === 'string' && config.startsWith(PREPARED_MARK) && Array.isArray(values)) {
      let name = PreparingClient.names.get(config);
      if (!name) {
        name = `kith_${crypto.createHash('sha1').update(config).digest('hex').slice(0, 16)}`;
        PreparingClient.names.set(config, name);
      }
      return (super.query as (c: unknown, cb?: unknown) => never)({ name, text: config, values }, callback);
    }
    return (super.query as (c: unknown, v?: unknown, cb?: unknown) => never)(config, values, callback);
  }
}

export interface OpenOptions {
  databaseUrl?: string | null;
  /**
   * Without a URL: the folder of the PostgreSQL server Kith runs itself (`<dataDir>/pg`), or
   * `memory://` (or omitted) for an in-process PGlite database in memory (tests).
   */
  dataDir?: string;
  /** `kith start` adopts an embedded server another command started (see embedded-server.ts). */
  adoptEmbedded?: boolean;
  poolSize?: number;
  /** Another schema than `public` for Kith's tables (a restore builds its copy in one). */
  searchPath?: string;
  log?: (message: string) => void;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (!opts.databaseUrl && opts.dataDir && opts.dataDir !== 'memory://') {
    const dir = opts.dataDir;
    const earlier = isPgliteFolder(dir);
    if (earlier) {
      const holder = earlierKithHolding(dir);
      if (holder)
        throw new EmbeddedServerError(
          `An earlier Kith (pid ${holder}) is still using the database in ${dir}; stop it, then start Kith again.`,
        );
    }
    const server = await startEmbeddedServer({ dataDir: dir, adopt: opts.adoptEmbedded, log: opts.log });
    try {
      const database = await openDatabase({ databaseUrl: server.url, poolSize: opts.poolSize });
      // A data folder of an earlier Kith (in-process PGlite) moves to the server once, here.
      if (earlier)
        await movePgliteFolder(dir, await openPglite(dir), database, opts.log ?? (() => {})).catch(async (e) => {
          await database.close();
          throw e;
        });
      return {
        ...database,
        embedded: server,
        close: async () => {
          await database.close();
          await server.stop();
        },
      };
    } catch (e) {
      await server.stop();
      throw e;
    }
  }
  if (opts.databaseUrl) {
    // JIT compilation (on by default) costs tens to hundreds of milliseconds per query whose
    // estimate looks large, such as a report's correlated subqueries, and saves nothing on Kith's
    // short statements: off for Kith's sessions.
    const pool = new pg.Pool({
      Client: PreparingClient,
      connectionString: opts.databaseUrl,
      max: opts.poolSize ?? 10,
      types: pgTypes,
      application_name: 'kith',
      options: `-c jit=off${opts.searchPath ? ` -c search_path=${opts.searchPath}` : ''}`,
    });
    pool.on('error', () => {
      /* idle client errors surface on the next query */
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const pingPool = new pg.Pool({
      connectionString: opts.databaseUrl,
      application_name: 'kith',
      max: 1,
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: 5000,
      query_timeout: 5000,
    });
    pingPool.on('error', () => {});
    // Health checks arriving together share one round trip rather than queue on the one connection.
    const pinging = singleFlight<void>();
    return {
      kind: 'postgres',
      embedded: null,
      db,
      pglite: null,
      pool,
      transaction: (fn) => db.transaction().execute(fn),
      ping: () =>
        pinging('ping', async () => {
          await pingPool.query('select 1');
        }),
      close: async () => {
        await db.destroy();
        await pingPool.end();
      },
    };
  }
  return openPglite();
}

/**
 * An in-process PGlite database: in memory for tests (KITH_TEST_PGLITE=1), or the folder of an
 * earlier Kith being moved to the server (pglite-folder.ts). Nothing else runs while a
 * transaction does: PGlite has one connection.
 */
export async function openPglite(dir?: string): Promise<Database> {
  const pglite = await PGlite.create(dir);
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    embedded: null,
    db,
    pglite,
    pool: null,
    transaction: (fn) => pgliteHolder.run({ holding: false }, () => db.transaction().execute(fn)),
    ping: async () => {
      await pglite.query('select 1');
    },
    close: () => db.destroy(),
  };
}
