import { describe, expect, it } from 'vitest';
import {
  FORMAT_DOCS,
  KITH_CHAT_FIELDS,
  MEMBER_COLUMNS,
  ORDER_COLUMNS,
  WECHAT_COLUMNS,
  CHANNEL_VALUES,
} from './index.js';

describe('FORMAT_DOCS', () => {
  it('documents every field and alias the readers accept', () => {
    for (const c of [...MEMBER_COLUMNS, ...ORDER_COLUMNS]) {
      expect(FORMAT_DOCS).toContain(`\`${c.field}\``);
      for (const a of c.aliases) expect(FORMAT_DOCS).toContain(a);
    }
    for (const v of CHANNEL_VALUES) for (const a of [v.value, ...v.aliases]) expect(FORMAT_DOCS).toContain(a);
    for (const c of WECHAT_COLUMNS) expect(FORMAT_DOCS).toContain(`\`${c.name}\``);
    expect(FORMAT_DOCS).toContain(`\`${KITH_CHAT_FIELDS.map((f) => f.name).join(',')}\``);
    expect(FORMAT_DOCS).toContain('消息对象');
  });

  it('is well-formed markdown tables', () => {
    for (const line of FORMAT_DOCS.split('\n').filter((l) => l.startsWith('|'))) {
      expect(line.endsWith('|')).toBe(true);
    }
    const memberTable = FORMAT_DOCS.split('## Member columns')[1].split('\n\n')[1].split('\n');
    expect(memberTable).toHaveLength(MEMBER_COLUMNS.length + 2);
    for (const row of memberTable) expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
  });
});
