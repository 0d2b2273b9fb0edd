import { describe, expect, it } from 'vitest';
import {
  compareAmounts,
  parseAmount,
  parseChannel,
  parseConsent,
  parseCurrency,
  parseEmail,
  parseGender,
  parseOrderStatus,
  parsePhone,
  parseQuantity,
  quote,
  splitTags,
} from './values.js';
import { parseExternalId } from './identity.js';

describe('parsePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['138-0013-8000', '13800138000'],
    ['+86 138 0013 8000', '13800138000'],
    ['+86-13800138000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['(+86) 138 0013 8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
    ['+1 415 555 0100', '+14155550100'],
    ['+44 20 7946 0958', '+442079460958'],
    ['0044 20 7946 0958', '+442079460958'],
    ['+852 9123 4567', '+85291234567'],
    ['+86 10 6552 9988', '+861065529988'],
  ])('%s → %s', (raw, value) => {
    expect(parsePhone(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['1380013', 'is not a valid phone number'],
    ['23800138000', 'is not a valid phone number'],
    ['138001380001', 'is not a valid phone number'],
    ['+86 1380013', 'is not a valid phone number'],
    ['+123456', 'is not a valid phone number'],
    ['+1234567890123456', 'is not a valid phone number'],
    ['call me', 'is not a valid phone number'],
    [
      '1.38001E+10',
      'is not a valid phone number (the spreadsheet shortened it to scientific notation; format the column as text and export again)',
    ],
  ])('refuses %s', (raw, problem) => {
    expect(parsePhone(raw)).toMatchObject({ ok: false, problem });
  });
});

describe('parseEmail', () => {
  it.each([
    ['amy@example.com', 'amy@example.com'],
    ['  Amy.Lee@Example.COM ', 'amy.lee@example.com'],
    ['123456789@qq.com', '123456789@qq.com'],
    ['a+tag@sub.example.cn', 'a+tag@sub.example.cn'],
    ['ａｍｙ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'amy@example.com'],
  ])('%s → %s', (raw, value) => {
    expect(parseEmail(raw)).toEqual({ ok: true, value });
  });

  it.each([
    'wangwu@',
    '@example.com',
    'amy@example',
    'amy@@example.com',
    'amy example@x.com',
    '.amy@example.com',
    'amy..lee@example.com',
    'amy@-example.com',
    'amy@example..com',
  ])('refuses %s', (raw) => {
    expect(parseEmail(raw)).toMatchObject({ ok: false, problem: 'is not a valid email address' });
  });
});

describe('parseAmount', () => {
  it.each([
    ['¥1,299.00', { amount: '1299.00', currency: 'CNY' }],
    ['1299', { amount: '1299.00' }],
    ['1299.5', { amount: '1299.50' }],
    ['￥88', { amount: '88.00', currency: 'CNY' }],
    ['88元', { amount: '88.00', currency: 'CNY' }],
    ['RMB 88', { amount: '88.00', currency: 'CNY' }],
    ['$12.99', { amount: '12.99', currency: 'USD' }],
    ['HK$100', { amount: '100.00', currency: 'HKD' }],
    ['12.30 EUR', { amount: '12.30', currency: 'EUR' }],
    ['0', { amount: '0.00' }],
    ['0.10', { amount: '0.10' }],
    ['007', { amount: '7.00' }],
    ['12.3400', { amount: '12.34' }],
    ['1,234,567.8', { amount: '1234567.80' }],
    ['999999999999.99', { amount: '999999999999.99' }],
    ['１２９９', { amount: '1299.00' }],
  ])('%s → %j', (raw, value) => {
    expect(parseAmount(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['-5', 'must not be negative'],
    ['¥-5', 'must not be negative'],
    ['(12.00)', 'must not be negative'],
    ['12.345', 'has more than 2 decimal places'],
    ['1000000000000', 'is too large'],
    ['1,2,3', 'is not an amount (use digits such as 1299.00)'],
    ['12,34.00', 'is not an amount (use digits such as 1299.00)'],
    ['abc', 'is not an amount (use digits such as 1299.00)'],
    ['', 'is not an amount (use digits such as 1299.00)'],
    ['1e3', 'is not an amount (use digits such as 1299.00)'],
  ])('refuses %s: %s', (raw, problem) => {
    expect(parseAmount(raw)).toMatchObject({ ok: false, problem });
  });

  it('compares decimal strings without floats', () => {
    expect(compareAmounts('100.00', '99.99')).toBeGreaterThan(0);
    expect(compareAmounts('99.99', '100.00')).toBeLessThan(0);
    expect(compareAmounts('12.30', '12.30')).toBe(0);
    expect(compareAmounts('12.03', '12.30')).toBeLessThan(0);
  });
});

describe('word tables', () => {
  it.each([
    ['男', 'male'],
    ['男性', 'male'],
    ['Male', 'male'],
    ['M', 'male'],
    ['女', 'female'],
    ['female', 'female'],
    ['f', 'female'],
    ['其他', 'other'],
    ['Other', 'other'],
    ['未知', 'unknown'],
    ['unknown', 'unknown'],
    ['保密', 'unknown'],
  ])('gender %s → %s', (raw, value) => {
    expect(parseGender(raw)).toEqual({ ok: true, value });
  });

  it('refuses an unknown gender', () => {
    expect(parseGender('未说')).toMatchObject({
      ok: false,
      problem: 'is not a known gender (use 男/女/其他/未知 or male/female/other/unknown)',
    });
  });

  it.each([
    ['是', true],
    ['否', false],
    ['yes', true],
    ['No', false],
    ['TRUE', true],
    ['false', false],
    ['1', true],
    ['0', false],
    ['y', true],
    ['N', false],
    ['同意', true],
    ['不同意', false],
  ])('consent %s → %s', (raw, value) => {
    expect(parseConsent(raw)).toEqual({ ok: true, value });
  });

  it('refuses an unclear consent', () => {
    expect(parseConsent('maybe')).toMatchObject({
      ok: false,
      problem: 'is not yes or no (use 是/否, yes/no, true/false, 1/0)',
    });
  });

  it.each([
    ['wechat', 'wechat'],
    ['微信', 'wechat'],
    ['WeChat', 'wechat'],
    ['wecom', 'wecom'],
    ['企业微信', 'wecom'],
    ['qq', 'qq'],
    ['QQ', 'qq'],
    ['phone', 'phone'],
    ['email', 'email'],
    ['E-mail', 'email'],
    ['forum', 'forum'],
    ['论坛', 'forum'],
    ['slack', 'slack'],
    ['Discord', 'discord'],
    ['douyin', 'douyin'],
    ['抖音', 'douyin'],
    ['weibo', 'weibo'],
    ['微博', 'weibo'],
    ['dingtalk', 'dingtalk'],
    ['钉钉', 'dingtalk'],
    ['other', 'other'],
    ['其他', 'other'],
  ])('channel %s → %s', (raw, value) => {
    expect(parseChannel(raw)).toEqual({ ok: true, value });
  });

  it('refuses an unknown channel, listing the known ones', () => {
    expect(parseChannel('telegram')).toMatchObject({
      ok: false,
      problem:
        'is not a known channel (use one of wechat, wecom, qq, phone, email, forum, slack, discord, douyin, weibo, dingtalk, other)',
    });
  });

  it.each([
    ['paid', 'paid'],
    ['已支付', 'paid'],
    ['已完成', 'paid'],
    ['交易成功', 'paid'],
    ['Completed', 'paid'],
    ['refunded', 'refunded'],
    ['已退款', 'refunded'],
    ['退款', 'refunded'],
    ['退款成功', 'refunded'],
  ])('order status %s → %s', (raw, value) => {
    expect(parseOrderStatus(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['待付款', 'is an unpaid or cancelled order; only paid and refunded orders are imported'],
    ['Cancelled', 'is an unpaid or cancelled order; only paid and refunded orders are imported'],
    ['lost', 'is not a known order status (use paid/已支付 or refunded/已退款)'],
  ])('refuses order status %s', (raw, problem) => {
    expect(parseOrderStatus(raw)).toMatchObject({ ok: false, problem });
  });

  it.each([
    ['CNY', 'CNY'],
    ['cny', 'CNY'],
    ['人民币', 'CNY'],
    ['RMB', 'CNY'],
    ['美元', 'USD'],
    ['港币', 'HKD'],
    ['sgd', 'SGD'],
  ])('currency %s → %s', (raw, value) => {
    expect(parseCurrency(raw)).toEqual({ ok: true, value });
  });

  it('refuses a currency that is not a code', () => {
    expect(parseCurrency('dollars')).toMatchObject({
      ok: false,
      problem: 'is not a currency code (use a three-letter code such as CNY)',
    });
  });
});

describe('splitTags', () => {
  it.each([
    ['VIP,早鸟', ['VIP', '早鸟']],
    ['VIP，早鸟；活跃;新人|老客户、KOC', ['VIP', '早鸟', '活跃', '新人', '老客户', 'KOC']],
    [' VIP , , VIP ,早鸟 ', ['VIP', '早鸟']],
    ['', []],
  ])('%s → %j', (raw, tags) => {
    expect(splitTags(raw)).toEqual(tags);
  });
});

describe('parseQuantity', () => {
  it.each([
    ['1', 1],
    ['12', 12],
    ['３', 3],
  ])('%s → %s', (raw, value) => {
    expect(parseQuantity(raw)).toEqual({ ok: true, value });
  });
  it.each(['0', '-1', '1.5', 'two', '12345678'])('refuses %s', (raw) => {
    expect(parseQuantity(raw)).toMatchObject({ ok: false, problem: 'is not a whole number of items (1 or more)' });
  });
});

describe('parseExternalId', () => {
  it.each([
    ['qq', ' 123456789 ', { ok: true, value: '123456789' }],
    ['qq', '12ab', { ok: false, problem: 'is not a QQ number (5 to 12 digits)' }],
    ['qq', '0123456', { ok: false, problem: 'is not a QQ number (5 to 12 digits)' }],
    ['email', 'Bob@Example.com', { ok: true, value: 'bob@example.com' }],
    ['phone', '+86 138 0013 8000', { ok: true, value: '13800138000' }],
    ['wechat', 'wxid_abc123', { ok: true, value: 'wxid_abc123' }],
    ['wechat', 'a\nb', { ok: false, problem: 'is not an account id (one line, at most 128 characters)' }],
    ['slack', 'x'.repeat(129), { ok: false, problem: 'is not an account id (one line, at most 128 characters)' }],
  ] as const)('%s %j', (channel, raw, result) => {
    expect(parseExternalId(channel, raw)).toMatchObject(result);
  });
});

describe('quote', () => {
  it('shortens long cells', () => {
    expect(quote('abc')).toBe('"abc"');
    expect(quote('x'.repeat(100))).toBe(`"${'x'.repeat(57)}…"`);
  });
});

describe('channel words', () => {
  it('know every channel of the vocabulary, and no other', async () => {
    const { CHANNELS: VOCABULARY } = await import('../../../web/shared/vocabulary.js');
    const { CHANNELS: READ } = await import('./values.js');
    expect([...READ].sort()).toEqual([...VOCABULARY].sort());
  });
});
