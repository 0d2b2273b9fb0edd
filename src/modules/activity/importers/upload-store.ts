import crypto from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { KithError } from '../../../kernel/errors.js';

/**
 * Uploaded import files live on disk, never whole in memory: a file is streamed to the uploads
 * folder and hashed (sha256, part of the import's identity) as it arrives, then read back as a
 * stream. The file stays while its import runs, so an import cut short by a crash can resume
 * from it at the next start; it is removed once the import no longer needs it.
 */
export interface StoredUpload {
  /** Where the bytes are, in the uploads folder. */
  path: string;
  size: number;
  sha256: string;
  /** The name the user gave the file (used to tell .xlsx from .csv and shown in reports). */
  fileName: string;
}

export interface UploadStore {
  readonly dir: string;
  readonly maxBytes: number;
  /** Streams `source` into the uploads folder; refuses a file larger than `maxBytes` as soon as it is. */
  receive(source: Readable, fileName: string, opts?: { truncated?: () => boolean }): Promise<StoredUpload>;
  remove(file: string | null | undefined): Promise<void>;
  /** Deletes files no import needs: not in `keep` and older than `olderThanMs` (an upload may be arriving). */
  sweep(keep: Set<string>, olderThanMs?: number): Promise<number>;
}

/**
 * The embedded database keeps uploads beside its data (`<KITH_DATA_DIR>/uploads`), where the
 * same machine finds them after a restart. On PostgreSQL there is no data folder of Kith's own: a
 * folder in the system temp folder named after the database (host, port, name — not the
 * password), so every copy of Kith on that database finds the same files and copies on other
 * databases never sweep them. A database Kith did not open from a URL or a folder (handed in
 * already open, as tests do) gets a folder of its own for this process.
 */
export function uploadDirFor(opts: { dataDir: string; databaseUrl: string | null; embeddedOnDisk: boolean }): string {
  if (opts.embeddedOnDisk && !opts.databaseUrl) return path.join(opts.dataDir, 'uploads');
  const root = path.join(os.tmpdir(), 'kith-uploads');
  if (!opts.databaseUrl) return path.join(root, `process-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
  return path.join(root, databaseKey(opts.databaseUrl));
}

/** Which database a URL names, as a short folder name: same database, same key, whoever connects. */
function databaseKey(url: string): string {
  let named = url;
  try {
    const u = new URL(url);
    named = `${u.hostname || u.searchParams.get('host') || 'localhost'}:${u.port || '5432'}${u.pathname}`;
  } catch {
    // Not a URL (a libpq keyword string): the whole text names it.
  }
  return `db-${crypto.createHash('sha256').update(named).digest('hex').slice(0, 16)}`;
}

export const megabytes = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export function tooLarge(maxBytes: number): KithError {
  return new KithError(
    'PAYLOAD_TOO_LARGE',
    `file: the file is larger than ${megabytes(maxBytes)}, the most an import reads (KITH_IMPORT_MAX_MB)`,
    {
      fields: [{ path: 'file', message: `is larger than ${megabytes(maxBytes)}` }],
    },
  );
}

export function createUploadStore(dir: string, maxBytes: number): UploadStore {
  // Made on first use: most copies of Kith (an API-only one, a test's) never receive a file.
  let made: Promise<unknown> | null = null;
  const ready = () => (made ??= fsp.mkdir(dir, { recursive: true }));

  async function receive(
    source: Readable,
    fileName: string,
    opts: { truncated?: () => boolean } = {},
  ): Promise<StoredUpload> {
    await ready();
    const target = path.join(dir, `${Date.now()}-${crypto.randomUUID()}.upload`);
    const out = fs.createWriteStream(target, { flags: 'wx' });
    const hash = crypto.createHash('sha256');
    let size = 0;
    try {
      for await (const chunk of source) {
        const buf = chunk as Buffer;
        size += buf.length;
        if (size > maxBytes) {
          source.destroy();
          throw tooLarge(maxBytes);
        }
        hash.update(buf);
        // Respect the disk's pace: wait for the write buffer to drain before reading on.
        if (!out.write(buf)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      }
      if (opts.truncated?.()) throw tooLarge(maxBytes);
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
      return { path: target, size, sha256: hash.digest('hex'), fileName: fileName || 'upload' };
    } catch (e) {
      out.destroy();
      await fsp.rm(target, { force: true });
      throw e;
    }
  }

  async function remove(file: string | null | undefined) {
    if (file && path.dirname(file) === dir) await fsp.rm(file, { force: true });
  }

  async function sweep(keep: Set<string>, olderThanMs = 24 * 3600_000) {
    await ready();
    let removed = 0;
    for (const name of await fsp.readdir(dir)) {
      const file = path.join(dir, name);
      if (!name.endsWith('.upload') || keep.has(file)) continue;
      const stat = await fsp.stat(file).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs > olderThanMs) {
        await fsp.rm(file, { force: true });
        removed++;
      }
    }
    return removed;
  }

  return { dir, maxBytes, receive, remove, sweep };
}
