import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injector, startTestKith, staffSession, type TestKith } from '../../../test/harness.js';

let kith: TestKith;
beforeAll(async () => {
  kith = await startTestKith();
});
afterAll(async () => {
  await kith?.dispose();
});

describe('getting-started checklist', () => {
  it('ticks each step as it is done, until the staff member puts it away', async () => {
    const inject = injector(kith);
    const owner = await staffSession(kith, 'owner');
    const get = async (headers = owner.headers) =>
      (await inject({ method: 'GET', url: '/api/v1/overview/checklist', headers })).json();
    const done = (c: { steps: { key: string; done: boolean }[] }) => c.steps.filter((s) => s.done).map((s) => s.key);
    let c = await get();
    expect(c).toMatchObject({ dismissed: false, complete: false });
    expect(c.steps.map((s: { key: string }) => s.key)).toEqual(['community', 'members', 'programme', 'colleagues']);
    expect(done(c)).toEqual([]);

    const db = kith.database.db;
    await sql`insert into communities (name, channel, positioning_type, goal) values ('新手群', 'wechat', 'interest', 'interaction')`.execute(
      db,
    );
    await sql`insert into members (name) values ('第一位会员')`.execute(db);
    const operator = await staffSession(kith, 'operator'); // a colleague
    c = await get();
    expect(done(c)).toEqual(['community', 'members', 'colleagues']);

    // Put away for this person only, and written down.
    const put = await inject({ method: 'POST', url: '/api/v1/overview/checklist/dismiss', headers: owner.headers });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().dismissed).toBe(true);
    expect((await get(operator.headers)).dismissed).toBe(false);
    const audit = await sql<{
      n: number;
    }>`select count(*)::int as n from audit_log where action = 'overview.checklist.dismiss'`.execute(db);
    expect(audit.rows[0]!.n).toBe(1);

    // Not a page for those who cannot set the workspace up.
    const analyst = await staffSession(kith, 'analyst');
    expect(
      (await inject({ method: 'GET', url: '/api/v1/overview/checklist', headers: analyst.headers })).statusCode,
    ).toBe(403);
  });
});
