/**
 * What every table reader (CSV, XLSX) produces: the header texts and the data rows, each with
 * the line number the user sees in their spreadsheet program, so an error report can say "line
 * 1,024" and the user can scroll straight to it.
 */
export interface TableRow {
  /** 1-based line (CSV) or row number (XLSX) where the record starts. */
  line: number;
  /** Cell text keyed by header, trimmed. Missing cells are absent or empty strings. */
  values: Record<string, string>;
}

export interface RawRecord {
  line: number;
  cells: string[];
}

/** How many leading records may be a title above the real header (e.g. a merged "会员名单" row). */
const TITLE_ROWS_LOOKAHEAD = 10;

/**
 * The header is the first record with at least two different texts. Spreadsheets made by hand
 * often start with a title row (one merged cell) or a blank-ish row; taking that as the header
 * would make every column unrecognised. A one-column file has no such row; then the first wins.
 */
export function pickHeaderIndex(records: RawRecord[]): number {
  const limit = Math.min(records.length, TITLE_ROWS_LOOKAHEAD);
  for (let i = 0; i < limit; i++) {
    const distinct = new Set(records[i].cells.map((c) => c.trim()).filter((c) => c !== ''));
    if (distinct.size >= 2) return i;
  }
  return records.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
}

/**
 * Header and data records of a table, before rows are keyed by header. Chat readers work on this
 * directly: keying a million rows by header text would only feed the garbage collector.
 */
export interface Grid {
  headers: string[];
  /** Position in `cells` of each header, same order as `headers`. */
  columns: number[];
  /** Non-empty data records, cells trimmed. */
  data: RawRecord[];
  headerLine: number;
}

/**
 * Finds the header and the data. Header texts are trimmed; a repeated header gets " (2)",
 * " (3)" so no column silently overwrites another; a nameless column that holds data is called
 * "column N" (its 1-based position) so its data is still visible to the user.
 */
export function shapeGrid(records: RawRecord[]): Grid | null {
  const h = pickHeaderIndex(records);
  if (h < 0) return null;
  const headerCells = records[h].cells.map((c) => c.trim());
  let width = headerCells.length;
  const data: RawRecord[] = [];
  for (let i = h + 1; i < records.length; i++) {
    const r = records[i];
    let empty = true;
    for (let j = 0; j < r.cells.length; j++) {
      const v = r.cells[j].trim();
      r.cells[j] = v;
      if (v !== '') empty = false;
    }
    if (empty) continue;
    if (r.cells.length > width) width = r.cells.length;
    data.push(r);
  }

  const used = new Array<boolean>(width).fill(false);
  for (const r of data) for (let j = 0; j < r.cells.length; j++) if (r.cells[j] !== '') used[j] = true;

  const { headers, columns } = nameColumns(headerCells, width, used);
  return { headers, columns, data, headerLine: records[h].line };
}

/**
 * The columns a sheet has and their names: repeated headers get " (2)", a nameless column with
 * data (`used`) is "column N", a nameless empty one is dropped. `columns` holds each one's index.
 */
export function nameColumns(
  headerCells: readonly (string | undefined)[],
  width: number,
  used: readonly boolean[],
): { headers: string[]; columns: number[] } {
  const headers: string[] = [];
  const columns: number[] = [];
  const seen = new Map<string, number>();
  for (let j = 0; j < width; j++) {
    let name = headerCells[j] ?? '';
    if (name === '') {
      if (!used[j]) continue;
      name = `column ${j + 1}`;
    }
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    headers.push(n === 1 ? name : `${name} (${n})`);
    columns.push(j);
  }
  return { headers, columns };
}

/** Rows keyed by header text, for member and order imports. */
export function gridRows(grid: Grid): TableRow[] {
  const { headers, columns } = grid;
  return grid.data.map((r) => {
    const values: Record<string, string> = {};
    for (let k = 0; k < headers.length; k++) values[headers[k]] = r.cells[columns[k]] ?? '';
    return { line: r.line, values };
  });
}

export function shapeTable(records: RawRecord[]): { headers: string[]; rows: TableRow[]; headerLine: number } | null {
  const grid = shapeGrid(records);
  return grid === null ? null : { headers: grid.headers, rows: gridRows(grid), headerLine: grid.headerLine };
}
