import { describe, expect, it } from 'vitest';
import { programmeFormValues, programmePatch } from './programme-form';
import { benefitLine, obligationLine, tierBody, tierFieldName, tierFormValues } from './tier-form';
import { proposals } from './preview';
import { nameIn, safeColor } from './loyalty-vocab';
import type { Programme, Tier } from './types';

const programme: Programme = {
  qualificationMonths: 12,
  evaluationPeriod: 'monthly',
  keepRatio: 0.875,
  graceDays: 30,
  maxDemotionSteps: 1,
  pointsExpiryMonths: null,
  refundPolicy: 'debt',
  approvalThreshold: 1000,
  updatedAt: '2026-03-01T00:00:00.000Z',
};

const gold: Tier = {
  id: 3,
  nameZh: '金卡',
  nameEn: 'Gold',
  threshold: 5000,
  keepThreshold: null,
  effectiveKeepThreshold: 4500,
  color: '#d4b106',
  benefits: [
    { type: 'text', zh: '生日礼', en: 'Birthday gift' },
    { type: 'points_multiplier', value: 1.5 },
    { type: 'priority_service' },
    { type: 'text', zh: '专属客服', en: 'Own adviser' },
  ],
  obligations: [{ type: 'min_activities', count: 2, kinds: ['event_attended'] }],
};

describe('programme settings form', () => {
  it('shows the keep ratio as a percentage, lifetime and never as choices', () => {
    const v = programmeFormValues({ ...programme, qualificationMonths: null });
    expect(v).toMatchObject({
      qualification: 'lifetime',
      qualificationMonths: 12,
      keepPercent: 87.5,
      expiry: 'never',
      pointsExpiryMonths: 12,
    });
  });

  it('sends the ratio back exactly, and null for lifetime and never', () => {
    const v = programmeFormValues(programme);
    expect(programmePatch(v)).toEqual({
      qualificationMonths: 12,
      evaluationPeriod: 'monthly',
      keepRatio: 0.875,
      graceDays: 30,
      maxDemotionSteps: 1,
      pointsExpiryMonths: null,
      refundPolicy: 'debt',
      approvalThreshold: 1000,
    });
    expect(
      programmePatch({ ...v, qualification: 'lifetime', expiry: 'months', pointsExpiryMonths: 24, keepPercent: 90 }),
    ).toMatchObject({ qualificationMonths: null, pointsExpiryMonths: 24, keepRatio: 0.9 });
  });
});

describe('tier form', () => {
  it('spreads typed benefits over their fields and gathers them back', () => {
    const v = tierFormValues(gold);
    expect(v).toMatchObject({
      multiplier: 1.5,
      discount: null,
      exclusiveEvents: false,
      priorityService: true,
      texts: [
        { zh: '生日礼', en: 'Birthday gift' },
        { zh: '专属客服', en: 'Own adviser' },
      ],
    });
    expect(tierBody({ ...v, discount: 5, nameZh: ' 金卡 ', texts: [...v.texts, { zh: ' ', en: '' }] })).toEqual({
      nameZh: '金卡',
      nameEn: 'Gold',
      threshold: 5000,
      color: '#d4b106',
      benefits: [
        { type: 'points_multiplier', value: 1.5 },
        { type: 'discount', percent: 5 },
        { type: 'priority_service' },
        { type: 'text', zh: '生日礼', en: 'Birthday gift' },
        { type: 'text', zh: '专属客服', en: 'Own adviser' },
      ],
      obligations: [{ type: 'min_activities', count: 2, kinds: ['event_attended'] }],
    });
    expect(tierBody(tierFormValues(null))).toMatchObject({ benefits: [], obligations: [] });
    // No keep threshold is no field (the API would read a null as 0); a set one is sent.
    expect('keepThreshold' in tierBody(tierFormValues(null))).toBe(false);
    expect(tierBody({ ...tierFormValues(gold), keepThreshold: 0 }).keepThreshold).toBe(0);
  });

  it('puts a problem of the n-th benefit sent on the field it came from', () => {
    const body = tierBody(tierFormValues(gold));
    expect(tierFieldName(['benefits', '0', 'value'], body)).toEqual(['multiplier']);
    expect(tierFieldName(['benefits', '3'], body)).toEqual(['texts', 1, 'zh']);
    expect(tierFieldName(['benefits', '2', 'en'], body)).toEqual(['texts', 0, 'en']);
    expect(tierFieldName(['benefits', '1'], body)).toEqual(['priorityService']);
    expect(tierFieldName(['obligations', '0', 'kinds'], body)).toEqual(['obligations', 0, 'kinds']);
    expect(tierFieldName(['threshold'], body)).toEqual(['threshold']);
    expect(tierFieldName(['benefits', '9'], body)).toBeNull();
  });

  it('words benefits and obligations', () => {
    expect(benefitLine({ type: 'points_multiplier', value: 1.5 }, 'en')).toEqual({
      key: 'benefit.points_multiplier',
      values: { value: '1.5' },
    });
    expect(benefitLine({ type: 'text', zh: '生日礼', en: 'Birthday gift' }, 'zh-CN')).toBe('生日礼');
    expect(benefitLine({ type: 'text', zh: '生日礼', en: '' }, 'en')).toBe('生日礼');
    const kind = (k: string) => ({ event_attended: '参加活动', message: '发言' })[k] ?? k;
    expect(
      obligationLine({ type: 'min_activities', count: 2, kinds: ['event_attended', 'message'] }, kind, '、'),
    ).toEqual({ key: 'obligation.kinds', values: { count: 2, kinds: '参加活动、发言' } });
    expect(obligationLine({ type: 'min_activities', count: 5, kinds: [] }, kind, '、')).toEqual({
      key: 'obligation.any',
      values: { count: 5 },
    });
  });
});

describe('threshold preview', () => {
  it('asks only about thresholds that changed and are whole numbers', () => {
    const tiers = [{ ...gold, id: 1, threshold: 0 }, { ...gold, id: 2, threshold: 1000 }, gold];
    expect(proposals(tiers, { 1: 0, 2: 800, 3: null })).toEqual([{ tierId: 2, threshold: 800 }]);
    expect(proposals(tiers, { 2: 1.5, 3: -1 })).toEqual([]);
  });
});

describe('names and colours', () => {
  it('names things in the operator language, falling back to the other', () => {
    expect(nameIn({ nameZh: '金卡', nameEn: 'Gold' }, 'en')).toBe('Gold');
    expect(nameIn({ nameZh: '金卡', nameEn: '' }, 'en')).toBe('金卡');
    expect(safeColor('#d4b106')).toBe('#d4b106');
    expect(safeColor('red;background:url(x)')).toBeUndefined();
  });
});
