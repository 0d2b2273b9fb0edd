/**
 * Table exports: the rows a report shows, with the headers in the operator's language, as CSV
 * (UTF-8 with a byte-order mark, so Excel opens Chinese text correctly) or as an XLSX workbook
 * (exceljs, loaded only when asked for).
 */
export interface ExportColumn<T> { title: string; value: (row: T) => string | number | null }

const BOM = '\ufeff';

function csvCell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv<T>(rows: readonly T[], columns: readonly ExportColumn<T>[]): string {
  const lines = [columns.map((c) => csvCell(c.title)).join(','), ...rows.map((r) => columns.map((c) => csvCell(c.value(r))).join(','))];
  return BOM + lines.join('\r\n') + '\r\n';
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

export async function downloadXlsx<T>(fileName: string, sheet: string, rows: readonly T[], columns: readonly ExportColumn<T>[]) {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.slice(0, 31));
  ws.addRow(columns.map((c) => c.title)).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r)));
  ws.columns.forEach((col, i) => { col.width = Math.min(40, Math.max(10, columns[i]!.title.length * 2 + 2)); });
  const buf = await wb.xlsx.writeBuffer();
  download(new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), `${fileName}.xlsx`);
}
