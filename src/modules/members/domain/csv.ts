/**
 * CSV as Excel and WPS read it: UTF-8 with a byte-order mark (without it Excel shows Chinese as
 * mojibake), CRLF line ends, and quoting per RFC 4180.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab / carriage return) as a formula,
 * so a member who names themselves `=HYPERLINK(...)` could attack whoever opens the export.
 * Such cells get a leading apostrophe, which spreadsheets show as text.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
