import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { detectDelimiter, type Delimiter } from './csv-reader.js';
import { FormatError } from './format-error.js';
import { nameColumns, pickHeaderIndex, type RawRecord, type TableRow } from './table-shape.js';
import { isPlausibleChineseText, looksLikeUtf16le, type TextEncoding } from './text-encoding.js';
import { readXlsxRecords } from './xlsx-reader.js';

/**
 * Members and orders sheets read from a file on disk as a stream, so a file of any size up to
 * the upload limit costs memory in proportion to one batch of rows, not to the file. A sheet is
 * read twice: once to find its shape (encoding, separator, header, how many rows), then once per
 * use to hand out its rows in batches; both reads stop at the first limit the file goes past.
 * XLSX workbooks are zip archives read whole by exceljs, so they have a smaller size limit.
 */

export const TABLE_LIMITS = {
  /** Columns read from a sheet: members and orders sheets use a few dozen at most. */
  columns: 200,
  /** Characters in one record (a line, or several when a quoted cell holds line breaks). */
  lineChars: 1024 * 1024,
  /** An .xlsx workbook is unzipped and read whole. */
  xlsxBytes: 20 * 1024 * 1024,
} as const;

/** Rows handed out per batch; the reader lets other work run between batches. */
const BATCH = 500;
const HEAD_BYTES = 64 * 1024;
const TITLE_ROWS_LOOKAHEAD = 10;
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const OLD_EXCEL_MESSAGE = 'Old Excel .xls files cannot be read; open it in Excel or WPS and save it as .xlsx or .csv';

export interface TableFile {
  path: string;
  fileName: string;
  size: number;
}

export interface StreamedTable {
  format: 'csv' | 'xlsx';
  encoding?: TextEncoding;
  delimiter?: Delimiter;
  headerLine: number;
  headers: string[];
  /** Non-empty data rows in the sheet. */
  rowCount: number;
  /** The data rows keyed by header, in file order, in batches. */
  rows(): AsyncGenerator<TableRow[]>;
}

const fmt = (n: number) => n.toLocaleString('en-US');

/** Where the header is and which columns exist, found by the first read. */
interface Shape {
  headerIndex: number;
  headerLine: number;
  headers: string[];
  columns: number[];
  rowCount: number;
}

type RecordSource = () => AsyncGenerator<RawRecord>;

const opened = new WeakMap<TableFile, Promise<StreamedTable>>();

/** Reads the shape of a sheet once per file object (a preview asks for it more than once). */
export function openTable(file: TableFile): Promise<StreamedTable> {
  let t = opened.get(file);
  if (!t) {
    t = open(file);
    opened.set(file, t);
    t.catch(() => opened.delete(file));
  }
  return t;
}

async function open(file: TableFile): Promise<StreamedTable> {
  if (file.size === 0) throw new FormatError('EMPTY_FILE', 'The file is empty');
  const head = await readHead(file.path);
  const ext = path.extname(file.fileName).toLowerCase();
  if (startsWith(head, OLE_MAGIC)) throw new FormatError('UNSUPPORTED_FORMAT', OLD_EXCEL_MESSAGE);
  if (startsWith(head, ZIP_MAGIC) || ext === '.xlsx') return openXlsx(file);

  let encoding = guessEncoding(head);
  let shape: { shape: Shape; delimiter: Delimiter };
  try {
    shape = await csvShape(file, head, encoding, ext);
  } catch (e) {
    // Like `decodeText`: text that is not UTF-8 all the way through is read as GBK/GB18030.
    if (!(e instanceof EncodingMismatch) || encoding !== 'utf-8')
      throw e instanceof EncodingMismatch ? unsupportedEncoding() : e;
    encoding = 'gb18030';
    shape = await csvShape(file, head, encoding, ext);
  }
  const { delimiter } = shape;
  const source: RecordSource = () => csvRecords(file.path, encoding, delimiter);
  return { format: 'csv', encoding, delimiter, ...describe(shape.shape), rows: () => keyedRows(source, shape.shape) };
}

async function openXlsx(file: TableFile): Promise<StreamedTable> {
  if (file.size > TABLE_LIMITS.xlsxBytes) {
    throw new FormatError(
      'LIMIT_EXCEEDED',
      `The workbook is ${fmt(Math.ceil(file.size / 1024 / 1024))} MB; an .xlsx file is read up to ${TABLE_LIMITS.xlsxBytes / 1024 / 1024} MB. Save the sheet as CSV (read up to the upload limit) and import that`,
    );
  }
  const records = await readXlsxRecords(await fsp.readFile(file.path));
  const source: RecordSource = async function* () {
    for (let i = 0; i < records.length; i++) {
      if (i % BATCH === BATCH - 1) await nextTurn();
      yield records[i]!;
    }
  };
  const shape = await findShape(source);
  if (shape === null) throw new FormatError('EMPTY_FILE', 'The first worksheet of the workbook is empty');
  return { format: 'xlsx', ...describe(shape), rows: () => keyedRows(source, shape) };
}

function describe(s: Shape) {
  return { headerLine: s.headerLine, headers: s.headers, rowCount: s.rowCount };
}

async function csvShape(file: TableFile, head: Buffer, encoding: TextEncoding, ext: string) {
  const headText = decodeHead(head, encoding);
  // Many Chinese back offices export an HTML table and name it .xls: it cannot be read.
  if (ext === '.xls' && /^\s*</.test(headText)) throw new FormatError('UNSUPPORTED_FORMAT', OLD_EXCEL_MESSAGE);
  if (!/\S/.test(headText)) throw new FormatError('EMPTY_FILE', 'The file is empty');
  const delimiter = detectDelimiter(headText.replace(/\r\n?/g, '\n'));
  const shape = await findShape(() => csvRecords(file.path, encoding, delimiter));
  if (shape === null) throw new FormatError('EMPTY_FILE', 'The file has no header row and no data');
  return { shape, delimiter };
}

/** Index of the last non-empty cell plus one: trailing empty cells (`a,b,,,,`) are not columns. */
function width(cells: string[]): number {
  for (let j = cells.length - 1; j >= 0; j--) if (cells[j] !== '' && cells[j]!.trim() !== '') return j + 1;
  return 0;
}

function checkColumns(r: RawRecord) {
  if (r.cells.length <= TABLE_LIMITS.columns) return;
  const n = width(r.cells);
  if (n > TABLE_LIMITS.columns) {
    throw new FormatError(
      'LIMIT_EXCEEDED',
      `Line ${fmt(r.line)} has ${fmt(n)} columns; at most ${TABLE_LIMITS.columns} are read. Remove the columns you do not import and try again`,
      { line: r.line },
    );
  }
}

/**
 * The first read: header (the first record with two different texts among the first ten, as
 * `pickHeaderIndex` decides for a whole table), the columns holding data and the row count. Same
 * naming as `shapeGrid`: repeated headers get " (2)", a nameless column with data is "column N".
 */
async function findShape(source: RecordSource): Promise<Shape | null> {
  const lead: RawRecord[] = [];
  let index = -1;
  let header: RawRecord | null = null;
  let headerIndex = -1;
  let widest = 0;
  let rowCount = 0;
  const used: boolean[] = [];
  for await (const r of source()) {
    index++;
    checkColumns(r);
    if (header === null) {
      lead.push(r);
      if (lead.length < TITLE_ROWS_LOOKAHEAD) continue;
      const h = pickHeaderIndex(lead);
      if (h < 0) continue; // ten empty records: the header is the first non-empty one to come
      headerIndex = index - lead.length + 1 + h;
      header = lead[h]!;
      for (const d of lead.slice(h + 1)) ({ widest, rowCount } = countRow(d, used, widest, rowCount));
      lead.length = 0;
      continue;
    }
    ({ widest, rowCount } = countRow(r, used, widest, rowCount));
  }
  if (header === null) {
    const h = pickHeaderIndex(lead);
    if (h < 0) return null;
    headerIndex = index - lead.length + 1 + h;
    header = lead[h]!;
    for (const d of lead.slice(h + 1)) ({ widest, rowCount } = countRow(d, used, widest, rowCount));
  }
  const headerCells = header.cells.map((c) => c.trim());
  const w = Math.max(widest, width(headerCells));
  const { headers, columns } = nameColumns(headerCells, w, used);
  return { headerIndex, headerLine: header.line, headers, columns, rowCount };
}

function countRow(r: RawRecord, used: boolean[], widest: number, rowCount: number) {
  let empty = true;
  for (let j = 0; j < r.cells.length; j++) {
    if (r.cells[j]!.trim() !== '') {
      empty = false;
      used[j] = true;
    }
  }
  if (empty) return { widest, rowCount };
  return { widest: Math.max(widest, width(r.cells)), rowCount: rowCount + 1 };
}

/** The second read: data records after the header, trimmed, empty ones dropped, keyed by header. */
async function* keyedRows(source: RecordSource, shape: Shape): AsyncGenerator<TableRow[]> {
  const { headers, columns, headerIndex } = shape;
  let index = -1;
  let batch: TableRow[] = [];
  for await (const r of source()) {
    index++;
    if (index <= headerIndex) continue;
    checkColumns(r);
    let empty = true;
    for (let j = 0; j < r.cells.length; j++) {
      const v = r.cells[j]!.trim();
      r.cells[j] = v;
      if (v !== '') empty = false;
    }
    if (empty) continue;
    const values: Record<string, string> = {};
    for (let k = 0; k < headers.length; k++) values[headers[k]!] = r.cells[columns[k]!] ?? '';
    batch.push({ line: r.line, values });
    if (batch.length === BATCH) {
      yield batch;
      batch = [];
      await nextTurn();
    }
  }
  if (batch.length) yield batch;
}

/**
 * CSV records of a file, each with the line it starts on (counted as `readCsvRecords` does:
 * line ends unified to `\n`, a record spans as many lines as its cells hold line breaks).
 */
async function* csvRecords(file: string, encoding: TextEncoding, delimiter: Delimiter): AsyncGenerator<RawRecord> {
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    max_record_size: TABLE_LIMITS.lineChars,
  });
  const input = Readable.from(decodeChunks(file, encoding));
  input.on('error', (e) => parser.destroy(e));
  input.pipe(parser);
  let line = 1;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      yield { line, cells };
      line++;
      for (const cell of cells) for (let p = cell.indexOf('\n'); p !== -1; p = cell.indexOf('\n', p + 1)) line++;
    }
  } catch (err) {
    throw csvFailure(err, line);
  } finally {
    input.destroy();
    parser.destroy();
  }
}

function csvFailure(err: unknown, line: number): unknown {
  if (err instanceof FormatError || err instanceof EncodingMismatch) return err;
  const e = err as { code?: string; message?: string; index?: number };
  if (e.code === 'CSV_MAX_RECORD_SIZE') {
    // Reading stopped inside the record: the cells read so far already say when it is too wide.
    if ((e.index ?? 0) > TABLE_LIMITS.columns) {
      return new FormatError(
        'LIMIT_EXCEEDED',
        `Line ${fmt(line)} has more than ${fmt(e.index!)} columns; at most ${TABLE_LIMITS.columns} are read. Remove the columns you do not import and try again`,
        { line, cause: err },
      );
    }
    return new FormatError(
      'LIMIT_EXCEEDED',
      `The record starting on line ${fmt(line)} is longer than ${fmt(TABLE_LIMITS.lineChars)} characters, the most one line of a sheet may hold`,
      { line, cause: err },
    );
  }
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new FormatError(
      'UNSUPPORTED_FORMAT',
      `A quoted cell starting on or after line ${line} is never closed: a " is missing; fix the file and import again`,
      { line, cause: err },
    );
  }
  return new FormatError(
    'UNSUPPORTED_FORMAT',
    `The file is not valid CSV (line ${line}): ${e.message ?? String(err)}`,
    { line, cause: err },
  );
}

class EncodingMismatch extends Error {}

function unsupportedEncoding(): FormatError {
  return new FormatError(
    'UNSUPPORTED_ENCODING',
    'The file is neither UTF-8 nor GBK/GB18030 text; save it as UTF-8 and import again',
  );
}

/** Text of the file, chunk by chunk, with `\r\n` and lone `\r` turned into `\n`. */
async function* decodeChunks(file: string, encoding: TextEncoding): AsyncGenerator<string> {
  const skip = encoding === 'utf-8-bom' ? 3 : encoding === 'utf-16le' ? 0 : 0;
  const decode = decoderFor(encoding);
  let carry = '';
  let first = true;
  for await (const chunk of fs.createReadStream(file, { start: skip, highWaterMark: HEAD_BYTES })) {
    let text = carry + decode(chunk as Buffer, false);
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    // A \r at the end of a chunk may be the first half of \r\n.
    carry = text.endsWith('\r') ? '\r' : '';
    if (carry) text = text.slice(0, -1);
    if (text) yield text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  }
  const rest = carry + decode(Buffer.alloc(0), true);
  if (rest) yield rest.replace(/\r\n?/g, '\n');
}

function decoderFor(encoding: TextEncoding): (buf: Buffer, end: boolean) => string {
  if (encoding === 'utf-16le') {
    const d = new TextDecoder('utf-16le');
    return (buf, end) => d.decode(buf, { stream: !end });
  }
  if (encoding === 'gb18030') {
    const d = iconv.getDecoder('gb18030');
    return (buf, end) => {
      const text = end ? (d.end() ?? '') : d.write(buf);
      if (!isPlausibleChineseText(text)) throw unsupportedEncoding();
      return text;
    };
  }
  const d = new TextDecoder('utf-8', { fatal: true });
  return (buf, end) => {
    try {
      return d.decode(buf, { stream: !end });
    } catch {
      // A BOM promises UTF-8: broken bytes after it mean a damaged file, not another encoding.
      if (encoding === 'utf-8-bom') throw unsupportedEncoding();
      throw new EncodingMismatch();
    }
  };
}

function guessEncoding(head: Buffer): TextEncoding {
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8-bom';
  if ((head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) || looksLikeUtf16le(head)) return 'utf-16le';
  return 'utf-8';
}

function decodeHead(head: Buffer, encoding: TextEncoding): string {
  if (encoding === 'gb18030') return iconv.decode(head, 'gb18030');
  if (encoding === 'utf-16le')
    return new TextDecoder('utf-16le').decode(head.subarray(0, head.length & ~1)).replace(/^\ufeff/, '');
  return new TextDecoder('utf-8').decode(encoding === 'utf-8-bom' ? head.subarray(3) : head);
}

async function readHead(file: string): Promise<Buffer> {
  const fh = await fsp.open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const startsWith = (buf: Buffer, magic: number[]) => buf.length >= magic.length && magic.every((b, i) => buf[i] === b);
