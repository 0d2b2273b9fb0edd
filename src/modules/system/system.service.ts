import path from 'node:path';
import type { Database } from '../../kernel/db/database.js';
import * as repo from './system.repo.js';

export interface SystemDeps {
  database: Database;
  /** The DATABASE_URL Kith was given, when it is not on its own server. */
  databaseUrl: string | null;
}

export interface BackupEvent {
  at: Date;
  by: string | null;
  file: string | null;
  rows: number | null;
}

export interface SystemInfo {
  database: {
    /** `embedded`: the PostgreSQL server Kith runs itself; `external`: a DATABASE_URL. */
    kind: 'embedded' | 'external';
    /** The folder of the embedded cluster, or host:port/database of a DATABASE_URL (never its credentials). */
    location: string;
    version: string;
    sizeBytes: number;
  };
  lastBackup: BackupEvent | null;
  lastRestore: BackupEvent | null;
}

function event(e: { at: Date; by: string | null; after: unknown } | null): BackupEvent | null {
  if (!e) return null;
  const after = (e.after ?? {}) as { file?: unknown; rows?: unknown };
  return {
    at: e.at,
    by: e.by,
    file: typeof after.file === 'string' ? after.file : null,
    rows: typeof after.rows === 'number' ? after.rows : null,
  };
}

/** Where a DATABASE_URL points, without user or password. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

/** What Kith runs on: its database, where the data lives, and the latest backup. */
export function createSystemService(deps: SystemDeps) {
  const { database } = deps;
  return {
    async info(): Promise<SystemInfo> {
      const [facts, backup, restore] = await Promise.all([
        repo.databaseFacts(database.db),
        repo.lastOf(database.db, 'database.backup'),
        repo.lastOf(database.db, 'database.restore'),
      ]);
      const embedded = database.embedded;
      return {
        database: {
          kind: embedded ? 'embedded' : 'external',
          location: embedded ? path.join(embedded.dataDir, 'pg') : describeUrl(deps.databaseUrl ?? ''),
          version: facts.version,
          sizeBytes: facts.sizeBytes,
        },
        lastBackup: event(backup),
        lastRestore: event(restore),
      };
    },
  };
}

export type SystemService = ReturnType<typeof createSystemService>;
