/**
 * What an audit entry changed, field by field, from its before and after images: a create shows
 * every field as added, an update only what differs, a delete what was there. Values are written
 * as text: strings as they are, everything else as compact JSON.
 */
export type ChangeKind = 'added' | 'removed' | 'changed';
export interface AuditChange {
  field: string;
  kind: ChangeKind;
  before: string | null;
  after: string | null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export function auditValue(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = before ?? null;
  const a = after ?? null;
  if ((b === null || isRecord(b)) && (a === null || isRecord(a))) {
    const fields = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];
    const out: AuditChange[] = [];
    for (const field of fields) {
      const x = b?.[field];
      const y = a?.[field];
      if (same(x ?? null, y ?? null)) continue;
      const kind: ChangeKind =
        x === undefined || x === null ? 'added' : y === undefined || y === null ? 'removed' : 'changed';
      out.push({ field, kind, before: auditValue(x), after: auditValue(y) });
    }
    return out;
  }
  // Lists and plain values are one change as a whole.
  if (same(b, a)) return [];
  return [
    {
      field: '',
      kind: b === null ? 'added' : a === null ? 'removed' : 'changed',
      before: auditValue(b),
      after: auditValue(a),
    },
  ];
}
