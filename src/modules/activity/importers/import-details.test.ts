import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { injector, startTestKith, staffSession, systemCtx, type TestKith } from '../../../../test/harness.js';
import { chatMessageKey, parseQqExport } from '../formats/index.js';

const fixtures = path.join(import.meta.dirname, '../formats/fixtures');
const qqMail = fs.readFileSync(path.join(fixtures, 'qq-mail-headers.txt'));

let kith: TestKith;
beforeAll(async () => {
  kith = await startTestKith();
});
afterAll(async () => {
  await kith?.dispose();
});

const q = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(kith.database.db)).rows;
const chatCount = async () =>
  (await q(sql<{ n: number }>`select count(*)::int as n from activities where source like 'chat:%'`))[0]!.n;

/** A QQ export of one conversation that does not name it (no 消息对象 section). */
const unnamedQq = (extra = '') =>
  Buffer.from(
    [
      '2024-06-01 08:00:00 小周(23456789)',
      '早',
      '',
      '2024-06-01 08:00:00 小周(23456789)',
      '早',
      '',
      '2024-06-01 08:01:00 阿美(34567890)',
      '今天有活动吗？',
      '',
    ].join('\r\n') + extra,
  );

describe('QQ Mail headers', () => {
  it('reads 张伟<12345678@qq.com> as QQ account 12345678: one member for both header forms', async () => {
    const r = await kith.imports.run(systemCtx, 'chat', 'qq-mail.txt', qqMail, {});
    expect(r).toMatchObject({ status: 'completed', createdRows: 7, rejectedRows: 0 });
    const zhang = await q(sql<{ member_id: number; channel: string; external_id: string }>`
      select distinct a.member_id, i.channel, i.external_id from activities a join member_identities i on i.member_id = a.member_id
      where a.source = 'chat:qq-txt' and a.properties->>'senderName' = '张伟'`);
    expect(zhang).toEqual([{ member_id: expect.any(Number), channel: 'qq', external_id: '12345678' }]);
    expect(await q(sql`select 1 from member_identities where external_id = '12345678@qq.com'`)).toEqual([]);
    // An address outside QQ Mail stays an email account.
    expect(
      await q(
        sql<{ channel: string }>`select channel from member_identities where external_id = 'wangfang@example.com'`,
      ),
    ).toEqual([{ channel: 'email' }]);
  });

  it('files QQ placeholders under the kinds WeChat messages get', async () => {
    const kinds = await q(sql<{ text: string; kind: string }>`
      select a.properties->>'text' as text, a.properties->>'msgType' as kind from activities a
      where a.source = 'chat:qq-txt' and a.occurred_at >= '2024-05-01T02:00:00Z' and a.occurred_at < '2024-05-01T02:06:00Z' order by a.occurred_at`);
    expect(kinds).toEqual([
      { text: '早上好', kind: 'text' },
      { text: '[图片]', kind: 'image' },
      { text: '[表情]', kind: 'sticker' },
      { text: '[文件]', kind: 'file' },
      { text: '看这个[图片]', kind: 'text' },
      { text: '[语音]', kind: 'voice' },
      { text: '[图片][图片]', kind: 'image' },
    ]);
  });
});

describe('chat re-import under another group name', () => {
  it('writes no message twice when the same file is imported with two group names', async () => {
    const first = await kith.imports.run(systemCtx, 'chat', 'unnamed.txt', unnamedQq(), { group: '周末跑团' });
    expect(first.createdRows).toBe(3);
    const before = await chatCount();
    const second = await kith.imports.run(systemCtx, 'chat', 'unnamed.txt', unnamedQq(), { group: '周末跑团（新）' });
    expect(second).toMatchObject({ alreadyImported: false, createdRows: 0, duplicateRows: 3 });
    expect(await chatCount()).toBe(before);
    // The messages stay in the community they were first filed under.
    const where = await q(
      sql<{
        name: string;
      }>`select distinct c.name from activities a join communities c on c.id = a.community_id where a.properties->>'text' = '今天有活动吗？'`,
    );
    expect(where).toEqual([{ name: '周末跑团' }]);
  });

  it('does the same for a WeChat export, whose file name and group option do not name the conversation', async () => {
    const wechat = fs.readFileSync(path.join(fixtures, 'wechat-group_utf8.csv'));
    const first = await kith.imports.run(systemCtx, 'chat', 'wechat-group_utf8.csv', wechat, { group: '新品体验群' });
    expect(first.createdRows).toBeGreaterThan(0);
    const second = await kith.imports.run(systemCtx, 'chat', 'renamed.csv', wechat, { group: '新品体验群 2 群' });
    expect(second).toMatchObject({ createdRows: 0, duplicateRows: first.createdRows });
  });

  it('recognises messages imported under the earlier key scheme (group name and QQ Mail address in the key)', async () => {
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');
    // An earlier import of the same conversation wrote keys of group|time|channel|id|seq|text.
    const earlier = Buffer.from(
      ['2024-07-01 09:00:00 老陈(45678901)', '签到', '', '2024-07-01 09:00:05 老陈<45678901@qq.com>', '签到', ''].join(
        '\r\n',
      ),
    );
    const r = await kith.imports.run(systemCtx, 'chat', 'earlier.txt', earlier, { group: '早起打卡群' });
    expect(r.createdRows).toBe(2);
    const [plain, mail] = parseQqExport(earlier).messages;
    const rewrite = async (newKey: string, oldKey: string) =>
      sql`update activities set external_id = ${oldKey} where source = 'chat:qq-txt' and external_id = ${newKey}`.execute(
        kith.database.db,
      );
    await rewrite(chatMessageKey(plain!), hash(`早起打卡群|${plain!.occurredAt}|qq|45678901|0|签到`));
    await rewrite(chatMessageKey(mail!), hash(`早起打卡群|${mail!.occurredAt}|email|45678901@qq.com|0|签到`));

    const before = await chatCount();
    const week2 = Buffer.concat([earlier, Buffer.from('\r\n2024-07-02 09:00:00 老陈(45678901)\r\n签到\r\n')]);
    const again = await kith.imports.run(systemCtx, 'chat', 'week2.txt', week2, { group: '早起打卡群' });
    expect(again).toMatchObject({ createdRows: 1, duplicateRows: 2 });
    expect(await chatCount()).toBe(before + 1);
  });

  it('recognises earlier keys when two conversations of one file were filed under one group name', async () => {
    const hash = (s: string) => createHash('sha256').update(s).digest('hex');
    // One CSV holding two conversations (TalkerId 7 and 8) where the same member said the same
    // thing in the same second: the earlier scheme numbered the two 0 and 1 within the group.
    const csv = Buffer.from(
      [
        'TalkerId,Type,IsSender,StrContent,StrTime,NickName,Sender',
        '7,1,0,收到,2024-08-01 10:00:00,阿杰,wxid_ajie',
        '8,1,0,收到,2024-08-01 10:00:00,阿杰,wxid_ajie',
      ].join('\n'),
    );
    const r = await kith.imports.run(systemCtx, 'chat', 'two.csv', csv, { group: '合并群' });
    expect(r.createdRows).toBe(2);
    const rows = await q(
      sql<{
        id: number;
      }>`select id from activities where source = 'chat:wechat-csv' and properties->>'text' = '收到' order by id`,
    );
    const at = '2024-08-01T02:00:00.000Z';
    // Only the second one (number 1 under the earlier scheme) is known; the first is not.
    await sql`update activities set external_id = 'gone' where id = ${rows[0]!.id}`.execute(kith.database.db);
    await sql`update activities set external_id = ${hash(`合并群|${at}|wechat|wxid_ajie|1|收到`)} where id = ${rows[1]!.id}`.execute(
      kith.database.db,
    );
    const again = await kith.imports.run(systemCtx, 'chat', 'two-again.csv', Buffer.concat([csv, Buffer.from('\n')]), {
      group: '合并群',
    });
    expect(again).toMatchObject({ createdRows: 1, duplicateRows: 1 });
  });
});

describe('orders import keeps what was bought', () => {
  it('stores quantity, product, SKU and unit price in the order items, shown by GET /orders', async () => {
    const csv = [
      '订单号,手机号,实付金额,下单时间,商品,规格,数量,单价',
      'QTY001,13700001111,118.00,2026-03-01 10:00:00,挂耳咖啡,10片装,2,59.00',
      'QTY002,13700001111,30.00,2026-03-02 10:00:00,,,3,',
    ].join('\n');
    const r = await kith.imports.run(systemCtx, 'orders', 'qty.csv', Buffer.from(csv), { source: 'qty-shop' });
    expect(r).toMatchObject({ createdRows: 2, rejectedRows: 0 });
    const op = await staffSession(kith, 'operator');
    const res = await injector(kith)({ method: 'GET', url: '/api/v1/orders?limit=500', headers: op.headers });
    expect(res.statusCode).toBe(200);
    const items = Object.fromEntries(
      (res.json().items as { orderId: string; items: unknown[] }[])
        .filter((o) => o.orderId.startsWith('QTY'))
        .map((o) => [o.orderId, o.items]),
    );
    expect(items).toEqual({
      QTY001: [{ name: '挂耳咖啡', sku: '10片装', quantity: 2, unitPrice: '59.00' }],
      QTY002: [{ quantity: 3 }],
    });
  });

  it('reads quantity from an English header', async () => {
    const csv =
      'order id,email,amount,order date,product,qty,unit price\nEN-1,buyer@example.com,20,2026-03-03 09:00:00,Mug,4,5\n';
    await kith.imports.run(systemCtx, 'orders', 'en.csv', Buffer.from(csv), { source: 'en-shop' });
    expect(await q(sql<{ items: unknown }>`select items from orders where order_id = 'EN-1'`)).toEqual([
      { items: [{ name: 'Mug', quantity: 4, unitPrice: '5.00' }] },
    ]);
  });
});

describe('import preview', () => {
  function multipart(fileName: string, content: Buffer) {
    const boundary = '----kith' + Math.random().toString(16).slice(2);
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
  }

  it('says which text encoding the file was read as', async () => {
    const op = await staffSession(kith, 'operator');
    const preview = async (kind: string, fileName: string, file: Buffer) => {
      const m = multipart(fileName, file);
      const res = await injector(kith)({
        method: 'POST',
        url: `/api/v1/imports/${kind}/preview`,
        headers: { ...op.headers, ...m.headers },
        payload: m.payload,
      });
      expect(res.statusCode).toBe(200);
      return res.json().encoding;
    };
    const sheet = '姓名,手机号\n张三,13800138000\n';
    expect(await preview('members', 'a.csv', Buffer.from(sheet))).toBe('utf-8');
    expect(
      await preview('members', 'b.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sheet)])),
    ).toBe('utf-8-bom');
    expect(await preview('members', 'c.csv', iconv.encode(sheet, 'gbk'))).toBe('gb18030');
    // described rather than read (no key column): the encoding is still told
    expect(await preview('members', 'd.csv', iconv.encode('会员,联系方式\n小林,13800000001\n', 'gbk'))).toBe('gb18030');
    expect(await preview('chat', 'qq.txt', qqMail)).toBe('utf-8');
  });
});
