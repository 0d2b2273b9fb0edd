import fs from 'node:fs';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { MEMBER_COLUMNS, mapHeaders } from './column-mapping.js';
import { FormatError } from './format-error.js';
import { memberRowParser } from './row-validation.js';
import { readCsvTable, readTable } from './table-reader.js';
import { cellText, numberText } from './xlsx-reader.js';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

async function formatError(p: Promise<unknown> | (() => unknown)): Promise<FormatError> {
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error('expected a FormatError');
}

const memberHeaders = [
  '姓名',
  '手机号',
  '邮箱',
  '性别',
  '生日',
  '标签',
  '渠道',
  '外部ID',
  'QQ号',
  '营销同意',
  '社群',
  '入群时间',
  '备注',
];

describe('readTable on the members fixtures', () => {
  it('reads the UTF-8 (BOM, CRLF) file with the line each record starts on', async () => {
    const t = await readTable(fixture('members-utf8-bom.csv'), 'members.csv');
    expect(t.format).toBe('csv');
    expect(t.encoding).toBe('utf-8-bom');
    expect(t.delimiter).toBe(',');
    expect(t.headerLine).toBe(1);
    expect(t.headers).toEqual(memberHeaders);
    // Line 4 is the second line of 李四's multi-line note; line 6 is an empty row.
    expect(t.rows.map((r) => r.line)).toEqual([2, 3, 5, 7, 8]);
    expect(t.rows[1].values).toEqual({
      姓名: '李四',
      手机号: '+86 139-0013-9000',
      邮箱: '',
      性别: '女',
      生日: '1992/3/7',
      标签: '新人；活跃',
      渠道: '',
      外部ID: '',
      QQ号: '123456789',
      营销同意: '否',
      社群: '产品体验官一群',
      入群时间: '2024/3/2 9:30',
      备注: '多行\n备注',
    });
  });

  it('reads the GBK file exactly like the UTF-8 one', async () => {
    const gbk = fixture('members-gbk.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const t = await readTable(gbk, 'members.csv');
    const u = await readTable(fixture('members-utf8-bom.csv'), 'members.csv');
    expect(t.encoding).toBe('gb18030');
    expect(t.headers).toEqual(u.headers);
    expect(t.rows).toEqual(u.rows);
  });

  it('turns the fixture into members and exact reasons', async () => {
    const t = await readTable(fixture('members-gbk.csv'), 'members.csv');
    const { mapping } = mapHeaders(t.headers, MEMBER_COLUMNS, {}, { keepUnmappedAs: 'attributes' });
    const parse = memberRowParser(mapping, { now: new Date('2024-06-01T00:00:00Z') });
    const results = t.rows.map((r) => ({ line: r.line, ...parse(r.values) }));
    expect(results).toMatchObject([
      {
        line: 2,
        ok: true,
        value: {
          name: '张三',
          phone: '13800138000',
          email: 'zhangsan@example.com',
          gender: 'male',
          birthday: '1990-05-01',
          tags: ['VIP', '早鸟'],
          channel: 'wechat',
          identities: [{ channel: 'wechat', externalId: 'wxid_zhangsan' }],
          consentMarketing: true,
          community: '产品体验官一群',
          joinedAt: '2024-03-01T01:05:12.000Z',
          attributes: { 备注: '老客户' },
        },
      },
      {
        line: 3,
        ok: true,
        value: {
          name: '李四',
          phone: '13900139000',
          gender: 'female',
          birthday: '1992-03-07',
          tags: ['新人', '活跃'],
          identities: [{ channel: 'qq', externalId: '123456789' }],
          consentMarketing: false,
          community: '产品体验官一群',
          joinedAt: '2024-03-02T01:30:00.000Z',
          attributes: { 备注: '多行\n备注' },
        },
      },
      {
        line: 5,
        ok: false,
        reasons: [
          '手机号: "1380013" is not a valid phone number',
          '邮箱: "wangwu@" is not a valid email address',
          '性别: "未说" is not a known gender (use 男/女/其他/未知 or male/female/other/unknown)',
          '生日: "2024-02-30" is not a real date',
          '营销同意: "maybe" is not yes or no (use 是/否, yes/no, true/false, 1/0)',
          '入群时间: "2024-13-01" is not a real date and time',
        ],
      },
      { line: 7, ok: false, reasons: ['row has no phone, email or channel account to identify the member'] },
      {
        line: 8,
        ok: true,
        value: {
          name: 'Amy',
          phone: '+14155550100',
          email: 'amy@example.com',
          gender: 'female',
          birthday: '1988-12-03',
          channel: 'email',
          identities: [],
          tags: [],
          attributes: {},
        },
      },
    ]);
  });
});

describe('readTable on CSV variants', () => {
  it.each([
    ['tab', 'name\tphone\nAmy\t13800138000\n', '\t'],
    ['semicolon', 'name;phone\n"Lee; Amy";13800138000\n', ';'],
    ['Chinese comma', '姓名，手机号\n张三，13800138000\n', '，'],
    ['semicolon despite commas inside a quoted header', '"a,b,c";x\n1;2\n', ';'],
  ])('detects the %s separator from the header line', async (_name, text, delimiter) => {
    const t = await readTable(Buffer.from(text), 'x.csv');
    expect(t.delimiter).toBe(delimiter);
    expect(t.rows).toHaveLength(1);
    expect(Object.values(t.rows[0].values)).toHaveLength(2);
  });

  it('prefers the ASCII comma when a header also contains a Chinese comma', async () => {
    const t = await readTable(Buffer.from('备注（中文，逗号）,手机号\nx,13800138000\n'), 'x.csv');
    expect(t.delimiter).toBe(',');
    expect(t.headers).toEqual(['备注（中文，逗号）', '手机号']);
  });

  it('counts lines exactly with CR, LF and CRLF line ends and multi-line cells', async () => {
    for (const nl of ['\n', '\r\n', '\r']) {
      const text = ['a,b', '1,"x', 'y"', '', '2,3', '"p', 'q', 'r",s', ',', '4,5', ''].join(nl);
      const t = await readTable(Buffer.from(text), 'x.csv');
      expect(t.rows.map((r) => [r.line, r.values.a])).toEqual([
        [2, '1'],
        [5, '2'],
        [6, 'p\nq\nr'],
        [10, '4'],
      ]);
    }
  });

  it('keeps rows longer or shorter than the header, naming extra columns by position', async () => {
    const t = await readTable(Buffer.from('a,b,c\n1,2\n3,4,5,6\n'), 'x.csv');
    expect(t.headers).toEqual(['a', 'b', 'c', 'column 4']);
    expect(t.rows.map((r) => r.values)).toEqual([
      { a: '1', b: '2', c: '', 'column 4': '' },
      { a: '3', b: '4', c: '5', 'column 4': '6' },
    ]);
  });

  it('trims headers and cells, numbers repeated headers and drops empty unnamed columns', async () => {
    const t = await readTable(Buffer.from(' 手机 , 备注 ,备注,,\n 13800138000 , a , b ,,\n'), 'x.csv');
    expect(t.headers).toEqual(['手机', '备注', '备注 (2)']);
    expect(t.rows[0].values).toEqual({ 手机: '13800138000', 备注: 'a', '备注 (2)': 'b' });
  });

  it('skips a title row above the header', async () => {
    const t = await readTable(Buffer.from('会员名单,,,\n姓名,手机号,,\n张三,13800138000,,\n'), 'x.csv');
    expect(t.headerLine).toBe(2);
    expect(t.headers).toEqual(['姓名', '手机号']);
    expect(t.rows).toEqual([{ line: 3, values: { 姓名: '张三', 手机号: '13800138000' } }]);
  });

  it('reads a one-column file', async () => {
    const t = await readTable(Buffer.from('手机号\n13800138000\n13900139000\n'), 'x.csv');
    expect(t.rows.map((r) => r.values)).toEqual([{ 手机号: '13800138000' }, { 手机号: '13900139000' }]);
  });

  it('keeps a stray quote inside an unquoted cell as text', async () => {
    const t = await readTable(Buffer.from('item,qty\n27" monitor,1\n'), 'x.csv');
    expect(t.rows[0].values).toEqual({ item: '27" monitor', qty: '1' });
  });

  it('reports an unclosed quote with the line where the trouble starts', async () => {
    const e = await formatError(readTable(Buffer.from('a,b\n1,2\n3,"oops\n4,5\n'), 'x.csv'));
    expect(e.code).toBe('UNSUPPORTED_FORMAT');
    expect(e.line).toBe(3);
    expect(e.message).toBe(
      'A quoted cell starting on or after line 3 is never closed: a " is missing; fix the file and import again',
    );
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'EMPTY_FILE', 'The file is empty'],
    ['a blank file', Buffer.from('\r\n  \r\n'), 'EMPTY_FILE', 'The file is empty'],
    [
      'an old binary .xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      'UNSUPPORTED_FORMAT',
      'Old Excel .xls files cannot be read; open it in Excel or WPS and save it as .xlsx or .csv',
    ],
    [
      'an HTML table named .xls',
      Buffer.from('<html><table><tr><td>1</td></tr></table></html>'),
      'UNSUPPORTED_FORMAT',
      'Old Excel .xls files cannot be read; open it in Excel or WPS and save it as .xlsx or .csv',
    ],
    [
      'a zip that is not a workbook',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]),
      'UNSUPPORTED_FORMAT',
      'The file is not a readable .xlsx workbook; open it in Excel or WPS and save it as .xlsx or .csv',
    ],
  ])('refuses %s', async (_name, buf, code, message) => {
    const e = await formatError(readTable(buf, 'members.xls'));
    expect(e.code).toBe(code);
    expect(e.message).toBe(message);
  });

  it('reads tab-separated text that a back office named .xls', async () => {
    const t = await readTable(iconv.encode('姓名\t手机号\n张三\t13800138000\n', 'gbk'), '导出.xls');
    expect(t).toMatchObject({
      format: 'csv',
      encoding: 'gb18030',
      delimiter: '\t',
      rows: [{ line: 2, values: { 姓名: '张三', 手机号: '13800138000' } }],
    });
  });

  it('reads CSV text synchronously', () => {
    expect(readCsvTable('\ufeffa,b\n1,2\n')).toEqual({
      format: 'csv',
      delimiter: ',',
      headerLine: 1,
      headers: ['a', 'b'],
      rows: [{ line: 2, values: { a: '1', b: '2' } }],
    });
  });
});

describe('readTable on XLSX', () => {
  async function workbook(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    build(wb.addWorksheet('会员'), wb);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet as the user sees it', async () => {
    const buf = await workbook((ws, wb) => {
      ws.mergeCells('A1:H1');
      ws.getCell('A1').value = '会员名单（2024）';
      ws.getRow(2).values = ['姓名', '手机号', '生日', '积分', '入群时间', '邮箱', '营销同意', '等级'];
      ws.getRow(3).values = [
        { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] },
        13800138000,
        new Date(Date.UTC(1990, 4, 1)),
        0.1 + 0.2,
        new Date(Date.UTC(2024, 2, 1, 9, 5, 11, 999)),
        { text: 'Zhang@Example.com', hyperlink: 'mailto:zhang@example.com' },
        true,
        { formula: 'UPPER("gold")', result: 'GOLD' },
      ];
      ws.getRow(5).values = ['李四', '13900139000', null, 1299.1 + 0.2, null, null, false, { error: '#N/A' }];
      // A second sheet is never read.
      wb.addWorksheet('其他').getCell('A1').value = 'ignored';
    });
    const t = await readTable(buf, 'members.xlsx');
    expect(t.format).toBe('xlsx');
    expect(t.encoding).toBeUndefined();
    expect(t.headerLine).toBe(2);
    expect(t.headers).toEqual(['姓名', '手机号', '生日', '积分', '入群时间', '邮箱', '营销同意', '等级']);
    expect(t.rows).toEqual([
      {
        line: 3,
        values: {
          姓名: '张三',
          手机号: '13800138000',
          生日: '1990-05-01 00:00:00',
          积分: '0.3',
          入群时间: '2024-03-01 09:05:12',
          邮箱: 'Zhang@Example.com',
          营销同意: 'TRUE',
          等级: 'GOLD',
        },
      },
      {
        line: 5,
        values: {
          姓名: '李四',
          手机号: '13900139000',
          生日: '',
          积分: '1299.3',
          入群时间: '',
          邮箱: '',
          营销同意: 'FALSE',
          等级: '',
        },
      },
    ]);

    const { mapping } = mapHeaders(t.headers, MEMBER_COLUMNS);
    expect(memberRowParser(mapping, { now: new Date('2024-06-01T00:00:00Z') })(t.rows[0].values)).toEqual({
      ok: true,
      value: {
        name: '张三',
        phone: '13800138000',
        birthday: '1990-05-01',
        joinedAt: '2024-03-01T01:05:12.000Z',
        email: 'zhang@example.com',
        consentMarketing: true,
        identities: [],
        tags: [],
        attributes: {},
      },
    });
  });

  it('detects a workbook by its bytes whatever its name', async () => {
    const buf = await workbook((ws) => {
      ws.addRow(['phone', 'name']);
      ws.addRow(['13800138000', 'Amy']);
    });
    expect(await readTable(buf, 'upload.bin')).toMatchObject({
      format: 'xlsx',
      rows: [{ line: 2, values: { phone: '13800138000', name: 'Amy' } }],
    });
  });

  it('refuses an empty workbook', async () => {
    const e = await formatError(readTable(await workbook(() => {}), 'x.xlsx'));
    expect(e.code).toBe('EMPTY_FILE');
  });

  it.each([
    [null, ''],
    [42, '42'],
    [13800138000, '13800138000'],
    [1e21, '1e+21'],
    [0.1 + 0.7, '0.8'],
    [-3.5, '-3.5'],
    ['text', 'text'],
    [{ sharedFormula: 'A1', result: 7 } as unknown as ExcelJS.CellValue, '7'],
    [{ formula: 'NOW()' }, ''],
    [{ formula: 'A1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellValue, ''],
    [{ text: { richText: [{ text: 'a' }, { text: 'b' }] }, hyperlink: 'x' } as unknown as ExcelJS.CellValue, 'ab'],
  ] as [ExcelJS.CellValue, string][])('cellText(%j) → %s', (v, text) => {
    expect(cellText(v)).toBe(text);
  });

  it('prints numbers without float noise', () => {
    expect(numberText(1299.1 + 0.2)).toBe('1299.3');
    expect(numberText(19.99 * 3)).toBe('59.97');
  });
});
