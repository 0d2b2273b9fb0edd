import { describe, expect, it } from 'vitest';
import { FormatError } from './format-error.js';
import {
  MEMBER_COLUMNS,
  ORDER_COLUMNS,
  assertNoMissingColumns,
  isKnownField,
  mapHeaders,
  normalizeHeader,
} from './column-mapping.js';

describe('normalizeHeader', () => {
  it.each([
    ['Phone Number', 'phonenumber'],
    ['phone_number', 'phonenumber'],
    ['E-mail', 'email'],
    ['Order No.', 'orderno'],
    ['手机号*', '手机号'],
    ['手机号（必填）', '手机号'],
    ['ＱＱ号', 'qq号'],
    ['identity:douyin', 'identity:douyin'],
  ])('%s → %s', (h, key) => {
    expect(normalizeHeader(h)).toBe(key);
  });
});

describe('mapHeaders for members', () => {
  it.each([
    ['name', 'name'],
    ['姓名', 'name'],
    ['名字', 'name'],
    ['真实姓名', 'name'],
    ['nickname', 'nickname'],
    ['昵称', 'nickname'],
    ['群昵称', 'nickname'],
    ['微信昵称', 'nickname'],
    ['phone', 'phone'],
    ['手机', 'phone'],
    ['手机号', 'phone'],
    ['手机号码', 'phone'],
    ['电话', 'phone'],
    ['Mobile', 'phone'],
    ['email', 'email'],
    ['邮箱', 'email'],
    ['电子邮箱', 'email'],
    ['E-Mail', 'email'],
    ['gender', 'gender'],
    ['性别', 'gender'],
    ['birthday', 'birthday'],
    ['生日', 'birthday'],
    ['出生日期', 'birthday'],
    ['city', 'city'],
    ['城市', 'city'],
    ['所在城市', 'city'],
    ['company', 'company'],
    ['公司', 'company'],
    ['单位', 'company'],
    ['channel', 'channel'],
    ['渠道', 'channel'],
    ['平台', 'channel'],
    ['external_id', 'external_id'],
    ['External ID', 'external_id'],
    ['外部ID', 'external_id'],
    ['账号', 'external_id'],
    ['用户ID', 'external_id'],
    ['qq', 'identity:qq'],
    ['QQ', 'identity:qq'],
    ['QQ号', 'identity:qq'],
    ['微信号', 'identity:wechat'],
    ['wechat', 'identity:wechat'],
    ['openid', 'identity:wechat'],
    ['OpenID', 'identity:wechat'],
    ['identity:douyin', 'identity:douyin'],
    ['identity:抖音', 'identity:douyin'],
    ['tags', 'tags'],
    ['标签', 'tags'],
    ['source', 'source'],
    ['来源', 'source'],
    ['consent_marketing', 'consent_marketing'],
    ['营销同意', 'consent_marketing'],
    ['接受营销', 'consent_marketing'],
    ['lifecycle_stage', 'lifecycle_stage'],
    ['阶段', 'lifecycle_stage'],
    ['生命周期', 'lifecycle_stage'],
    ['community', 'community'],
    ['社群', 'community'],
    ['群', 'community'],
    ['群名称', 'community'],
    ['joined_at', 'joined_at'],
    ['Joined At', 'joined_at'],
    ['入群时间', 'joined_at'],
    ['加入时间', 'joined_at'],
  ])('%s → %s', (header, field) => {
    expect(mapHeaders([header], MEMBER_COLUMNS).mapping).toEqual({ [header]: field });
  });

  it('reports unrecognised columns, or keeps them as attributes when asked', () => {
    const headers = ['姓名', '手机号', '会员等级', ''];
    expect(mapHeaders(headers, MEMBER_COLUMNS)).toEqual({
      mapping: { 姓名: 'name', 手机号: 'phone' },
      missing: [],
      unmapped: ['会员等级'],
      duplicates: [],
    });
    expect(mapHeaders(headers, MEMBER_COLUMNS, {}, { keepUnmappedAs: 'attributes' })).toEqual({
      mapping: { 姓名: 'name', 手机号: 'phone', 会员等级: 'attr:会员等级' },
      missing: [],
      unmapped: [],
      duplicates: [],
    });
  });

  it('gives a field to the first column that names it', () => {
    expect(mapHeaders(['手机', '电话', '姓名'], MEMBER_COLUMNS)).toEqual({
      mapping: { 手机: 'phone', 姓名: 'name' },
      missing: [],
      unmapped: ['电话'],
      duplicates: ['电话'],
    });
  });

  it('lets several columns hold accounts on one channel', () => {
    const { mapping, duplicates } = mapHeaders(['微信号', 'openid', '手机号'], MEMBER_COLUMNS);
    expect(mapping).toEqual({ 微信号: 'identity:wechat', openid: 'identity:wechat', 手机号: 'phone' });
    expect(duplicates).toEqual([]);
  });

  it('lets the user map and ignore columns by hand', () => {
    const r = mapHeaders(['联系方式', '手机号', '备注', '昵称'], MEMBER_COLUMNS, {
      联系方式: 'phone',
      备注: 'attr:note',
      昵称: 'ignore',
    });
    expect(r).toEqual({
      mapping: { 联系方式: 'phone', 备注: 'attr:note' },
      missing: [],
      unmapped: ['手机号', '昵称'],
      duplicates: ['手机号'],
    });
  });

  it('ignores overrides for headers the file does not have and canonicalises identity fields', () => {
    expect(mapHeaders(['手机号', '抖音号'], MEMBER_COLUMNS, { 联系方式: 'phone', 抖音号: 'identity:抖音' })).toEqual({
      mapping: { 手机号: 'phone', 抖音号: 'identity:douyin' },
      missing: [],
      unmapped: [],
      duplicates: [],
    });
  });

  it('refuses an override to a field that does not exist', () => {
    try {
      mapHeaders(['联系方式'], MEMBER_COLUMNS, { 联系方式: 'telephone' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      expect((e as FormatError).code).toBe('UNKNOWN_FIELD');
      expect((e as FormatError).message).toBe(
        'Column "联系方式" cannot be imported as "telephone": there is no such field',
      );
    }
  });

  it('needs at least one column that identifies the member', () => {
    const r = mapHeaders(['姓名', '城市'], MEMBER_COLUMNS);
    expect(r.missing).toEqual(['one of phone, email, external_id, identity:qq, identity:wechat']);
    expect(mapHeaders(['姓名', 'identity:douyin'], MEMBER_COLUMNS).missing).toEqual([]);
    expect(() => assertNoMissingColumns(r, MEMBER_COLUMNS)).toThrow(
      new FormatError(
        'MISSING_COLUMNS',
        'The file has no column for one of phone, email, external_id, identity:qq, identity:wechat',
      ),
    );
  });
});

describe('mapHeaders for orders', () => {
  it.each([
    ['order_id', 'order_id'],
    ['订单号', 'order_id'],
    ['订单编号', 'order_id'],
    ['Order No', 'order_id'],
    ['order no.', 'order_id'],
    ['手机号', 'member_phone'],
    ['phone', 'member_phone'],
    ['email', 'member_email'],
    ['邮箱', 'member_email'],
    ['channel', 'channel'],
    ['external_id', 'external_id'],
    ['QQ号', 'identity:qq'],
    ['微信号', 'identity:wechat'],
    ['amount', 'amount'],
    ['金额', 'amount'],
    ['实付金额', 'amount'],
    ['订单金额', 'amount'],
    ['Total', 'amount'],
    ['currency', 'currency'],
    ['币种', 'currency'],
    ['ordered_at', 'ordered_at'],
    ['下单时间', 'ordered_at'],
    ['支付时间', 'ordered_at'],
    ['订单时间', 'ordered_at'],
    ['date', 'ordered_at'],
    ['status', 'status'],
    ['状态', 'status'],
    ['refund_amount', 'refund_amount'],
    ['退款金额', 'refund_amount'],
    ['items', 'items'],
    ['商品', 'items'],
    ['商品名称', 'items'],
    ['quantity', 'quantity'],
    ['数量', 'quantity'],
    ['community', 'community'],
    ['社群', 'community'],
  ])('%s → %s', (header, field) => {
    expect(mapHeaders([header], ORDER_COLUMNS).mapping).toEqual({ [header]: field });
  });

  it('lists every required column that is missing', () => {
    const r = mapHeaders(['商品', '数量'], ORDER_COLUMNS);
    expect(r.missing).toEqual([
      'order_id',
      'amount',
      'ordered_at',
      'one of member_phone, member_email, external_id, identity:qq, identity:wechat',
    ]);
    expect(() => assertNoMissingColumns(r, ORDER_COLUMNS)).toThrow(
      'The file has no column for order_id (订单号, 订单编号, 订单ID); amount (金额, 实付金额, 订单金额); ordered_at (下单时间, 支付时间, 订单时间); one of member_phone, member_email, external_id, identity:qq, identity:wechat',
    );
  });

  it('accepts a typical Youzan-style export', () => {
    const r = mapHeaders(
      ['订单号', '买家手机', '实付金额', '下单时间', '支付时间', '订单状态', '商品名称', '数量'],
      ORDER_COLUMNS,
    );
    expect(r).toEqual({
      mapping: {
        订单号: 'order_id',
        买家手机: 'member_phone',
        实付金额: 'amount',
        下单时间: 'ordered_at',
        订单状态: 'status',
        商品名称: 'items',
        数量: 'quantity',
      },
      missing: [],
      unmapped: ['支付时间'],
      duplicates: ['支付时间'],
    });
  });
});

describe('isKnownField', () => {
  it.each([
    ['phone', true],
    ['attr:会员等级', true],
    ['attr:', false],
    ['identity:qq', true],
    ['identity:抖音', true],
    ['identity:telegram', false],
    ['telephone', false],
  ])('%s → %s', (field, known) => {
    expect(isKnownField(field, MEMBER_COLUMNS)).toBe(known);
  });
});

describe("the console's own words", () => {
  // The import wizard names each field (zh-CN and English); a sheet whose headers are those names —
  // or the words operators use for them, e.g. 所在社群 — must map without a hand-made mapping.
  it('maps every field label the wizard shows, in both languages, to that field', async () => {
    const { zh, en } = await import('../../../web/console/src/pages/import/messages.js');
    const wrong: string[] = [];
    for (const [columns, kind] of [
      [MEMBER_COLUMNS, 'members'],
      [ORDER_COLUMNS, 'orders'],
    ] as const) {
      for (const spec of columns) {
        for (const labels of [zh, en] as Record<string, string>[]) {
          const label = labels[`importField.${spec.field}`];
          if (!label) continue;
          const m = mapHeaders([label], columns, undefined, { keepUnmappedAs: 'ignore' });
          if (m.mapping[label] !== spec.field) wrong.push(`${kind}: ${label} → ${m.mapping[label] ?? 'nothing'}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(['所在社群', '所属社群', '社群名称', '群聊名称', 'Community name'])('reads %s as the community', (h) => {
    expect(mapHeaders([h, '手机号'], MEMBER_COLUMNS, undefined, { keepUnmappedAs: 'ignore' }).mapping[h]).toBe(
      'community',
    );
  });
});
