import { CHANNELS, type Channel } from '../../members/index.js';
import { dotPath, findUnstorable, textProblem } from '../../../kernel/input-safety.js';
import { ACTIVITY_KINDS } from '../../../web/shared/vocabulary.js';
export { ACTIVITY_KINDS };

/**
 * The shape of one incoming activity and its validation, as a pure function: the ingest API, the
 * importers and the demo loader all pass through it, so every path accepts and refuses the same.
 */
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export interface ActivityInput {
  source: string;
  externalId: string;
  memberId?: number;
  member?: { channel: Channel; externalId: string; displayName?: string | null };
  communityId?: number | null;
  channel: string;
  kind: ActivityKind;
  occurredAt: Date;
  properties: Record<string, unknown>;
  /** Set for purchase and refund. */
  order?: OrderFacts;
}

export interface OrderFacts {
  orderId: string;
  /** Exact decimal with two places, e.g. "1299.00". */
  amount: string;
  currency: string;
  items: unknown[];
  reason?: string;
}

export type Checked = { ok: true; value: ActivityInput } | { ok: false; reason: string };

const KINDS = new Set<string>(ACTIVITY_KINDS);
const CHANNEL_SET = new Set<string>(CHANNELS);
const MAX_PROPERTIES_BYTES = 64 * 1024;
const EARLIEST = Date.UTC(2000, 0, 1);
const FUTURE_SLACK_MS = 24 * 3600_000;
const KEY = /^[\x21-\x7e\u00a0-\uffff][^\u0000-\u001f]{0,199}$/;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses a money amount into a 2-place decimal string; null when it is not one. */
export function parseAmount(v: unknown): string | null {
  let s: string;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return null;
    s = String(v);
  } else if (typeof v === 'string') s = v.trim();
  else return null;
  if (!/^\d{1,12}(\.\d{1,2})?$/.test(s)) return null;
  const [i, f = ''] = s.split('.');
  return `${BigInt(i!)}.${f.padEnd(2, '0')}`;
}

/**
 * Checks one raw item. `defaults.source` applies when the item names none; `now` bounds how far
 * in the future an activity may claim to be.
 */
export function checkActivity(raw: unknown, defaults: { source?: string }, now: Date): Checked {
  if (!isObj(raw)) return { ok: false, reason: 'must be an object' };
  // Text the database cannot store, or nesting that is costly to walk, is this item's fault alone.
  const unstorable = findUnstorable(raw);
  if (unstorable) return { ok: false, reason: `${dotPath(unstorable.path)}: ${unstorable.problem}` };
  const source = raw.source ?? defaults.source;
  if (typeof source === 'string' && textProblem(source)) return { ok: false, reason: `source: ${textProblem(source)}` };
  if (typeof source !== 'string' || !KEY.test(source))
    return { ok: false, reason: 'source: must be a non-empty string of at most 200 characters' };
  if (typeof raw.externalId !== 'string' || !KEY.test(raw.externalId))
    return {
      ok: false,
      reason:
        'externalId: must be a non-empty string of at most 200 characters (the idempotency key within the source)',
    };
  if (typeof raw.kind !== 'string' || !KINDS.has(raw.kind))
    return { ok: false, reason: `kind: must be one of ${ACTIVITY_KINDS.join(', ')}` };
  const kind = raw.kind as ActivityKind;

  let memberId: number | undefined;
  let member: ActivityInput['member'];
  if (raw.memberId !== undefined) {
    if (!Number.isSafeInteger(raw.memberId) || (raw.memberId as number) < 1)
      return { ok: false, reason: 'memberId: must be a positive integer' };
    memberId = raw.memberId as number;
  }
  if (raw.member !== undefined) {
    const m = raw.member;
    if (!isObj(m)) return { ok: false, reason: 'member: must be an object { channel, externalId }' };
    if (typeof m.channel !== 'string' || !CHANNEL_SET.has(m.channel))
      return { ok: false, reason: `member.channel: must be one of ${CHANNELS.join(', ')}` };
    if (typeof m.externalId !== 'string' || !KEY.test(m.externalId))
      return { ok: false, reason: 'member.externalId: must be a non-empty string of at most 200 characters' };
    if (
      m.displayName !== undefined &&
      m.displayName !== null &&
      (typeof m.displayName !== 'string' || m.displayName.length > 100)
    ) {
      return { ok: false, reason: 'member.displayName: must be a string of at most 100 characters' };
    }
    member = {
      channel: m.channel as Channel,
      externalId: m.externalId,
      displayName: (m.displayName as string | null | undefined) ?? null,
    };
  }
  if ((memberId === undefined) === (member === undefined))
    return { ok: false, reason: 'member: give exactly one of memberId or member { channel, externalId }' };

  let communityId: number | null = null;
  if (raw.communityId !== undefined && raw.communityId !== null) {
    if (!Number.isSafeInteger(raw.communityId) || (raw.communityId as number) < 1)
      return { ok: false, reason: 'communityId: must be a positive integer' };
    communityId = raw.communityId as number;
  }
  const channel = raw.channel ?? member?.channel;
  if (typeof channel !== 'string' || !/^[a-z][a-z0-9_]{0,31}$/.test(channel))
    return { ok: false, reason: 'channel: must be a lowercase channel name such as wechat or qq' };

  if (
    typeof raw.occurredAt !== 'string' ||
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/.test(raw.occurredAt)
  ) {
    return { ok: false, reason: 'occurredAt: must be an ISO 8601 time with a zone, e.g. 2024-03-01T09:05:12+08:00' };
  }
  const occurredAt = new Date(raw.occurredAt);
  if (Number.isNaN(occurredAt.getTime())) return { ok: false, reason: 'occurredAt: is not a real date' };
  if (occurredAt.getTime() < EARLIEST) return { ok: false, reason: 'occurredAt: is before the year 2000' };
  if (occurredAt.getTime() > now.getTime() + FUTURE_SLACK_MS)
    return { ok: false, reason: 'occurredAt: is more than a day in the future' };

  const properties = raw.properties ?? {};
  if (!isObj(properties)) return { ok: false, reason: 'properties: must be an object' };
  const size = JSON.stringify(properties).length;
  if (size > MAX_PROPERTIES_BYTES)
    return { ok: false, reason: `properties: is ${size} bytes, more than the ${MAX_PROPERTIES_BYTES} allowed` };
  for (const k of Object.keys(raw)) {
    if (
      ![
        'source',
        'externalId',
        'kind',
        'memberId',
        'member',
        'communityId',
        'channel',
        'occurredAt',
        'properties',
      ].includes(k)
    ) {
      return { ok: false, reason: `${k}: unknown field` };
    }
  }

  if (kind === 'message' && properties.text !== undefined && typeof properties.text !== 'string') {
    return { ok: false, reason: 'properties.text: must be a string' };
  }
  let order: OrderFacts | undefined;
  if (kind === 'purchase' || kind === 'refund') {
    const p = properties;
    if (typeof p.orderId !== 'string' || !KEY.test(p.orderId))
      return { ok: false, reason: `properties.orderId: a ${kind} needs the order id` };
    const amount = parseAmount(p.amount);
    if (amount === null)
      return {
        ok: false,
        reason: 'properties.amount: must be a non-negative amount with at most 2 decimals, e.g. "1299.00"',
      };
    const currency = p.currency ?? 'CNY';
    if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency))
      return { ok: false, reason: 'properties.currency: must be a 3-letter ISO currency code such as CNY' };
    const items = p.items ?? [];
    if (!Array.isArray(items)) return { ok: false, reason: 'properties.items: must be an array' };
    order = {
      orderId: p.orderId,
      amount,
      currency,
      items,
      reason: typeof p.reason === 'string' ? p.reason : undefined,
    };
  }

  return {
    ok: true,
    value: {
      source,
      externalId: raw.externalId,
      memberId,
      member,
      communityId,
      channel,
      kind,
      occurredAt,
      properties,
      order,
    },
  };
}
