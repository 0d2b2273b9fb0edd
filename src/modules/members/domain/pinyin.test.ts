import { describe, expect, it } from 'vitest';
import { pinyinKeys, pinyinQuery } from './pinyin.js';

describe('pinyin search keys', () => {
  it('finds a Chinese name by its spelling, its initials, the given name alone, or a prefix', () => {
    const keys = pinyinKeys('李欣怡', null);
    for (const q of ['lixinyi', 'lxy', 'lixin', 'lx', 'xinyi', 'xy', 'li']) expect(keys).toContain(q);
    expect(keys).not.toContain('l'); // one letter matches too much to be a search
    expect(keys).not.toContain('yixin');
  });

  it('reads the nickname too, leaves other characters out, and has nothing for a Latin name', () => {
    expect(pinyinKeys(null, '山野咖啡·小野（官方）')).toContain('xiaoyeguanfang');
    expect(pinyinKeys('Alice Chen', 'Amy')).toEqual([]);
    expect(pinyinKeys('小林 Amy', null)).toContain('xiaolin');
  });

  it('takes only letters as a pinyin query', () => {
    expect(pinyinQuery('LXY')).toBe('lxy');
    expect(pinyinQuery('li xin yi')).toBe('lixinyi');
    expect(pinyinQuery('x')).toBeNull();
    expect(pinyinQuery('1380')).toBeNull();
    expect(pinyinQuery('李')).toBeNull();
  });
});
