import { FormatError } from './format-error.js';
import { parseChannel, type Channel } from './values.js';

/**
 * Which column of an uploaded spreadsheet holds which member or order field. Operators export
 * from WeChat tools, Youzan, Taobao, CRMs and hand-made sheets, each naming columns its own way
 * and half of them in Chinese; Kith recognises the common names so most files import with no
 * setup, and lets the user point any remaining column at a field by hand (`overrides`).
 */

export interface ColumnSpec {
  field: string;
  /** Header texts that mean this field, besides the field name itself. */
  aliases: string[];
  /** The file cannot be imported without this column. */
  required?: boolean;
  /** Fields sharing a group name are alternatives: the file needs at least one of them. */
  oneOf?: string;
  doc: string;
}

const MEMBER_KEY = 'member key';
const BUYER_KEY = 'buyer key';

const qqIdentity = (oneOf: string): ColumnSpec => ({
  field: 'identity:qq',
  aliases: ['qq', 'QQ号', 'QQ号码', 'QQ账号', 'QQ number'],
  oneOf,
  doc: 'QQ number; the account is recorded on channel `qq`.',
});
const wechatIdentity = (oneOf: string): ColumnSpec => ({
  field: 'identity:wechat',
  aliases: ['微信号', '微信', 'wechat', 'wechat id', 'wxid', 'openid', 'unionid'],
  oneOf,
  doc: 'WeChat ID, wxid or openid; the account is recorded on channel `wechat`.',
});

export const MEMBER_COLUMNS: ColumnSpec[] = [
  { field: 'name', aliases: ['姓名', '名字', '真实姓名', 'full name', 'real name'], doc: 'Real name.' },
  {
    field: 'nickname',
    aliases: ['昵称', '群昵称', '微信昵称', 'nick', 'display name'],
    doc: 'Nickname as shown in the community.',
  },
  {
    field: 'phone',
    aliases: ['手机', '手机号', '手机号码', '电话', '电话号码', '联系电话', 'mobile', 'phone number', 'tel'],
    oneOf: MEMBER_KEY,
    doc: 'Mobile number: 11-digit mainland number (spaces, dashes and a +86/0086 prefix are removed) or `+` and 7–15 digits.',
  },
  {
    field: 'email',
    aliases: ['邮箱', '电子邮箱', '邮件', 'e-mail', 'mail', 'email address'],
    oneOf: MEMBER_KEY,
    doc: 'Email address; stored lowercased.',
  },
  {
    field: 'gender',
    aliases: ['性别', 'sex'],
    doc: 'Gender: 男/女/其他/未知 or male/female/other/unknown (also m/f).',
  },
  {
    field: 'birthday',
    aliases: ['生日', '出生日期', 'date of birth', 'birth date', 'dob'],
    doc: 'Birthday as a date; not in the future, not before 1900.',
  },
  { field: 'city', aliases: ['城市', '所在城市', '所在地'], doc: 'City.' },
  {
    field: 'company',
    aliases: ['公司', '单位', '工作单位', 'organization', 'organisation'],
    doc: 'Company or employer.',
  },
  {
    field: 'channel',
    aliases: ['渠道', '平台', 'platform'],
    doc: 'Channel the `external_id` account belongs to (see channel values).',
  },
  {
    field: 'external_id',
    aliases: [
      '外部ID',
      '账号',
      '渠道账号',
      '用户ID',
      'external id',
      'account',
      'account id',
      'user id',
      'channel account',
    ],
    oneOf: MEMBER_KEY,
    doc: 'Account on the channel given in `channel` (or the channel chosen for the whole import).',
  },
  qqIdentity(MEMBER_KEY),
  wechatIdentity(MEMBER_KEY),
  { field: 'tags', aliases: ['标签', 'tag', 'labels'], doc: 'Tags, several per cell separated by , ， ; ； | or 、.' },
  { field: 'source', aliases: ['来源'], doc: 'Where the member came from (free text).' },
  {
    field: 'consent_marketing',
    aliases: ['营销同意', '营销授权', '接受营销', 'marketing consent', 'consent'],
    doc: 'Agreed to marketing messages: 是/否, yes/no, true/false, 1/0, y/n.',
  },
  {
    field: 'lifecycle_stage',
    aliases: ['阶段', '生命周期', '生命周期阶段', 'stage', 'lifecycle'],
    doc: 'Lifecycle stage (free text).',
  },
  {
    field: 'community',
    aliases: [
      '社群',
      '所在社群',
      '所属社群',
      '社群名称',
      '社群名',
      '群',
      '所在群',
      '所属群',
      '群名称',
      '群名',
      '群聊',
      '群聊名称',
      '加入的群',
      'group',
      'group name',
      'community name',
    ],
    doc: 'Community (group) the member belongs to.',
  },
  {
    field: 'joined_at',
    aliases: ['入群时间', '入群日期', '加入时间', '加入日期', 'joined', 'join date', 'joined at', 'joined on'],
    doc: 'When the member joined the community.',
  },
];

export const ORDER_COLUMNS: ColumnSpec[] = [
  {
    field: 'order_id',
    aliases: ['订单号', '订单编号', '订单ID', 'order no', 'order number', 'order id'],
    required: true,
    doc: 'Order number; re-importing the same number updates the order.',
  },
  {
    field: 'member_phone',
    aliases: [
      '手机',
      '手机号',
      '手机号码',
      '电话',
      '联系电话',
      '买家手机',
      '买家手机号',
      'phone',
      'mobile',
      'buyer phone',
    ],
    oneOf: BUYER_KEY,
    doc: "Buyer's mobile number (same rules as members).",
  },
  {
    field: 'member_email',
    aliases: ['邮箱', '电子邮箱', '买家邮箱', 'email', 'e-mail', 'buyer email'],
    oneOf: BUYER_KEY,
    doc: "Buyer's email address.",
  },
  {
    field: 'member_name',
    aliases: ['姓名', '买家', '买家姓名', '客户', '客户姓名', 'name', 'buyer', 'buyer name', 'customer'],
    doc: "Buyer's name, used when the buyer is new to Kith.",
  },
  { field: 'channel', aliases: ['渠道', '平台', 'platform'], doc: 'Channel the `external_id` account belongs to.' },
  {
    field: 'external_id',
    aliases: [
      '外部ID',
      '账号',
      '渠道账号',
      '用户ID',
      '买家账号',
      'external id',
      'account',
      'user id',
      'channel account',
    ],
    oneOf: BUYER_KEY,
    doc: "Buyer's account on `channel`.",
  },
  qqIdentity(BUYER_KEY),
  wechatIdentity(BUYER_KEY),
  {
    field: 'amount',
    aliases: ['金额', '实付金额', '订单金额', '实付款', '支付金额', 'total', 'amount paid'],
    required: true,
    doc: 'Amount paid, e.g. `1299`, `1,299.00`, `¥1299.5`; at most 2 decimals.',
  },
  {
    field: 'currency',
    aliases: ['币种', '货币'],
    doc: 'Three-letter currency code or 人民币/美元/港币…; default CNY.',
  },
  {
    field: 'ordered_at',
    aliases: [
      '下单时间',
      '支付时间',
      '订单时间',
      '付款时间',
      '创建时间',
      'date',
      'order date',
      'paid at',
      'created at',
    ],
    required: true,
    doc: 'When the order was placed or paid.',
  },
  {
    field: 'status',
    aliases: ['状态', '订单状态', 'order status'],
    doc: 'paid (已支付, 已完成, …) or refunded (已退款, 退款, …); default paid. Unpaid and cancelled orders are refused.',
  },
  {
    field: 'refund_amount',
    aliases: ['退款金额', 'refund', 'refunded amount'],
    doc: 'Amount refunded; not more than the amount.',
  },
  {
    field: 'items',
    aliases: ['商品', '商品名称', '产品', 'product', 'item'],
    doc: 'What was bought (free text, kept as one item).',
  },
  {
    field: 'sku',
    aliases: ['SKU', 'SKU名称', '规格', '商品规格', '规格名称', '规格/SKU', 'sku name', 'variant', 'variant/sku'],
    doc: 'Variant of the product (规格/SKU), kept in the item.',
  },
  {
    field: 'quantity',
    aliases: ['数量', '件数', '购买数量', '商品数量', 'qty', 'quantity'],
    doc: 'Number of items, a whole number; kept in the item.',
  },
  {
    field: 'unit_price',
    aliases: ['单价', '商品单价', '商品价格', 'unit price', 'price'],
    doc: 'Price of one item, same rules as the amount (currency of the order); kept in the item.',
  },
  {
    field: 'community',
    aliases: ['社群', '所在社群', '所属社群', '社群名称', '群', '所在群', '群名称', '群名', 'group', 'community name'],
    doc: 'Community the order is attributed to.',
  },
];

/** Header text → comparison key: case, width, spaces, `_`, `-`, `.`, `*` and "(必填)" notes ignored. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\((?:必填|选填|可选|required|optional)\)\s*$/, '')
    .replace(/[\s_\-.*]+/g, '');
}

const lookups = new WeakMap<ColumnSpec[], Map<string, string>>();

function lookupFor(columns: ColumnSpec[]): Map<string, string> {
  let m = lookups.get(columns);
  if (m === undefined) {
    m = new Map();
    for (const c of columns) {
      for (const name of [c.field, ...c.aliases]) {
        const key = normalizeHeader(name);
        if (!m.has(key)) m.set(key, c.field);
      }
    }
    lookups.set(columns, m);
  }
  return m;
}

const IDENTITY_HEADER = /^identity:(.+)$/;

/** `identity:<channel>` for a known channel, or null. */
export function identityChannel(field: string): Channel | null {
  const m = IDENTITY_HEADER.exec(field);
  if (m === null) return null;
  const c = parseChannel(m[1]);
  return c.ok ? c.value : null;
}

export interface HeaderMapping {
  /** Header text → field (`phone`, `identity:qq`, `attr:会员等级`). Unlisted headers are ignored. */
  mapping: Record<string, string>;
  /** Required fields (or `one of a, b, c` groups) no header maps to. */
  missing: string[];
  /** Headers that are not imported. */
  unmapped: string[];
  /** Headers that name a field another column already supplies (e.g. 支付时间 after 下单时间). */
  duplicates: string[];
}

export interface MapHeadersOptions {
  /** `attributes`: keep every unrecognised column as a custom attribute `attr:<header>`. */
  keepUnmappedAs?: 'ignore' | 'attributes';
}

/** Values an override may use to leave a column out of the import. */
export const IGNORE_FIELD = 'ignore';

export function isKnownField(field: string, columns: ColumnSpec[]): boolean {
  if (columns.some((c) => c.field === field)) return true;
  if (field.startsWith('attr:')) return field.length > 5;
  return identityChannel(field) !== null && columns.some((c) => c.field.startsWith('identity:'));
}

/**
 * Maps headers to fields. Overrides win; then each header is matched by name in file order, and
 * the first column to claim a field keeps it.
 */
export function mapHeaders(
  headers: string[],
  columns: ColumnSpec[],
  overrides: Record<string, string> = {},
  options: MapHeadersOptions = {},
): HeaderMapping {
  const lookup = lookupFor(columns);
  const hasIdentities = columns.some((c) => c.field.startsWith('identity:'));
  const mapping: Record<string, string> = {};
  const unmapped: string[] = [];
  const duplicates: string[] = [];
  const taken = new Set<string>();
  const present = new Set(headers);

  // Overrides for headers this file does not have are left out: a saved mapping may be reused.
  const chosen = new Map<string, string>();
  for (const [header, field] of Object.entries(overrides)) {
    if (!present.has(header)) continue;
    if (field === '' || field === IGNORE_FIELD) {
      chosen.set(header, IGNORE_FIELD);
      continue;
    }
    if (!isKnownField(field, columns)) {
      throw new FormatError(
        'UNKNOWN_FIELD',
        `Column "${header}" cannot be imported as "${field}": there is no such field`,
      );
    }
    const channel = identityChannel(field);
    chosen.set(header, channel === null ? field : `identity:${channel}`);
  }
  const chosenFields = new Set(chosen.values());

  for (const header of headers) {
    if (header === '') continue;
    let field: string | undefined;
    const o = chosen.get(header);
    if (o !== undefined) {
      if (o === IGNORE_FIELD) {
        unmapped.push(header);
        continue;
      }
      field = o;
    } else {
      const key = normalizeHeader(header);
      field = lookup.get(key);
      if (field === undefined && hasIdentities) {
        const channel = identityChannel(key);
        if (channel !== null) field = `identity:${channel}`;
      }
      // A column the user mapped by hand elsewhere takes precedence over a name match here.
      if (field !== undefined && !repeatable(field) && chosenFields.has(field)) {
        duplicates.push(header);
        field = undefined;
      }
    }
    if (field !== undefined && !repeatable(field) && taken.has(field)) {
      if (!duplicates.includes(header)) duplicates.push(header);
      field = undefined;
    }
    if (field === undefined) {
      if (options.keepUnmappedAs === 'attributes') field = `attr:${header}`;
      else {
        unmapped.push(header);
        continue;
      }
    }
    mapping[header] = field;
    taken.add(field);
  }

  return { mapping, missing: missingFields(columns, taken), unmapped, duplicates };
}

/**
 * Fields several columns may feed: custom attributes, and channel accounts (a list with both a
 * 微信号 and an openid column holds two WeChat accounts per member).
 */
function repeatable(field: string): boolean {
  return field.startsWith('attr:') || field.startsWith('identity:');
}

function missingFields(columns: ColumnSpec[], taken: Set<string>): string[] {
  const missing: string[] = [];
  const groups = new Map<string, string[]>();
  for (const c of columns) {
    if (c.required && !taken.has(c.field)) missing.push(c.field);
    if (c.oneOf !== undefined) {
      const g = groups.get(c.oneOf) ?? [];
      g.push(c.field);
      groups.set(c.oneOf, g);
    }
  }
  const anyIdentity = [...taken].some((f) => f.startsWith('identity:'));
  for (const fields of groups.values()) {
    const satisfied = fields.some((f) => taken.has(f) || (f.startsWith('identity:') && anyIdentity));
    if (!satisfied) missing.push(`one of ${fields.join(', ')}`);
  }
  return missing;
}

/**
 * Stops an import whose file lacks required columns before any row is read, naming the headers
 * Kith would have recognised so the user knows what to rename.
 */
export function assertNoMissingColumns(result: HeaderMapping, columns: ColumnSpec[]): void {
  if (result.missing.length === 0) return;
  const byField = new Map(columns.map((c) => [c.field, c]));
  const parts = result.missing.map((m) => {
    const c = byField.get(m);
    return c === undefined ? m : `${m} (${c.aliases.slice(0, 3).join(', ')})`;
  });
  throw new FormatError('MISSING_COLUMNS', `The file has no column for ${parts.join('; ')}`);
}
