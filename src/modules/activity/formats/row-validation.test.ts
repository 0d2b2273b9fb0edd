import { describe, expect, it } from 'vitest';
import { MEMBER_COLUMNS, ORDER_COLUMNS, mapHeaders } from './column-mapping.js';
import { assertStorableHeaders, memberRowParser, parseMemberRow, parseOrderRow } from './row-validation.js';
import { FormatError } from './format-error.js';

const now = new Date('2024-06-01T04:00:00Z');

describe('parseMemberRow', () => {
  const headers = [
    '姓名',
    '昵称',
    '手机号',
    '邮箱',
    '性别',
    '生日',
    '城市',
    '公司',
    '渠道',
    '外部ID',
    'QQ号',
    '微信号',
    '标签',
    '来源',
    '营销同意',
    '阶段',
    '社群',
    '入群时间',
    '会员等级',
  ];
  const { mapping } = mapHeaders(headers, MEMBER_COLUMNS, {}, { keepUnmappedAs: 'attributes' });
  const parse = (values: Record<string, string>, opts = {}) => parseMemberRow(values, mapping, { now, ...opts });

  it('reads every field of a full row', () => {
    expect(
      parse({
        姓名: '张三',
        昵称: '三哥',
        手机号: '+86 138-0013-8000',
        邮箱: 'ZhangSan@Example.com',
        性别: '男',
        生日: '1990/5/1',
        城市: '上海',
        公司: 'Kith',
        渠道: '微信',
        外部ID: 'wxid_zhangsan',
        QQ号: '123456789',
        微信号: 'zhangsan88',
        标签: 'VIP，早鸟、VIP',
        来源: '线下活动',
        营销同意: '是',
        阶段: '活跃',
        社群: '产品体验官一群',
        入群时间: '2024-03-01 09:05:12',
        会员等级: '金卡',
      }),
    ).toEqual({
      ok: true,
      value: {
        name: '张三',
        nickname: '三哥',
        phone: '13800138000',
        email: 'zhangsan@example.com',
        gender: 'male',
        birthday: '1990-05-01',
        city: '上海',
        company: 'Kith',
        channel: 'wechat',
        identities: [
          { channel: 'wechat', externalId: 'wxid_zhangsan' },
          { channel: 'qq', externalId: '123456789' },
          { channel: 'wechat', externalId: 'zhangsan88' },
        ],
        tags: ['VIP', '早鸟'],
        source: '线下活动',
        consentMarketing: true,
        lifecycleStage: '活跃',
        community: '产品体验官一群',
        joinedAt: '2024-03-01T01:05:12.000Z',
        attributes: { 会员等级: '金卡' },
      },
    });
  });

  it.each([
    ['a phone only', { 手机号: '13800138000' }, { phone: '13800138000', identities: [], tags: [], attributes: {} }],
    ['an email only', { 邮箱: 'a@b.cn' }, { email: 'a@b.cn', identities: [], tags: [], attributes: {} }],
    [
      'a QQ number only',
      { QQ号: '10001' },
      { identities: [{ channel: 'qq', externalId: '10001' }], tags: [], attributes: {} },
    ],
    [
      'a channel account',
      { 渠道: 'slack', 外部ID: 'U123' },
      { channel: 'slack', identities: [{ channel: 'slack', externalId: 'U123' }], tags: [], attributes: {} },
    ],
    [
      'an email account on the email channel',
      { 渠道: 'email', 外部ID: 'Bob@Example.com' },
      { channel: 'email', identities: [{ channel: 'email', externalId: 'bob@example.com' }], tags: [], attributes: {} },
    ],
    [
      'blank cells only around a phone',
      { 姓名: '  ', 手机号: ' 13800138000 ', 标签: '' },
      { phone: '13800138000', identities: [], tags: [], attributes: {} },
    ],
  ])('accepts a row with %s', (_name, values, value) => {
    expect(parse(values)).toEqual({ ok: true, value });
  });

  it('collects accounts from several columns of one channel, once each', () => {
    const { mapping: m } = mapHeaders(['微信号', 'openid', '备用微信'], MEMBER_COLUMNS, {
      备用微信: 'identity:wechat',
    });
    expect(parseMemberRow({ 微信号: 'wxid_a', openid: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M', 备用微信: 'wxid_a' }, m)).toEqual(
      {
        ok: true,
        value: {
          identities: [
            { channel: 'wechat', externalId: 'wxid_a' },
            { channel: 'wechat', externalId: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M' },
          ],
          tags: [],
          attributes: {},
        },
      },
    );
  });

  it("uses the import's channel for accounts on rows without one", () => {
    expect(parse({ 外部ID: 'wxid_a' }, { defaultChannel: 'wechat' })).toEqual({
      ok: true,
      value: { identities: [{ channel: 'wechat', externalId: 'wxid_a' }], tags: [], attributes: {} },
    });
  });

  it.each([
    ['no key at all', { 姓名: '赵六' }, ['row has no phone, email or channel account to identify the member']],
    ['a short phone', { 手机号: '1380013' }, ['手机号: "1380013" is not a valid phone number']],
    ['a broken email', { 邮箱: 'wangwu@' }, ['邮箱: "wangwu@" is not a valid email address']],
    [
      'an unknown gender',
      { 手机号: '13800138000', 性别: '未说' },
      ['性别: "未说" is not a known gender (use 男/女/其他/未知 or male/female/other/unknown)'],
    ],
    [
      'an impossible birthday',
      { 手机号: '13800138000', 生日: '2024-02-30' },
      ['生日: "2024-02-30" is not a real date'],
    ],
    [
      'a birthday in the future',
      { 手机号: '13800138000', 生日: '2024-06-02' },
      ['生日: "2024-06-02" is in the future'],
    ],
    ['a birthday before 1900', { 手机号: '13800138000', 生日: '1899-12-31' }, ['生日: "1899-12-31" is before 1900']],
    [
      'unclear consent',
      { 手机号: '13800138000', 营销同意: 'maybe' },
      ['营销同意: "maybe" is not yes or no (use 是/否, yes/no, true/false, 1/0)'],
    ],
    [
      'a bad join time',
      { 手机号: '13800138000', 入群时间: '2024-13-01' },
      ['入群时间: "2024-13-01" is not a real date and time'],
    ],
    [
      'an account without a channel',
      { 外部ID: 'wxid_a' },
      ['外部ID: "wxid_a" needs a channel: add a 渠道 (channel) column or choose a channel for the import'],
    ],
    [
      'an unknown channel',
      { 渠道: 'telegram', 外部ID: 'abc' },
      [
        '渠道: "telegram" is not a known channel (use one of wechat, wecom, qq, phone, email, forum, slack, discord, douyin, weibo, dingtalk, other)',
      ],
    ],
    ['a bad QQ number', { QQ号: '12ab' }, ['QQ号: "12ab" is not a QQ number (5 to 12 digits)']],
    [
      'an overlong name',
      { 手机号: '13800138000', 姓名: '长'.repeat(256) },
      [`姓名: "${'长'.repeat(57)}…" is longer than 255 characters`],
    ],
    [
      'several problems',
      { 手机号: '1380013', 邮箱: 'x@', 性别: '?' },
      [
        '手机号: "1380013" is not a valid phone number',
        '邮箱: "x@" is not a valid email address',
        '性别: "?" is not a known gender (use 男/女/其他/未知 or male/female/other/unknown)',
      ],
    ],
  ])('refuses a row with %s', (_name, values, reasons) => {
    expect(parse(values)).toMatchObject({ ok: false, reasons });
  });

  it('reads join times in the zone passed in', () => {
    expect(
      parse({ 手机号: '13800138000', 入群时间: '2024-07-04 09:00' }, { timeZone: 'America/New_York' }),
    ).toMatchObject({
      ok: true,
      value: { joinedAt: '2024-07-04T13:00:00.000Z' },
    });
  });

  it('judges "future" birthdays by today in the workspace zone', () => {
    // 2024-05-31T20:00Z is already 1 June in Shanghai but still 31 May in New York.
    const at = new Date('2024-05-31T20:00:00Z');
    const p = memberRowParser(mapping, { now: at });
    expect(p({ 手机号: '13800138000', 生日: '2024-06-01' }).ok).toBe(true);
    const ny = memberRowParser(mapping, { now: at, timeZone: 'America/New_York' });
    expect(ny({ 手机号: '13800138000', 生日: '2024-06-01' })).toMatchObject({
      ok: false,
      reasons: ['生日: "2024-06-01" is in the future'],
    });
  });
});

describe('parseOrderRow', () => {
  const headers = [
    '订单号',
    '手机号',
    '邮箱',
    '买家姓名',
    '渠道',
    '外部ID',
    'QQ号',
    '实付金额',
    '币种',
    '下单时间',
    '订单状态',
    '退款金额',
    '商品名称',
    '规格',
    '数量',
    '单价',
    '社群',
  ];
  const { mapping } = mapHeaders(headers, ORDER_COLUMNS);
  const parse = (values: Record<string, string>) => parseOrderRow(values, mapping, { now });

  it('reads a full paid order', () => {
    expect(
      parse({
        订单号: 'E20240301001',
        手机号: '138 0013 8000',
        邮箱: 'Buyer@Example.com',
        买家姓名: '张三',
        实付金额: '¥1,299.00',
        下单时间: '2024/3/1 9:05',
        订单状态: '已支付',
        商品名称: '年度会员',
        数量: '2',
        社群: '产品体验官一群',
      }),
    ).toEqual({
      ok: true,
      value: {
        orderId: 'E20240301001',
        amount: '1299.00',
        currency: 'CNY',
        orderedAt: '2024-03-01T01:05:00.000Z',
        status: 'paid',
        items: [{ name: '年度会员', quantity: 2 }],
        quantity: 2,
        buyer: { phone: '13800138000', email: 'buyer@example.com', name: '张三', identities: [] },
        community: '产品体验官一群',
        attributes: {},
      },
    });
  });

  it.each([
    [
      'a refunded order without a refund amount (full refund)',
      { 订单状态: '已退款' },
      { status: 'refunded', refundAmount: '88.00' },
    ],
    ['a refund amount and no status', { 退款金额: '20' }, { status: 'refunded', refundAmount: '20.00' }],
    ['a zero refund on a paid order', { 订单状态: 'paid', 退款金额: '0' }, { status: 'paid' }],
    ['a currency column', { 币种: '美元' }, { currency: 'USD' }],
    [
      'a buyer found by QQ number',
      { 手机号: '', QQ号: '123456789' },
      { buyer: { identities: [{ channel: 'qq', externalId: '123456789' }] } },
    ],
    ['a quantity without a product', { 数量: '3' }, { items: [{ quantity: 3 }], quantity: 3 }],
    [
      'a SKU and unit price',
      { 商品名称: '挂耳咖啡', 规格: '10片装', 单价: '¥29.9' },
      { items: [{ name: '挂耳咖啡', sku: '10片装', unitPrice: '29.90' }] },
    ],
    [
      'a buyer found by channel account',
      { 手机号: '', 渠道: '抖音', 外部ID: 'dy_001' },
      { buyer: { identities: [{ channel: 'douyin', externalId: 'dy_001' }] } },
    ],
  ])('accepts %s', (_name, extra, expected) => {
    const r = parse({ 订单号: 'A1', 手机号: '13800138000', 实付金额: '88', 下单时间: '2024-03-01 10:00', ...extra });
    expect(r.ok).toBe(true);
    expect(r).toMatchObject({ value: expected });
    if (r.ok && !('refundAmount' in expected)) expect(r.value.refundAmount).toBeUndefined();
  });

  it('takes the currency from a symbol in the amount', () => {
    expect(parse({ 订单号: 'A1', 手机号: '13800138000', 实付金额: '$12.50', 下单时间: '2024-03-01' })).toMatchObject({
      ok: true,
      value: { amount: '12.50', currency: 'USD', orderedAt: '2024-02-29T16:00:00.000Z' },
    });
  });

  it.each([
    [
      'nothing',
      {},
      [
        '订单号 is empty',
        '实付金额 is empty',
        '下单时间 is empty',
        'row has no phone, email or channel account to identify the buyer',
      ],
    ],
    ['a negative amount', { 实付金额: '-5' }, ['实付金额: "-5" must not be negative']],
    [
      'an amount with fractions of a cent',
      { 实付金额: '12.345' },
      ['实付金额: "12.345" has more than 2 decimal places'],
    ],
    ['an amount too large', { 实付金额: '1000000000000' }, ['实付金额: "1000000000000" is too large']],
    [
      'a bad order time',
      { 下单时间: '2024-02-30 10:00' },
      ['下单时间: "2024-02-30 10:00" is not a real date and time'],
    ],
    [
      'an unpaid order',
      { 订单状态: '待付款' },
      ['订单状态: "待付款" is an unpaid or cancelled order; only paid and refunded orders are imported'],
    ],
    [
      'an unknown status',
      { 订单状态: '丢件' },
      ['订单状态: "丢件" is not a known order status (use paid/已支付 or refunded/已退款)'],
    ],
    ['a refund larger than the order', { 退款金额: '100' }, ['退款金额: "100" is more than the order amount 88.00']],
    ['a currency clash', { 实付金额: '$88', 币种: 'CNY' }, ['实付金额: "$88" is in USD but 币种 says CNY']],
    ['a unit price in another currency', { 单价: '$5' }, ['单价: "$5" is in USD but the order is in CNY']],
    ['a bad unit price', { 单价: '五块' }, ['单价: "五块" is not an amount (use digits such as 1299.00)']],
    ['a bad quantity', { 数量: '1.5' }, ['数量: "1.5" is not a whole number of items (1 or more)']],
    ['a bad buyer phone', { 手机号: '1380013' }, ['手机号: "1380013" is not a valid phone number']],
    ['no buyer', { 手机号: '' }, ['row has no phone, email or channel account to identify the buyer']],
  ] as [string, Record<string, string>, string[]][])('refuses an order with %s', (_name, extra, reasons) => {
    const base: Record<string, string> =
      Object.keys(extra).length === 0
        ? {}
        : { 订单号: 'A1', 手机号: '13800138000', 实付金额: '88', 下单时间: '2024-03-01 10:00' };
    expect(parse({ ...base, ...extra })).toMatchObject({ ok: false, reasons });
  });

  it('names missing columns by field when the file has none', () => {
    const { mapping: m } = mapHeaders(['手机号'], ORDER_COLUMNS);
    expect(parseOrderRow({ 手机号: '13800138000' }, m)).toMatchObject({
      ok: false,
      reasons: ['row has no order number', 'row has no amount', 'row has no order time'],
    });
  });
});

describe('text the database cannot store', () => {
  const { mapping: members } = mapHeaders(
    ['姓名', '手机号', '城市', '备注'],
    MEMBER_COLUMNS,
    {},
    { keepUnmappedAs: 'attributes' },
  );
  const { mapping: orders } = mapHeaders(['订单号', '手机号', '实付金额', '下单时间', '商品名称'], ORDER_COLUMNS);

  it('refuses a member row with a NUL or a lone surrogate in any cell, naming the column without quoting the cell', () => {
    expect(
      parseMemberRow({ 姓名: '李\u0000四', 手机号: '13800138001', 城市: '上\ud800海' }, members, { now }),
    ).toMatchObject({
      ok: false,
      reasons: [
        '姓名: contains a NUL character (U+0000), which cannot be stored',
        '城市: contains an unpaired UTF-16 surrogate (e.g. \\ud800 alone), which is not valid Unicode text',
      ],
    });
    // a custom attribute column is stored too
    expect(parseMemberRow({ 手机号: '13800138001', 备注: 'x\u0000' }, members, { now })).toMatchObject({
      ok: false,
      reasons: [expect.stringMatching(/^备注: contains a NUL/)],
    });
    expect(parseMemberRow({ 姓名: '李四 👋', 手机号: '13800138001' }, members, { now })).toMatchObject({ ok: true });
  });

  it('refuses an order row with a NUL in a cell', () => {
    expect(
      parseOrderRow(
        { 订单号: 'A1', 手机号: '13800138000', 实付金额: '88', 下单时间: '2024-03-01 10:00', 商品名称: '咖\u0000啡' },
        orders,
        { now },
      ),
    ).toMatchObject({
      ok: false,
      reasons: ['商品名称: contains a NUL character (U+0000), which cannot be stored'],
    });
  });

  it('refuses a header row holding such text as a whole, with its line', () => {
    expect(() => assertStorableHeaders(['姓名', '手机号'], 1)).not.toThrow();
    const e = (() => {
      try {
        assertStorableHeaders(['姓名', '手\u0000机号'], 3);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(FormatError);
    expect(e).toMatchObject({
      code: 'INVALID_TEXT',
      line: 3,
      message: expect.stringMatching(/^Column 2 of the header row \(line 3\) contains a NUL/),
    });
  });
});
