import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../../kernel/db/database.js';
import type { Clock } from '../../../kernel/clock.js';
import type { ActorContext } from '../../../kernel/context.js';
import { KithError } from '../../../kernel/errors.js';
import { recordAudit } from '../../../kernel/audit.js';
import { FormatError, MEMBER_COLUMNS, ORDER_COLUMNS, mapHeaders, readTable, type ColumnSpec } from '../formats/index.js';
import type { ImportPlan, ParsedFile, RowOutcome } from './import-plan.js';
import { csvLine, UTF8_BOM } from '../../../web/shared/spreadsheet-cell.js';

export type ImportKind = 'members' | 'orders' | 'chat';
export const IMPORT_KINDS: ImportKind[] = ['members', 'orders', 'chat'];
const CHUNK = 500;
const REPORTED_REJECTIONS = 5000;

export interface ImportReport {
  id: number;
  kind: ImportKind;
  format: string;
  fileName: string;
  status: 'running' | 'completed' | 'failed';
  totalRows: number;
  processedRows: number;
  createdRows: number;
  updatedRows: number;
  duplicateRows: number;
  rejectedRows: number;
  skippedRows: number;
  /** True when this exact file with these options was imported before: nothing was written again. */
  alreadyImported: boolean;
  rejections: { line: number; reason: string }[];
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
}

export type Progress = (p: { processed: number; total: number }) => void | Promise<void>;

/** Options that change what an import writes; part of its identity (with the file's hash). */
export type ImportOptions = Record<string, string | number | boolean | Record<string, string> | undefined>;

function canonical(o: ImportOptions): string {
  const sorted = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().filter((k) => (v as Record<string, unknown>)[k] !== undefined).map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
      : v;
  return JSON.stringify(sorted(o));
}

export function createImportService(deps: { database: Database; clock: Clock; plans: (kind: ImportKind, options: ImportOptions) => ImportPlan<unknown> }) {
  const { database, clock } = deps;
  const db = database.db;

  async function report(id: number, alreadyImported = false): Promise<ImportReport> {
    const r = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!r) throw new KithError('NOT_FOUND', `Import ${id} was not found`);
    const rejections = await db.selectFrom('import_rejections').select(['line', 'reason']).where('import_id', '=', id).orderBy('line').limit(REPORTED_REJECTIONS).execute();
    return {
      id: r.id, kind: r.kind as ImportKind, format: r.format, fileName: r.file_name, status: r.status as ImportReport['status'],
      totalRows: r.total_rows, processedRows: r.processed_rows, createdRows: r.created_rows, updatedRows: r.updated_rows,
      duplicateRows: r.duplicate_rows, rejectedRows: r.rejected_rows, skippedRows: r.skipped_rows, alreadyImported, rejections,
      error: r.error, createdAt: r.created_at.toISOString(), finishedAt: r.finished_at?.toISOString() ?? null,
    };
  }

  /**
   * Parses without writing: what the file holds and how it would be read. For a sheet (members,
   * orders) also how each column is mapped, so the user can correct it; a sheet lacking a
   * required column is described rather than refused, since fixing the mapping is the next step.
   */
  async function preview(kind: ImportKind, fileName: string, data: Buffer, options: ImportOptions) {
    const plan = deps.plans(kind, options);
    const sheet = await explainFormatErrors(() => describeColumns(kind, data, fileName, options));
    // The encoding is told so that a file read as the wrong one (garbled names) is noticed before importing.
    if (sheet && sheet.missing.length) return { format: sheet.format, encoding: sheet.encoding, rows: 0, rejected: [], skipped: 0, sample: [], ...sheet.described };
    const parsed = await parseOrExplain(plan, data, fileName);
    return { format: parsed.format, encoding: parsed.encoding ?? null, rows: parsed.rows.length, rejected: parsed.rejected, skipped: parsed.skipped, sample: parsed.rows.slice(0, 20), ...sheet?.described };
  }

  /**
   * Starts an import (or resumes one that stopped) and returns its id once the file is parsed;
   * `finished` settles when every row is written. The same file with the same options is one
   * import: starting it again after it completed writes nothing and returns the first report.
   */
  async function start(ctx: ActorContext, kind: ImportKind, fileName: string, data: Buffer, options: ImportOptions, progress?: Progress) {
    const plan = deps.plans(kind, options);
    const sha = crypto.createHash('sha256').update(data).digest('hex');
    const opts = canonical(options);
    let row = await db.selectFrom('imports').selectAll()
      .where('kind', '=', kind).where('file_sha256', '=', sha).where(sql`options::text`, '=', sql<string>`${opts}::jsonb::text`)
      .executeTakeFirst();
    if (row?.status === 'completed') {
      const done = await report(row.id, true);
      return { id: row.id, alreadyImported: true, finished: Promise.resolve(done) };
    }
    const parsed = await parseOrExplain(plan, data, fileName);
    const total = parsed.rows.length + parsed.rejected.length;
    if (!row) {
      row = await database.transaction(async (tx) => {
        const r = await tx.insertInto('imports').values({
          kind, format: parsed.format, file_name: fileName.slice(0, 255), file_sha256: sha, options: opts, started_by: ctx.actor.label,
          total_rows: total, rejected_rows: parsed.rejected.length, skipped_rows: parsed.skipped,
        }).returningAll().executeTakeFirstOrThrow();
        for (let i = 0; i < parsed.rejected.length; i += 1000) {
          await tx.insertInto('import_rejections')
            .values(parsed.rejected.slice(i, i + 1000).map((x) => ({ import_id: r.id, line: x.line, reason: x.reason.slice(0, 1000) })))
            .onConflict((oc) => oc.columns(['import_id', 'line']).doNothing()).execute();
        }
        await recordAudit(tx, ctx, { action: `import.${kind}`, targetType: 'import', targetId: r.id, after: { fileName, sha256: sha, rows: total, options } });
        return r;
      });
    } else if (row.status === 'failed') {
      await db.updateTable('imports').set({ status: 'running', error: null }).where('id', '=', row.id).execute();
    }
    const id = row.id;
    const finished = writeRows(ctx, id, plan, parsed, total, row.processed_rows, progress);
    return { id, alreadyImported: false, finished };
  }

  async function writeRows(ctx: ActorContext, id: number, plan: ImportPlan<unknown>, parsed: ParsedFile<unknown>, total: number, from: number, progress?: Progress): Promise<ImportReport> {
    let done = from;
    await progress?.({ processed: done + parsed.rejected.length, total });
    try {
      while (done < parsed.rows.length) {
        const chunk = parsed.rows.slice(done, done + CHUNK);
        await database.transaction(async (tx) => {
          // Re-check the resume point under lock: another runner may have moved it.
          const cur = await tx.selectFrom('imports').select('processed_rows').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
          if (cur.processed_rows !== done) {
            done = cur.processed_rows;
            return;
          }
          const outcomes = await plan.apply(tx, ctx, chunk);
          const count = (s: RowOutcome['status']) => outcomes.filter((o) => o.status === s).length;
          const rejected = outcomes.filter((o) => o.status === 'rejected');
          if (rejected.length) {
            await tx.insertInto('import_rejections')
              .values(rejected.map((x) => ({ import_id: id, line: x.line, reason: (x.reason ?? 'rejected').slice(0, 1000) })))
              .onConflict((oc) => oc.columns(['import_id', 'line']).doNothing()).execute();
          }
          await tx.updateTable('imports').set((eb) => ({
            processed_rows: done + chunk.length,
            created_rows: eb('created_rows', '+', count('created')),
            updated_rows: eb('updated_rows', '+', count('updated')),
            duplicate_rows: eb('duplicate_rows', '+', count('duplicate')),
            rejected_rows: eb('rejected_rows', '+', rejected.length),
            skipped_rows: eb('skipped_rows', '+', count('skipped')),
          })).where('id', '=', id).execute();
          done += chunk.length;
        });
        await progress?.({ processed: done + parsed.rejected.length, total });
      }
      await db.updateTable('imports').set({ status: 'completed', finished_at: clock.now() }).where('id', '=', id).execute();
      // A large import changes the shape of the tables; fresh statistics keep query plans right
      // (the embedded database has no autovacuum to do it).
      if (parsed.rows.length >= 1000) await sql`analyze members, member_identities, activities, orders, community_memberships`.execute(db);
    } catch (e) {
      // Committed chunks stay; running the same file again resumes after them.
      await db.updateTable('imports').set({ status: 'failed', error: String((e as Error).message ?? e).slice(0, 1000) }).where('id', '=', id).execute().catch(() => {});
      throw e;
    }
    return report(id);
  }

  /** Runs an import to its end and returns the report. */
  async function run(ctx: ActorContext, kind: ImportKind, fileName: string, data: Buffer, options: ImportOptions, progress?: Progress): Promise<ImportReport> {
    return (await start(ctx, kind, fileName, data, options, progress)).finished;
  }

  async function list(limit = 50) {
    const rows = await db.selectFrom('imports').select('id').orderBy('id', 'desc').limit(limit).execute();
    return Promise.all(rows.map((r) => report(r.id)));
  }

  /** Every rejected line of an import, in file order. */
  async function rejections(id: number) {
    await report(id);
    return db.selectFrom('import_rejections').select(['line', 'reason']).where('import_id', '=', id).orderBy('line').execute();
  }

  return { start, run, preview, report, list, rejections };
}

const SHEET_COLUMNS: Partial<Record<ImportKind, ColumnSpec[]>> = { members: MEMBER_COLUMNS, orders: ORDER_COLUMNS };
const EXAMPLES = 3;

/** Each header of a members or orders sheet with the field it is read as and a few of its values; null for a chat file. */
async function describeColumns(kind: ImportKind, data: Buffer, fileName: string, options: ImportOptions) {
  const specs = SHEET_COLUMNS[kind];
  if (!specs) return null;
  const table = await readTable(data, fileName);
  const keep = kind === 'members' && options.keepUnmapped === true;
  const mapped = mapHeaders(table.headers, specs, options.mapping as Record<string, string> | undefined, { keepUnmappedAs: keep ? 'attributes' : 'ignore' });
  const examples = (header: string) => {
    const out: string[] = [];
    for (const r of table.rows) {
      const v = r.values[header];
      if (v) out.push(v.slice(0, 100));
      if (out.length === EXAMPLES) break;
    }
    return out;
  };
  return {
    format: table.format,
    encoding: table.encoding ?? null,
    missing: mapped.missing,
    described: {
      columns: table.headers.filter((h) => h !== '').map((header) => ({ header, field: mapped.mapping[header] ?? null, examples: examples(header) })),
      missing: mapped.missing,
      fields: specs.map((c) => ({ field: c.field, required: c.required === true, oneOf: c.oneOf ?? null })),
    },
  };
}

async function parseOrExplain<R>(plan: ImportPlan<R>, data: Buffer, fileName: string) {
  return explainFormatErrors(() => plan.parse(data, fileName));
}

async function explainFormatErrors<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    if (e instanceof FormatError) {
      const code = e.code === 'UNSUPPORTED_ENCODING' ? 'UNSUPPORTED_ENCODING' : e.code === 'UNSUPPORTED_FORMAT' ? 'UNSUPPORTED_FORMAT' : 'VALIDATION_FAILED';
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
