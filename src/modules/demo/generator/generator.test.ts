import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo, type DemoData } from './index.js';
import { END, ms, violations } from './generator.test-support.js';

let data: DemoData;
let cpuMs = 0;

beforeAll(() => {
  // CPU time, not wall time: test machines are shared, and the budget is about the generator's work.
  const before = process.cpuUsage();
  data = generateDemo();
  const used = process.cpuUsage(before);
  cpuMs = (used.user + used.system) / 1000;
});

describe('generateDemo: determinism', () => {
  it('returns the same data byte for byte for the same seed, and different data for another seed', () => {
    const a = generateDemo({ seed: 7, members: 300 });
    const b = generateDemo({ seed: 7, members: 300 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a).toEqual(b);
    const c = generateDemo({ seed: 8, members: 300 });
    expect(c.members.map((m) => m.phone)).not.toEqual(a.members.map((m) => m.phone));
    expect(c.activities.length).not.toBe(a.activities.length);
  });

  it('generates the default size well within 10 seconds', () => {
    expect(cpuMs).toBeLessThan(10_000);
  });

  it('rejects nonsense options with a validation error', () => {
    expect(() => generateDemo({ members: 3 })).toThrow(/members/);
    expect(() => generateDemo({ months: 0 })).toThrow(/months/);
    expect(() => generateDemo({ end: new Date('nope') })).toThrow(/end/);
  });

  it.each([
    { seed: 1, members: 20, months: 1 },
    { seed: 2, members: 300, months: 2 },
    { seed: 3, members: 800, months: 12, end: new Date('2027-03-01T09:00:00+08:00') },
    { seed: 4, members: 1200, months: 3, end: new Date('2026-08-01T23:59:59.500+08:00') },
  ])('keeps every rule for other sizes and windows (%o)', (opts) => {
    const other = generateDemo(opts);
    expect(other.members).toHaveLength(opts.members);
    expect(other.communities).toHaveLength(6);
    expect(violations(other, opts.end ?? END)).toEqual([]);
  });

  it('keeps every rule for the default data', () => {
    expect(violations(data, END)).toEqual([]);
  });
});

describe('generateDemo: shape and volumes (defaults)', () => {
  it('has six distinct communities and the requested members', () => {
    expect(data.brand).toEqual({ name: '山野咖啡', nameEn: 'Shanye Coffee' });
    expect(data.communities).toHaveLength(6);
    expect(new Set(data.communities.map((c) => c.key)).size).toBe(6);
    expect(new Set(data.communities.map((c) => c.channel))).toEqual(
      new Set(['wecom', 'wechat', 'qq', 'forum', 'dingtalk']),
    );
    expect(new Set(data.communities.map((c) => c.stage))).toEqual(new Set(['launch', 'growth', 'mature']));
    expect(new Set(data.communities.map((c) => c.goal))).toEqual(
      new Set(['after_sales', 'product_feedback', 'interaction', 'brand']),
    );
    expect(data.communities.some((c) => c.capacity === null)).toBe(true);
    for (const c of data.communities) expect(c.rulesText.split('\n').length).toBeGreaterThanOrEqual(3);
    expect(data.members).toHaveLength(5000);
    expect(new Set(data.members.map((m) => m.key)).size).toBe(5000);
  });

  it('produces 150k–300k activities, sorted, with unique ids, none after the end', () => {
    expect(data.activities.length).toBeGreaterThan(150_000);
    expect(data.activities.length).toBeLessThan(300_000);
    expect(new Set(data.activities.map((a) => a.externalId)).size).toBe(data.activities.length);
    const times = data.activities.map((a) => ms(a.occurredAt));
    expect(times.filter((t, i) => i > 0 && t < times[i - 1])).toEqual([]);
    expect(times[times.length - 1]).toBeLessThanOrEqual(END.getTime());
    const kinds = new Set(data.activities.map((a) => a.kind));
    for (const k of [
      'message',
      'reaction',
      'check_in',
      'join',
      'leave',
      'event_registered',
      'event_attended',
      'purchase',
      'refund',
      'content_view',
      'referral',
    ]) {
      expect(kinds.has(k as never)).toBe(true);
    }
  });

  it('gives about 70% of members a name and plausible contact details', () => {
    const regular = data.members.filter((m) => m.company !== '山野咖啡');
    const named = regular.filter((m) => m.name !== null).length / regular.length;
    expect(named).toBeGreaterThan(0.62);
    expect(named).toBeLessThan(0.78);
    const phones = regular.filter((m) => m.phone !== null);
    expect(phones.length / regular.length).toBeGreaterThan(0.7);
    expect(phones.filter((m) => !/^1[3-9]\d{9}$/.test(m.phone!))).toEqual([]);
    const emails = regular.filter((m) => m.email !== null);
    expect(emails.length / regular.length).toBeGreaterThan(0.25);
    expect(emails.length / regular.length).toBeLessThan(0.4);
    expect(emails.filter((m) => !/^[\w.+-]+@[\w-]+\.[a-z]+$/i.test(m.email!))).toEqual([]);
    expect(data.members.filter((m) => m.birthday && !/^(19|20)\d\d-\d\d-\d\d$/.test(m.birthday))).toEqual([]);
  });

  it('has identities in each platform format, unique per channel, some members on several channels', () => {
    const seen = new Set<string>();
    const formats: Record<string, RegExp> = {
      wechat: /^o[\w-]{27}$/,
      wecom: /^wm[\w-]{30}$/,
      qq: /^[1-9]\d{5,9}$/,
      forum: /^[a-z0-9._]+$/,
      dingtalk: /^\d{16}$/,
    };
    for (const m of data.members) {
      for (const id of m.identities) {
        expect(id.externalId).toMatch(formats[id.channel]);
        const k = `${id.channel}:${id.externalId}`;
        expect(seen.has(k)).toBe(false);
        seen.add(k);
      }
    }
    expect(data.members.filter((m) => m.identities.length >= 2).length).toBeGreaterThan(500);
    expect(data.members.filter((m) => m.identities.length >= 3).length).toBeGreaterThan(50);
  });

  it('keeps phones and emails unique except the ~40 planted duplicate pairs', () => {
    expect(data.plantedDuplicates.length).toBeGreaterThanOrEqual(36);
    expect(data.plantedDuplicates.length).toBeLessThanOrEqual(44);
    const check = (value: (m: DemoData['members'][number]) => string | null, reason: string) => {
      const byValue = new Map<string, string[]>();
      for (const m of data.members) {
        const v = value(m);
        if (v !== null) byValue.set(v, [...(byValue.get(v) ?? []), m.key]);
      }
      const shared = [...byValue.values()].filter((keys) => keys.length > 1);
      for (const keys of shared) expect(keys).toHaveLength(2);
      const planted = data.plantedDuplicates
        .filter((d) => d.reason === reason)
        .map((d) => d.memberKeys.join('+'))
        .sort();
      expect(shared.map((keys) => keys.join('+')).sort()).toEqual(planted);
      expect(planted.length).toBeGreaterThan(5);
    };
    check((m) => m.phone, 'same_phone');
    check((m) => m.email?.toLowerCase() ?? null, 'same_email');
    const byKey = new Map(data.members.map((m) => [m.key, m]));
    const inCommunity = new Set(data.memberships.map((x) => `${x.memberKey}@${x.communityKey}`));
    for (const d of data.plantedDuplicates.filter((x) => x.reason === 'same_name_in_community')) {
      const [a, b] = d.memberKeys.map((k) => byKey.get(k)!);
      expect(a.name).not.toBeNull();
      expect(a.name).toBe(b.name);
      expect(inCommunity.has(`${a.key}@${d.communityKey}`) && inCommunity.has(`${b.key}@${d.communityKey}`)).toBe(true);
    }
  });
});
