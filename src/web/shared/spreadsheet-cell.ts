/**
 * One rule for every CSV Kith writes, shared by the server (member export, import rejections) and
 * the console (report exports), so a cell is defused the same way whichever side builds the file.
 * Standalone on purpose: no imports, so both TypeScript builds compile it as it is.
 */

/** UTF-8 with a byte-order mark: without it Excel shows Chinese as mojibake. */
export const UTF8_BOM = '\uFEFF';

/**
 * Excel, WPS and LibreOffice run a cell that starts with = + - @ (or a tab or carriage return,
 * which they skip before looking) as a formula, so a member who names themselves
 * `=HYPERLINK("http://evil.example/steal","点我领券")` could attack whoever opens the export.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet shows as text: a leading apostrophe before anything that would start a formula. */
export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One CSV field (RFC 4180 quoting). Text is defused; numbers and booleans are written as they are,
 * since a number cannot carry a formula and -5 must stay a number.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? defuseFormula(value) : String(value);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV record with the CRLF line end Excel expects. */
export function csvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
