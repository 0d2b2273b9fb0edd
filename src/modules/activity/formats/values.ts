import { refused, type Parsed } from './datetime.js';
import type { CHANNELS as CHANNEL_LIST } from '../../../web/shared/vocabulary.js';

/**
 * The words Kith accepts in cells, in English and Chinese. Each table below feeds both the
 * parsers and the published format documentation (`FORMAT_DOCS`), so what the docs promise is
 * exactly what the importer takes.
 */

export type Channel = (typeof CHANNEL_LIST)[number];

export interface ValueAliases<T extends string> {
  value: T;
  aliases: string[];
}

export const CHANNEL_VALUES: ValueAliases<Channel>[] = [
  { value: 'wechat', aliases: ['微信', 'weixin', 'wx'] },
  { value: 'wecom', aliases: ['企业微信', '企微', 'wework', 'work wechat'] },
  { value: 'qq', aliases: ['QQ', 'QQ群'] },
  { value: 'phone', aliases: ['手机', '电话', '短信', 'sms', 'mobile'] },
  { value: 'email', aliases: ['邮件', '邮箱', 'e-mail', 'mail'] },
  { value: 'forum', aliases: ['论坛', 'bbs'] },
  { value: 'slack', aliases: [] },
  { value: 'discord', aliases: [] },
  { value: 'douyin', aliases: ['抖音'] },
  { value: 'weibo', aliases: ['微博'] },
  { value: 'dingtalk', aliases: ['钉钉', 'dingding'] },
  { value: 'other', aliases: ['其他', '其它'] },
];
export const CHANNELS: Channel[] = CHANNEL_VALUES.map((c) => c.value);

export type Gender = 'male' | 'female' | 'other' | 'unknown';
export const GENDER_VALUES: ValueAliases<Gender>[] = [
  { value: 'male', aliases: ['男', '男性', 'm'] },
  { value: 'female', aliases: ['女', '女性', 'f'] },
  { value: 'other', aliases: ['其他', '其它'] },
  { value: 'unknown', aliases: ['未知', '保密', '不详'] },
];

export const CONSENT_VALUES: ValueAliases<'yes' | 'no'>[] = [
  { value: 'yes', aliases: ['是', '同意', '接受', 'y', 'true', '1'] },
  { value: 'no', aliases: ['否', '不同意', '拒绝', 'n', 'false', '0'] },
];

export type OrderStatus = 'paid' | 'refunded';
export const ORDER_STATUS_VALUES: ValueAliases<OrderStatus>[] = [
  {
    value: 'paid',
    aliases: [
      '已支付',
      '已付款',
      '已完成',
      '交易成功',
      '待发货',
      '已发货',
      '已签收',
      'completed',
      'complete',
      'success',
    ],
  },
  { value: 'refunded', aliases: ['已退款', '退款', '退款成功', '已退货', 'refund'] },
];
/** Orders that never took money: importing them would inflate revenue, so they are refused by name. */
export const UNPAID_ORDER_STATUSES = [
  '待付款',
  '未付款',
  '待支付',
  '已取消',
  '交易关闭',
  '已关闭',
  'unpaid',
  'pending',
  'cancelled',
  'canceled',
  'closed',
];

export const CURRENCY_ALIASES: ValueAliases<string>[] = [
  { value: 'CNY', aliases: ['人民币', '元', 'RMB', '¥', '￥'] },
  { value: 'USD', aliases: ['美元', '$', 'US$'] },
  { value: 'HKD', aliases: ['港币', '港元', 'HK$'] },
  { value: 'EUR', aliases: ['欧元', '€'] },
  { value: 'GBP', aliases: ['英镑', '£'] },
  { value: 'JPY', aliases: ['日元'] },
];

/** Case, width, spaces, underscores and hyphens do not change what a word means. */
export function normalizeWord(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-]+/g, '');
}

function lookupTable<T extends string>(table: ValueAliases<T>[]): Map<string, T> {
  const m = new Map<string, T>();
  for (const { value, aliases } of table) {
    m.set(normalizeWord(value), value);
    for (const a of aliases) m.set(normalizeWord(a), value);
  }
  return m;
}

const channelLookup = lookupTable(CHANNEL_VALUES);
const genderLookup = lookupTable(GENDER_VALUES);
const consentLookup = lookupTable(CONSENT_VALUES);
const statusLookup = lookupTable(ORDER_STATUS_VALUES);
const unpaidLookup = new Set(UNPAID_ORDER_STATUSES.map(normalizeWord));
const currencyLookup = lookupTable(CURRENCY_ALIASES);

export function parseChannel(raw: string): Parsed<Channel> {
  const v = channelLookup.get(normalizeWord(raw));
  return v === undefined ? refused('cell.channel', { channels: CHANNELS.join(', ') }) : { ok: true, value: v };
}

export function parseGender(raw: string): Parsed<Gender> {
  const v = genderLookup.get(normalizeWord(raw));
  return v === undefined ? refused('cell.gender') : { ok: true, value: v };
}

export function parseConsent(raw: string): Parsed<boolean> {
  const v = consentLookup.get(normalizeWord(raw));
  return v === undefined ? refused('cell.yes_no') : { ok: true, value: v === 'yes' };
}

export function parseOrderStatus(raw: string): Parsed<OrderStatus> {
  const key = normalizeWord(raw);
  const v = statusLookup.get(key);
  if (v !== undefined) return { ok: true, value: v };
  if (unpaidLookup.has(key)) return refused('cell.order_unpaid');
  return refused('cell.order_status');
}

export function parseCurrency(raw: string): Parsed<string> {
  const v = currencyLookup.get(normalizeWord(raw));
  if (v !== undefined) return { ok: true, value: v };
  const code = raw.normalize('NFKC').trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? { ok: true, value: code } : refused('cell.currency');
}

// ---- Phone numbers ---------------------------------------------------------------------------

const PHONE_NOISE = /[\s\-().]/g;
const MAINLAND = /^(?:\+86|0086|86)?(1\d{10})$/;
const INTERNATIONAL = /^(?:\+|00)(\d{7,15})$/;
const SCIENTIFIC = /^\d(?:\.\d+)?e\+?\d+$/i;

/**
 * Phone numbers are how most Chinese community members are recognised across channels, so they
 * are stored one way only: a mainland mobile as its 11 digits, anything else as `+` and digits.
 */
export function parsePhone(raw: string): Parsed<string> {
  const s = raw.normalize('NFKC').trim();
  if (SCIENTIFIC.test(s)) {
    return refused('cell.phone_scientific');
  }
  const d = s.replace(PHONE_NOISE, '');
  const mainland = MAINLAND.exec(d);
  if (mainland !== null) return { ok: true, value: mainland[1] };
  const intl = INTERNATIONAL.exec(d);
  // +86 followed by a 1 is a mobile number with digits missing or extra, not a landline.
  if (intl !== null && !(intl[1].startsWith('861') && !intl[1].startsWith('8610')))
    return { ok: true, value: `+${intl[1]}` };
  return refused('cell.phone');
}

// ---- Email -----------------------------------------------------------------------------------

const EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/;

/** Lowercased, because the same inbox written twice with different case is one person. */
export function parseEmail(raw: string): Parsed<string> {
  const s = raw.normalize('NFKC').trim().toLowerCase();
  if (s.length > 254 || !EMAIL.test(s)) return refused('cell.email');
  return { ok: true, value: s };
}

// ---- Money -----------------------------------------------------------------------------------

const MONEY_PREFIX = /^(US\$|HK\$|[¥$€£]|RMB|CNY|USD|HKD|EUR|GBP|JPY)\s*/i;
const MONEY_SUFFIX = /\s*(元|RMB|CNY|USD|HKD|EUR|GBP|JPY)$/i;
const MONEY_NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;
export const MAX_AMOUNT_DIGITS = 12;

export interface Money {
  /** Decimal string with exactly two places, e.g. `1299.00`. Never a float: cents must not drift. */
  amount: string;
  /** Currency implied by a symbol or code written in the cell (`$12`, `88元`), if any. */
  currency?: string;
}

export function parseAmount(raw: string): Parsed<Money> {
  let s = raw.normalize('NFKC').trim();
  let currency: string | undefined;
  let negative = false;
  if (s.startsWith('-') || (s.startsWith('(') && s.endsWith(')'))) {
    negative = true;
    s = s.startsWith('-') ? s.slice(1).trim() : s.slice(1, -1).trim();
  }
  const pre = MONEY_PREFIX.exec(s);
  if (pre !== null) {
    currency = currencyLookup.get(normalizeWord(pre[1])) ?? pre[1].toUpperCase();
    s = s.slice(pre[0].length);
  }
  if (s.startsWith('-')) {
    negative = true;
    s = s.slice(1).trim();
  }
  const suf = MONEY_SUFFIX.exec(s);
  if (suf !== null) {
    currency = currencyLookup.get(normalizeWord(suf[1])) ?? suf[1].toUpperCase();
    s = s.slice(0, suf.index);
  }
  const m = MONEY_NUMBER.exec(s);
  if (m === null) return refused('cell.amount');
  if (negative) return refused('cell.negative');
  const fraction = (m[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) return refused('cell.decimals');
  const whole = m[1].replace(/,/g, '').replace(/^0+(?=\d)/, '');
  if (whole.length > MAX_AMOUNT_DIGITS) return refused('cell.too_large');
  const value: Money = { amount: `${whole}.${fraction.padEnd(2, '0')}` };
  if (currency !== undefined) value.currency = currency;
  return { ok: true, value };
}

/** Compares two decimal strings produced by `parseAmount`. */
export function compareAmounts(a: string, b: string): number {
  const [aw, af] = a.split('.');
  const [bw, bf] = b.split('.');
  if (aw.length !== bw.length) return aw.length - bw.length;
  if (aw !== bw) return aw < bw ? -1 : 1;
  return af === bf ? 0 : af < bf ? -1 : 1;
}

export function parseQuantity(raw: string): Parsed<number> {
  const s = raw.normalize('NFKC').trim();
  if (!/^\d{1,7}$/.test(s) || Number(s) < 1) return refused('cell.quantity');
  return { ok: true, value: Number(s) };
}

// ---- Tags ------------------------------------------------------------------------------------

export const TAG_SEPARATORS = [',', '，', ';', '；', '|', '、'];
const TAG_SPLIT = /[,，;；|、]/;

/** One cell often carries several tags; duplicates and blanks are dropped, order is kept. */
export function splitTags(raw: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const part of raw.split(TAG_SPLIT)) {
    const t = part.trim();
    if (t !== '' && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}

/** Shortens a cell for an error message so one runaway cell cannot flood the report. */
export function quote(raw: string): string {
  const s = raw.length > 60 ? `${raw.slice(0, 57)}…` : raw;
  return `"${s}"`;
}
