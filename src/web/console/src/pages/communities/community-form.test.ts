import { describe, expect, it } from 'vitest';
import { communityBody, communityFormValues } from './community-form';
import type { CommunityDetail } from './types';

describe('community form', () => {
  it('sends trimmed text, and no limit or external id when left empty', () => {
    expect(
      communityBody({
        name: '  咖啡同好会 ',
        channel: 'wechat',
        positioningType: 'interest',
        goal: 'interaction',
        stage: 'launch',
        capacity: null,
        externalId: '  ',
        description: ' 手冲爱好者 ',
        rules: '',
      }),
    ).toEqual({
      name: '咖啡同好会',
      channel: 'wechat',
      positioningType: 'interest',
      goal: 'interaction',
      stage: 'launch',
      capacity: null,
      externalId: null,
      description: '手冲爱好者',
      rules: '',
      owner: null,
      admins: [],
    });
  });

  it('names owner and admins by reference, the owner not twice', () => {
    const body = communityBody({
      name: 'x',
      channel: 'qq',
      positioningType: 'product',
      goal: 'after_sales',
      stage: 'growth',
      capacity: 500,
      externalId: '123',
      owner: 'staff:2',
      admins: ['staff:2', 'member:9', 'member:9', 'staff:4'],
    });
    expect(body).toMatchObject({
      capacity: 500,
      externalId: '123',
      owner: { staffId: 2 },
      admins: [{ memberId: 9 }, { staffId: 4 }],
    });
  });

  it('fills an edit from the community, and a new one with defaults', () => {
    const c = {
      name: '售后群',
      channel: 'wecom',
      positioningType: 'product',
      goal: 'after_sales',
      stage: 'mature',
      capacity: 200,
      externalId: null,
      description: 'd',
      rules: 'r',
      owner: { staffId: null, memberId: 5, role: 'owner', name: '小林' },
      admins: [{ staffId: 3, memberId: null, role: 'admin', name: '运营' }],
    } as unknown as CommunityDetail;
    expect(communityFormValues(c)).toMatchObject({
      name: '售后群',
      externalId: '',
      owner: 'member:5',
      admins: ['staff:3'],
      capacity: 200,
    });
    expect(communityFormValues(null)).toEqual({ stage: 'launch', admins: [], owner: null });
  });
});
