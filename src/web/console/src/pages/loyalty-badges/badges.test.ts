import { describe, expect, it } from 'vitest';
import { badgeBody, badgeCriteria, badgeFieldName, badgeFormValues, criteriaLine, propertiesOf } from './badge-form';
import type { Badge } from '../loyalty/types';

const badge = (criteria: Badge['criteria']): Badge => ({
  id: 1,
  nameZh: '活动达人',
  nameEn: 'Event regular',
  description: '',
  color: '#faad14',
  criteria,
  archived: false,
  holders: 3,
  createdAt: '2026-03-01T00:00:00.000Z',
});
const kind = (k: string) => ({ event_attended: '参加活动', message: '发言' })[k] ?? k;

describe('badge dialog', () => {
  it('round-trips each kind of criteria', () => {
    for (const c of [
      null,
      {
        type: 'activity_count' as const,
        kinds: ['event_attended'],
        count: 5,
        properties: { city: '成都', vip: true, round: 2 },
      },
      { type: 'top_contributor' as const, top: 10, metric: 'growth' as const },
      { type: 'top_contributor' as const, top: 3, metric: 'activities' as const, kinds: ['message'] },
    ])
      expect(badgeCriteria(badgeFormValues(badge(c)))).toEqual(c);
  });

  it('types property values as chosen, and drops rows without a key', () => {
    expect(
      propertiesOf([
        { key: 'round', type: 'number', value: '2' },
        { key: 'code', type: 'text', value: '2' },
        { key: 'vip', type: 'boolean', value: 'false' },
        { key: ' ', type: 'text', value: 'x' },
        { key: 'n', type: 'number', value: 'abc' },
      ]),
    ).toEqual({ round: 2, code: '2', vip: false, n: 'abc' });
    expect(propertiesOf([])).toBeUndefined();
  });

  it('keeps kinds only for the activities metric, and sends trimmed names', () => {
    const v = {
      ...badgeFormValues(null),
      nameZh: ' 本月之星 ',
      nameEn: 'Star',
      criteria: 'top_contributor' as const,
      metric: 'growth' as const,
      topKinds: ['message'],
    };
    expect(badgeBody(v, true)).toEqual({
      nameZh: '本月之星',
      nameEn: 'Star',
      description: '',
      color: '#faad14',
      criteria: { type: 'top_contributor', top: 10, metric: 'growth' },
      archived: true,
    });
  });

  it('puts criteria problems on the field shown for the choice', () => {
    expect(badgeFieldName(['criteria', 'kinds'], { criteria: 'activity_count' })).toEqual(['kinds']);
    expect(badgeFieldName(['criteria', 'kinds'], { criteria: 'top_contributor' })).toEqual(['topKinds']);
    expect(badgeFieldName(['criteria', 'top'], { criteria: 'top_contributor' })).toEqual(['top']);
    expect(badgeFieldName(['nameEn'], { criteria: 'none' })).toEqual(['nameEn']);
    expect(badgeFieldName(['archived'], { criteria: 'none' })).toBeNull();
  });

  it('words the criteria', () => {
    expect(criteriaLine(null, kind, '、')).toEqual({ key: 'badges.manual' });
    expect(
      criteriaLine({ type: 'activity_count', kinds: ['event_attended', 'message'], count: 5 }, kind, '、'),
    ).toEqual({ key: 'criteria.count', values: { count: 5, kinds: '参加活动、发言' } });
    expect(
      criteriaLine(
        { type: 'activity_count', kinds: ['event_attended'], count: 5, properties: { city: '成都' } },
        kind,
        '、',
      ),
    ).toEqual({ key: 'criteria.countWith', values: { count: 5, kinds: '参加活动', props: 'city = 成都' } });
    expect(
      criteriaLine({ type: 'top_contributor', top: 3, metric: 'activities', kinds: ['message'] }, kind, ', '),
    ).toEqual({ key: 'criteria.topKinds', values: { top: 3, kinds: '发言' } });
    expect(criteriaLine({ type: 'top_contributor', top: 10, metric: 'growth' }, kind, ', ')).toEqual({
      key: 'criteria.topGrowth',
      values: { top: 10 },
    });
  });
});
