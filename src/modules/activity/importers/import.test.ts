import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injector, startTestKith, staffSession, systemCtx, type TestKith } from '../../../../test/harness.js';
import { rejectionsCsv } from './import.service.js';

const fixtures = path.join(import.meta.dirname, '../formats/fixtures');
const membersCsv = fs.readFileSync(path.join(fixtures, 'members-utf8-bom.csv'));
const qq = fs.readFileSync(path.join(fixtures, 'qq-export.txt'));

let kith: TestKith;
beforeAll(async () => {
  kith = await startTestKith();
});
afterAll(async () => {
  await kith?.dispose();
});

const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(kith.database.db)).rows;

function ordersCsv(n: number, refundEvery = 0) {
  const lines = ['订单号,手机号,实付金额,下单时间,状态,商品'];
  for (let i = 1; i <= n; i++) {
    const refunded = refundEvery && i % refundEvery === 0;
    lines.push(
      `SY${String(i).padStart(6, '0')},138${String(i % 400).padStart(8, '0')},${(49 + (i % 50)).toFixed(2)},2026-0${1 + (i % 9)}-1${i % 10} 10:00:00,${refunded ? '已退款' : '已支付'},咖啡豆`,
    );
  }
  return Buffer.from(lines.join('\n'));
}

describe('members import', () => {
  it('imports a CSV, reporting every bad row by line with its reason', async () => {
    const r = await kith.imports.run(systemCtx, 'members', 'members.csv', membersCsv, {});
    expect(r.status).toBe('completed');
    expect(r.createdRows).toBe(3);
    expect(r.rejections.map((x) => x.line)).toEqual([5, 7]);
    expect(r.rejections[0]!.reason).toContain('手机号: "1380013"');
    expect(r.rejections[1]!.reason).toMatch(/no phone, email or channel account/);
    const zhang = await q(
      sql<{
        phone: string;
        email: string;
        gender: string;
        birthday: string;
      }>`select phone, email, gender, birthday from members where name = '张三'`,
    );
    expect(zhang).toEqual([
      { phone: '13800138000', email: 'zhangsan@example.com', gender: 'male', birthday: '1990-05-01' },
    ]);
    const tags = await q(
      sql<{
        name: string;
      }>`select t.name from member_tags mt join tags t on t.id = mt.tag_id join members m on m.id = mt.member_id where m.name = '张三' order by t.name`,
    );
    expect(tags.map((t) => t.name)).toEqual(['VIP', '早鸟']);
    const group = await q(
      sql<{
        n: number;
      }>`select count(*)::int as n from community_memberships cm join communities c on c.id = cm.community_id where c.name = '产品体验官一群'`,
    );
    expect(group[0]!.n).toBe(2);
    // One row names the channel, the other does not: both land in the same group.
    expect(
      (await q(sql<{ n: number }>`select count(*)::int as n from communities where name = '产品体验官一群'`))[0]!.n,
    ).toBe(1);
  });

  it('writes nothing when the same file is imported again', async () => {
    const before = await q(sql<{ n: number }>`select count(*)::int as n from members`);
    const r = await kith.imports.run(systemCtx, 'members', 'members.csv', membersCsv, {});
    expect(r.alreadyImported).toBe(true);
    // with other options it is a new import, but every person is recognised again
    const again = await kith.imports.run(systemCtx, 'members', 'members.csv', membersCsv, { timeZone: 'Asia/Tokyo' });
    expect(again.alreadyImported).toBe(false);
    expect(again.createdRows).toBe(0);
    expect((await q(sql<{ n: number }>`select count(*)::int as n from members`))[0]!.n).toBe(before[0]!.n);
  });

  it('reads the same list saved as GBK and as XLSX', async () => {
    const text = membersCsv
      .toString('utf8')
      .replace(/^\ufeff/, '')
      .replace(/张三/g, '张三丰')
      .replace(/wxid_zhangsan/g, 'wxid_zsf')
      .replace('13800138000', '13800138001')
      .replace('138 0013 8000', '138 0013 8001')
      .replace('ZhangSan@', 'zsf@');
    const gbk = iconv.encode(text, 'gbk');
    const r = await kith.imports.run(systemCtx, 'members', 'gbk.csv', gbk, {});
    expect(r.format).toBe('csv');
    expect((await q(sql<{ n: number }>`select count(*)::int as n from members where name = '张三丰'`))[0]!.n).toBe(1);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('会员');
    ws.addRow(['姓名', '手机号', '城市']);
    ws.addRow(['陈七', '13912345678', '杭州']);
    ws.addRow(['周八', 'not a phone', '上海']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const x = await kith.imports.run(systemCtx, 'members', 'list.xlsx', xlsx, {});
    expect(x.format).toBe('xlsx');
    expect(x.createdRows).toBe(1);
    expect(x.rejections).toMatchObject([{ line: 3, reason: expect.stringContaining('手机号') }]);
    // The reason also as a code with its column and value, for the console to word.
    expect(x.rejections[0]!.problems).toEqual([{ code: 'cell.phone', column: '手机号', value: 'not a phone' }]);
  });

  it('refuses a file in an unknown encoding with a clear message', async () => {
    const junk = Buffer.from([0xff, 0xfe, 0xfd, 0x00, 0x81, 0x00, 0xfe, 0xff, 0x80, 0x80]);
    await expect(kith.imports.run(systemCtx, 'members', 'x.csv', junk, {})).rejects.toMatchObject({
      code: expect.stringMatching(/UNSUPPORTED_ENCODING|UNSUPPORTED_FORMAT|VALIDATION_FAILED/),
    });
  });
});

describe('orders import', () => {
  it('resumes a killed import and ends with exactly the data of an uninterrupted one', async () => {
    const file = ordersCsv(1200, 7);
    let chunks = 0;
    await expect(
      kith.imports.run(systemCtx, 'orders', 'orders.csv', file, { source: 'tmall' }, () => {
        if (++chunks === 3) throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    const partial = await q(sql<{ n: number }>`select count(*)::int as n from orders where source = 'tmall'`);
    expect(partial[0]!.n).toBeGreaterThan(0);
    expect(partial[0]!.n).toBeLessThan(1200);
    const resumed = await kith.imports.run(systemCtx, 'orders', 'orders.csv', file, { source: 'tmall' });
    expect(resumed.status).toBe('completed');
    expect(resumed.processedRows).toBe(1200);

    const reference = await startTestKith();
    try {
      await reference.imports.run(systemCtx, 'orders', 'orders.csv', file, { source: 'tmall' });
      const shape = (k: TestKith) =>
        sql<{ order_id: string; amount: string; refunded_amount: string; status: string; phone: string }>`
        select o.order_id, o.amount, o.refunded_amount, o.status, m.phone from orders o join members m on m.id = o.member_id order by o.order_id`.execute(
          k.database.db,
        );
      const a = (await shape(kith)).rows;
      const b = (await shape(reference)).rows;
      expect(a).toHaveLength(1200);
      expect(a).toEqual(b);
      expect(a.filter((o) => o.status === 'refunded')).toHaveLength(Math.floor(1200 / 7));
      const members = (k: TestKith) =>
        sql<{ n: number }>`select count(distinct member_id)::int as n from orders`.execute(k.database.db);
      expect((await members(kith)).rows[0]!.n).toBe((await members(reference)).rows[0]!.n);
    } finally {
      await reference.dispose();
    }
  });
});

describe('chat import', () => {
  it('imports a QQ export once, creating members by QQ number or email, and an overlapping export adds only the new messages', async () => {
    await kith.imports.run(systemCtx, 'members', 'members.csv', membersCsv, {}); // no-op when already imported
    const r = await kith.imports.run(systemCtx, 'chat', 'qq.txt', qq, {});
    expect(r.status).toBe('completed');
    expect(r.format).toBe('qq-txt');
    expect(r.createdRows).toBeGreaterThan(2);
    // QQ 123456789 is 李四's account from the members list: the chat lands on that member.
    const lin = await q(sql<{ text: string; name: string }>`
      select a.properties->>'text' as text, m.name from activities a
      join member_identities i on i.member_id = a.member_id and i.channel = 'qq' and i.external_id = '123456789'
      join members m on m.id = a.member_id order by a.occurred_at limit 1`);
    expect(lin[0]).toEqual({ text: '大家早上好！', name: '李四' });
    const amy = await q(
      sql<{
        text: string;
      }>`select a.properties->>'text' as text from activities a join member_identities i on i.member_id = a.member_id where i.channel = 'email' and i.external_id = 'amy@example.com'`,
    );
    expect(amy[0]!.text).toBe('早～今天的新品什么时候开售？\n第二行也是消息内容');

    const count = async () =>
      (await q(sql<{ n: number }>`select count(*)::int as n from activities where source like 'chat:%'`))[0]!.n;
    const before = await count();
    const extended = Buffer.concat([qq, Buffer.from('\r\n2024-03-09 20:00:00 小林(123456789)\r\n新的一条\r\n')]);
    const r2 = await kith.imports.run(systemCtx, 'chat', 'qq-week2.txt', extended, {});
    expect(r2.createdRows).toBe(1);
    expect(r2.duplicateRows).toBe(r.createdRows);
    expect(await count()).toBe(before + 1);
  });
});

describe('rejections CSV', () => {
  it("defuses a reason that would run as a formula in a spreadsheet (it quotes the file's own cells)", () => {
    expect(
      rejectionsCsv([
        { line: 3, reason: '=HYPERLINK("http://evil.example/steal","点我领券"): is not a phone number' },
        { line: 4, reason: '手机号: "1380013" is not a valid phone number' },
      ]),
    ).toBe(
      '\ufeffline,reason\r\n3,"\'=HYPERLINK(""http://evil.example/steal"",""点我领券""): is not a phone number"\r\n4,"手机号: ""1380013"" is not a valid phone number"\r\n',
    );
  });
});

describe('text the database cannot store, in a file', () => {
  it('makes a line with a NUL in a cell a rejected line with its number, in members, orders and chat files, and imports the rest', async () => {
    const members = Buffer.from(
      '姓名,手机号,城市\n林一,13900000001,上海\n林\u0000二,13900000002,上海\n林三,13900000003,上\u0000海\n林四,13900000004,北京\n',
    );
    const m = await kith.imports.run(systemCtx, 'members', 'nul-members.csv', members, {});
    expect(m).toMatchObject({ status: 'completed', createdRows: 2, rejectedRows: 2, error: null });
    expect(m.rejections).toEqual([
      { line: 3, reason: '姓名: contains a NUL character (U+0000), which cannot be stored' },
      { line: 4, reason: '城市: contains a NUL character (U+0000), which cannot be stored' },
    ]);

    const orders = Buffer.from(
      '订单号,手机号,实付金额,下单时间,商品\nNUL1,13900000001,10.00,2026-01-01 10:00:00,咖\u0000啡\nNUL2,13900000001,12.00,2026-01-01 11:00:00,咖啡\n',
    );
    const o = await kith.imports.run(systemCtx, 'orders', 'nul-orders.csv', orders, { source: 'nul-shop' });
    expect(o).toMatchObject({
      status: 'completed',
      createdRows: 1,
      rejectedRows: 1,
      rejections: [{ line: 2, reason: expect.stringMatching(/^商品: contains a NUL/) }],
    });

    const chat = Buffer.from(
      'time,sender_channel,sender_id,sender_name,text,community\n2024-03-01 09:05:12,qq,123456789,小林,早\u0000上好,NUL群\n2024-03-01 09:06:12,qq,123456789,小林,早上好,NUL群\n',
    );
    const c = await kith.imports.run(systemCtx, 'chat', 'nul-chat.csv', chat, {});
    expect(c).toMatchObject({
      status: 'completed',
      createdRows: 1,
      rejectedRows: 1,
      rejections: [{ line: 2, reason: expect.stringMatching(/^text: contains a NUL/) }],
    });
  });

  it('fails an import whose header holds a NUL, with the reason; refuses upload options or a file name holding one with 400; nothing written', async () => {
    const inject = injector(kith);
    const op = await staffSession(kith, 'operator');
    const imports = async () => (await q(sql<{ n: number }>`select count(*)::int as n from imports`))[0]!.n;
    const before = await imports();
    const upload = (fileName: string, content: Buffer, options?: string) => {
      const boundary = '----kithnul';
      const parts: Buffer[] = [];
      if (options)
        parts.push(
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="options"\r\n\r\n${options}\r\n`),
        );
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`,
        ),
        content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      );
      return inject({
        method: 'POST',
        url: '/api/v1/imports/members',
        headers: { ...op.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: Buffer.concat(parts),
      });
    };
    const members = async () => (await q(sql<{ n: number }>`select count(*)::int as n from members`))[0]!.n;
    const membersBefore = await members();
    // The file is read after the answer (202), so a large one never holds it up: the import then fails with the reason.
    const header = await upload('h.csv', Buffer.from('姓\u0000名,手机号\n林五,13900000005\n'));
    expect(header.statusCode).toBe(202);
    let report = (
      await inject({ method: 'GET', url: `/api/v1/imports/${header.json().id}`, headers: op.headers })
    ).json();
    for (let i = 0; report.status === 'running' && i < 100; i++) {
      await new Promise((r) => setTimeout(r, 50));
      report = (
        await inject({ method: 'GET', url: `/api/v1/imports/${header.json().id}`, headers: op.headers })
      ).json();
    }
    expect(report).toMatchObject({
      status: 'failed',
      processedRows: 0,
      error: expect.stringMatching(/^Column 1 of the header row \(line 1\) contains a NUL/),
    });
    expect(await members()).toBe(membersBefore);
    const options = await upload(
      'o.csv',
      Buffer.from('姓名,手机号\n林五,13900000005\n'),
      JSON.stringify({ mapping: { 姓名: 'name' }, timeZone: 'Asia/Shanghai', source: 'a\u0000' }),
    );
    expect(options.statusCode).toBe(400);
    expect(options.json().errors).toEqual([{ path: 'options/source', message: expect.stringContaining('NUL') }]);
    const name = await upload('a\u0000.csv', Buffer.from('姓名,手机号\n林五,13900000005\n'));
    expect(name.statusCode).toBe(400);
    expect(name.json().errors).toEqual([{ path: 'file/filename', message: expect.stringContaining('NUL') }]);
    const long = await upload(
      'o.csv',
      Buffer.from('姓名,手机号\n林五,13900000005\n'),
      JSON.stringify({ source: 'x'.repeat(100_000) }),
    );
    expect(long.statusCode).toBe(400);
    expect(long.json().errors).toEqual([{ path: 'options/source', message: 'must be at most 200 characters' }]);
    expect(await imports()).toBe(before + 1); // the failed one, nothing for the refused uploads
  });
});

describe('import API', () => {
  function multipart(fileName: string, content: Buffer, options?: object) {
    const boundary = '----kith' + Math.random().toString(16).slice(2);
    const parts: Buffer[] = [];
    if (options)
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="options"\r\n\r\n${JSON.stringify(options)}\r\n`,
        ),
      );
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  }

  it('previews how each column of a sheet is mapped, and the mapping the user chose', async () => {
    const inject = injector(kith);
    const op = await staffSession(kith, 'operator');
    const preview = async (kind: string, file: Buffer, options?: object) => {
      const m = multipart('m.csv', file, options);
      return inject({
        method: 'POST',
        url: `/api/v1/imports/${kind}/preview`,
        headers: { ...op.headers, ...m.headers },
        payload: m.payload,
      });
    };
    const auto = (await preview('members', membersCsv)).json();
    expect(auto).toMatchObject({ format: 'csv', rows: 3, missing: [] });
    expect(auto.rejected.map((x: { line: number }) => x.line)).toEqual([5, 7]);
    expect(auto.columns.slice(0, 3)).toEqual([
      { header: '姓名', field: 'name', examples: ['张三', '李四', '王五'] },
      { header: '手机号', field: 'phone', examples: ['138 0013 8000', '+86 139-0013-9000', '1380013'] },
      { header: '邮箱', field: 'email', examples: ['ZhangSan@Example.com', 'wangwu@', 'amy@example.com'] },
    ]);
    expect(auto.columns.find((c: { header: string }) => c.header === '备注')).toMatchObject({ field: null });
    expect(auto.fields).toContainEqual({ field: 'phone', required: false, oneOf: 'member key' });

    // 备注 kept as a custom attribute by hand; 邮箱 left out
    const chosen = (await preview('members', membersCsv, { mapping: { 备注: 'attr:备注', 邮箱: 'ignore' } })).json();
    expect(chosen.columns.find((c: { header: string }) => c.header === '备注')).toMatchObject({ field: 'attr:备注' });
    expect(chosen.columns.find((c: { header: string }) => c.header === '邮箱')).toMatchObject({ field: null });

    // a sheet without a key column is described, not refused: the user maps 联系方式 next
    const noKey = Buffer.from('会员,联系方式\n小林,13800000001\n');
    const described = await preview('members', noKey);
    expect(described.statusCode).toBe(200);
    expect(described.json()).toMatchObject({
      rows: 0,
      missing: ['one of phone, email, external_id, identity:qq, identity:wechat'],
      columns: [
        { header: '会员', field: null },
        { header: '联系方式', field: null },
      ],
    });
    expect((await preview('members', noKey, { mapping: { 联系方式: 'phone', 会员: 'name' } })).json()).toMatchObject({
      rows: 1,
      missing: [],
    });
    const unknown = await preview('members', noKey, { mapping: { 联系方式: 'shoe_size' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().detail).toContain('shoe_size');

    // a chat file has no columns to map
    expect((await preview('chat', qq)).json()).not.toHaveProperty('columns');
  });

  it('lists the communities and tags a sheet would create, and imports with existing ones only when asked', async () => {
    const inject = injector(kith);
    const op = await staffSession(kith, 'operator');
    await inject({
      method: 'POST',
      url: '/api/v1/communities',
      headers: op.headers,
      payload: { name: '手冲同好群', channel: 'wechat', positioningType: 'interest', goal: 'interaction' },
    });
    await inject({ method: 'POST', url: '/api/v1/members/tags', headers: op.headers, payload: { name: '老客' } });
    // 所在社群 is the wizard's own word for the community column.
    const sheet = Buffer.from(
      '姓名,手机号,所在社群,标签\n甲,13811110001,手冲同好群,老客\n乙,13811110002,不存在的群,新标签甲\n丙,13811110003,不存在的群,\n',
    );
    const send = async (path: string, options: object) => {
      const m = multipart('m.csv', sheet, options);
      return inject({
        method: 'POST',
        url: `/api/v1/imports/${path}`,
        headers: { ...op.headers, ...m.headers },
        payload: m.payload,
      });
    };
    const pv = (await send('members/preview', {})).json();
    expect(pv.columns.find((c: { header: string }) => c.header === '所在社群')).toMatchObject({ field: 'community' });
    expect(pv.wouldCreate).toEqual({
      communities: [{ name: '不存在的群', rows: 2 }],
      tags: [{ name: '新标签甲', rows: 1 }],
    });
    const started = await send('members', { onlyExisting: true });
    expect(started.statusCode).toBe(202);
    const report = await finished(inject, started.json().id, op.headers);
    expect(report).toMatchObject({ status: 'completed', createdRows: 1, rejectedRows: 2 });
    const communities = await sql<{
      n: number;
    }>`select count(*)::int as n from communities where name = '不存在的群'`.execute(kith.database.db);
    expect(communities.rows[0]!.n).toBe(0); // nothing was created behind the operator's back
    const lines = await inject({
      method: 'GET',
      url: `/api/v1/imports/${started.json().id}/rejections.csv`,
      headers: op.headers,
    });
    expect(lines.body).toContain('不存在的群 is not a community');
  });

  it('previews, runs and reports an uploaded file; analysts may not import', async () => {
    const inject = injector(kith);
    const op = await staffSession(kith, 'operator');
    const file = ordersCsv(30, 0);
    const pv = multipart('o.csv', file, { source: 'jd' });
    const preview = await inject({
      method: 'POST',
      url: '/api/v1/imports/orders/preview',
      headers: { ...op.headers, ...pv.headers },
      payload: pv.payload,
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ format: 'csv', rows: 30, rejected: [] });
    const up = multipart('o.csv', file, { source: 'jd' });
    const started = await inject({
      method: 'POST',
      url: '/api/v1/imports/orders',
      headers: { ...op.headers, ...up.headers },
      payload: up.payload,
    });
    expect(started.statusCode).toBe(202);
    const report = await finished(inject, started.json().id, op.headers);
    expect(report).toMatchObject({ status: 'completed', createdRows: 30 });
    const analyst = await staffSession(kith, 'analyst');
    const denied = multipart('o.csv', file);
    expect(
      (
        await inject({
          method: 'POST',
          url: '/api/v1/imports/orders',
          headers: { ...analyst.headers, ...denied.headers },
          payload: denied.payload,
        })
      ).statusCode,
    ).toBe(403);
    const bad = await inject({
      method: 'POST',
      url: '/api/v1/imports/orders',
      headers: { ...op.headers, 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(bad.statusCode).toBe(415);
    const audit = await q(
      sql<{
        action: string;
      }>`select action from audit_log where action = 'import.orders' and actor_label = ${op.email}`,
    );
    expect(audit).toHaveLength(1);
  });
});

/** The report of an import once it stopped running (polled, as the console does). */
async function finished(inject: ReturnType<typeof injector>, id: number, headers: Record<string, string>) {
  let report;
  for (let i = 0; i < 100; i++) {
    report = (await inject({ method: 'GET', url: `/api/v1/imports/${id}`, headers })).json();
    if (report.status !== 'running') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return report;
}
