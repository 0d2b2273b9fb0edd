import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { readTable } from './table-reader.js';
import { openTable } from './table-stream.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kith-table-stream-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function both(name: string, bytes: Buffer) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  const whole = await readTable(bytes, name);
  const streamed = await openTable({ path: file, fileName: name, size: bytes.length });
  const rows = [];
  for await (const batch of streamed.rows()) rows.push(...batch);
  return { whole, streamed, rows };
}

// The streamed reader must read every sheet exactly as the whole-file reader does.
describe('streamed table reader', () => {
  const cases: [string, Buffer][] = [
    ['members-utf8-bom.csv', fs.readFileSync(path.join(import.meta.dirname, 'fixtures/members-utf8-bom.csv'))],
    ['gbk.csv', iconv.encode('姓名,手机号\r\n张三,13800138000\r\n李四,13900139000\r\n', 'gbk')],
    ['title.csv', Buffer.from('会员名单\n\n姓名,手机号,,备注\n张三,138,x,\n,,,\n"李\n四",139,,"多\r\n行"\n')],
    ['tabs.txt', Buffer.from('name\tphone\tphone\nA\t1\t2\n')],
    [
      'utf16.csv',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('姓名,手机号\n王五,13700137000\n', 'utf16le')]),
    ],
    [
      'late-gbk.csv',
      Buffer.concat([Buffer.from(`name,city\n${'ann,x\n'.repeat(20_000)}`), iconv.encode('张三,杭州\n', 'gbk')]),
    ],
    ['long.csv', Buffer.from(['a,b', ...Array.from({ length: 3000 }, (_, i) => `${i},"x\ny${i}"`)].join('\r\n'))],
  ];
  for (const [name, bytes] of cases) {
    it(`reads ${name} as the whole-file reader does`, async () => {
      const { whole, streamed, rows } = await both(name, bytes);
      expect({
        format: streamed.format,
        encoding: streamed.encoding,
        delimiter: streamed.delimiter,
        headerLine: streamed.headerLine,
        headers: streamed.headers,
      }).toEqual({
        format: whole.format,
        encoding: whole.encoding,
        delimiter: whole.delimiter,
        headerLine: whole.headerLine,
        headers: whole.headers,
      });
      expect(streamed.rowCount).toBe(whole.rows.length);
      expect(rows).toEqual(whole.rows);
    });
  }

  it('refuses what the whole-file reader refuses', async () => {
    const junk = Buffer.from([0x81, 0x30, 0x00, 0x01, 0xff, 0x80, 0x80]);
    fs.writeFileSync(path.join(dir, 'junk.csv'), junk);
    await expect(readTable(junk, 'junk.csv')).rejects.toMatchObject({ code: 'UNSUPPORTED_ENCODING' });
    await expect(
      openTable({ path: path.join(dir, 'junk.csv'), fileName: 'junk.csv', size: junk.length }),
    ).rejects.toMatchObject({ code: 'UNSUPPORTED_ENCODING' });
    const open = Buffer.from('a,b\n"1,2\n');
    fs.writeFileSync(path.join(dir, 'open.csv'), open);
    await expect(
      openTable({ path: path.join(dir, 'open.csv'), fileName: 'open.csv', size: open.length }),
    ).rejects.toThrow(/never closed/);
  });
});
