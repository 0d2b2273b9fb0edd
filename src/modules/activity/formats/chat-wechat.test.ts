import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from './format-error.js';
import { parseWechatCsv } from './chat-wechat.js';

const fixture = () => fs.readFileSync(new URL('./fixtures/wechat-group_utf8.csv', import.meta.url));
const header = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender';

describe('parseWechatCsv on a WeChatMsg export', () => {
  it('reads text, media placeholders, own and system messages, with exact lines and reasons', () => {
    const g = '产品体验官一群';
    expect(parseWechatCsv(fixture(), { fileName: `/uploads/${g}_utf8.csv` })).toEqual({
      group: g,
      groups: [g],
      messages: [
        {
          line: 2,
          occurredAt: '2024-03-01T01:05:12.000Z',
          sender: { name: '小林', channel: 'wechat', externalId: 'wxid_lin123' },
          text: '大家早上好！',
          conversation: '12',
          group: g,
          isSystem: false,
          msgType: 'text',
          seq: 0,
        },
        {
          line: 3,
          occurredAt: '2024-03-01T01:06:40.000Z',
          sender: { name: 'Amy', channel: 'wechat', externalId: 'wxid_amy' },
          text: '[图片]',
          conversation: '12',
          group: g,
          isSystem: false,
          msgType: 'image',
          seq: 0,
        },
        {
          line: 4,
          occurredAt: '2024-03-01T01:07:02.000Z',
          sender: { name: '我', channel: 'wechat', externalId: 'self' },
          text: '早，\n新品下周开售',
          conversation: '12',
          group: g,
          isSystem: false,
          msgType: 'text',
          seq: 0,
        },
        {
          line: 6,
          occurredAt: '2024-03-01T01:08:20.000Z',
          sender: { name: '系统消息', channel: 'wechat', externalId: '@system' },
          text: '"小林"邀请"Amy"加入了群聊',
          conversation: '12',
          group: g,
          isSystem: true,
          msgType: 'system',
          seq: 0,
        },
        // No StrTime: CreateTime (Unix seconds) is used. No wxid: the nickname is the handle.
        {
          line: 7,
          occurredAt: '2024-03-01T01:10:00.000Z',
          sender: { name: '老王', channel: 'wechat', externalId: 'nickname:老王' },
          text: '[文件]',
          conversation: '12',
          group: g,
          isSystem: false,
          msgType: 'file',
          seq: 0,
        },
      ],
      rejected: [
        { line: 8, reason: 'CreateTime: "abc" is not a Unix time' },
        { line: 9, reason: 'row has no sender: Sender, NickName and Remark are all empty' },
      ],
    });
  });

  it('names the conversation from the option first, then the file name, then TalkerId', () => {
    expect(parseWechatCsv(fixture(), { group: '自定义', fileName: 'x_utf8.csv' }).group).toBe('自定义');
    expect(parseWechatCsv(fixture(), { fileName: 'messages.csv' }).group).toBe('12');
  });

  it('uses the names given for the exporting account', () => {
    const r = parseWechatCsv(fixture(), { selfName: '运营小助手', selfId: 'wxid_kith' });
    expect(r.messages[2].sender).toEqual({ name: '运营小助手', channel: 'wechat', externalId: 'wxid_kith' });
  });

  it.each([
    ['34', '0', '[语音]', 'voice'],
    ['43', '0', '[视频]', 'video'],
    ['47', '0', '[表情]', 'sticker'],
    ['49', '5', '[链接]', 'link'],
    ['49', '57', '[引用]', 'text'],
    ['49', '2001', '[红包]', 'other'],
    ['49', '999', '[链接/文件]', 'link'],
    ['42', '0', '[名片]', 'card'],
    ['48', '0', '[位置]', 'location'],
    ['50', '0', '[通话]', 'call'],
    ['9999', '0', '[其他消息]', 'other'],
  ])('Type %s/%s → %s', (type, subType, text, msgType) => {
    const r = parseWechatCsv(
      `${header}\n1,12,${type},${subType},0,1709255112,2,<xml/>,2024-03-01 09:05:12,,Amy,wxid_amy\n`,
    );
    expect(r.messages[0]).toMatchObject({ text, msgType, isSystem: false });
  });

  it('reads CreateTime in milliseconds, headers in any case, and rows without Type', () => {
    const r = parseWechatCsv('createtime,strcontent,sender\n1709255112000,hi,wxid_a\n');
    expect(r.messages[0]).toMatchObject({
      occurredAt: '2024-03-01T01:05:12.000Z',
      text: 'hi',
      msgType: 'text',
      sender: { externalId: 'wxid_a', name: 'wxid_a' },
    });
  });

  it('prefers StrTime, read in the workspace zone', () => {
    const r = parseWechatCsv(`${header}\n1,12,1,0,0,1709255112,2,hi,2024-07-04 09:00:00,,Amy,wxid_amy\n`, {
      timeZone: 'America/New_York',
    });
    expect(r.messages[0].occurredAt).toBe('2024-07-04T13:00:00.000Z');
  });

  it('refuses a CSV without the message columns', () => {
    expect(() => parseWechatCsv('a,b\n1,2\n')).toThrow(
      new FormatError('MISSING_COLUMNS', 'A WeChat CSV needs a StrContent column and a StrTime or CreateTime column'),
    );
  });
});
