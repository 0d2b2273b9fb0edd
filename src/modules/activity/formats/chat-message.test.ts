import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SeqCounter, chatMessageKey, legacyChatMessageKey, type ChatMessage } from './chat-message.js';

const msg = (
  occurredAt: string,
  text: string,
  externalId = '10001',
  group: string | null = 'G',
): Omit<ChatMessage, 'seq'> => ({
  line: 1,
  occurredAt,
  sender: { name: 'x', channel: 'qq', externalId },
  text,
  conversation: group,
  group,
  isSystem: false,
  msgType: 'text',
});

describe('chatMessageKey', () => {
  const hash = (s: string) => createHash('sha256').update(s).digest('hex');

  it('is the sha256 of conversation|occurredAt|channel|externalId|seq|text', () => {
    const m = { ...msg('2024-03-01T01:05:12.000Z', '早'), seq: 1 };
    expect(chatMessageKey(m)).toBe(hash('G|2024-03-01T01:05:12.000Z|qq|10001|1|早'));
    expect(chatMessageKey({ ...m, conversation: null })).toBe(hash('|2024-03-01T01:05:12.000Z|qq|10001|1|早'));
  });

  it('does not depend on the group the message is filed under', () => {
    const m = { ...msg('2024-03-01T01:05:12.000Z', '早', '10001', null), seq: 0 };
    const inA: ChatMessage = { ...m, group: '群A' };
    const inB: ChatMessage = { ...m, group: '群B' };
    expect(chatMessageKey(inA)).toBe(chatMessageKey(inB));
  });

  it('keeps the earlier key: the group name, the QQ Mail address and the repeat number per group', () => {
    const m = { ...msg('2024-03-01T01:05:12.000Z', '早', '12345678', null), group: '群A', seq: 0 };
    expect(legacyChatMessageKey(m, 2)).toBe(hash('群A|2024-03-01T01:05:12.000Z|qq|12345678|2|早'));
    const mail = { ...m, sender: { ...m.sender, address: '12345678@qq.com' } };
    expect(legacyChatMessageKey(mail, 0)).toBe(hash('群A|2024-03-01T01:05:12.000Z|email|12345678@qq.com|0|早'));
    // Where the file names its conversation and that is the group, both schemes agree.
    const named = { ...msg('2024-03-01T01:05:12.000Z', '早'), seq: 0 };
    expect(legacyChatMessageKey(named, 0)).toBe(chatMessageKey(named));
  });
});

describe('SeqCounter', () => {
  const seqs = (list: Omit<ChatMessage, 'seq'>[]) => {
    const c = new SeqCounter();
    return list.map((m) => c.assign({ ...m }).seq);
  };
  const t1 = '2024-03-01T01:05:12.000Z';
  const t2 = '2024-03-01T01:05:13.000Z';

  it('counts identical messages in the same second', () => {
    expect(
      seqs([
        msg(t1, 'a'),
        msg(t1, 'a'),
        msg(t1, 'b'),
        msg(t1, 'a'),
        msg(t1, 'a', '10002'),
        msg(t1, 'a', '10001', 'H'),
        msg(t2, 'a'),
      ]),
    ).toEqual([0, 1, 0, 2, 0, 0, 0]);
  });

  it('counts per lane: the conversation, or what the caller names', () => {
    const list = [msg(t1, 'a', '10001', 'G'), msg(t1, 'a', '10001', 'H'), msg(t1, 'a', '10001', 'G')];
    expect(seqs(list)).toEqual([0, 0, 1]);
    const byOne = new SeqCounter(() => 'all');
    expect(list.map((m) => byOne.assign({ ...m }).seq)).toEqual([0, 1, 2]);
  });

  it('gives the same numbers when messages arrive out of order', () => {
    expect(seqs([msg(t1, 'a'), msg(t2, 'a'), msg(t1, 'a'), msg(t2, 'a'), msg(t1, 'a')])).toEqual([0, 0, 1, 1, 2]);
  });

  it('stays linear in a crowded second', () => {
    const list = Array.from({ length: 50_000 }, (_, i) => msg(t1, String(i % 10)));
    const out = seqs(list);
    expect(out.slice(0, 12)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1]);
    expect(out[49_999]).toBe(4_999);
  });
});
