import { csvCell as textCell, UTF8_BOM } from '../../../web/shared/spreadsheet-cell.js';

/**
 * CSV as Excel and WPS read it: UTF-8 with a byte-order mark, CRLF line ends, quoting per RFC 4180,
 * and text that would start a formula defused — the rule of web/shared/spreadsheet-cell.ts, which
 * the console's exports use too.
 */
export { UTF8_BOM };

/** One field: dates as ISO text, objects as JSON, then the shared rule. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return textCell(value);
  return textCell(
    value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value),
  );
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
