import { SeqCounter, type ChatMessage, type ChatParseResult, type RejectedLine } from './chat-message.js';
import { parseTimestamp } from './datetime.js';
import { FormatError } from './format-error.js';
import { parseExternalId } from './identity.js';
import { gridColumn, readCsvGrid } from './table-reader.js';
import { decodeText } from './text-encoding.js';
import { parseChannel, quote, type Channel } from './values.js';

/**
 * Kith's own chat format, for sources Kith has no reader for: a community's forum, a Discord
 * bot, a custom script. One message per record, as CSV
 *
 *   time,sender_channel,sender_id,sender_name,text,community
 *   2024-03-01 09:05:12,wechat,wxid_abc,小林,大家早上好！,产品体验官一群
 *
 * or as JSON: an array of objects with the same fields, or `{ "messages": [ … ] }`.
 * `time` is ISO 8601 (with a zone) or `YYYY-MM-DD HH:MM:SS` in the workspace zone;
 * `sender_name` and `community` may be left out.
 */

export const KITH_CHAT_FIELDS = [
  { name: 'time', required: true, doc: 'ISO 8601 with a zone, or `YYYY-MM-DD HH:MM:SS` in the workspace time zone.' },
  { name: 'sender_channel', required: true, doc: "Channel of the sender's account (see channel values)." },
  { name: 'sender_id', required: true, doc: "Sender's account on that channel (QQ number, wxid, email, …)." },
  { name: 'sender_name', required: false, doc: 'Display name; defaults to `sender_id`.' },
  { name: 'text', required: true, doc: 'Message text; may span lines (quote it in CSV).' },
  { name: 'community', required: false, doc: 'Group or community the message was posted in.' },
] as const;

type KithField = (typeof KITH_CHAT_FIELDS)[number]['name'];
const FIELD_NAMES: KithField[] = KITH_CHAT_FIELDS.map((f) => f.name);
const [TIME, CHANNEL, ID, NAME, TEXT, COMMUNITY] = [0, 1, 2, 3, 4, 5];

export interface KithChatOptions {
  timeZone?: string;
  /** Conversation name for messages without a `community`. */
  group?: string;
}

/**
 * Reads one record, whose values are given in `KITH_CHAT_FIELDS` order. Written as one plain
 * function without per-record closures or sets: it runs once per message of files with
 * millions of them.
 */
function toMessage(
  line: number,
  v: (string | undefined)[],
  options: KithChatOptions,
  timeZone: string,
  /** Reasons already known (JSON values of the wrong type) and the fields they concern. */
  known?: { reasons: string[]; fields: Set<number> },
): Omit<ChatMessage, 'seq'> | string[] {
  const reasons: string[] = known === undefined ? [] : known.reasons.slice();
  const raw = (i: number) => (v[i] ?? '').trim();
  const empty = (i: number, value: string) => {
    if (value !== '') return false;
    if (known === undefined || !known.fields.has(i)) reasons.push(`${FIELD_NAMES[i]} is empty`);
    return true;
  };

  let occurredAt: string | undefined;
  const time = raw(TIME);
  if (!empty(TIME, time)) {
    const t = parseTimestamp(time, timeZone);
    if (t.ok) occurredAt = t.value;
    else reasons.push(`time: ${quote(time)} ${t.problem}`);
  }

  let channel: Channel | undefined;
  const ch = raw(CHANNEL);
  if (!empty(CHANNEL, ch)) {
    const c = parseChannel(ch);
    if (c.ok) channel = c.value;
    else reasons.push(`sender_channel: ${quote(ch)} ${c.problem}`);
  }

  let externalId: string | undefined;
  const id = raw(ID);
  if (!empty(ID, id) && channel !== undefined) {
    const p = parseExternalId(channel, id);
    if (p.ok) externalId = p.value;
    else reasons.push(`sender_id: ${quote(id)} ${p.problem}`);
  }

  const text = (v[TEXT] ?? '').trim();
  empty(TEXT, text);

  if (reasons.length > 0 || occurredAt === undefined || channel === undefined || externalId === undefined)
    return reasons;
  return {
    line,
    occurredAt,
    sender: { name: raw(NAME) || externalId, channel, externalId },
    text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text,
    conversation: raw(COMMUNITY) || null,
    group: raw(COMMUNITY) || options.group || null,
    isSystem: false,
    msgType: 'text',
  };
}

class Collector {
  readonly messages: ChatMessage[] = [];
  readonly rejected: RejectedLine[] = [];
  private readonly groups = new Set<string>();
  private readonly seq = new SeqCounter();

  add(line: number, m: Omit<ChatMessage, 'seq'> | string[], where = ''): void {
    if (Array.isArray(m)) {
      this.rejected.push({ line, reason: `${where}${m.join('; ')}` });
      return;
    }
    if (m.group !== null) this.groups.add(m.group);
    this.messages.push(this.seq.assign(m));
  }

  result(): ChatParseResult {
    const groups = [...this.groups];
    return { group: groups[0] ?? null, groups, messages: this.messages, rejected: this.rejected };
  }
}

export function parseKithChatCsv(input: Buffer | string, options: KithChatOptions = {}): ChatParseResult {
  const grid = readCsvGrid(input);
  const columns = KITH_CHAT_FIELDS.map((f) => gridColumn(grid, f.name));
  const missing = KITH_CHAT_FIELDS.filter((f, i) => f.required && columns[i] < 0).map((f) => f.name);
  if (missing.length > 0) {
    throw new FormatError(
      'MISSING_COLUMNS',
      `The chat CSV has no column for ${missing.join(', ')}; the header must be ${FIELD_NAMES.join(',')} (sender_name and community may be left out)`,
    );
  }
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const out = new Collector();
  const values: (string | undefined)[] = new Array(FIELD_NAMES.length);
  for (const { line, cells } of grid.data) {
    for (let i = 0; i < columns.length; i++) values[i] = columns[i] < 0 ? undefined : cells[columns[i]];
    out.add(line, toMessage(line, values, options, timeZone));
  }
  return out.result();
}

export function parseKithChatJson(input: Buffer | string, options: KithChatOptions = {}): ChatParseResult {
  const text = typeof input === 'string' ? input : decodeText(input).text;
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new FormatError('UNSUPPORTED_FORMAT', `The file is not valid JSON: ${(err as Error).message}`, {
      cause: err,
    });
  }
  const list = Array.isArray(doc) ? doc : isObject(doc) && Array.isArray(doc.messages) ? doc.messages : null;
  if (list === null) {
    throw new FormatError(
      'UNSUPPORTED_FORMAT',
      'A Kith chat JSON file is an array of messages or an object with a "messages" array',
    );
  }
  const timeZone = options.timeZone ?? 'Asia/Shanghai';
  const out = new Collector();
  const items: unknown[] = list;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const where = `index ${i}: `;
    if (!isObject(item)) {
      out.add(i + 1, ['not an object'], where);
      continue;
    }
    const values: (string | undefined)[] = [];
    let known: { reasons: string[]; fields: Set<number> } | undefined;
    FIELD_NAMES.forEach((name, f) => {
      const v = item[name];
      if (typeof v === 'string') values[f] = v;
      // Ids and times written as JSON numbers (QQ numbers, numeric ids) are fine as text.
      else if (typeof v === 'number' && f !== TEXT) values[f] = String(v);
      else if (v !== undefined && v !== null) {
        known ??= { reasons: [], fields: new Set() };
        known.reasons.push(`${name} is not a string`);
        known.fields.add(f);
      }
    });
    out.add(i + 1, toMessage(i + 1, values, options, timeZone, known), where);
  }
  return out.result();
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Either Kith chat format, for callers that detected it already. */
export function parseKithChat(
  input: Buffer | string,
  format: 'kith-csv' | 'kith-json',
  options: KithChatOptions = {},
): ChatParseResult {
  return format === 'kith-json' ? parseKithChatJson(input, options) : parseKithChatCsv(input, options);
}
