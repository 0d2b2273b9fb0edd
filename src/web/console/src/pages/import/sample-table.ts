/**
 * The preview's sample rows (as the server read them: members, orders or chat messages) as a
 * plain table of text, whatever their shape: one column per field any row has, lists and nested
 * values written out, empty columns left out.
 */
export interface SampleTable {
  columns: string[];
  rows: { line: number; cells: Record<string, string> }[];
}

// Bookkeeping of the readers, not something the operator wrote (a chat message's keys and the
// conversation id they are computed from).
const HIDDEN = new Set(['line', 'format', 'seq', 'isSystem', 'key', 'legacyKey', 'conversation']);

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(cellText).filter(Boolean).join('、');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // A channel account reads best as channel:id.
    if (typeof o.channel === 'string' && typeof o.externalId === 'string') return `${o.channel}:${o.externalId}`;
    return Object.entries(o)
      .map(([k, x]) => {
        const s = cellText(x);
        return s ? `${k}: ${s}` : '';
      })
      .filter(Boolean)
      .join(', ');
  }
  return String(v);
}

/** Columns in the order a person reads a member, an order or a message; others after, as they come. */
const ORDER = [
  'name',
  'nickname',
  'phone',
  'email',
  'gender',
  'birthday',
  'city',
  'company',
  'channel',
  'identities',
  'tags',
  'source',
  'consentMarketing',
  'lifecycleStage',
  'orderId',
  'buyer',
  'amount',
  'currency',
  'orderedAt',
  'status',
  'refundAmount',
  'items',
  'quantity',
  'occurredAt',
  'sender',
  'group',
  'text',
  'msgType',
  'community',
  'joinedAt',
  'attributes',
];
const rank = (k: string) => {
  const i = ORDER.indexOf(k);
  return i === -1 ? ORDER.length : i;
};

/** A cell's text chosen by the caller (a yes/no in the operator's language), or undefined for the default. */
export type CellFormat = (key: string, value: unknown) => string | undefined;

export function sampleTable(sample: unknown[], format?: CellFormat): SampleTable {
  const columns: string[] = [];
  const rows = sample.map((entry, i) => {
    const e = (entry && typeof entry === 'object' ? entry : {}) as { line?: unknown; row?: unknown };
    const row = (e.row && typeof e.row === 'object' ? e.row : e) as Record<string, unknown>;
    const cells: Record<string, string> = {};
    for (const [k, v] of Object.entries(row)) {
      if (HIDDEN.has(k)) continue;
      const text = (v === null || v === undefined ? undefined : format?.(k, v)) ?? cellText(v);
      if (!text) continue;
      cells[k] = text;
      if (!columns.includes(k)) columns.push(k);
    }
    return { line: typeof e.line === 'number' ? e.line : i + 1, cells };
  });
  // A stable sort keeps unknown columns in the order they came.
  return { columns: [...columns].sort((a, b) => rank(a) - rank(b)), rows };
}
