import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SeqCounter, chatMessageKey, type ChatMessage } from './chat-message.js';

const msg = (occurredAt: string, text: string, externalId = '10001', group: string | null = 'G'): Omit<ChatMessage, 'seq'> => ({
  line: 1, occurredAt, sender: { name: 'x', channel: 'qq', externalId }, text, group, isSystem: false, msgType: 'text',
});

describe('chatMessageKey', () => {
  it('is the sha256 of group|occurredAt|channel|externalId|seq|text', () => {
    const m = { ...msg('2024-03-01T01:05:12.000Z', '早'), seq: 1 };
    expect(chatMessageKey(m)).toBe(createHash('sha256').update('G|2024-03-01T01:05:12.000Z|qq|10001|1|早').digest('hex'));
    expect(chatMessageKey({ ...m, group: null })).toBe(createHash('sha256').update('|2024-03-01T01:05:12.000Z|qq|10001|1|早').digest('hex'));
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
    expect(seqs([msg(t1, 'a'), msg(t1, 'a'), msg(t1, 'b'), msg(t1, 'a'), msg(t1, 'a', '10002'), msg(t1, 'a', '10001', 'H'), msg(t2, 'a')])).toEqual([0, 1, 0, 2, 0, 0, 0]);
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
