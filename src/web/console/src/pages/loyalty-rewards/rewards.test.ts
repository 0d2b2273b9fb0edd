import { describe, expect, it } from 'vitest';
import { addDays, dayIn, zonedDayStart } from '../../i18n/format';
import { archiveBody, codeCount, rewardBody, rewardFieldName, rewardFormValues } from './reward-form';
import type { Reward } from '../loyalty/types';

const tz = 'Asia/Shanghai';
const days = { dayStart: (d: string) => zonedDayStart(d, tz), dayOf: (v: string) => dayIn(v, tz) };

const coupon: Reward = {
  id: 7,
  nameZh: '满100减20券',
  nameEn: '¥20 off ¥100',
  description: '',
  type: 'coupon',
  cost: 300,
  stock: 50,
  redeemed: 3,
  available: 47,
  perMemberLimit: 1,
  tierIds: [2],
  validFrom: '2026-03-01T01:30:00.000Z',
  validUntil: '2026-03-31T16:00:00.000Z',
  archived: false,
  createdAt: '2026-02-01T00:00:00.000Z',
};

describe('reward dialog', () => {
  it('shows validity as the first and last day in the workspace zone', () => {
    expect(rewardFormValues(coupon, days)).toMatchObject({
      fromDay: '2026-03-01',
      untilDay: '2026-03-31',
      stock: null,
      tierIds: [2],
    });
  });

  it('keeps the exact instants of days left alone, and sends no stock for a coupon', () => {
    const body = rewardBody(rewardFormValues(coupon, days), days, coupon);
    expect(body).toEqual({
      nameZh: '满100减20券',
      nameEn: '¥20 off ¥100',
      description: '',
      type: 'coupon',
      cost: 300,
      perMemberLimit: 1,
      tierIds: [2],
      validFrom: '2026-03-01T01:30:00.000Z',
      validUntil: '2026-03-31T16:00:00.000Z',
    });
  });

  it('turns changed days into the start of the first and the end of the last', () => {
    const v = {
      ...rewardFormValues(coupon, days),
      type: 'gift' as const,
      stock: 20,
      fromDay: '2026-04-01',
      untilDay: '2026-04-30',
    };
    expect(rewardBody(v, days, coupon)).toMatchObject({
      stock: 20,
      validFrom: '2026-03-31T16:00:00.000Z',
      validUntil: '2026-04-30T16:00:00.000Z',
    });
    const open = rewardBody(
      { ...v, fromDay: null, untilDay: null, stock: null, perMemberLimit: null },
      days,
      null,
      true,
    );
    expect(open).toMatchObject({ validFrom: null, validUntil: null, archived: true });
    // "No limit" is no field: the API would read a null here as 0.
    expect('stock' in open || 'perMemberLimit' in open).toBe(false);
    expect(addDays('2026-04-30', 1)).toBe('2026-05-01');
  });

  it('archives without changing anything else', () => {
    expect(archiveBody(coupon, true)).toEqual({
      ...rewardBody(rewardFormValues(coupon, days), days, coupon),
      archived: true,
    });
    const gift = { ...coupon, type: 'gift' as const, stock: null, perMemberLimit: null };
    expect(archiveBody(gift, false)).toEqual({
      ...rewardBody(rewardFormValues(gift, days), days, gift),
      archived: false,
    });
    expect('stock' in archiveBody(gift, false)).toBe(false);
    expect(archiveBody({ ...gift, stock: 20 }, true).stock).toBe(20);
  });

  it('marks server problems on the day fields', () => {
    expect(rewardFieldName(['validUntil'])).toEqual(['untilDay']);
    expect(rewardFieldName(['stock'])).toEqual(['stock']);
    expect(rewardFieldName(['codes'])).toBeNull();
  });

  it('counts codes the way the server splits them', () => {
    expect(codeCount('A1\r\nB2, C3\n\n  \nD4,')).toBe(4);
  });
});
