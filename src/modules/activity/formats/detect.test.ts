import fs from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readChatFile } from './chat-file.js';
import { detectChatFormat } from './detect.js';
import { FormatError } from './format-error.js';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('detectChatFormat', () => {
  it.each([
    ['qq-export.txt', 'qq-txt'],
    ['wechat-group_utf8.csv', 'wechat-csv'],
    ['kith-chat.csv', 'kith-csv'],
    ['kith-chat.json', 'kith-json'],
  ])('recognises %s as %s, even renamed', (name, format) => {
    expect(detectChatFormat(fixture(name), name)).toBe(format);
    expect(detectChatFormat(fixture(name), '聊天记录 (3).dat')).toBe(format);
  });

  it.each([
    ['a QQ export without its title block', '\r\n2024-03-01 9:05:12 小林(123456789)\r\n早\r\n', 'qq-txt'],
    ['a QQ section header', '消息对象：产品体验官一群\n', 'qq-txt'],
    ['a tab-separated Kith CSV', 'time\tsender_channel\tsender_id\ttext\n', 'kith-csv'],
    ['a WeChat CSV with CreateTime only', '"CreateTime","StrContent","Sender"\n', 'wechat-csv'],
    ['a JSON array', '  [\n', 'kith-json'],
    [
      'a Kith CSV quoting a QQ-like line',
      'time,sender_channel,sender_id,text\n2024-03-01 09:00:00,qq,10001,"转发：\n2024-03-01 9:05:12 小林(123456789)\n早"\n',
      'kith-csv',
    ],
  ])('recognises %s', (_name, text, format) => {
    expect(detectChatFormat(Buffer.from(text), 'upload')).toBe(format);
  });

  it('recognises a GBK QQ export', () => {
    expect(
      detectChatFormat(iconv.encode('消息记录（此消息记录为文本格式，不支持重新导入）\r\n', 'gbk'), 'qq.txt'),
    ).toBe('qq-txt');
  });

  it.each([
    [
      'a members list',
      fixture('members-utf8-bom.csv'),
      'x.csv',
      'UNSUPPORTED_FORMAT',
      'Kith cannot tell which chat export this is. Supported: the QQ 消息记录 .txt export, WeChat CSV from WeChatMsg/留痕-style tools, and Kith chat CSV or JSON',
    ],
    [
      'a .json file that is not JSON',
      Buffer.from('hello'),
      'chat.json',
      'UNSUPPORTED_FORMAT',
      'The file is named .json but does not hold a JSON array or object',
    ],
    ['an empty file', Buffer.alloc(0), 'x.txt', 'EMPTY_FILE', 'The file is empty'],
    ['a blank file', Buffer.from(' \r\n'), 'x.txt', 'EMPTY_FILE', 'The file is empty'],
  ])('refuses %s', (_name, buf, fileName, code, message) => {
    expect(() => detectChatFormat(buf, fileName)).toThrow(new FormatError(code as FormatError['code'], message));
    try {
      detectChatFormat(buf, fileName);
    } catch (e) {
      expect((e as FormatError).code).toBe(code);
    }
  });
});

describe('readChatFile', () => {
  it('decodes, detects and parses in one call', () => {
    const qq = readChatFile(fixture('qq-export.txt'), 'qq-export.txt');
    expect(qq).toMatchObject({ format: 'qq-txt', encoding: 'utf-8-bom', group: '产品体验官一群' });
    expect(qq.messages).toHaveLength(6);

    const wx = readChatFile(fixture('wechat-group_utf8.csv'), '产品体验官一群_utf8.csv', { selfName: '运营' });
    expect(wx).toMatchObject({ format: 'wechat-csv', group: '产品体验官一群' });
    expect(wx.messages[2].sender.name).toBe('运营');

    expect(readChatFile(fixture('kith-chat.json'), 'kith-chat.json')).toMatchObject({
      format: 'kith-json',
      encoding: 'utf-8',
    });
  });

  it('fills the group of a QQ export that names none', () => {
    const r = readChatFile(Buffer.from('2024-03-01 9:05:12 小林(123456789)\n早\n'), 'qq.txt', { group: '手动指定' });
    expect(r.group).toBe('手动指定');
    expect(r.groups).toEqual(['手动指定']);
    expect(r.messages[0].group).toBe('手动指定');
  });
});
