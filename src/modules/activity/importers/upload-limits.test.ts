import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Readable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injector, startTestKith, staffSession, type TestKith } from '../../../../test/harness.js';

/**
 * Uploads are streamed to disk and read as a stream: a huge or absurdly wide file is refused
 * early with the limit it broke, the server keeps answering meanwhile, and memory does not grow
 * with the file.
 */

const MAX_MB = 40;
/**
 * Worst event-loop delay allowed while a file is received and read. Reading a file whole blocked
 * the loop for seconds (16.8 s for a 9.9 MB file); a streamed read yields every few milliseconds,
 * but on a shared two-core machine running several test files at once, the process itself waits
 * for a core now and then, so the margin is generous.
 */
const MAX_LOOP_DELAY_MS = 500;
// The heap is sampled after a full collection, so the figure is memory held, not garbage not yet
// collected (which V8 lets grow freely and would make the figure noise).
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
let kith: TestKith;
let dir: string;
beforeAll(async () => {
  kith = await startTestKith({ config: { importMaxMb: MAX_MB } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-upload-test-'));
});
afterAll(async () => {
  await kith?.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes a file from generated text pieces without building it in memory. */
async function writeFile(name: string, pieces: () => Generator<string>): Promise<string> {
  const file = path.join(dir, name);
  const out = fs.createWriteStream(file);
  for (const p of pieces()) if (!out.write(p)) await new Promise<void>((r) => out.once('drain', () => r()));
  await new Promise<void>((r) => out.end(() => r()));
  return file;
}

/** A multipart body streamed from a file on disk, as a browser sends it. */
function multipartFrom(file: string, options?: object) {
  const boundary = '----kith' + Math.random().toString(16).slice(2);
  const head =
    (options
      ? `--${boundary}\r\nContent-Disposition: form-data; name="options"\r\n\r\n${JSON.stringify(options)}\r\n`
      : '') +
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${path.basename(file)}"\r\nContent-Type: text/csv\r\n\r\n`;
  async function* body() {
    yield Buffer.from(head);
    yield* fs.createReadStream(file);
    yield Buffer.from(`\r\n--${boundary}--\r\n`);
  }
  return { payload: Readable.from(body()), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * Runs `request` while measuring the event loop's worst delay and asking /healthz every 100 ms;
 * with `heap`, also samples the memory held after a full collection every 250 ms (the delay
 * figure then includes those pauses and means nothing). Answers the response with the figures.
 */
async function measured<T>(request: () => Promise<T>, opts: { heap?: boolean } = {}) {
  const inject = injector(kith);
  const delay = monitorEventLoopDelay({ resolution: 10 });
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  let slowestHealth = 0;
  let healthChecks = 0;
  let done = false;
  delay.enable();
  const probe = (async () => {
    while (!done) {
      const t = performance.now();
      const h = await inject({ method: 'GET', url: '/healthz' });
      expect(h.statusCode).toBe(200);
      slowestHealth = Math.max(slowestHealth, performance.now() - t);
      healthChecks++;
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const heapTimer = opts.heap
    ? setInterval(() => {
        gc();
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      }, 250)
    : undefined;
  try {
    const result = await request();
    return { result, maxDelayMs: delay.max / 1e6, slowestHealth, healthChecks, heapGrowth: heapPeak - heapBefore };
  } finally {
    done = true;
    clearInterval(heapTimer);
    delay.disable();
    await probe;
  }
}

const fileCount = () =>
  fs.existsSync(kith.imports.uploads.dir)
    ? fs.readdirSync(kith.imports.uploads.dir).filter((f) => f.endsWith('.upload')).length
    : 0;

describe('import uploads', () => {
  it('refuses a CSV of a million columns early in a preview, fails its import with the same reason, naming the limit, while /healthz keeps answering', async () => {
    const file = await writeFile('wide.csv', function* () {
      const cols = 1_000_000;
      for (let i = 0; i < cols; i += 10_000)
        yield Array.from({ length: 10_000 }, (_, k) => `c${i + k}`).join(',') + (i + 10_000 < cols ? ',' : '\n');
      yield `${'1,'.repeat(cols - 1)}1\n`;
    });
    expect(fs.statSync(file).size).toBeGreaterThan(9_000_000);
    const op = await staffSession(kith, 'operator');
    const inject = injector(kith);
    const before = fileCount();
    const preview = multipartFrom(file);
    const p = await measured(() =>
      inject({
        method: 'POST',
        url: '/api/v1/imports/members/preview',
        headers: { ...op.headers, ...preview.headers },
        payload: preview.payload,
      }),
    );
    expect(p.result.statusCode).toBe(400);
    expect(p.result.json().detail).toMatch(/^Line 1 has more than [\d,]+ columns; at most 200 are read/);
    expect(p.result.body.length).toBeLessThan(2000);
    // Started, the upload is answered at once and read in the background: the import fails with the same reason.
    const m = multipartFrom(file);
    const s = await measured(async () => {
      const res = await inject({
        method: 'POST',
        url: '/api/v1/imports/members',
        headers: { ...op.headers, ...m.headers },
        payload: m.payload,
      });
      expect(res.statusCode).toBe(202);
      for (;;) {
        const r = (
          await inject({ method: 'GET', url: `/api/v1/imports/${res.json().id}`, headers: op.headers })
        ).json();
        if (r.status !== 'running') return r;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    });
    expect(s.result).toMatchObject({
      status: 'failed',
      processedRows: 0,
      createdRows: 0,
      error: expect.stringMatching(/^Line 1 has more than [\d,]+ columns; at most 200 are read/),
    });
    for (const x of [p, s]) {
      expect(x.maxDelayMs).toBeLessThan(MAX_LOOP_DELAY_MS);
      expect(x.slowestHealth).toBeLessThan(2 * MAX_LOOP_DELAY_MS);
    }
    expect(await kith.database.db.selectFrom('imports').select('status').execute()).toEqual([{ status: 'failed' }]);
    expect(fileCount()).toBe(before); // nothing left behind
  });

  it('names the column count of a sheet a little too wide', async () => {
    const file = await writeFile('300.csv', function* () {
      yield Array.from({ length: 300 }, (_, k) => `h${k}`).join(',') + '\n';
      yield '1,2,3\n';
    });
    const op = await staffSession(kith, 'operator');
    const m = multipartFrom(file);
    const res = await injector(kith)({
      method: 'POST',
      url: '/api/v1/imports/members/preview',
      headers: { ...op.headers, ...m.headers },
      payload: m.payload,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().detail).toContain('Line 1 has 300 columns; at most 200 are read');
  });

  it(`refuses a file larger than KITH_IMPORT_MAX_MB with 413, keeping nothing of it`, async () => {
    const file = await writeFile('big.csv', function* () {
      yield '姓名,手机号\n';
      const block =
        Array.from({ length: 1000 }, (_, i) => `会员${i},138${String(i).padStart(8, '0')}`).join('\n') + '\n';
      for (let n = 0; n < ((MAX_MB + 5) * 1024 * 1024) / block.length; n++) yield block;
    });
    const op = await staffSession(kith, 'operator');
    const before = fileCount();
    const m = multipartFrom(file);
    const { result: res, maxDelayMs } = await measured(() =>
      injector(kith)({
        method: 'POST',
        url: '/api/v1/imports/members',
        headers: { ...op.headers, ...m.headers },
        payload: m.payload,
      }),
    );
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      detail: expect.stringContaining(`larger than ${MAX_MB} MB`),
    });
    expect(maxDelayMs).toBeLessThan(MAX_LOOP_DELAY_MS);
    expect(fileCount()).toBe(before);
  });

  it('previews a large sheet as a stream: the heap grows far less than the file, the loop stays responsive', async () => {
    const rows = 520_000;
    const file = await writeFile('many.csv', function* () {
      yield '姓名,手机号,城市,备注\n';
      for (let i = 0; i < rows; i += 1000) {
        yield (
          Array.from(
            { length: 1000 },
            (_, k) => `会员${i + k},139${String(i + k).padStart(8, '0')},杭州,${'备注'.repeat(5)}`,
          ).join('\n') + '\n'
        );
      }
    });
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(30 * 1024 * 1024);
    const op = await staffSession(kith, 'operator');
    const preview = (heap: boolean) => {
      const m = multipartFrom(file);
      return measured(
        () =>
          injector(kith)({
            method: 'POST',
            url: '/api/v1/imports/members/preview',
            headers: { ...op.headers, ...m.headers },
            payload: m.payload,
          }),
        { heap },
      );
    };
    const { result: res, maxDelayMs, healthChecks } = await preview(false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ format: 'csv', rows, rejected: [] });
    expect(res.json().sample).toHaveLength(20);
    expect(res.body.length).toBeLessThan(64 * 1024);
    expect(healthChecks).toBeGreaterThan(3);
    expect(maxDelayMs).toBeLessThan(MAX_LOOP_DELAY_MS);
    const { result: again, heapGrowth } = await preview(true);
    expect(again.json().rows).toBe(rows);
    expect(heapGrowth).toBeLessThan(size / 2);
  });

  it('parses a large chat export away from the event loop, and its errors still name the problem', async () => {
    const messages = 300_000;
    const file = await writeFile('qq.txt', function* () {
      yield '消息记录（此消息记录为文本格式，不支持重新导入）\n\n================================================================\n消息分组:我的群聊\n================================================================\n消息对象:产品体验官一群\n================================================================\n\n';
      for (let i = 0; i < messages; i += 1000) {
        yield (
          Array.from(
            { length: 1000 },
            (_, k) =>
              `2024-03-01 9:${String((i + k) % 60).padStart(2, '0')}:12 会员${(i + k) % 5000}(${100000 + ((i + k) % 5000)})\n第 ${i + k} 条消息，大家早上好！\n`,
          ).join('\n') + '\n'
        );
      }
    });
    expect(fs.statSync(file).size).toBeGreaterThan(15 * 1024 * 1024);
    const op = await staffSession(kith, 'operator');
    const m = multipartFrom(file);
    const {
      result: res,
      maxDelayMs,
      healthChecks,
    } = await measured(() =>
      injector(kith)({
        method: 'POST',
        url: '/api/v1/imports/chat/preview',
        headers: { ...op.headers, ...m.headers },
        payload: m.payload,
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ format: 'qq-txt', rows: messages });
    expect(res.body.length).toBeLessThan(64 * 1024);
    expect(maxDelayMs).toBeLessThan(MAX_LOOP_DELAY_MS);
    expect(healthChecks).toBeGreaterThan(3);

    const junk = await writeFile('junk.txt', function* () {
      yield 'nothing a chat export looks like\n';
    });
    const j = multipartFrom(junk);
    const refused = await injector(kith)({
      method: 'POST',
      url: '/api/v1/imports/chat/preview',
      headers: { ...op.headers, ...j.headers },
      payload: j.payload,
    });
    expect(refused.statusCode).toBe(415);
    expect(refused.json()).toMatchObject({ code: 'UNSUPPORTED_FORMAT', detail: expect.stringContaining('QQ') });
  });
});
