import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chatMessageKey } from './chat-message.js';
import { parseQqExport, parseSender, placeholderType } from './chat-qq.js';

const fixture = () => fs.readFileSync(new URL('./fixtures/qq-export.txt', import.meta.url));

describe('parseQqExport on a real-layout export', () => {
  it('reads both conversations, titles, email senders, multi-line and repeated messages', () => {
    const buf = fixture();
    expect(buf.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(buf.includes('\r\n')).toBe(true);

    const r = parseQqExport(buf);
    const g1 = '产品体验官一群';
    const g2 = 'Kith 用户交流群 (2)';
    const laowang = { name: '老王', channel: 'qq', externalId: '987654321', title: '管理员' };
    expect(r).toEqual({
      group: g1,
      groups: [g1, g2],
      messages: [
        {
          line: 9,
          occurredAt: '2024-03-01T01:05:12.000Z',
          sender: { name: '小林', channel: 'qq', externalId: '123456789' },
          text: '大家早上好！',
          conversation: g1,
          group: g1,
          isSystem: false,
          msgType: 'text',
          seq: 0,
        },
        {
          line: 12,
          occurredAt: '2024-03-01T01:06:40.000Z',
          sender: { name: 'Amy', channel: 'email', externalId: 'amy@example.com' },
          text: '早～今天的新品什么时候开售？\n第二行也是消息内容',
          conversation: g1,
          group: g1,
          isSystem: false,
          msgType: 'text',
          seq: 0,
        },
        {
          line: 16,
          occurredAt: '2024-03-01T01:07:02.000Z',
          sender: laowang,
          text: '[图片]',
          conversation: g1,
          group: g1,
          isSystem: false,
          msgType: 'image',
          seq: 0,
        },
        {
          line: 19,
          occurredAt: '2024-03-01T01:07:02.000Z',
          sender: laowang,
          text: '[图片]',
          conversation: g1,
          group: g1,
          isSystem: false,
          msgType: 'image',
          seq: 1,
        },
        {
          line: 22,
          occurredAt: '2024-03-01T02:00:00.000Z',
          sender: { name: '系统消息', channel: 'qq', externalId: '10000' },
          text: '小林 撤回了一条消息',
          conversation: g1,
          group: g1,
          isSystem: true,
          msgType: 'system',
          seq: 0,
        },
        {
          line: 32,
          occurredAt: '2024-03-02T13:15:00.000Z',
          sender: { name: 'Lily (上海)', channel: 'qq', externalId: '55566677', title: '活跃' },
          text: '晚上好',
          conversation: g2,
          group: g2,
          isSystem: false,
          msgType: 'text',
          seq: 0,
        },
      ],
      rejected: [
        {
          line: 31,
          reason: 'text outside any message: expected a line like "2024-03-01 9:05:12 nickname(QQ number)" before it',
        },
        { line: 35, reason: '"2024-02-30 10:00:00" is not a real date and time; the message is skipped' },
      ],
    });
  });

  it('gives the same keys on every read, and different keys to repeated messages', () => {
    const a = parseQqExport(fixture()).messages.map(chatMessageKey);
    const b = parseQqExport(fixture().toString('utf8')).messages.map(chatMessageKey);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
    expect(a[0]).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads the wall clock in the zone passed in', () => {
    const text = '2024-07-04 9:00:00 Sam(10001)\nhi\n\n2024-11-03 1:30:00 Sam(10001)\nagain\n';
    expect(parseQqExport(text, { timeZone: 'America/New_York' }).messages.map((m) => m.occurredAt)).toEqual([
      '2024-07-04T13:00:00.000Z',
      '2024-11-03T05:30:00.000Z',
    ]);
  });
});

describe('parseQqExport details', () => {
  it('keeps inner blank lines and drops leading and trailing ones', () => {
    const r = parseQqExport('2024-03-01 09:05:12 小林(123456789)\n\n第一段\n\n第二段\n\n\n');
    expect(r.messages[0].text).toBe('第一段\n\n第二段');
  });

  it('keeps section-like lines a member typed inside a message', () => {
    const text = [
      '消息对象:群A',
      '2024-03-01 09:05:12 小林(123456789)',
      '================',
      '今天的分割线',
      '消息对象:我随便写的',
      '2024-03-01 是个好日子',
      '',
    ].join('\n');
    const r = parseQqExport(text);
    expect(r.groups).toEqual(['群A']);
    expect(r.messages).toHaveLength(1);
    expect(r.messages[0].text).toBe('================\n今天的分割线\n消息对象:我随便写的\n2024-03-01 是个好日子');
  });

  it('reports lines before the first message and lines after a refused header are skipped with it', () => {
    const r = parseQqExport(
      '随便一行\n2024-13-01 10:00:00 小林(123456789)\n正文\n2024-03-01 10:00:00 小林(123456789)\nok\n',
    );
    expect(r.rejected).toEqual([
      {
        line: 1,
        reason: 'text outside any message: expected a line like "2024-03-01 9:05:12 nickname(QQ number)" before it',
      },
      { line: 2, reason: '"2024-13-01 10:00:00" is not a real date and time; the message is skipped' },
    ]);
    expect(r.messages.map((m) => [m.line, m.text])).toEqual([[4, 'ok']]);
    expect(r.group).toBeNull();
  });

  it('numbers identical messages within a second but not across conversations', () => {
    const msg = '2024-03-01 09:05:12 小林(123456789)\n+1\n';
    const section = (name: string) => `${'='.repeat(64)}\n消息对象:${name}\n${'='.repeat(64)}\n`;
    const r = parseQqExport(`${section('A')}${msg}${msg}${msg}${section('B')}${msg}`);
    expect(r.messages.map((m) => [m.group, m.seq])).toEqual([
      ['A', 0],
      ['A', 1],
      ['A', 2],
      ['B', 0],
    ]);
  });

  it.each([
    ['小林(123456789)', { name: '小林', channel: 'qq', externalId: '123456789' }],
    ['Lily (上海)(55566677)', { name: 'Lily (上海)', channel: 'qq', externalId: '55566677' }],
    ['【管理员】老王(987654321)', { name: '老王', channel: 'qq', externalId: '987654321', title: '管理员' }],
    ['【群主】 Amy Lee(10001)', { name: 'Amy Lee', channel: 'qq', externalId: '10001', title: '群主' }],
    ['Amy<Amy@Example.com>', { name: 'Amy', channel: 'email', externalId: 'amy@example.com' }],
    ['<amy@example.com>', { name: 'amy@example.com', channel: 'email', externalId: 'amy@example.com' }],
    ['(123456)', { name: '123456', channel: 'qq', externalId: '123456' }],
    ['张伟<12345678@qq.com>', { name: '张伟', channel: 'qq', externalId: '12345678', address: '12345678@qq.com' }],
    [
      '【管理员】张伟<12345678@QQ.com>',
      { name: '张伟', channel: 'qq', externalId: '12345678', address: '12345678@qq.com', title: '管理员' },
    ],
    [
      '<12345678@vip.qq.com>',
      { name: '12345678', channel: 'qq', externalId: '12345678', address: '12345678@vip.qq.com' },
    ],
    ['Zw<zhangwei@qq.com>', { name: 'Zw', channel: 'email', externalId: 'zhangwei@qq.com' }],
    ['Zw<0123456@qq.com>', { name: 'Zw', channel: 'email', externalId: '0123456@qq.com' }],
    ['小林', null],
    ['小林(12)', null],
    ['小林(abc)', null],
  ])('parseSender(%s)', (raw, sender) => {
    expect(parseSender(raw)).toEqual(sender);
  });

  it.each([
    ['[图片]', 'image'],
    ['[闪照]', 'image'],
    ['[表情]', 'sticker'],
    ['[动画表情]', 'sticker'],
    ['[语音]', 'voice'],
    ['[视频]', 'video'],
    ['[文件]', 'file'],
    ['[分享]', 'link'],
    ['[名片]', 'card'],
    ['[位置]', 'location'],
    ['[QQ红包]', 'other'],
    ['[图片][图片]', 'image'],
    ['[图片] [表情]', 'image'],
    ['看这个[图片]', 'text'],
    ['[图片]\n好看吗', 'text'],
    ['[捂脸]', 'text'],
    ['[]', 'text'],
    ['图片', 'text'],
  ])('placeholderType(%j) is %s', (body, kind) => {
    expect(placeholderType(body)).toBe(kind);
  });

  it('reads a million lines in a few seconds', () => {
    const lines = [
      '消息记录（此消息记录为文本格式，不支持重新导入）',
      '',
      '='.repeat(64),
      '消息分组:我的群聊',
      '='.repeat(64),
      '消息对象:大群',
      '='.repeat(64),
      '',
    ];
    const start = Date.UTC(2024, 0, 1);
    const pad = (n: number) => String(n).padStart(2, '0');
    for (let i = 0; lines.length < 1_000_000; i++) {
      const d = new Date(start + i * 7000);
      lines.push(
        `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${d.getUTCHours()}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} 用户${i % 700}(${100000 + (i % 700)})`,
      );
      lines.push(`第 ${i % 1000} 条消息`);
      if (i % 3 === 0) lines.push('还有一行');
      lines.push('');
    }
    const buf = Buffer.from(lines.join('\r\n'));
    const t0 = performance.now();
    const r = parseQqExport(buf);
    const ms = performance.now() - t0;
    expect(r.rejected).toEqual([]);
    expect(r.messages.length).toBeGreaterThan(290_000);
    expect(r.messages[1]).toMatchObject({
      line: 13,
      occurredAt: '2023-12-31T16:00:07.000Z',
      sender: { externalId: '100001' },
    });
    // About 1.5 s on an idle laptop; the bound leaves room for busy CI machines, not for quadratic work.
    expect(ms).toBeLessThan(30_000);
  }, 60_000);
});
