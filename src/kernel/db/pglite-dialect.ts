import { AsyncLocalStorage } from 'node:async_hooks';
import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

/**
 * Kysely dialect over PGlite. PGlite is one connection inside this process, so every query and
 * every whole transaction takes a single lock: two requests can never interleave statements
 * inside each other's transactions.
 *
 * Parameterless statements go through PGlite's simple-query `exec` (as `pg` does), so multi-statement
 * scripts such as migrations run the same way on both databases.
 */
export const PGLITE_PARSERS = {
  // DATE stays 'YYYY-MM-DD' text: a calendar date has no time zone to shift it.
  1082: (v: string) => v,
};

/** Marks the async context that currently holds PGlite's only connection. */
export const pgliteHolder = new AsyncLocalStorage<{ holding: boolean }>();

class Lock {
  #tail: Promise<void> = Promise.resolve();
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const prev = this.#tail;
    this.#tail = prev.then(() => next);
    return prev.then(() => release);
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const params = q.parameters as unknown[];
    if (params.length === 0) {
      const results = await this.pg.exec(q.sql, { parsers: PGLITE_PARSERS });
      const last = results[results.length - 1];
      return {
        rows: (last?.rows ?? []) as R[],
        numAffectedRows: last?.affectedRows !== undefined ? BigInt(last.affectedRows) : undefined,
      };
    }
    const r = await this.pg.query<R>(q.sql, params, { parsers: PGLITE_PARSERS });
    return { rows: r.rows, numAffectedRows: r.affectedRows !== undefined ? BigInt(r.affectedRows) : undefined };
  }

  async *streamQuery<R>(q: CompiledQuery, chunkSize = 1000): AsyncIterableIterator<QueryResult<R>> {
    const r = await this.executeQuery<R>(q);
    for (let i = 0; i < r.rows.length; i += chunkSize) yield { rows: r.rows.slice(i, i + chunkSize) };
  }
}

class PGliteDriver implements Driver {
  readonly #lock = new Lock();
  readonly #conn: PGliteConnection;
  #release: (() => void) | null = null;

  constructor(private readonly pg: PGlite) {
    this.#conn = new PGliteConnection(pg);
  }

  async init(): Promise<void> {
    await this.pg.waitReady;
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    const store = pgliteHolder.getStore();
    if (store?.holding) {
      // Waiting here would wait for ourselves forever: the caller is inside a transaction and used
      // the database handle instead of the transaction handle.
      throw new Error(
        'Database used outside the open transaction that holds the embedded connection; pass the transaction (tx) instead',
      );
    }
    this.#release = await this.#lock.acquire();
    if (store) store.holding = true;
    return this.#conn;
  }

  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const iso = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CompiledQuery.raw(`begin${iso}`));
  }

  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CompiledQuery.raw('rollback'));
  }

  async releaseConnection(): Promise<void> {
    const r = this.#release;
    this.#release = null;
    const store = pgliteHolder.getStore();
    if (store) store.holding = false;
    r?.();
  }

  async destroy(): Promise<void> {
    await this.pg.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver() {
    return new PGliteDriver(this.pg);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}
