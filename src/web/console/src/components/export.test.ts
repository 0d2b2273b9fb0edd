import { describe, expect, it } from 'vitest';
import { toCsv } from './export';

describe('CSV export', () => {
  it('starts with a byte-order mark and quotes what needs quoting', () => {
    const csv = toCsv([{ name: '林小姐, 上海', note: '说 "你好"', n: 3 }, { name: '多行\n文本', note: null as string | null, n: 0 }], [
      { title: '姓名', value: (r) => r.name }, { title: 'note', value: (r) => r.note }, { title: 'n', value: (r) => r.n },
    ]);
    expect(csv.startsWith('\ufeff')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['姓名,note,n', '"林小姐, 上海","说 ""你好""",3', '"多行\n文本",,0', '']);
  });
});
