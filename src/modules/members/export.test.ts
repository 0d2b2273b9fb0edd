import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKith, staffSession, type TestKith } from '../../../test/harness.js';
import { membersClient, type Headers } from './members.test-support.js';

let kith: TestKith;
let api: ReturnType<typeof membersClient>;
let op: Headers;
beforeAll(async () => {
  kith = await startTestKith();
  api = membersClient(kith);
  op = (await staffSession(kith, 'operator')).headers;
});
afterAll(async () => {
  await kith?.dispose();
});

/** Splits CSV text into rows of cells (quoted cells may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('CSV export', () => {
  it('writes UTF-8 with a BOM, Chinese intact, formulas defused, and is audited with the count', async () => {
    const vip = await api.tag(op, '重要客户');
    await api.create(op, {
      name: '=HYPERLINK("http://evil.example","点我")',
      city: '上海',
      tagIds: [vip.id],
      phone: '+44 20 7946 0958',
    });
    await api.create(op, { name: '小林子, "林林"', city: '上海', tagIds: [vip.id] });
    const r = await api.inject({
      method: 'GET',
      url: `/api/v1/members/export.csv?tagIds=${vip.id}&sort=created_at&order=asc`,
      headers: op,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="kith-members-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(r.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const rows = parseCsv(r.rawPayload.toString('utf8').slice(1));
    const header = rows[0]!;
    const col = (row: string[], name: string) => row[header.indexOf(name)];
    expect(rows).toHaveLength(3);
    expect(col(rows[1]!, 'name')).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    expect(col(rows[1]!, 'phone')).toBe(`'+442079460958`);
    expect(col(rows[2]!, 'name')).toBe('小林子, "林林"');
    expect(col(rows[2]!, 'tags')).toBe('重要客户');
    expect(col(rows[2]!, 'identities')).toMatch(/^wechat:wx_/);
    const [entry] = await api.audit('member.export');
    expect(entry!.after).toMatchObject({ format: 'csv', rows: 2, complete: true, filter: { tagIds: [vip.id] } });
    // A role that may export but not see contacts (the read-only analyst) gets them masked.
    const analyst = (await staffSession(kith, 'analyst')).headers;
    const masked = await api.inject({
      method: 'GET',
      url: `/api/v1/members/export.csv?tagIds=${vip.id}&sort=created_at&order=asc`,
      headers: analyst,
    });
    const mrows = parseCsv(masked.rawPayload.toString('utf8').slice(1));
    expect(col(mrows[1]!, 'phone')).toBe(`'+44*******958`);

    // For people: headers the import recognises again, values by their label, times in the workspace zone.
    const zh = await api.inject({
      method: 'GET',
      url: `/api/v1/members/export.csv?tagIds=${vip.id}&sort=created_at&order=asc&lang=zh-CN`,
      headers: op,
    });
    const zrows = parseCsv(zh.rawPayload.toString('utf8').slice(1));
    const zcol = (row: string[], name: string) => row[zrows[0]!.indexOf(name)];
    expect(zrows[0]!.slice(0, 4)).toEqual(['会员编号', '姓名', '昵称', '性别']);
    expect([zcol(zrows[2]!, '性别'), zcol(zrows[2]!, '生命周期阶段'), zcol(zrows[2]!, '营销授权')]).toEqual([
      '未知',
      '获客',
      '否',
    ]);
    expect(zcol(zrows[2]!, '建档时间')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('streams thousands of members in batches, each exactly once, without a Content-Length', async () => {
    const source = 'bulk-load';
    await sql`insert into members (name, phone, source, created_at)
      select '批量会员' || g, '139' || lpad(g::text, 8, '0'), ${source}, '2024-01-01T00:00:00Z'::timestamptz + (g % 7) * interval '1 second'
      from generate_series(1, 4500) g`.execute(kith.database.db);
    const r = await api.inject({
      method: 'GET',
      url: `/api/v1/members/export.csv?source=${source}&sort=name&order=desc`,
      headers: op,
    });
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-length']).toBeUndefined();
    expect(r.headers['transfer-encoding']).toBe('chunked');
    const rows = parseCsv(r.rawPayload.toString('utf8').slice(1)).slice(1);
    expect(rows).toHaveLength(4500);
    expect(new Set(rows.map((x) => x[0])).size).toBe(4500);
    const [entry] = await api.audit('member.export');
    expect(entry!.after).toMatchObject({ rows: 4500, complete: true });
  });

  it('is refused to a role without members:export, and to a bad filter before anything is written', async () => {
    const cm = await staffSession(kith, 'community_manager');
    expect(
      (await api.inject({ method: 'GET', url: '/api/v1/members/export.csv?email=nope', headers: op })).json().errors[0]
        .path,
    ).toBe('email');
    const key = await kith.access.createApiKey(
      { actor: { type: 'system', id: null, label: 't', communityIds: null }, requestId: null },
      { name: 'read only', scopes: ['members:read'] },
    );
    expect(
      (
        await api.inject({
          method: 'GET',
          url: '/api/v1/members/export.csv',
          headers: { authorization: `Bearer ${key.key}` },
        })
      ).statusCode,
    ).toBe(403);
    // A community manager may export, but only their own communities' members (none here).
    const own = await api.inject({ method: 'GET', url: '/api/v1/members/export.csv', headers: cm.headers });
    expect(parseCsv(own.rawPayload.toString('utf8').slice(1))).toHaveLength(1);
  });
});
