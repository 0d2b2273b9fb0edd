import fs from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { FormatError } from '../formats/index.js';
import { KithError } from '../../../kernel/errors.js';
import type { IngestService } from '../ingest.service.js';
import { planFactory } from './plans.js';
import type { FileItem } from './import-plan.js';
import type { WholeFileJob, WorkerReply } from './whole-file.js';

/**
 * Runs in a worker thread: parses a file whose format is read whole (chat exports), then hands
 * its items to the main thread a batch at a time, when asked. The parse's memory and time are the
 * worker's, so the server keeps answering meanwhile; the worker ends with the read.
 */
const job = workerData as WholeFileJob;
const port = parentPort!;
const BATCH = 500;
/** A reader that stops asking (the import found the file imported already, or failed) is not waited for. */
const IDLE_MS = 120_000;

const send = (m: WorkerReply) => port.postMessage(m);

function describeError(e: unknown): WorkerReply {
  if (e instanceof FormatError)
    return { type: 'error', kind: 'format', code: e.code, message: e.message, line: e.line };
  if (e instanceof KithError)
    return { type: 'error', kind: 'kith', code: e.code, message: e.message, fields: e.fields };
  return { type: 'error', kind: 'other', message: String((e as Error)?.message ?? e) };
}

try {
  // The plan is built only to parse: writing is the main thread's.
  const plan = planFactory({ ingest: undefined as unknown as IngestService, timeZone: job.timeZone })(
    job.kind,
    job.options,
  );
  const parsed = await plan.parse!(await fs.readFile(job.path), job.fileName);
  const items: FileItem<unknown>[] = [...parsed.rejected, ...parsed.rows];
  send({
    type: 'head',
    format: parsed.format,
    ...(parsed.encoding ? { encoding: parsed.encoding } : {}),
    total: items.length,
    skipped: parsed.skipped,
  });
  let at = 0;
  let idle = setTimeout(() => process.exit(0), IDLE_MS);
  port.on('message', () => {
    clearTimeout(idle);
    if (at >= items.length) {
      send({ type: 'end' });
      process.exit(0);
    }
    send({ type: 'items', items: items.slice(at, at + BATCH) });
    at += BATCH;
    idle = setTimeout(() => process.exit(0), IDLE_MS);
  });
} catch (e) {
  send(describeError(e));
}
