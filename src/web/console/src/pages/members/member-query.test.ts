import { describe, expect, it } from 'vitest';
import { activeFilterCount, memberFilter, memberQueryToParams, parseMemberQuery } from './member-query';

const parse = (s: string) => parseMemberQuery(new URLSearchParams(s));

describe('member list filter in the address', () => {
  it('reads an overview link: members created within a period', () => {
    const q = parse('createdFrom=2024-02-29T16:00:00.000Z&createdTo=2024-03-03T16:00:00.000Z');
    expect(memberFilter(q)).toMatchObject({
      createdFrom: '2024-02-29T16:00:00.000Z',
      createdTo: '2024-03-03T16:00:00.000Z',
    });
    expect(activeFilterCount(q)).toBe(1);
  });

  it('round-trips every filter, leaving defaults out', () => {
    const s =
      'q=%E5%B0%8F%E6%9E%97&communityId=3&tagIds=1&tagIds=2&tagMatch=all&lifecycleStages=retained&lifecycleStages=dormant&channel=wecom&lastActiveFrom=2024-03-01T00%3A00%3A00Z&sort=last_active_at&order=asc&limit=50';
    const q = parse(s);
    expect(q).toMatchObject({
      q: '小林',
      communityId: 3,
      tagIds: [1, 2],
      tagMatch: 'all',
      lifecycleStages: ['retained', 'dormant'],
      channel: 'wecom',
      sort: 'last_active_at',
      order: 'asc',
      limit: 50,
    });
    expect(memberQueryToParams(q).toString()).toBe(s);
    expect(memberQueryToParams(parse('')).toString()).toBe('');
  });

  it('drops what the server would refuse instead of failing the whole page', () => {
    const q = parse(
      'communityId=abc&tagIds=0&tagIds=x&tagIds=4&lifecycleStages=vip&channel=myspace&createdFrom=yesterday&sort=random&limit=7',
    );
    expect(q).toMatchObject({
      communityId: undefined,
      tagIds: [4],
      lifecycleStages: [],
      channel: undefined,
      createdFrom: undefined,
      sort: 'created_at',
      limit: 20,
    });
  });

  it('sends tagMatch only when it matters, and no empty lists', () => {
    expect(memberFilter(parse('tagIds=4&tagMatch=all'))).toMatchObject({ tagIds: [4], tagMatch: undefined });
    expect(memberFilter(parse(''))).toMatchObject({ tagIds: undefined, lifecycleStages: undefined });
  });
});
