import { csvLine, UTF8_BOM } from '../../../shared/spreadsheet-cell';

/**
 * Table exports: the rows a report shows, with the headers in the operator's language, as CSV
 * (UTF-8 with a byte-order mark, so Excel opens Chinese text correctly) or as an XLSX workbook
 * (exceljs, loaded only when asked for). Names in these rows are typed by members, so a CSV cell
 * that would start a formula is defused by the rule the server's exports use; an XLSX cell is
 * written as a string value, which no spreadsheet runs as a formula (tested).
 */
export interface ExportColumn<T> {
  title: string;
  value: (row: T) => string | number | null;
}

export function toCsv<T>(rows: readonly T[], columns: readonly ExportColumn<T>[]): string {
  return (
    UTF8_BOM + csvLine(columns.map((c) => c.title)) + rows.map((r) => csvLine(columns.map((c) => c.value(r)))).join('')
  );
}

function download(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadCsv<T>(fileName: string, rows: readonly T[], columns: readonly ExportColumn<T>[]) {
  download(new Blob([toCsv(rows, columns)], { type: 'text/csv;charset=utf-8' }), `${fileName}.csv`);
}

/** The workbook's bytes; no browser needed. Every value goes in as a plain string or number, never as a formula. */
export async function toXlsx<T>(
  sheet: string,
  rows: readonly T[],
  columns: readonly ExportColumn<T>[],
): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.slice(0, 31));
  ws.addRow(columns.map((c) => c.title)).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  ws.columns.forEach((col, i) => {
    col.width = Math.min(40, Math.max(10, columns[i]!.title.length * 2 + 2));
  });
  return wb.xlsx.writeBuffer() as Promise<ArrayBuffer>;
}

export async function downloadXlsx<T>(
  fileName: string,
  sheet: string,
  rows: readonly T[],
  columns: readonly ExportColumn<T>[],
) {
  const buf = await toXlsx(sheet, rows, columns);
  download(
    new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    `${fileName}.xlsx`,
  );
}
