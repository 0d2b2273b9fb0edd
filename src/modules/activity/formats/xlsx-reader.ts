import ExcelJS from 'exceljs';
import { FormatError } from './format-error.js';
import type { RawRecord } from './table-shape.js';

/**
 * Excel workbooks (.xlsx). Only the first worksheet is read: that is the sheet people look at
 * when they pick the file. Cells become the text the user sees, not the stored representation:
 * 0.1+0.2 shows as 0.3, a date cell shows as its calendar date and clock time, a formula as its
 * last computed result.
 */

export async function readXlsxRecords(buf: Buffer): Promise<RawRecord[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new FormatError(
      'UNSUPPORTED_FORMAT',
      'The file is not a readable .xlsx workbook; open it in Excel or WPS and save it as .xlsx or .csv',
      { cause: err },
    );
  }
  const ws = wb.worksheets[0];
  if (ws === undefined) return [];
  const records: RawRecord[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
    records.push({ line: rowNumber, cells });
  });
  return records;
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return excelDateText(v);
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('formula' in v || 'sharedFormula' in v)
    return v.result === undefined ? '' : cellText(v.result as ExcelJS.CellValue);
  if ('hyperlink' in v) return cellText(v.text as ExcelJS.CellValue);
  // #N/A, #REF! and friends mean "no value"; importing them as text would store the error.
  if ('error' in v) return '';
  return String(v);
}

/**
 * Doubles print with binary noise (1299.1 + 0.2 = 1299.3000000000002); Excel rounds to 15
 * significant digits for display and so does Kith. Whole numbers, phone numbers included, print
 * in full.
 */
export function numberText(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
  return String(Number(n.toPrecision(15)));
}

/**
 * Excel dates have no zone: the stored number is the wall-clock time the user typed, which
 * exceljs hands over as a Date whose UTC fields are that wall clock. Reading the UTC fields gives
 * back exactly what the cell shows; the row validators then apply the workspace zone.
 */
export function excelDateText(d: Date): string {
  // Excel stores times as fractions of a day; 09:05:12 may come back as 09:05:11.9999.
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(t.getUTCFullYear(), 4)}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())} ${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}`;
}
