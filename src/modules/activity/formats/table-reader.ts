import path from 'node:path';
import { readCsvRecords, detectDelimiter, type Delimiter } from './csv-reader.js';
import { FormatError } from './format-error.js';
import { gridRows, shapeGrid, shapeTable, type Grid, type TableRow } from './table-shape.js';
import { decodeText, type TextEncoding } from './text-encoding.js';
import { readXlsxRecords } from './xlsx-reader.js';

/**
 * The one entry point for member and order spreadsheets: give it the uploaded bytes and the
 * file name, get back headers and rows with line numbers, whatever program saved the file.
 */

export type { TableRow } from './table-shape.js';

export interface Table {
  format: 'csv' | 'xlsx';
  /** Text encoding the CSV was read as; absent for XLSX. */
  encoding?: TextEncoding;
  /** Column separator the CSV uses; absent for XLSX. */
  delimiter?: Delimiter;
  /** Line of the header row (1 unless the sheet starts with a title). */
  headerLine: number;
  headers: string[];
  rows: TableRow[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
/** Old binary Office files (.xls, .doc) start with the OLE2 signature. */
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (buf: Buffer, magic: number[]) => buf.length >= magic.length && magic.every((b, i) => buf[i] === b);

const OLD_EXCEL_MESSAGE = 'Old Excel .xls files cannot be read; open it in Excel or WPS and save it as .xlsx or .csv';

export async function readTable(buf: Buffer, fileName: string): Promise<Table> {
  if (buf.length === 0) throw new FormatError('EMPTY_FILE', 'The file is empty');
  const ext = path.extname(fileName).toLowerCase();
  if (startsWith(buf, OLE_MAGIC)) throw new FormatError('UNSUPPORTED_FORMAT', OLD_EXCEL_MESSAGE);
  if (startsWith(buf, ZIP_MAGIC) || ext === '.xlsx') {
    const shaped = shapeTable(await readXlsxRecords(buf));
    if (shaped === null) throw new FormatError('EMPTY_FILE', 'The first worksheet of the workbook is empty');
    return { format: 'xlsx', ...shaped };
  }
  const { text, encoding } = decodeText(buf);
  // Many Chinese back offices export tab-separated text or an HTML table and name it .xls;
  // the first is just text and reads fine, the second cannot be read.
  if (ext === '.xls' && /^\s*</.test(text)) throw new FormatError('UNSUPPORTED_FORMAT', OLD_EXCEL_MESSAGE);
  return { ...readCsvTable(text), encoding };
}

/**
 * CSV only, synchronously, from bytes or already-decoded text, as a grid of cells; the chat log
 * readers use this, since chat exports are never workbooks and can run to millions of rows.
 */
export function readCsvGrid(input: Buffer | string): Grid & { encoding?: TextEncoding; delimiter: Delimiter } {
  let text: string;
  let encoding: TextEncoding | undefined;
  if (typeof input === 'string') text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  else ({ text, encoding } = decodeText(input));
  if (!/\S/.test(text)) throw new FormatError('EMPTY_FILE', 'The file is empty');
  const delimiter = detectDelimiter(text);
  const grid = shapeGrid(readCsvRecords(text, delimiter));
  if (grid === null) throw new FormatError('EMPTY_FILE', 'The file has no header row and no data');
  return encoding === undefined ? { ...grid, delimiter } : { ...grid, delimiter, encoding };
}

/** Same as `readTable` for text known to be CSV, synchronously. */
export function readCsvTable(input: Buffer | string): Table {
  const { encoding, delimiter, ...grid } = readCsvGrid(input);
  const table: Table = {
    format: 'csv',
    delimiter,
    headerLine: grid.headerLine,
    headers: grid.headers,
    rows: gridRows(grid),
  };
  if (encoding !== undefined) table.encoding = encoding;
  return table;
}

/** Finds a column by any of its names, ignoring case: export tools disagree on capitalisation. */
export function findHeader(headers: string[], ...names: string[]): string | undefined {
  const wanted = names.map((n) => n.toLowerCase());
  for (const w of wanted) {
    const h = headers.find((x) => x.toLowerCase() === w);
    if (h !== undefined) return h;
  }
  return undefined;
}

/** Position in a grid's cells of the column with any of these names (ignoring case), or -1. */
export function gridColumn(grid: Grid, ...names: string[]): number {
  const h = findHeader(grid.headers, ...names);
  return h === undefined ? -1 : grid.columns[grid.headers.indexOf(h)];
}
