import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createKith, type Kith } from '../../../app.js';
import { createLogger } from '../../../kernel/logger.js';
import { packageRoot } from '../../../kernel/paths.js';
import {
  onPostgres,
  openTestDatabase,
  startTestKith,
  systemCtx,
  testConfig,
  type TestKith,
} from '../../../../test/harness.js';
import { createImportService, ownerIsGone, IMPORT_LEASE_MS } from './import.service.js';
import { planFactory } from './plans.js';

/**
 * An import cut short by a crash resumes by itself at the next start, from its stored upload,
 * and ends with exactly what an uninterrupted import of the same file writes.
 */

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-import-resume-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** 1,500 orders, every 7th refunded, every 100th with an amount that is refused. */
function ordersFile(): string {
  const lines = ['订单号,手机号,实付金额,下单时间,状态,商品'];
  for (let i = 1; i <= 1500; i++) {
    const amount = i % 100 === 0 ? 'free' : (49 + (i % 50)).toFixed(2);
    lines.push(
      `SY${String(i).padStart(6, '0')},138${String(i % 400).padStart(8, '0')},${amount},2026-0${1 + (i % 9)}-1${i % 10} 10:00:00,${i % 7 === 0 ? '已退款' : '已支付'},咖啡豆`,
    );
  }
  const file = path.join(dir, 'orders.csv');
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

/** Runs the import in a child process and SIGKILLs it once `killAt` items are committed. */
function importAndKill(target: string, file: string, killAt: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(packageRoot, 'test/fixtures/import-worker.ts'), target, file],
      { cwd: packageRoot },
    );
    let committed = 0;
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += d;
      for (const m of out.matchAll(/committed (\d+)\n/g)) committed = Math.max(committed, Number(m[1]));
      if (committed >= killAt) child.kill('SIGKILL');
    });
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL'
        ? resolve(committed)
        : reject(new Error(`import ended (${code}) before being killed: ${out} ${err}`)),
    );
  });
}

const ordersShape = async (k: Kith) =>
  (
    await sql<{ order_id: string; amount: string; refunded_amount: string; status: string; phone: string }>`
  select o.order_id, o.amount, o.refunded_amount, o.status, m.phone from orders o join members m on m.id = o.member_id order by o.order_id`.execute(
      k.database.db,
    )
  ).rows;
const figures = (r: {
  status: string;
  totalRows: number;
  processedRows: number;
  createdRows: number;
  updatedRows: number;
  duplicateRows: number;
  rejectedRows: number;
  skippedRows: number;
  rejections: unknown[];
}) => ({
  status: r.status,
  totalRows: r.totalRows,
  processedRows: r.processedRows,
  createdRows: r.createdRows,
  updatedRows: r.updatedRows,
  duplicateRows: r.duplicateRows,
  rejectedRows: r.rejectedRows,
  skippedRows: r.skippedRows,
  rejections: r.rejections,
});

describe('imports interrupted by a crash', () => {
  it('resume at the next start from the stored file and end as an uninterrupted import does', async () => {
    const file = ordersFile();
    let target: string;
    let cleanup = async () => {};
    if (onPostgres) {
      const d = await openTestDatabase();
      target = (d.pool as unknown as { options: { connectionString: string } }).options.connectionString;
      cleanup = () => d.dropAll();
    } else {
      target = path.join(dir, 'data');
    }
    const committed = await importAndKill(target, file, 1000);
    expect(committed).toBeGreaterThanOrEqual(1000);

    const config = testConfig(onPostgres ? { databaseUrl: target } : { dataDir: target });
    const kith = await createKith({ config, log: createLogger('silent') });
    const reference = await startTestKith();
    try {
      const [left] = await kith.imports.list();
      expect(left).toMatchObject({ status: 'running' });
      expect(left!.processedRows).toBeGreaterThanOrEqual(1000);
      expect(left!.processedRows).toBeLessThan(1500); // the kill really happened mid-import

      const resumed = await kith.imports.resumeInterrupted();
      expect(resumed.map((r) => r.id)).toEqual([left!.id]);
      const done = await resumed[0]!.finished;

      const expected = await reference.imports.run(systemCtx, 'orders', 'orders.csv', fs.readFileSync(file), {
        source: 'tmall',
      });
      expect(figures(done)).toEqual(figures(expected));
      expect(done).toMatchObject({ status: 'completed', totalRows: 1500, processedRows: 1500, rejectedRows: 15 });
      const a = await ordersShape(kith);
      expect(a).toHaveLength(1485);
      expect(new Set(a.map((o) => o.order_id)).size).toBe(1485);
      expect(a).toEqual(await ordersShape(reference));
      // The stored upload went with the import.
      expect(fs.readdirSync(kith.imports.uploads.dir).filter((f) => f.endsWith('.upload'))).toEqual([]);
    } finally {
      await reference.dispose();
      await kith.close();
      await cleanup();
    }
  }, 120_000);
});

describe('imports whose process is gone', () => {
  let kith: TestKith;
  afterAll(async () => {
    await kith?.dispose();
  });

  it('are marked interrupted when the stored file is gone, and uploading the file again resumes them', async () => {
    kith = await startTestKith();
    const file = ordersFile();
    // The runner stops after its first chunk, as a process that hangs and is then lost.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let chunks = 0;
    const run = kith.imports.run(
      systemCtx,
      'orders',
      'orders.csv',
      fs.readFileSync(file),
      { source: 'tmall' },
      async () => {
        if (++chunks === 2) await held;
      },
    );
    let row;
    for (
      let i = 0;
      i < 200 &&
      !(row = await kith.database.db
        .selectFrom('imports')
        .selectAll()
        .where('processed_rows', '>', 0)
        .executeTakeFirst());
      i++
    )
      await new Promise((r) => setTimeout(r, 50));
    expect(row).toBeDefined();
    // Its owner was another machine, silent for longer than the lease; its file lived in that machine's temp folder.
    await kith.database.db
      .updateTable('imports')
      .set({ owner: 'elsewhere:4242:0000', heartbeat_at: new Date(Date.now() - IMPORT_LEASE_MS - 60_000) })
      .where('id', '=', row!.id)
      .execute();
    fs.rmSync(row!.upload_path!);

    expect(await kith.imports.resumeInterrupted()).toEqual([]);
    const interrupted = await kith.imports.report(row!.id);
    expect(interrupted).toMatchObject({
      status: 'interrupted',
      processedRows: 500,
      error: expect.stringContaining('upload the same file with the same options to resume'),
    });
    // The old runner wakes up: the import is no longer its own, it writes nothing more.
    release();
    expect((await run).status).toBe('interrupted');
    expect((await kith.imports.report(row!.id)).processedRows).toBe(500);

    const again = await kith.imports.run(systemCtx, 'orders', 'orders.csv', fs.readFileSync(file), { source: 'tmall' });
    expect(again).toMatchObject({
      id: row!.id,
      status: 'completed',
      totalRows: 1500,
      processedRows: 1500,
      createdRows: 1485,
      rejectedRows: 15,
      duplicateRows: 0,
    });
    expect((await ordersShape(kith)).length).toBe(1485);
  });

  it('stop at a chunk boundary when Kith shuts down, keeping their file, and resume at the next start', async () => {
    const k = await startTestKith();
    try {
      const file = ordersFile();
      let chunks = 0;
      const stopped = await k.imports.run(
        systemCtx,
        'orders',
        'orders.csv',
        fs.readFileSync(file),
        { source: 'tmall' },
        () => {
          if (++chunks === 2) void k.imports.stop(); // as kith.close() does on SIGTERM
        },
      );
      expect(stopped).toMatchObject({ status: 'running', processedRows: 500 });
      const row = await k.database.db
        .selectFrom('imports')
        .select('upload_path')
        .where('id', '=', stopped.id)
        .executeTakeFirstOrThrow();
      expect(fs.existsSync(row.upload_path!)).toBe(true);

      // The next start of this process: same machine and pid, another life.
      const next = createImportService({
        database: k.database,
        clock: k.clock,
        uploads: k.imports.uploads,
        plans: planFactory({ ingest: k.ingest, timeZone: k.config.timeZone }),
      });
      const [resumed] = await next.resumeInterrupted();
      expect(await resumed!.finished).toMatchObject({
        id: stopped.id,
        status: 'completed',
        processedRows: 1500,
        createdRows: 1485,
        rejectedRows: 15,
        duplicateRows: 0,
      });
      expect(fs.existsSync(row.upload_path!)).toBe(false);
      expect((await ordersShape(k)).length).toBe(1485);
    } finally {
      await k.dispose();
    }
  });

  it('belong to a dead process only when its pid is gone on this machine or its lease ran out elsewhere', () => {
    const now = new Date();
    const me = 'here:100:aaaa';
    const alive = (pid: number) => pid === 200;
    expect(ownerIsGone('here:200:bbbb', now, me, now, alive)).toBe(false); // another live process here
    expect(ownerIsGone('here:300:bbbb', now, me, now, alive)).toBe(true); // its pid is gone
    expect(ownerIsGone('here:100:cccc', now, me, now, alive)).toBe(true); // an earlier life of this pid
    expect(ownerIsGone(me, now, me, now, alive)).toBe(false); // this process
    expect(ownerIsGone('there:300:bbbb', now, me, now, alive)).toBe(false); // another machine, lease fresh
    expect(ownerIsGone('there:300:bbbb', new Date(now.getTime() - IMPORT_LEASE_MS - 1), me, now, alive)).toBe(true);
    expect(ownerIsGone(null, null, me, now, alive)).toBe(true);
  });
});
