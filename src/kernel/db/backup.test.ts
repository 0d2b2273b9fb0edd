import { PassThrough, Readable } from 'node:stream';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiKeyHeaders,
  createEmptyDatabase,
  injector,
  onPostgres,
  startTestKith,
  type TestKith,
} from '../../../test/harness.js';
import { BackupError, restoreBackup, writeBackup } from './backup.js';
import { migrate, readMigrations } from './migrator.js';
import { openDatabase } from './database.js';

async function backupText(pool: pg.Pool): Promise<string> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (b: Buffer) => parts.push(b));
  await writeBackup(pool, out);
  return Buffer.concat(parts).toString('utf8');
}

/** Every table's row count and a digest of its rows, to compare two databases. */
async function fingerprint(url: string): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const tables = (
      await c.query<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public' order by 1`)
    ).rows.map((r) => r.t);
    const out: Record<string, string> = {};
    for (const t of tables) {
      const r = await c.query<{ n: number; h: string | null }>(
        `select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as h from ${pg.escapeIdentifier(t)} x`,
      );
      out[t] = `${r.rows[0]!.n}:${r.rows[0]!.h}`;
    }
    return out;
  } finally {
    await c.end();
  }
}

describe.skipIf(!onPostgres)('kith backup / kith restore', () => {
  let kith: TestKith;
  let sourceUrl: string;
  let text: string;
  const targets: { url: string; drop(): Promise<void> }[] = [];
  const target = async () => {
    // Nobody connected to it, as `kith restore` expects.
    const t = await createEmptyDatabase('kith_restore');
    targets.push(t);
    return t.url;
  };

  beforeAll(async () => {
    kith = await startTestKith();
    sourceUrl = (kith.database as { url?: string }).url!;
    const inject = injector(kith);
    const key = await apiKeyHeaders(kith, ['activities:write']);
    const community = await kith.database.db
      .insertInto('communities')
      .values({ name: '产品体验官一群', channel: 'wechat', positioning_type: 'product', goal: 'product_feedback' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const items = Array.from({ length: 60 }, (_, i) => ({
      externalId: `m-${i}`,
      kind: 'message',
      occurredAt: `2026-03-0${1 + (i % 5)}T09:05:12+08:00`,
      communityId: community.id,
      member: { channel: 'wechat', externalId: `wx-${i % 7}`, displayName: `会员${i % 7}` },
      properties: { text: `第${i}条消息，带 tab\t和换行\n和反斜杠\\` },
    }));
    const res = await inject({
      method: 'POST',
      url: '/api/v1/activities',
      headers: key,
      payload: { source: 'test', items },
    });
    expect(res.json()).toMatchObject({ created: 60 });
    await kith.jobs.runOnce();
    text = await backupText(kith.database.pool!);
  });

  afterAll(async () => {
    await kith.dispose();
    for (const t of targets) await t.drop();
  });

  it('restores every table row for row into an empty database, and ids go on after the restored ones', async () => {
    const url = await target();
    const summary = await restoreBackup(url, Readable.from([text]), { replace: false });
    expect(summary.upgraded).toEqual([]);
    expect(summary.rows).toBeGreaterThan(60);
    const [a, b] = [await fingerprint(sourceUrl), await fingerprint(url)];
    expect(b).toEqual(a);
    expect(Number(a.activities!.split(':')[0])).toBe(60);
    const restored = await openDatabase({ databaseUrl: url, poolSize: 1 });
    try {
      const max = (
        await restored.db
          .selectFrom('members')
          .select((e) => e.fn.max('id').as('m'))
          .executeTakeFirstOrThrow()
      ).m as number;
      const next = await restored.db
        .insertInto('members')
        .values({ name: '新会员' })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(next.id).toBeGreaterThan(max);
    } finally {
      await restored.close();
    }
  });

  it('refuses to replace a workspace without being told to, and while anyone is connected', async () => {
    const url = await target();
    await restoreBackup(url, Readable.from([text]), { replace: false });
    await expect(restoreBackup(url, Readable.from([text]), { replace: false })).rejects.toThrow(
      /already holds a workspace.*--replace/,
    );
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await expect(restoreBackup(url, Readable.from([text]), { replace: true })).rejects.toThrow(
        /1 other connection\(s\).*Stop Kith/,
      );
    } finally {
      await other.end();
    }
    await restoreBackup(url, Readable.from([text]), { replace: true });
    expect(await fingerprint(url)).toEqual(await fingerprint(sourceUrl));
  });

  it('a cut-short, miscounted or foreign file restores nothing and leaves the database as it was', async () => {
    const url = await target();
    await restoreBackup(url, Readable.from([text]), { replace: false });
    const before = await fingerprint(url);
    const cut = text.slice(0, Math.floor(text.length * 0.8));
    await expect(restoreBackup(url, Readable.from([cut]), { replace: true })).rejects.toThrow(/cut short/);
    const miscounted = text.replace(
      /(T \{"table":"activities"[^\n]*\n(?:D \d+\n[\s\S]*?)?)E \{"rows":60\}/,
      '$1E {"rows":61}',
    );
    expect(miscounted).not.toBe(text);
    await expect(restoreBackup(url, Readable.from([miscounted]), { replace: true })).rejects.toThrow(
      /"activities": 60 rows loaded of 61/,
    );
    await expect(restoreBackup(url, Readable.from(['id,name\n1,x\n']), { replace: true })).rejects.toThrow(BackupError);
    expect(await fingerprint(url)).toEqual(before);
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    const staging = await c.query(`select 1 from pg_namespace where nspname = 'kith_restore'`);
    await c.end();
    expect(staging.rows).toEqual([]);
  });

  it('a backup from an older Kith is restored at its schema and brought up to this one', async () => {
    const files = readMigrations();
    const olderUrl = await target();
    const older = await openDatabase({ databaseUrl: olderUrl, poolSize: 2 });
    let oldText: string;
    try {
      await migrate(older, files.slice(0, -1));
      await older.db.insertInto('members').values({ name: '老会员' }).execute();
      oldText = await backupText(older.pool!);
    } finally {
      await older.close();
    }
    expect(oldText).not.toContain(files.at(-1)!.name);
    const url = await target();
    const summary = await restoreBackup(url, Readable.from([oldText]), { replace: false, files });
    expect(summary.upgraded).toEqual([files.at(-1)!.name]);
    const restored = await openDatabase({ databaseUrl: url, poolSize: 1 });
    try {
      expect((await restored.db.selectFrom('members').select('name').execute()).map((m) => m.name)).toEqual(['老会员']);
      expect((await migrate(restored, files)).applied).toEqual([]);
    } finally {
      await restored.close();
    }
    await expect(
      restoreBackup(url, Readable.from([text]), { replace: true, files: files.slice(0, -1) }),
    ).rejects.toThrow(/newer Kith/);
  });
});
