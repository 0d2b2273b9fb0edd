import { Worker } from 'node:worker_threads';
import { FormatError, type FormatErrorCode, type TextEncoding } from '../formats/index.js';
import { KithError, type ErrorCode, type FieldProblem } from '../../../kernel/errors.js';
import type { FileItem, ReadFile } from './import-plan.js';
import type { ImportKind, ImportOptions } from './import.service.js';
import type { StoredUpload } from './upload-store.js';

/**
 * Formats that are parsed whole (chat exports) are parsed in a worker thread: parsing a large
 * export takes seconds and memory in proportion to the file, and neither may stall the server's
 * event loop. The main thread pulls the items a batch at a time. The worker's heap is capped, so
 * a file too large to parse ends that worker with a clear error instead of the process.
 */

export interface WholeFileJob {
  kind: ImportKind;
  options: ImportOptions;
  timeZone: string;
  path: string;
  fileName: string;
}

export type WorkerReply =
  | { type: 'head'; format: string; encoding?: TextEncoding; total: number; skipped: number }
  | { type: 'items'; items: FileItem<unknown>[] }
  | { type: 'end' }
  | {
      type: 'error';
      kind: 'format' | 'kith' | 'other';
      code?: string;
      message: string;
      line?: number;
      fields?: FieldProblem[];
    };

/** Heap a worker may use to parse one file. */
export const WHOLE_FILE_HEAP_MB = 2048;

const ENTRY = new URL('./whole-file-worker.mjs', import.meta.url);

class Parser {
  private readonly worker: Worker;
  private waiting: { resolve: (m: WorkerReply) => void; reject: (e: unknown) => void } | null = null;
  private failure: unknown = null;

  constructor(job: WholeFileJob) {
    this.worker = new Worker(ENTRY, {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: WHOLE_FILE_HEAP_MB },
    });
    this.worker.unref();
    this.worker.on('message', (m: WorkerReply) => this.settle(m));
    this.worker.on('error', (e: Error & { code?: string }) => {
      this.failure =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new FormatError(
              'LIMIT_EXCEEDED',
              `The file is too large to read at once (more than ${WHOLE_FILE_HEAP_MB} MB of memory); split it into smaller exports and import each`,
            )
          : e;
      this.fail(this.failure);
    });
    this.worker.on('exit', () => this.fail(this.failure ?? new Error('the file reader stopped')));
  }

  private settle(m: WorkerReply) {
    const w = this.waiting;
    this.waiting = null;
    if (m.type === 'error') w?.reject(rebuild(m));
    else w?.resolve(m);
  }

  private fail(e: unknown) {
    const w = this.waiting;
    this.waiting = null;
    w?.reject(e);
  }

  /** The next reply; `ask` first sends a request for it. */
  next(ask: boolean): Promise<WorkerReply> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      if (ask) this.worker.postMessage('next');
    });
  }

  close() {
    void this.worker.terminate();
  }
}

function rebuild(m: Extract<WorkerReply, { type: 'error' }>): Error {
  if (m.kind === 'format') return new FormatError(m.code as FormatErrorCode, m.message, { line: m.line });
  if (m.kind === 'kith') return new KithError(m.code as ErrorCode, m.message, { fields: m.fields });
  return new Error(m.message);
}

async function open(job: WholeFileJob) {
  const parser = new Parser(job);
  try {
    const head = await parser.next(false);
    if (head.type !== 'head') throw new Error('the file reader answered out of turn');
    return { parser, head };
  } catch (e) {
    parser.close();
    throw e;
  }
}

/** Reads a stored upload in a worker with the plan of `kind`; every `items()` call reads it anew. */
export function wholeFileReader(deps: { timeZone: string }) {
  return async (kind: ImportKind, options: ImportOptions, file: StoredUpload): Promise<ReadFile<unknown>> => {
    const job: WholeFileJob = { kind, options, timeZone: deps.timeZone, path: file.path, fileName: file.fileName };
    let first: Parser | null = null;
    const { parser, head } = await open(job);
    first = parser;
    return {
      format: head.format,
      ...(head.encoding ? { encoding: head.encoding } : {}),
      total: head.total,
      skipped: head.skipped,
      async *items() {
        const p = first ?? (await open(job)).parser;
        first = null;
        try {
          for (;;) {
            const m = await p.next(true);
            if (m.type === 'end') return;
            if (m.type === 'items') yield m.items;
          }
        } finally {
          p.close();
        }
      },
    };
  };
}
