import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from './format-error.js';
import { parseKithChat, parseKithChatCsv, parseKithChatJson } from './chat-kith.js';
import { readChatFile } from './chat-file.js';

const fixture = (name: string) => fs.readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

describe('parseKithChatCsv', () => {
  it('reads good rows and reports bad ones by line', () => {
    expect(parseKithChatCsv(fixture('kith-chat.csv'))).toEqual({
      group: '产品体验官一群',
      groups: ['产品体验官一群'],
      messages: [
        {
          line: 2,
          occurredAt: '2024-03-01T01:05:12.000Z',
          sender: { name: '小林', channel: 'qq', externalId: '123456789' },
          text: '大家早上好！',
          conversation: '产品体验官一群',
          group: '产品体验官一群',
          isSystem: false,
          msgType: 'text',
          seq: 0,
        },
        {
          line: 3,
          occurredAt: '2024-03-01T01:06:40.000Z',
          sender: { name: 'Amy', channel: 'wechat', externalId: 'wxid_amy' },
          text: '早～\n第二行',
          conversation: '产品体验官一群',
          group: '产品体验官一群',
          isSystem: false,
          msgType: 'text',
          seq: 0,
        },
        {
          line: 9,
          occurredAt: '2024-03-01T01:10:00.000Z',
          sender: { name: 'bob@example.com', channel: 'email', externalId: 'bob@example.com' },
          text: '没有昵称',
          conversation: null,
          group: null,
          isSystem: false,
          msgType: 'text',
          seq: 0,
        },
      ],
      rejected: [
        { line: 5, reason: 'time: "2024-03-01 25:00:00" is not a real date and time' },
        {
          line: 6,
          reason:
            'sender_channel: "telegram" is not a known channel (use one of wechat, wecom, qq, phone, email, forum, slack, discord, douyin, weibo, dingtalk, other)',
        },
        { line: 7, reason: 'sender_id: "12ab" is not a QQ number (5 to 12 digits)' },
        { line: 8, reason: 'time is empty; sender_id is empty; text is empty' },
      ],
    });
  });

  it('accepts the header without the optional columns and fills the group from options', () => {
    const r = parseKithChatCsv('time,sender_channel,sender_id,text\n2024-03-01 09:05:12,slack,U1,hi\n', {
      group: '#general',
    });
    expect(r.messages[0]).toMatchObject({
      sender: { name: 'U1', channel: 'slack', externalId: 'U1' },
      group: '#general',
    });
    expect(r.groups).toEqual(['#general']);
  });

  it('refuses a CSV missing required columns', () => {
    expect(() => parseKithChatCsv('time,sender_id,text\n')).toThrow(
      new FormatError(
        'MISSING_COLUMNS',
        'The chat CSV has no column for sender_channel; the header must be time,sender_channel,sender_id,sender_name,text,community (sender_name and community may be left out)',
      ),
    );
  });
});

describe('parseKithChatJson', () => {
  it('reads { messages: [...] } and reports bad items by index', () => {
    expect(parseKithChatJson(fixture('kith-chat.json'), { group: '默认群' })).toEqual({
      group: '产品体验官一群',
      groups: ['产品体验官一群', '默认群'],
      messages: [
        {
          line: 1,
          occurredAt: '2024-03-01T01:05:12.000Z',
          sender: { name: '小林', channel: 'qq', externalId: '123456789' },
          text: '大家早上好！',
          conversation: '产品体验官一群',
          group: '产品体验官一群',
          isSystem: false,
          msgType: 'text',
          seq: 0,
        },
        {
          line: 2,
          occurredAt: '2024-03-01T01:06:00.000Z',
          sender: { name: 'wxid_amy', channel: 'wechat', externalId: 'wxid_amy' },
          text: '早',
          conversation: null,
          group: '默认群',
          isSystem: false,
          msgType: 'text',
          seq: 0,
        },
      ],
      rejected: [
        { line: 3, reason: 'index 2: not an object' },
        {
          line: 4,
          reason: 'index 3: text is not a string; time: "yesterday" is not a date and time (use YYYY-MM-DD HH:MM:SS)',
        },
        { line: 5, reason: 'index 4: text is empty' },
      ],
    });
  });

  it('reads a bare array', () => {
    const r = parseKithChatJson(
      '[{"time":"2024-03-01 09:05:12","sender_channel":"QQ","sender_id":"10001","text":"hi"}]',
    );
    expect(r.messages).toEqual([
      {
        line: 1,
        occurredAt: '2024-03-01T01:05:12.000Z',
        sender: { name: '10001', channel: 'qq', externalId: '10001' },
        text: 'hi',
        conversation: null,
        group: null,
        isSystem: false,
        msgType: 'text',
        seq: 0,
      },
    ]);
  });

  it.each([
    ['broken JSON', '[{"time":', 'UNSUPPORTED_FORMAT', /^The file is not valid JSON: /],
    [
      'an object without messages',
      '{"data":[]}',
      'UNSUPPORTED_FORMAT',
      /^A Kith chat JSON file is an array of messages or an object with a "messages" array$/,
    ],
  ])('refuses %s', (_name, text, code, message) => {
    try {
      parseKithChatJson(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(FormatError);
      expect((e as FormatError).code).toBe(code);
      expect((e as FormatError).message).toMatch(message);
    }
  });

  it('parses either format by name', () => {
    expect(parseKithChat(fixture('kith-chat.json'), 'kith-json').messages).toHaveLength(2);
    expect(parseKithChat(fixture('kith-chat.csv'), 'kith-csv').messages).toHaveLength(3);
  });
});

describe('readChatFile', () => {
  it('turns a message with a NUL or a lone surrogate in its text, sender or group into a rejected line', () => {
    const csv = [
      'time,sender_channel,sender_id,sender_name,text,community',
      '2024-03-01 09:05:12,qq,123456789,小林,早\u0000上好,产品体验官一群',
      '2024-03-01 09:05:13,qq,123456789,小\u0000林,早上好,产品体验官一群',
      '2024-03-01 09:05:14,qq,123456789,小林,早上好,产品\u0000群',
      '2024-03-01 25:00:00,qq,123456789,小林,时间不对,产品体验官一群',
      '2024-03-01 09:05:15,qq,123456789,小林,早上好,产品体验官一群',
    ].join('\n');
    const r = readChatFile(Buffer.from(csv), 'chat.csv');
    expect(r.messages.map((m) => m.line)).toEqual([6]);
    expect(r.rejected).toEqual([
      { line: 2, reason: 'text: contains a NUL character (U+0000), which cannot be stored' },
      { line: 3, reason: 'sender.name: contains a NUL character (U+0000), which cannot be stored' },
      { line: 4, reason: 'group: contains a NUL character (U+0000), which cannot be stored' },
      { line: 5, reason: expect.stringContaining('not a real date and time') },
    ]);
  });

  it('does the same for a lone surrogate, which only a JSON export can hold (as an escape)', () => {
    const json =
      '{"messages":[{"time":"2024-03-01T01:05:12Z","sender_channel":"qq","sender_id":"123456789","sender_name":"小林","text":"早\\ud800"},' +
      '{"time":"2024-03-01T01:05:13Z","sender_channel":"qq","sender_id":"123456789","sender_name":"小林","text":"早"}]}';
    const r = readChatFile(Buffer.from(json), 'chat.json');
    expect(r.messages).toHaveLength(1);
    expect(r.rejected).toEqual([
      {
        line: 1,
        reason: 'text: contains an unpaired UTF-16 surrogate (e.g. \\ud800 alone), which is not valid Unicode text',
      },
    ]);
  });
});
