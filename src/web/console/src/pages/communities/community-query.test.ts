import { describe, expect, it } from 'vitest';
import { activeCommunityFilters, communityQueryToParams, parseCommunityQuery } from './community-query';

const parse = (s: string) => parseCommunityQuery(new URLSearchParams(s));

describe('community list filter in the address', () => {
  it('round-trips every filter, leaving defaults out', () => {
    const s = 'q=%E5%92%96%E5%95%A1&type=interest&goal=after_sales&stage=growth&channel=wecom&archived=all&limit=50';
    const q = parse(s);
    expect(q).toEqual({
      q: '咖啡',
      positioningType: 'interest',
      goal: 'after_sales',
      stage: 'growth',
      channel: 'wecom',
      archived: 'all',
      limit: 50,
    });
    expect(communityQueryToParams(q).toString()).toBe(s);
    expect(activeCommunityFilters(q)).toBe(4);
    expect(communityQueryToParams(parse('')).toString()).toBe('');
  });

  it('drops what the server would refuse', () => {
    expect(parse('type=fan&goal=sales&stage=old&channel=myspace&archived=maybe&limit=7&q=%20%20')).toEqual({
      q: undefined,
      positioningType: undefined,
      goal: undefined,
      stage: undefined,
      channel: undefined,
      archived: 'false',
      limit: 20,
    });
  });
});
