import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FormatError } from './format-error.js';
import { decodeText, isPlausibleChineseText, sniffText } from './text-encoding.js';

const sample = '姓名,手机号\n张三,13800138000\n李四（VIP），“老客户”\n';

describe('decodeText', () => {
  it.each([
    ['plain UTF-8', Buffer.from(sample, 'utf8'), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]), 'utf-8-bom'],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]), 'utf-16le'],
    ['UTF-16LE without BOM', Buffer.from('name,phone\nAmy,+14155550100\n', 'utf16le'), 'utf-16le'],
    ['GBK', iconv.encode(sample, 'gbk'), 'gb18030'],
    ['GB18030 four-byte characters', iconv.encode(`${sample}𠀀\n`, 'gb18030'), 'gb18030'],
  ])('reads %s', (_name, buf, encoding) => {
    const r = decodeText(buf);
    expect(r.encoding).toBe(encoding);
    expect(r.text.startsWith('\ufeff')).toBe(false);
  });

  it('returns the exact text', () => {
    expect(decodeText(iconv.encode(sample, 'gbk')).text).toBe(sample);
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')])).text).toBe(sample);
  });

  it.each([
    [
      'an old .xls (OLE2) file',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x00, 0x3e, 0x00, 0x03, 0x00, 0xfe, 0xff]),
    ],
    ['Latin-1 text with control bytes', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x01, 0x02, 0x80, 0x81])],
    ['random high bytes', Buffer.from(Array.from({ length: 64 }, (_, i) => 0x80 + ((i * 37) % 0x7f)))],
    ['a BOM followed by broken UTF-8', Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xc3, 0x28])],
  ])('refuses %s', (_name, buf) => {
    try {
      decodeText(buf);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      expect((e as FormatError).code).toBe('UNSUPPORTED_ENCODING');
      expect((e as FormatError).message).toBe(
        'The file is neither UTF-8 nor GBK/GB18030 text; save it as UTF-8 and import again',
      );
    }
  });
});

describe('isPlausibleChineseText', () => {
  it.each([
    ['Chinese and ASCII', '会员名单：张三，李四。Amy', true],
    ['empty', '', true],
    ['replacement character', '张三\ufffd', false],
    ['control character', '张三\u0001', false],
    ['mostly odd symbols', '\u0080\u0081\u0082\u0083\u0084\u0085张', false],
  ])('%s → %s', (_name, text, ok) => {
    expect(isPlausibleChineseText(text)).toBe(ok);
  });
});

describe('sniffText', () => {
  it('decodes the head of GBK and UTF-8 files, tolerating a character cut at the end', () => {
    expect(sniffText(iconv.encode(sample, 'gbk'))).toBe(sample);
    const utf8 = Buffer.from('消息记录（此消息记录为文本格式）', 'utf8');
    expect(sniffText(utf8, 13).startsWith('消息记录')).toBe(true);
    expect(sniffText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('time,text', 'utf16le')]))).toBe(
      'time,text',
    );
  });
});
