import { describe, expect, it } from 'vitest';
import { cellText, sampleTable } from './sample-table';

describe('preview sample as a table', () => {
  it('writes members out field by field, leaving empty columns out', () => {
    const t = sampleTable([
      {
        line: 2,
        row: {
          name: '张三',
          phone: '13800138000',
          identities: [{ channel: 'wechat', externalId: 'wxid_zhangsan' }],
          tags: ['VIP', '早鸟'],
          attributes: {},
          consentMarketing: true,
        },
      },
      { line: 3, row: { name: '李四', identities: [], tags: [], attributes: { 会员等级: '金卡' } } },
    ]);
    expect(t.columns).toEqual(['name', 'phone', 'identities', 'tags', 'consentMarketing', 'attributes']);
    expect(sampleTable([{ line: 2, row: { tags: ['a'], zodiac: '龙', name: 'x', shoe: '42' } }]).columns).toEqual([
      'name',
      'tags',
      'zodiac',
      'shoe',
    ]);
    expect(t.rows).toEqual([
      {
        line: 2,
        cells: {
          name: '张三',
          phone: '13800138000',
          identities: 'wechat:wxid_zhangsan',
          tags: 'VIP、早鸟',
          consentMarketing: 'true',
        },
      },
      { line: 3, cells: { name: '李四', attributes: '会员等级: 金卡' } },
    ]);
  });

  it('lets the caller write some values its own way', () => {
    const t = sampleTable([{ line: 2, row: { name: '张三', consentMarketing: false, gender: 'male' } }], (k, v) =>
      typeof v === 'boolean' ? (v ? '是' : '否') : k === 'gender' ? '男' : undefined,
    );
    expect(t.rows[0]!.cells).toEqual({ name: '张三', consentMarketing: '否', gender: '男' });
  });

  it('reads nested values and rows without a line', () => {
    expect(cellText({ phone: '138', identities: [], name: null })).toBe('phone: 138');
    expect(sampleTable([{ text: 'hi', format: 'qq-txt' }])).toEqual({
      columns: ['text'],
      rows: [{ line: 1, cells: { text: 'hi' } }],
    });
  });

  it("leaves out a chat message's keys and conversation id", () => {
    const row = {
      occurredAt: '2024-03-01T01:05:12.000Z',
      text: '早',
      group: '群A',
      conversation: '12',
      key: 'a'.repeat(64),
      legacyKey: 'b'.repeat(64),
      msgType: 'text',
    };
    expect(sampleTable([{ line: 2, row }]).columns).toEqual(['occurredAt', 'group', 'text', 'msgType']);
  });
});
