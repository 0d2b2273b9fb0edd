import { parse } from 'csv-parse/sync';
import { FormatError } from './format-error.js';
import type { RawRecord } from './table-shape.js';

/**
 * CSV as it arrives from Excel, WPS, Numbers, Google Sheets and export tools: comma, tab or
 * semicolon separated (European Excel uses `;`), and now and then a file typed by hand with the
 * Chinese comma `，`. Quotes inside unquoted cells (`5" screen`) are kept as text instead of
 * failing the file.
 */

export type Delimiter = ',' | '\t' | ';' | '，';

/** Picks the separator from the header line: the most frequent of , tab ; outside quotes. */
export function detectDelimiter(text: string): Delimiter {
  let start = 0;
  let end = text.indexOf('\n');
  // The header is the first line with something on it.
  while (end !== -1 && text.slice(start, end).trim() === '') {
    start = end + 1;
    end = text.indexOf('\n', start);
  }
  const line = text.slice(start, end === -1 ? text.length : end);
  const counts = { ',': 0, '\t': 0, ';': 0, '，': 0 };
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === ',' || ch === '\t' || ch === ';' || ch === '，')) counts[ch]++;
  }
  let best: Delimiter = ',';
  for (const d of [',', '\t', ';'] as const) if (counts[d] > counts[best]) best = d;
  if (counts[best] === 0 && counts['，'] > 0) return '，';
  return best;
}

/**
 * Parses CSV text into records with the line each record starts on. Line ends are unified to
 * `\n` first: cells typed with Alt+Enter in Excel keep their line breaks as `\n`, and lines are
 * counted the same way for files saved on Windows, Mac and Linux.
 *
 * Empty lines are kept as records (and dropped later with other empty rows) so that every line of
 * the file belongs to exactly one record: a record starts on the line after the previous one
 * ends, and ends as many lines later as its cells hold line breaks. Counting this way is exact
 * and costs far less than csv-parse's per-record `info` objects on million-line files.
 */
export function readCsvRecords(input: string, delimiter: Delimiter = detectDelimiter(input)): RawRecord[] {
  const text = input.includes('\r') ? input.replace(/\r\n?/g, '\n') : input;
  let parsed: string[][];
  try {
    parsed = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (err) {
    throw csvFailure(err, text);
  }
  const records: RawRecord[] = new Array(parsed.length);
  let line = 1;
  for (let i = 0; i < parsed.length; i++) {
    const cells = parsed[i];
    records[i] = { line, cells };
    line++;
    for (const cell of cells) {
      for (let p = cell.indexOf('\n'); p !== -1; p = cell.indexOf('\n', p + 1)) line++;
    }
  }
  return records;
}

function csvFailure(err: unknown, text: string): FormatError {
  const e = err as { code?: string; bytes_records?: number; lines?: number; message?: string };
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    const line = lineAtByte(text, e.bytes_records ?? 0);
    return new FormatError(
      'UNSUPPORTED_FORMAT',
      `A quoted cell starting on or after line ${line} is never closed: a " is missing; fix the file and import again`,
      { line, cause: err },
    );
  }
  const line = e.lines;
  return new FormatError(
    'UNSUPPORTED_FORMAT',
    `The file is not valid CSV${line === undefined ? '' : ` (line ${line})`}: ${e.message ?? String(err)}`,
    { line, cause: err },
  );
}

/** 1-based line of the record that starts at UTF-8 byte `offset`. */
function lineAtByte(text: string, offset: number): number {
  const before = Buffer.from(text, 'utf8').subarray(0, offset).toString('utf8');
  let line = 1;
  for (let p = before.indexOf('\n'); p !== -1; p = before.indexOf('\n', p + 1)) line++;
  // bytes_records ends after the record's line break, i.e. at the start of the next record.
  return line;
}
