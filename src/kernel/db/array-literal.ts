/**
 * A PostgreSQL array literal ('{1,2,NULL}', '{"a","b\"c"}') for a batch parameter cast in SQL
 * (`${arrayLiteral(ids)}::bigint[]`). Drivers serialise a JS array element by element, quoting
 * and escaping numbers too; for the ten-thousand-row batches of the ledger that was a measurable
 * part of a batch. Numbers are written bare, strings quoted with `"` and `\` escaped, nulls NULL.
 */
export function arrayLiteral(values: readonly (number | string | null | undefined)[]): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new RangeError(`array element ${i} is ${v}`);
      out += String(v);
    } else out += `"${v.replace(/["\\]/g, '\\$&')}"`;
  }
  return `${out}}`;
}
