import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { toCsv, toXlsx, type ExportColumn } from './export';

describe('CSV export', () => {
  it('starts with a byte-order mark and quotes what needs quoting', () => {
    const csv = toCsv(
      [
        { name: '林小姐, 上海', note: '说 "你好"', n: 3 },
        { name: '多行\n文本', note: null as string | null, n: 0 },
      ],
      [
        { title: '姓名', value: (r) => r.name },
        { title: 'note', value: (r) => r.note },
        { title: 'n', value: (r) => r.n },
      ],
    );
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '姓名,note,n',
      '"林小姐, 上海","说 ""你好""",3',
      '"多行\n文本",,0',
      '',
    ]);
  });

  it('defuses a member name that would run as a formula, but not a negative number', () => {
    const csv = toCsv(
      [
        { name: '=HYPERLINK("http://evil.example/steal","点我领券")', n: -3 },
        { name: '@cmd', n: 1 },
      ],
      [
        { title: '成员', value: (r) => r.name },
        { title: '变化', value: (r) => r.n },
      ],
    );
    expect(csv.slice(1).split('\r\n')).toEqual([
      '成员,变化',
      `"'=HYPERLINK(""http://evil.example/steal"",""点我领券"")",-3`,
      "'@cmd,1",
      '',
    ]);
  });
});

describe('XLSX export', () => {
  it('writes a name starting with = as a string cell, not a formula', async () => {
    const name = '=HYPERLINK("http://evil.example/steal","点我领券")';
    const columns: ExportColumn<{ name: string; n: number }>[] = [
      { title: '成员', value: (r) => r.name },
      { title: '消息', value: (r) => r.n },
    ];
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await toXlsx('贡献榜', [{ name, n: 12 }], columns));
    const cell = wb.worksheets[0]!.getCell('A2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(name);
    expect(wb.worksheets[0]!.getCell('B2').value).toBe(12);
  });
});
