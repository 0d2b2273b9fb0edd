import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../kernel/audit.js';
import { systemActor } from '../../kernel/context.js';
import { injector, startTestKith, staffSession, type TestKith } from '../../../test/harness.js';
import { describeUrl } from './index.js';

let kith: TestKith;
beforeAll(async () => {
  kith = await startTestKith();
});
afterAll(async () => {
  await kith?.dispose();
});

describe('GET /system', () => {
  it('names the database, its size and the latest backup from the audit log, to owners and admins only', async () => {
    const inject = injector(kith);
    const admin = await staffSession(kith, 'admin');
    const empty = (await inject({ method: 'GET', url: '/api/v1/system', headers: admin.headers })).json();
    expect(empty.lastBackup).toBeNull();
    expect(empty.database.sizeBytes).toBeGreaterThan(1_000_000);
    expect(empty.database.version).toMatch(/^\d+/);
    const cli = { actor: systemActor('cli:ops'), requestId: null };
    await recordAudit(kith.database.db, cli, {
      action: 'database.backup',
      targetType: 'database',
      after: { file: 'a.kith.gz', rows: 10 },
    });
    await recordAudit(kith.database.db, cli, {
      action: 'database.backup',
      targetType: 'database',
      after: { file: 'b.kith.gz', rows: 12 },
    });
    const info = (await inject({ method: 'GET', url: '/api/v1/system', headers: admin.headers })).json();
    expect(info.lastBackup).toMatchObject({ by: 'cli:ops', file: 'b.kith.gz', rows: 12 });
    expect(info.lastRestore).toBeNull();
    const operator = await staffSession(kith, 'operator');
    expect((await inject({ method: 'GET', url: '/api/v1/system', headers: operator.headers })).statusCode).toBe(403);
  });

  it('never shows the credentials of a DATABASE_URL', () => {
    expect(describeUrl('postgres://kith:s3cret@db.example.com:6543/kith?sslmode=require')).toBe(
      'db.example.com:6543/kith',
    );
    expect(describeUrl('not a url')).toBe('DATABASE_URL');
  });
});
