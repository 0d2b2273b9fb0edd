import { localDay } from '../../../kernel/calendar.js';
import { parseBirthday, parseTimestamp, type Parsed } from './datetime.js';
import { identityChannel } from './column-mapping.js';
import { parseExternalId, type Identity } from './identity.js';
import { FormatError } from './format-error.js';
import { textProblem } from '../../../kernel/input-safety.js';
import { problemText, type ProblemCode, type ProblemParams } from '../../../web/shared/problems.js';
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
  type Channel,
  type Gender,
  type OrderStatus,
} from './values.js';

/**
 * Rows of a mapped spreadsheet → typed member and order records, or the reasons a row cannot be
 * imported. Every reason names the column the way the user wrote it (`手机号: "1380013" is not
 * a valid phone number`) so the error report can be read next to the file and fixed in place.
 * A row with any problem is refused whole: importing half a row would hide the other half's fix.
 */

/** Why a cell (or the row) was refused, as a code the console words, with the column and value. */
export interface CellProblem {
  column?: string;
  value?: string;
  code: ProblemCode;
  params?: ProblemParams;
}

/**
 * A row, or why it was refused: its reasons in English (the report and its CSV) and, for the
 * reasons that have one, their codes (`problems`); a reason without a code has no problem entry,
 * so a reader words the row from `problems` only when both lists are equally long.
 */
export type RowResult<T> = { ok: true; value: T } | { ok: false; reasons: string[]; problems?: CellProblem[] };

export interface RowOptions {
  /** Zone for dates written without one. Default Asia/Shanghai. */
  timeZone?: string;
  /** "Now", for birthdays in the future. Default the current time. */
  now?: Date;
  /** Channel for `external_id` values on rows without a channel cell. */
  defaultChannel?: Channel;
}

export interface MemberImportRow {
  name?: string;
  nickname?: string;
  phone?: string;
  email?: string;
  gender?: Gender;
  /** `YYYY-MM-DD`. */
  birthday?: string;
  city?: string;
  company?: string;
  /** Channel cell of the row, when given. */
  channel?: Channel;
  identities: Identity[];
  tags: string[];
  source?: string;
  consentMarketing?: boolean;
  lifecycleStage?: string;
  community?: string;
  /** ISO UTC. */
  joinedAt?: string;
  /** Custom attributes from `attr:<name>` columns. */
  attributes: Record<string, string>;
}

/**
 * What an order row says was bought. A row is one item: each field present only when the file
 * has its column, so a file with just a quantity column still keeps the quantity.
 */
export interface OrderItem {
  name?: string;
  sku?: string;
  quantity?: number;
  /** Decimal string with 2 places, in the order's currency. */
  unitPrice?: string;
}

export interface OrderImportRow {
  orderId: string;
  /** Decimal string with 2 places. */
  amount: string;
  currency: string;
  /** ISO UTC. */
  orderedAt: string;
  status: OrderStatus;
  /** Set for refunded orders; the full amount when the file says refunded without an amount. */
  refundAmount?: string;
  items: OrderItem[];
  quantity?: number;
  buyer: { phone?: string; email?: string; name?: string; identities: Identity[] };
  community?: string;
  attributes: Record<string, string>;
}

export const MAX_TEXT_LENGTH = 255;
const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** Collects reasons and remembers which column each field came from. */
class RowContext {
  readonly reasons: string[] = [];
  readonly problems: CellProblem[] = [];
  private today: string | undefined;

  constructor(readonly options: RowOptions) {}

  get timeZone(): string {
    return this.options.timeZone ?? DEFAULT_TIME_ZONE;
  }

  todayDate(): string {
    this.today ??= localDay(this.timeZone, this.options.now ?? new Date());
    return this.today;
  }

  take<T>(header: string, raw: string, parsed: Parsed<T>): T | undefined {
    if (parsed.ok) return parsed.value;
    this.refuse(parsed.code, parsed.params, header, raw);
    return undefined;
  }

  text(header: string, raw: string): string | undefined {
    if (raw.length > MAX_TEXT_LENGTH) {
      this.refuse('cell.too_long', { max: MAX_TEXT_LENGTH }, header, raw);
      return undefined;
    }
    return raw;
  }

  /** A reason with its code: `header: "value" text`, or the row's text alone. */
  refuse(code: ProblemCode, params?: ProblemParams, column?: string, value?: string) {
    const text = problemText(code, params);
    this.reasons.push(column === undefined ? text : `${column}: ${quote(value ?? '')} ${text}`);
    this.problems.push({ code, ...(params ? { params } : {}), ...(column !== undefined ? { column, value } : {}) });
  }

  refusal(): { ok: false; reasons: string[]; problems: CellProblem[] } {
    return { ok: false, reasons: this.reasons, problems: this.problems };
  }
}

type Cell = { header: string; raw: string };

/** Non-empty cells of the row grouped by field, in column order. */
function cellsByField(values: Record<string, string>, mapping: Record<string, string>): Map<string, Cell[]> {
  const out = new Map<string, Cell[]>();
  for (const header in mapping) {
    const raw = (values[header] ?? '').trim();
    if (raw === '') continue;
    const field = mapping[header];
    const list = out.get(field);
    if (list === undefined) out.set(field, [{ header, raw }]);
    else list.push({ header, raw });
  }
  return out;
}

/**
 * Reasons for cells holding text the database cannot store (a NUL character, an unpaired
 * surrogate), without quoting the cell: its text is exactly what cannot be kept.
 */
function unstorableCells(cells: Map<string, Cell[]>): string[] {
  const reasons: string[] = [];
  for (const list of cells.values()) {
    for (const cell of list) {
      const problem = textProblem(cell.raw);
      if (problem) reasons.push(`${cell.header}: ${problem}`);
    }
  }
  return reasons;
}

/**
 * A header row holding such text makes the file unreadable as a whole: headers name fields and
 * custom attributes, and the user fixes the one header rather than every row.
 */
export function assertStorableHeaders(headers: string[], headerLine: number): void {
  headers.forEach((h, i) => {
    const problem = textProblem(h);
    if (problem)
      throw new FormatError(
        'INVALID_TEXT',
        `Column ${i + 1} of the header row (line ${headerLine}) ${problem}; fix the header and import again`,
        { line: headerLine },
      );
  });
}

function headerOf(mapping: Record<string, string>, field: string): string | undefined {
  for (const header in mapping) if (mapping[header] === field) return header;
  return undefined;
}

/** Identities from `channel` + `external_id` and from `identity:<channel>` columns. */
function readIdentities(ctx: RowContext, cells: Map<string, Cell[]>): { identities: Identity[]; channel?: Channel } {
  const identities: Identity[] = [];
  let channel: Channel | undefined;
  const channelCell = cells.get('channel')?.[0];
  if (channelCell !== undefined) channel = ctx.take(channelCell.header, channelCell.raw, parseChannel(channelCell.raw));
  const ext = cells.get('external_id')?.[0];
  if (ext !== undefined) {
    const c = channel ?? (channelCell === undefined ? ctx.options.defaultChannel : undefined);
    if (c !== undefined) {
      const id = ctx.take(ext.header, ext.raw, parseExternalId(c, ext.raw));
      if (id !== undefined) identities.push({ channel: c, externalId: id });
    } else if (channelCell === undefined) {
      ctx.reasons.push(
        `${ext.header}: ${quote(ext.raw)} needs a channel: add a 渠道 (channel) column or choose a channel for the import`,
      );
    }
  }
  for (const [field, list] of cells) {
    const c = identityChannel(field);
    if (c === null) continue;
    for (const cell of list) {
      const id = ctx.take(cell.header, cell.raw, parseExternalId(c, cell.raw));
      if (id !== undefined && !identities.some((i) => i.channel === c && i.externalId === id))
        identities.push({ channel: c, externalId: id });
    }
  }
  return channel === undefined ? { identities } : { identities, channel };
}

function readAttributes(cells: Map<string, Cell[]>): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [field, list] of cells) {
    if (field.startsWith('attr:')) attributes[field.slice(5)] = list[0].raw;
  }
  return attributes;
}

/**
 * A parser bound to one file's mapping and options. Importers call this once per file and the
 * result once per row, so per-file work (today's date, zone set-up) is not repeated a million times.
 */
export function memberRowParser(
  mapping: Record<string, string>,
  options: RowOptions = {},
): (values: Record<string, string>) => RowResult<MemberImportRow> {
  return (values) => {
    const cells = cellsByField(values, mapping);
    const unstorable = unstorableCells(cells);
    if (unstorable.length > 0) return { ok: false, reasons: unstorable };
    const ctx = new RowContext(options);
    const one = (field: string) => cells.get(field)?.[0];
    const { identities, channel } = readIdentities(ctx, cells);
    const row: MemberImportRow = { identities, tags: [], attributes: readAttributes(cells) };
    if (channel !== undefined) row.channel = channel;

    let c: Cell | undefined;
    if ((c = one('name'))) row.name = ctx.text(c.header, c.raw);
    if ((c = one('nickname'))) row.nickname = ctx.text(c.header, c.raw);
    if ((c = one('phone'))) row.phone = ctx.take(c.header, c.raw, parsePhone(c.raw));
    if ((c = one('email'))) row.email = ctx.take(c.header, c.raw, parseEmail(c.raw));
    if ((c = one('gender'))) row.gender = ctx.take(c.header, c.raw, parseGender(c.raw));
    if ((c = one('birthday'))) row.birthday = ctx.take(c.header, c.raw, parseBirthday(c.raw, ctx.todayDate()));
    if ((c = one('city'))) row.city = ctx.text(c.header, c.raw);
    if ((c = one('company'))) row.company = ctx.text(c.header, c.raw);
    if ((c = one('tags'))) row.tags = splitTags(c.raw);
    if ((c = one('source'))) row.source = ctx.text(c.header, c.raw);
    if ((c = one('consent_marketing'))) row.consentMarketing = ctx.take(c.header, c.raw, parseConsent(c.raw));
    if ((c = one('lifecycle_stage'))) row.lifecycleStage = ctx.text(c.header, c.raw);
    if ((c = one('community'))) row.community = ctx.text(c.header, c.raw);
    if ((c = one('joined_at'))) row.joinedAt = ctx.take(c.header, c.raw, parseTimestamp(c.raw, ctx.timeZone));

    const hasKeyCell =
      cells.has('phone') ||
      cells.has('email') ||
      cells.has('external_id') ||
      [...cells.keys()].some((f) => identityChannel(f) !== null);
    if (!hasKeyCell) ctx.refuse('row.no_member_key');
    if (ctx.reasons.length > 0) return ctx.refusal();
    return { ok: true, value: dropUndefined(row) };
  };
}

export function parseMemberRow(
  values: Record<string, string>,
  mapping: Record<string, string>,
  options: RowOptions = {},
): RowResult<MemberImportRow> {
  return memberRowParser(mapping, options)(values);
}

export interface OrderRowOptions extends RowOptions {
  /** Currency for rows that name none. Default CNY. */
  defaultCurrency?: string;
}

export function orderRowParser(
  mapping: Record<string, string>,
  options: OrderRowOptions = {},
): (values: Record<string, string>) => RowResult<OrderImportRow> {
  const headers = {
    order_id: headerOf(mapping, 'order_id'),
    amount: headerOf(mapping, 'amount'),
    ordered_at: headerOf(mapping, 'ordered_at'),
  };
  const absent = (field: keyof typeof headers, label: string) => {
    const h = headers[field];
    return h === undefined ? `row has no ${label}` : `${h} is empty`;
  };

  return (values) => {
    const cells = cellsByField(values, mapping);
    const unstorable = unstorableCells(cells);
    if (unstorable.length > 0) return { ok: false, reasons: unstorable };
    const ctx = new RowContext(options);
    const one = (field: string) => cells.get(field)?.[0];
    let c: Cell | undefined;

    let orderId: string | undefined;
    if ((c = one('order_id'))) orderId = ctx.text(c.header, c.raw);
    else ctx.reasons.push(absent('order_id', 'order number'));

    let amount: string | undefined;
    let impliedCurrency: string | undefined;
    const amountCell = one('amount');
    if (amountCell !== undefined) {
      const money = ctx.take(amountCell.header, amountCell.raw, parseAmount(amountCell.raw));
      if (money !== undefined) {
        amount = money.amount;
        impliedCurrency = money.currency;
      }
    } else ctx.reasons.push(absent('amount', 'amount'));

    let currency = impliedCurrency ?? options.defaultCurrency ?? 'CNY';
    if ((c = one('currency'))) {
      const named = ctx.take(c.header, c.raw, parseCurrency(c.raw));
      if (named !== undefined) {
        if (impliedCurrency !== undefined && impliedCurrency !== named && amountCell !== undefined) {
          ctx.reasons.push(
            `${amountCell.header}: ${quote(amountCell.raw)} is in ${impliedCurrency} but ${c.header} says ${named}`,
          );
        }
        currency = named;
      }
    }

    let orderedAt: string | undefined;
    if ((c = one('ordered_at'))) orderedAt = ctx.take(c.header, c.raw, parseTimestamp(c.raw, ctx.timeZone));
    else ctx.reasons.push(absent('ordered_at', 'order time'));

    let status: OrderStatus | undefined = 'paid';
    const statusCell = one('status');
    if (statusCell !== undefined)
      status = ctx.take(statusCell.header, statusCell.raw, parseOrderStatus(statusCell.raw));

    let refundAmount: string | undefined;
    if ((c = one('refund_amount'))) {
      const refund = ctx.take(c.header, c.raw, parseAmount(c.raw));
      if (refund !== undefined) {
        refundAmount = refund.amount;
        if (amount !== undefined && compareAmounts(refundAmount, amount) > 0) {
          ctx.reasons.push(`${c.header}: ${quote(c.raw)} is more than the order amount ${amount}`);
        }
        // A refund with no status cell says what happened to the order by itself.
        if (statusCell === undefined && refundAmount !== '0.00') status = 'refunded';
      }
    }
    if (status === 'refunded' && refundAmount === undefined) refundAmount = amount;
    if (status === 'paid' && refundAmount === '0.00') refundAmount = undefined;

    let quantity: number | undefined;
    if ((c = one('quantity'))) quantity = ctx.take(c.header, c.raw, parseQuantity(c.raw));
    const item: OrderItem = {};
    if ((c = one('items'))) item.name = ctx.text(c.header, c.raw);
    if ((c = one('sku'))) item.sku = ctx.text(c.header, c.raw);
    if (quantity !== undefined) item.quantity = quantity;
    if ((c = one('unit_price'))) {
      const price = ctx.take(c.header, c.raw, parseAmount(c.raw));
      if (price !== undefined) {
        item.unitPrice = price.amount;
        if (price.currency !== undefined && price.currency !== currency)
          ctx.reasons.push(`${c.header}: ${quote(c.raw)} is in ${price.currency} but the order is in ${currency}`);
      }
    }
    const items: OrderItem[] = Object.values(dropUndefined(item)).length > 0 ? [item] : [];

    const { identities } = readIdentities(ctx, cells);
    const buyer: OrderImportRow['buyer'] = { identities };
    if ((c = one('member_phone'))) buyer.phone = ctx.take(c.header, c.raw, parsePhone(c.raw));
    if ((c = one('member_email'))) buyer.email = ctx.take(c.header, c.raw, parseEmail(c.raw));
    if ((c = one('member_name'))) buyer.name = ctx.text(c.header, c.raw);
    const hasBuyerCell =
      cells.has('member_phone') ||
      cells.has('member_email') ||
      cells.has('external_id') ||
      [...cells.keys()].some((f) => identityChannel(f) !== null);
    if (!hasBuyerCell) ctx.refuse('row.no_buyer_key');

    let community: string | undefined;
    if ((c = one('community'))) community = ctx.text(c.header, c.raw);

    if (
      ctx.reasons.length > 0 ||
      orderId === undefined ||
      amount === undefined ||
      orderedAt === undefined ||
      status === undefined
    ) {
      return ctx.refusal();
    }
    const row: OrderImportRow = {
      orderId,
      amount,
      currency,
      orderedAt,
      status,
      items,
      buyer: dropUndefined(buyer),
      attributes: readAttributes(cells),
    };
    if (refundAmount !== undefined) row.refundAmount = refundAmount;
    if (quantity !== undefined) row.quantity = quantity;
    if (community !== undefined) row.community = community;
    return { ok: true, value: row };
  };
}

export function parseOrderRow(
  values: Record<string, string>,
  mapping: Record<string, string>,
  options: OrderRowOptions = {},
): RowResult<OrderImportRow> {
  return orderRowParser(mapping, options)(values);
}

/** Records carry only the fields the row had, so "not in the file" never overwrites stored data. */
function dropUndefined<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
