import { describe, expect, it } from 'vitest';
import { birthdayProblem, normaliseEmail, normalisePhone, profileChanges } from './profile-rules.js';

describe('phone numbers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['+1 (415) 555-0100', '+14155550100'],
    ['0044 20 7946 0958', '+442079460958'],
    ['12812345678', null], // no mainland mobile starts with 12
    ['1381234567', null], // 10 digits
    ['+86 10 1234 5678', null], // a Beijing landline is not a mobile
    ['010-12345678', null],
    ['abc', null],
  ])('%s → %s', (raw, want) => {
    expect(normalisePhone(raw)).toBe(want);
  });
});

describe('email', () => {
  it.each([
    [' Xiao.Lin@Example.COM ', 'xiao.lin@example.com'],
    ['a@b.cn', 'a@b.cn'],
    ['no-at-sign.example.com', null],
    ['two@@example.com', null],
    ['a@localhost', null],
  ])('%s → %s', (raw, want) => {
    expect(normaliseEmail(raw)).toBe(want);
  });
});

describe('birthday', () => {
  const today = new Date('2025-06-01T00:00:00Z');
  it.each([
    ['1990-05-20', null],
    ['2024-02-29', null],
    ['2023-02-29', 'is not a real date'],
    ['1990/05/20', 'must be a date like 1990-05-20'],
    ['1899-12-31', 'must be after 1900'],
    ['2025-06-02', 'cannot be in the future'],
  ])('%s → %s', (raw, want) => {
    expect(birthdayProblem(raw, today)).toBe(want);
  });
});

describe('profile changes', () => {
  it('names every bad field at once and normalises the good ones', () => {
    const r = profileChanges(
      { name: '  小林 ', phone: '12345', email: 'bad', birthday: '2030-01-01', avatarUrl: 'ftp://x', city: '' },
      new Date('2025-01-01'),
    );
    expect(r.problems.map((p) => p.path).sort()).toEqual(['avatarUrl', 'birthday', 'email', 'phone']);
    expect(r.values.name).toBe('小林');
    expect(r.values.city).toBeNull();
  });

  it('leaves absent fields out, so a PATCH touches only what it names', () => {
    const r = profileChanges({ lifecycleStage: 'retained' }, new Date());
    expect(r.values).toEqual({ lifecycle_stage: 'retained' });
  });
});
