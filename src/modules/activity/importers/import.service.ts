import fsp from 'node:fs/promises';
import os from 'node:os';
import crypto from 'node:crypto';
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import * as repo from './import.repo.js';
import type { Database } from '../../../kernel/db/database.js';
import type { Clock } from '../../../kernel/clock.js';
import { systemActor, type ActorContext } from '../../../kernel/context.js';
import type { Logger } from '../../../kernel/logger.js';
import { isProcessAlive } from '../../../kernel/process-alive.js';
import { KithError } from '../../../kernel/errors.js';
import { recordAudit } from '../../../kernel/audit.js';
import {
  FormatError,
  MEMBER_COLUMNS,
  ORDER_COLUMNS,
  mapHeaders,
  openTable,
  type ColumnSpec,
} from '../formats/index.js';
import type { FileItem, ImportPlan, LineProblem, ReadFile, RowOutcome } from './import-plan.js';
import type { StoredUpload, UploadStore } from './upload-store.js';
import { csvLine, UTF8_BOM } from '../../../web/shared/spreadsheet-cell.js';

export type ImportKind = 'members' | 'orders' | 'chat';
export const IMPORT_KINDS: ImportKind[] = ['members', 'orders', 'chat'];
const CHUNK = 500;
const REPORTED_REJECTIONS = 5000;
/** A running import whose owner on another machine has not committed a chunk for this long is taken as abandoned. */
export const IMPORT_LEASE_MS = 10 * 60_000;
/** What a preview answers at most: it describes a file, it does not copy it. */
export const PREVIEW_LIMITS = { sampleRows: 20, rejectedLines: 1000, textChars: 200, names: 200 } as const;

export interface ImportReport {
  id: number;
  kind: ImportKind;
  format: string;
  fileName: string;
  /** `interrupted`: its process died and the stored file was gone; uploading the file again resumes it. */
  status: 'running' | 'completed' | 'failed' | 'interrupted';
  totalRows: number;
  processedRows: number;
  createdRows: number;
  updatedRows: number;
  duplicateRows: number;
  rejectedRows: number;
  skippedRows: number;
  /** True when this exact file with these options was imported before: nothing was written again. */
  alreadyImported: boolean;
  rejections: { line: number; reason: string; problems?: LineProblem[] }[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export type Progress = (p: { processed: number; total: number }) => void | Promise<void>;

/** Stops a runner whose import was taken over by another process (its lease expired). */
class LeaseLost extends Error {}
/** Stops a runner at a chunk boundary because this process is shutting down. */
class ShuttingDown extends Error {}

/** Identifies this process as the owner of the imports it runs: host, pid and a per-start token. */
export function processOwner(): string {
  return `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
}

/**
 * Whether the process that owns a running import is gone. On this machine the pid says so
 * (and the same pid with another token is an earlier life of this very process id, e.g. pid 1
 * of a restarted container); elsewhere only a heartbeat older than the lease does.
 */
export function ownerIsGone(
  owner: string | null,
  heartbeatAt: Date | null,
  me: string,
  now: Date,
  alive: (pid: number) => boolean = isProcessAlive,
): boolean {
  if (owner === null || heartbeatAt === null) return true;
  if (now.getTime() - heartbeatAt.getTime() > IMPORT_LEASE_MS) return true;
  const [host, pid] = owner.split(':');
  const [myHost, myPid] = me.split(':');
  if (host !== myHost) return false;
  if (pid === myPid) return owner !== me;
  return !alive(Number(pid));
}

/** Options that change what an import writes; part of its identity (with the file's hash). */
export type ImportOptions = Record<string, string | number | boolean | Record<string, string> | undefined>;

function canonical(o: ImportOptions): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
            .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
        )
      : v;
  return JSON.stringify(sorted(o));
}

export function createImportService(deps: {
  database: Database;
  clock: Clock;
  uploads: UploadStore;
  log?: Logger;
  plans: (kind: ImportKind, options: ImportOptions) => ImportPlan<unknown>;
  /** Reads formats that are parsed whole (chat exports) away from the event loop; in-process without it. */
  readWholeFile?: (kind: ImportKind, options: ImportOptions, file: StoredUpload) => Promise<ReadFile<unknown>>;
  /** This process's owner id (tests give one to play another process). */
  owner?: string;
}) {
  const { database, clock, uploads } = deps;

  const db = database.db;
  const me = deps.owner ?? processOwner();
  /** Runners of this process, awaited at shutdown; `stopping` makes them stop at the next chunk. */
  const active = new Set<Promise<unknown>>();
  let stopping = false;

  /** The items of a stored file: streamed when the plan reads a stream, otherwise parsed whole. */
  function openFile(
    kind: ImportKind,
    options: ImportOptions,
    plan: ImportPlan<unknown>,
    file: StoredUpload,
  ): Promise<ReadFile<unknown>> {
    if (plan.read) return plan.read(file);
    return deps.readWholeFile ? deps.readWholeFile(kind, options, file) : parseWhole(plan, file);
  }

  async function report(id: number, alreadyImported = false): Promise<ImportReport> {
    const r = await repo.findImport(db, id);
    if (!r) throw new KithError('NOT_FOUND', `Import ${id} was not found`);
    const rejections = await repo.rejectionsOf(db, id, REPORTED_REJECTIONS);
    return {
      id: r.id,
      kind: r.kind as ImportKind,
      format: r.format,
      fileName: r.file_name,
      status: r.status as ImportReport['status'],
      totalRows: r.total_rows,
      processedRows: r.processed_rows,
      createdRows: r.created_rows,
      updatedRows: r.updated_rows,
      duplicateRows: r.duplicate_rows,
      rejectedRows: r.rejected_rows,
      skippedRows: r.skipped_rows,
      alreadyImported,
      rejections: rejections.map((x) => ({
        line: x.line,
        reason: x.reason,
        ...(Array.isArray(x.problems) ? { problems: x.problems as LineProblem[] } : {}),
      })),
      error: r.error,
      createdAt: r.created_at.toISOString(),
      finishedAt: r.finished_at?.toISOString() ?? null,
    };
  }

  /** Streams bytes (an upload, a file on disk) into the upload store. */
  function store(fileName: string, data: Buffer | NodeJS.ReadableStream): Promise<StoredUpload> {
    const source = Buffer.isBuffer(data) ? Readable.from([data]) : (data as Readable);
    return uploads.receive(source, fileName);
  }

  /**
   * Reads without writing: what the file holds and how it would be read. For a sheet (members,
   * orders) also how each column is mapped, so the user can correct it; a sheet lacking a
   * required column is described rather than refused, since fixing the mapping is the next step.
   * The answer is bounded (PREVIEW_LIMITS) whatever the file; the stored upload is removed after.
   */
  async function preview(kind: ImportKind, file: StoredUpload, options: ImportOptions, ctx?: ActorContext) {
    try {
      const plan = deps.plans(kind, options);
      const sheet = await explainFormatErrors(() => describeColumns(kind, file, options));
      if (sheet && sheet.missing.length)
        return {
          format: sheet.format,
          encoding: sheet.encoding,
          rows: 0,
          rejected: [],
          skipped: 0,
          sample: [],
          ...sheet.described,
        };
      return await explainFormatErrors(async () => {
        const read = await openFile(kind, options, plan, file);
        let rows = 0;
        const rejected: { line: number; reason: string; problems?: LineProblem[] }[] = [];
        const sample: unknown[] = [];
        // How many rows use each community and tag name: those that do not exist yet are what the
        // import would create, listed for the operator to confirm (or to import existing ones only).
        const used = { communities: new Map<string, number>(), tags: new Map<string, number>() };
        const count = (m: Map<string, number>, names: string[]) => {
          for (const n of names) if (m.has(n) || m.size < PREVIEW_LIMITS.names) m.set(n, (m.get(n) ?? 0) + 1);
        };
        for await (const batch of read.items()) {
          for (const item of batch) {
            if ('row' in item) {
              rows++;
              const names = plan.namesOf?.(item.row);
              if (names) {
                count(used.communities, names.communities);
                count(used.tags, names.tags);
              }
              if (sample.length < PREVIEW_LIMITS.sampleRows) sample.push(shorten(item));
            } else if (rejected.length < PREVIEW_LIMITS.rejectedLines) {
              rejected.push({
                line: item.line,
                reason: clip(item.reason, 500),
                ...(item.problems ? { problems: item.problems.map(shortenProblem) } : {}),
              });
            }
          }
        }
        const unknown =
          plan.unknownNames && ctx
            ? await database.transaction((tx) =>
                plan.unknownNames!(tx, ctx, {
                  communities: [...used.communities.keys()],
                  tags: [...used.tags.keys()],
                }),
              )
            : { communities: [], tags: [] };
        const withRows = (names: string[], m: Map<string, number>) =>
          names.map((name) => ({ name, rows: m.get(name)! }));
        return {
          format: read.format,
          encoding: read.encoding ?? null,
          rows,
          rejected,
          skipped: read.skipped,
          sample,
          wouldCreate: {
            communities: withRows(unknown.communities, used.communities),
            tags: withRows(unknown.tags, used.tags),
          },
          ...sheet?.described,
        };
      });
    } finally {
      await uploads.remove(file.path);
    }
  }

  /**
   * Starts an import of a stored upload (or resumes one that stopped) and returns its id at once:
   * the file is read in the background, so a large file never holds up the answer. `finished`
   * settles when every row is written; a file that cannot be read ends the import `failed`, with
   * the reason, and rejects `finished`. The same file with the same options is one
   * import: starting it again after it completed writes nothing and returns the first report,
   * and while another live process runs it, this one only follows it. The store keeps the upload
   * while the import needs it.
   */
  async function start(
    ctx: ActorContext,
    kind: ImportKind,
    file: StoredUpload,
    options: ImportOptions,
    progress?: Progress,
  ) {
    let keepFile = false;
    try {
      const plan = deps.plans(kind, options);
      const opts = canonical(options);
      const find = () => repo.findImportOf(db, kind, file.sha256, opts);
      let row = await find();
      if (row?.status === 'completed') {
        const done = await report(row.id, true);
        return { id: row.id, alreadyImported: true, finished: Promise.resolve(done) };
      }
      if (row?.status === 'running' && !ownerIsGone(row.owner, row.heartbeat_at, me, clock.now())) {
        return { id: row.id, alreadyImported: false, finished: follow(row.id) };
      }
      if (!row) {
        const inserted = await database.transaction(async (tx) => {
          // Format and rows are known once the background read has been through the file.
          const r = await repo.insertImport(tx, {
            kind,
            format: '',
            file_name: file.fileName.slice(0, 255),
            file_sha256: file.sha256,
            options: opts,
            started_by: ctx.actor.label,
            total_rows: 0,
            skipped_rows: 0,
            upload_path: file.path,
            file_size: file.size,
            owner: me,
            heartbeat_at: clock.now(),
          });
          if (r)
            await recordAudit(tx, ctx, {
              action: `import.${kind}`,
              targetType: 'import',
              targetId: r.id,
              after: { fileName: file.fileName, sha256: file.sha256, size: file.size, options },
            });
          return r;
        });
        if (!inserted) {
          // The same file was started at the same moment elsewhere: follow that import.
          const other = (await find())!;
          return { id: other.id, alreadyImported: false, finished: follow(other.id) };
        }
        row = inserted;
      } else {
        const claimed = await claim(row.id, row.owner, {
          upload_path: file.path,
          file_size: file.size,
          status: 'running',
          error: null,
        });
        if (!claimed) return { id: row.id, alreadyImported: false, finished: follow(row.id) };
        if (row.upload_path && row.upload_path !== file.path) await uploads.remove(row.upload_path);
      }
      keepFile = true;
      const finished = track(readAndWrite(ctx, row.id, kind, options, plan, file, progress));
      return { id: row.id, alreadyImported: false, finished };
    } finally {
      if (!keepFile) await uploads.remove(file.path);
    }
  }

  /** Takes an import over from `owner` (compare-and-set: of several processes, one wins). */
  async function claim(id: number, owner: string | null, set: Record<string, unknown> = {}) {
    return repo.claimImport(db, id, owner, { ...set, owner: me, heartbeat_at: clock.now() });
  }

  /** Waits for an import another process (or another call) is running. */
  async function follow(id: number): Promise<ImportReport> {
    for (;;) {
      const r = await report(id);
      if (r.status !== 'running') return r;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }

  /**
   * Reads the stored file (format, rows, and the rows themselves as a stream or parsed whole) and
   * writes its rows. A file that does not read ends the import `failed` with the reason: it read
   * when the import was previewed or started, and retrying would fail the same way.
   */
  async function readAndWrite(
    ctx: ActorContext,
    id: number,
    kind: ImportKind,
    options: ImportOptions,
    plan: ImportPlan<unknown>,
    file: StoredUpload,
    progress?: Progress,
  ) {
    let read: ReadFile<unknown>;
    try {
      read = await explainFormatErrors(() => openFile(kind, options, plan, file));
    } catch (e) {
      await repo.updateOwnedImport(db, id, me, {
        status: 'failed',
        error: String((e as Error).message ?? e).slice(0, 1000),
        upload_path: null,
        owner: null,
      });
      await uploads.remove(file.path);
      throw e;
    }
    await repo.updateOwnedImport(db, id, me, {
      format: read.format,
      total_rows: read.total,
      skipped_rows: read.skipped,
    });
    return writeRows(ctx, id, plan, read, file, progress);
  }

  /**
   * Writes the items of the file after the resume point, a chunk per transaction; each chunk
   * commits its rows, its refused lines, the counts, the new resume point and the owner's
   * heartbeat together.
   */
  async function writeRows(
    ctx: ActorContext,
    id: number,
    plan: ImportPlan<unknown>,
    read: ReadFile<unknown>,
    file: StoredUpload,
    progress?: Progress,
  ): Promise<ImportReport> {
    const total = read.total;
    let done = await repo.processedRows(db, id);
    await progress?.({ processed: done, total });
    const commit = async (chunk: FileItem<unknown>[]) => {
      if (stopping) throw new ShuttingDown();
      await database.transaction(async (tx) => {
        const cur = await repo.lockImportProgress(tx, id);
        if (cur.owner !== me || cur.status !== 'running' || cur.processed_rows !== done) throw new LeaseLost();
        const rows = chunk.filter((x): x is { line: number; row: unknown } => 'row' in x);
        const outcomes = rows.length ? await plan.apply(tx, ctx, rows) : [];
        const count = (s: RowOutcome['status']) => outcomes.filter((o) => o.status === s).length;
        const rejected = [
          ...chunk.filter((x): x is { line: number; reason: string; problems?: LineProblem[] } => 'reason' in x),
          ...outcomes
            .filter((o) => o.status === 'rejected')
            .map((o) => ({ line: o.line, reason: o.reason ?? 'rejected', problems: o.problems })),
        ];
        if (rejected.length) await repo.insertRejections(tx, id, rejected);
        await repo.addChunkCounts(tx, id, {
          processed: done + chunk.length,
          created: count('created'),
          updated: count('updated'),
          duplicate: count('duplicate'),
          rejected: rejected.length,
          skipped: count('skipped'),
          heartbeatAt: clock.now(),
        });
      });
      done += chunk.length;
      await progress?.({ processed: done, total });
    };
    try {
      let index = 0;
      let chunk: FileItem<unknown>[] = [];
      for await (const batch of read.items()) {
        for (const item of batch) {
          // Items before the resume point were committed by an earlier run.
          if (index++ < done) continue;
          chunk.push(item);
          if (chunk.length === CHUNK) {
            await commit(chunk);
            chunk = [];
          }
        }
      }
      if (chunk.length) await commit(chunk);
      const ended = await repo.updateOwnedImport(db, id, me, {
        status: 'completed',
        finished_at: clock.now(),
        upload_path: null,
        owner: null,
      });
      if (!ended) throw new LeaseLost();
      await uploads.remove(file.path);
      if (total >= 1000) await repo.analyzeImportedTables(db);
    } catch (e) {
      // Another process took the import over: it is its to finish, with the file it holds.
      if (e instanceof LeaseLost) return report(id);
      // Shutting down: the import stays running with its file, for the next start to resume.
      if (e instanceof ShuttingDown) return report(id);
      // Committed chunks stay; uploading the same file again resumes after them.
      const error = e instanceof FormatError ? e.message : String((e as Error).message ?? e);
      await repo
        .updateOwnedImport(db, id, me, {
          status: 'failed',
          error: error.slice(0, 1000),
          upload_path: null,
          owner: null,
        })
        .catch(() => false);
      await uploads.remove(file.path).catch(() => {});
      throw e;
    }
    return report(id);
  }

  /** Stores the bytes, runs an import to its end and returns the report (the CLI and tests). */
  async function run(
    ctx: ActorContext,
    kind: ImportKind,
    fileName: string,
    data: Buffer | NodeJS.ReadableStream,
    options: ImportOptions,
    progress?: Progress,
  ): Promise<ImportReport> {
    const file = await store(fileName, data);
    return (await start(ctx, kind, file, options, progress)).finished;
  }

  /**
   * At start: every import left `running` by a process that is gone is taken over and resumed
   * in the background from its resume point, reading its stored upload. When the file is gone
   * (another machine's temp folder, cleaned up), the import is marked `interrupted` with the
   * reason; uploading the same file with the same options resumes it. Then stored uploads no
   * import needs are removed.
   */
  async function resumeInterrupted(): Promise<{ id: number; finished: Promise<ImportReport> }[]> {
    const running = await repo.runningImports(db);
    const resumed: { id: number; finished: Promise<ImportReport> }[] = [];
    for (const row of running) {
      if (!ownerIsGone(row.owner, row.heartbeat_at, me, clock.now())) continue;
      if (!(await claim(row.id, row.owner))) continue;
      const stat = row.upload_path ? await fsp.stat(row.upload_path).catch(() => null) : null;
      if (!row.upload_path || !stat) {
        await repo.updateOwnedImport(db, row.id, me, {
          status: 'interrupted',
          owner: null,
          upload_path: null,
          error: `The process running this import stopped after ${row.processed_rows} of ${row.total_rows} rows and the uploaded file is no longer stored; upload the same file with the same options to resume`,
        });
        deps.log?.warn({ importId: row.id }, 'interrupted import cannot resume: its file is gone');
        continue;
      }
      const file: StoredUpload = {
        path: row.upload_path,
        size: stat.size,
        sha256: row.file_sha256,
        fileName: row.file_name,
      };
      const ctx: ActorContext = { actor: systemActor(`resume:${row.started_by}`.slice(0, 100)), requestId: null };
      const kind = row.kind as ImportKind;
      const options = row.options as ImportOptions;
      const finished = track(readAndWrite(ctx, row.id, kind, options, deps.plans(kind, options), file));
      finished.catch((err) => deps.log?.error({ err, importId: row.id }, 'resumed import failed'));
      deps.log?.info({ importId: row.id, from: row.processed_rows }, 'resuming an interrupted import');
      resumed.push({ id: row.id, finished });
    }
    await uploads.sweep(new Set(await repo.neededUploads(db)));
    return resumed;
  }

  async function list(limit = 50) {
    return Promise.all((await repo.latestImportIds(db, limit)).map((id) => report(id)));
  }

  /** Every rejected line of an import, in file order. */
  async function rejections(id: number) {
    await report(id);
    return repo.rejectionsOf(db, id);
  }

  function track<T>(p: Promise<T>): Promise<T> {
    const settled = p.catch(() => {});
    active.add(settled);
    void settled.finally(() => active.delete(settled));
    return p;
  }

  /**
   * At shutdown: every import this process runs stops after the chunk it is writing and stays
   * `running` with its stored file, so the next start resumes it where it stopped.
   */
  async function stop() {
    stopping = true;
    await Promise.all([...active]);
  }

  return { store, start, run, preview, report, list, rejections, resumeInterrupted, stop, uploads };
}

/** A file parsed whole in this thread from its bytes (bounded by the upload limit), handed out in batches. */
async function parseWhole(plan: ImportPlan<unknown>, file: StoredUpload): Promise<ReadFile<unknown>> {
  const parsed = await plan.parse!(await fsp.readFile(file.path), file.fileName);
  const all: FileItem<unknown>[] = [...parsed.rejected, ...parsed.rows];
  return {
    format: parsed.format,
    ...(parsed.encoding ? { encoding: parsed.encoding } : {}),
    total: all.length,
    skipped: parsed.skipped,
    async *items() {
      for (let i = 0; i < all.length; i += CHUNK) {
        yield all.slice(i, i + CHUNK);
        await nextTurn();
      }
    },
  };
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** A refused cell's value cut like the sample's texts, so a preview stays small. */
function shortenProblem(p: LineProblem): LineProblem {
  return p.value === undefined ? p : { ...p, value: clip(p.value, PREVIEW_LIMITS.textChars) };
}

/** A sample row with long texts cut, so a preview stays small whatever the file holds. */
function shorten(v: unknown): unknown {
  if (typeof v === 'string') return clip(v, PREVIEW_LIMITS.textChars);
  if (Array.isArray(v)) return v.slice(0, 50).map(shorten);
  if (v && typeof v === 'object' && !(v instanceof Date))
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shorten(x)]));
  return v;
}

const SHEET_COLUMNS: Partial<Record<ImportKind, ColumnSpec[]>> = { members: MEMBER_COLUMNS, orders: ORDER_COLUMNS };
const EXAMPLES = 3;

/** Each header of a members or orders sheet with the field it is read as and a few of its values; null for a chat file. */
async function describeColumns(kind: ImportKind, file: StoredUpload, options: ImportOptions) {
  const specs = SHEET_COLUMNS[kind];
  if (!specs) return null;
  const table = await openTable(file);
  const keep = kind === 'members' && options.keepUnmapped === true;
  const mapped = mapHeaders(table.headers, specs, options.mapping as Record<string, string> | undefined, {
    keepUnmappedAs: keep ? 'attributes' : 'ignore',
  });
  // The first few values of each column; reading stops once every column has them.
  const examples = new Map(table.headers.map((h) => [h, [] as string[]]));
  let wanting = table.headers.length;
  read: for await (const batch of table.rows()) {
    for (const r of batch) {
      for (const [header, out] of examples) {
        const v = r.values[header];
        if (!v || out.length === EXAMPLES) continue;
        out.push(v.slice(0, 100));
        if (out.length === EXAMPLES && --wanting === 0) break read;
      }
    }
  }
  return {
    format: table.format,
    encoding: table.encoding ?? null,
    missing: mapped.missing,
    described: {
      columns: table.headers
        .filter((h) => h !== '')
        .map((header) => ({ header, field: mapped.mapping[header] ?? null, examples: examples.get(header) ?? [] })),
      missing: mapped.missing,
      fields: specs.map((c) => ({ field: c.field, required: c.required === true, oneOf: c.oneOf ?? null })),
    },
  };
}

async function explainFormatErrors<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof FormatError) {
      const code =
        e.code === 'UNSUPPORTED_ENCODING'
          ? 'UNSUPPORTED_ENCODING'
          : e.code === 'UNSUPPORTED_FORMAT'
            ? 'UNSUPPORTED_FORMAT'
            : 'VALIDATION_FAILED';
      throw new KithError(code, e.message);
    }
    throw e;
  }
}

export type ImportService = ReturnType<typeof createImportService>;

/**
 * The rejected lines of an import as CSV (the API's rejections.csv and the CLI's --report). A
 * reason quotes the refused cell, which may be a formula planted in the file: the shared CSV
 * rule defuses it.
 */
export function rejectionsCsv(rows: readonly { line: number; reason: string }[]): string {
  return UTF8_BOM + csvLine(['line', 'reason']) + rows.map((x) => csvLine([x.line, x.reason])).join('');
}
