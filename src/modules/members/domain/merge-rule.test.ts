import { describe, expect, it } from 'vitest';
import { mergeProfiles, type MergeableProfile } from './merge-rule.js';

const base: MergeableProfile = {
  name: null,
  nickname: null,
  avatar_url: null,
  gender: 'unknown',
  birthday: null,
  phone: null,
  email: null,
  city: null,
  company: null,
  source: null,
  attributes: {},
  consent_marketing: false,
  consent_data_processing: false,
  lifecycle_stage: 'acquired',
  account_type: 'member',
  created_at: '2024-03-01T00:00:00.000000+00:00',
  last_active_at: null,
};
const p = (o: Partial<MergeableProfile>): MergeableProfile => ({ ...base, ...o });

describe('merge rule', () => {
  it.each<[string, Partial<MergeableProfile>, Partial<MergeableProfile>, Partial<MergeableProfile>]>([
    ["survivor's name wins", { name: '林小姐' }, { name: '林子' }, { name: '林小姐' }],
    ['empty survivor field is filled', { name: null }, { name: '林子' }, { name: '林子' }],
    ['blank counts as empty', { city: '  ' }, { city: '上海' }, { city: '上海' }],
    ['both empty stays empty', { phone: null }, { phone: null }, { phone: null }],
    [
      'an official account stays one',
      { account_type: 'member' },
      { account_type: 'official' },
      { account_type: 'official' },
    ],
    ['staff survivor stays staff', { account_type: 'staff' }, { account_type: 'member' }, { account_type: 'staff' }],
    ['unknown gender is filled', { gender: 'unknown' }, { gender: 'female' }, { gender: 'female' }],
    ['known gender stays', { gender: 'male' }, { gender: 'female' }, { gender: 'male' }],
    [
      'marketing consent needs both',
      { consent_marketing: true },
      { consent_marketing: false },
      { consent_marketing: false },
    ],
    [
      'marketing consent kept when both gave it',
      { consent_marketing: true },
      { consent_marketing: true },
      { consent_marketing: true },
    ],
    [
      'data-processing consent: stricter wins',
      { consent_data_processing: false },
      { consent_data_processing: true },
      { consent_data_processing: false },
    ],
    [
      'attributes: shallow merge, survivor wins',
      { attributes: { a: 1, b: 2 } },
      { attributes: { b: 9, c: 3 } },
      { attributes: { a: 1, b: 2, c: 3 } },
    ],
    [
      'livelier stage wins',
      { lifecycle_stage: 'dormant' },
      { lifecycle_stage: 'monetised' },
      { lifecycle_stage: 'monetised' },
    ],
    [
      "survivor's livelier stage stays",
      { lifecycle_stage: 'retained' },
      { lifecycle_stage: 'churned' },
      { lifecycle_stage: 'retained' },
    ],
    [
      'earliest created_at',
      { created_at: '2024-03-01T00:00:00+00:00' },
      { created_at: '2023-01-01T00:00:00.123456+00:00' },
      { created_at: '2023-01-01T00:00:00.123456+00:00' },
    ],
    [
      'latest activity',
      { last_active_at: '2024-05-01T00:00:00+00:00' },
      { last_active_at: '2024-06-01T00:00:00+00:00' },
      { last_active_at: '2024-06-01T00:00:00+00:00' },
    ],
    [
      'activity kept when merged never active',
      { last_active_at: '2024-05-01T00:00:00+00:00' },
      { last_active_at: null },
      { last_active_at: '2024-05-01T00:00:00+00:00' },
    ],
  ])('%s', (_name, survivor, merged, want) => {
    expect(mergeProfiles(p(survivor), p(merged)).profile).toMatchObject(want);
  });

  it('says whose value each field holds', () => {
    const { decisions } = mergeProfiles(p({ name: 'A' }), p({ name: 'B', phone: '13812345678', attributes: { x: 1 } }));
    const from = Object.fromEntries(decisions.map((d) => [d.field, d.from]));
    expect(from).toMatchObject({
      name: 'survivor',
      phone: 'merged',
      consent_marketing: 'both',
      attributes: 'both',
      created_at: 'survivor',
    });
  });

  it('does not change its inputs', () => {
    const s = p({ attributes: { a: 1 } });
    const m = p({ attributes: { b: 1 }, name: 'x' });
    mergeProfiles(s, m);
    expect(s).toEqual(p({ attributes: { a: 1 } }));
  });
});

describe('choices by hand', () => {
  it("takes the operator's side for the fields chosen and says so in the decisions", () => {
    const s = p({ name: '林小姐', city: '上海' });
    const m = p({ name: '林子', city: '杭州' });
    const { profile, decisions } = mergeProfiles(s, m, { city: 'merged' });
    expect([profile.name, profile.city]).toEqual(['林小姐', '杭州']);
    expect(decisions.find((d) => d.field === 'city')).toEqual({ field: 'city', from: 'merged' });
  });
});
