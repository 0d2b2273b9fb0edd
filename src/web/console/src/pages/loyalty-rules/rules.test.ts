import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../i18n/catalog';
import { interpolate } from '../../i18n/locale';
import { ruleDefinition, ruleFieldName, ruleFormValues } from './rule-form';
import { awardLine, ruleExtras, yuan } from './rule-text';
import type { Rule } from '../loyalty/types';

const say = (
  line: { key: keyof (typeof CATALOG)['en']; values?: Record<string, string | number> } | null,
  locale: 'en' | 'zh-CN',
) => (line ? interpolate(CATALOG[locale][line.key], line.values, locale) : null);

const purchaseRule: Rule = {
  id: 4,
  name: '消费积分',
  currentVersion: 2,
  validFrom: '2026-03-01T00:00:00.000Z',
  versions: [],
  definition: {
    kind: 'purchase',
    enabled: true,
    filters: { channels: ['wechat'], minAmount: 50, properties: { shop: 'tmall' } },
    points: { mode: 'per_amount', per: 10, amount: 1 },
    growth: { mode: 'fixed', amount: 20 },
    tierMultiplier: true,
    limits: { perDay: 3 },
    firstTimeBonus: { points: 100, growth: 0 },
  },
};

describe('rule editor ↔ rule definition', () => {
  it('round-trips a purchase rule, property filters kept', () => {
    const v = ruleFormValues(purchaseRule);
    expect(v).toMatchObject({
      points: { mode: 'per_amount', per: 10, amount: 1 },
      growth: { mode: 'fixed', amount: 20 },
      minAmount: 50,
      firstTime: true,
      firstTimePoints: 100,
      streak: false,
    });
    expect(ruleDefinition(v)).toEqual(purchaseRule.definition);
  });

  it('leaves out what is not set, and what does not apply to the kind', () => {
    const v = {
      ...ruleFormValues(null),
      kind: 'check_in',
      minAmount: 100,
      minTextLength: 5,
      perWeek: 7,
      streak: true,
      streakBonuses: [1, 2, null, 5],
    };
    expect(ruleDefinition(v)).toEqual({
      kind: 'check_in',
      enabled: true,
      filters: {},
      points: { mode: 'fixed', amount: 10 },
      growth: { mode: 'fixed', amount: 10 },
      tierMultiplier: false,
      limits: { perWeek: 7 },
      streak: { bonuses: [1, 2, 0, 5] },
    });
    const message = {
      ...ruleFormValues(null),
      kind: 'message',
      growth: { mode: 'none' as const },
      minTextLength: 5,
      duplicateWindowMinutes: null,
      streak: true,
      streakBonuses: [],
    };
    expect(ruleDefinition(message)).toMatchObject({ growth: null, antiAbuse: { minTextLength: 5 } });
    expect(ruleDefinition(message).streak).toBeUndefined();
  });

  it('puts server problems on the editor fields', () => {
    expect(ruleFieldName(['definition', 'points', 'amount'])).toEqual(['points', 'amount']);
    expect(ruleFieldName(['definition', 'points'])).toEqual(['points', 'mode']);
    expect(ruleFieldName(['definition', 'limits', 'perDay'])).toEqual(['perDay']);
    expect(ruleFieldName(['definition', 'filters', 'minAmount'])).toEqual(['minAmount']);
    expect(ruleFieldName(['definition', 'streak', 'bonuses', '2'])).toEqual(['streakBonuses', 2]);
    expect(ruleFieldName(['definition', 'antiAbuse'])).toEqual(['minTextLength']);
    expect(ruleFieldName(['validFrom'])).toEqual(['validFrom']);
    expect(ruleFieldName(['definition', 'filters', 'properties', 'x'])).toBeNull();
  });
});

describe('rule wording', () => {
  it('says "1 point per ¥10" in both languages, with plurals', () => {
    expect(say(awardLine({ mode: 'per_amount', per: 10, amount: 1 }, 'points', 'en'), 'en')).toBe(
      '1 point per ¥10 spent',
    );
    expect(say(awardLine({ mode: 'per_amount', per: 10, amount: 2 }, 'points', 'en'), 'en')).toBe(
      '2 points per ¥10 spent',
    );
    expect(say(awardLine({ mode: 'per_amount', per: 10, amount: 1 }, 'points', 'zh-CN'), 'zh-CN')).toBe(
      '每消费 ¥10 得 1 积分',
    );
    expect(say(awardLine({ mode: 'fixed', amount: 5 }, 'growth', 'zh-CN'), 'zh-CN')).toBe('每次 5 成长值');
    expect(awardLine(null, 'points', 'en')).toBeNull();
    expect(yuan(12.5, 'en')).toBe('¥12.50');
    expect(yuan(1000, 'zh-CN')).toBe('¥1,000');
  });

  it('lists limits, bonuses and checks', () => {
    const lines = ruleExtras(
      { ...purchaseRule.definition, streak: { bonuses: [1, 2, 3] }, limits: { perDay: 3, cooldownMinutes: 30 } },
      'en',
    ).map((l) => say(l, 'en'));
    expect(lines).toEqual([
      'At most 3 a day',
      'At least 30 minutes apart',
      'Orders from ¥50',
      'Multiplied by the tier',
      'First time: +100 points, +0 growth',
      'Streak bonus by day: 1 / 2 / 3',
    ]);
  });
});
