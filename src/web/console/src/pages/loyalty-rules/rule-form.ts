import type { Award, Rule, RuleDefinition } from '../loyalty/types';

/**
 * The rule editor's values and the API's rule definition, both ways. The form has one field per
 * setting ("first-time bonus on", "per day"); the definition leaves out what is not set, so a
 * rule says only what it means. Pure, so the mapping is tested.
 */
export type AwardMode = 'none' | 'fixed' | 'per_amount';
export interface AwardFormValues {
  mode: AwardMode;
  amount?: number | null;
  per?: number | null;
}

export interface RuleFormValues {
  name: string;
  kind: string;
  enabled: boolean;
  communityIds: number[];
  channels: string[];
  minAmount?: number | null;
  /** Property filters the editor does not show, kept as they are. */
  properties?: Record<string, string | number | boolean>;
  points: AwardFormValues;
  growth: AwardFormValues;
  tierMultiplier: boolean;
  perDay?: number | null;
  perWeek?: number | null;
  lifetime?: number | null;
  cooldownMinutes?: number | null;
  firstTime: boolean;
  firstTimePoints?: number | null;
  firstTimeGrowth?: number | null;
  streak: boolean;
  streakBonuses: (number | null)[];
  minTextLength?: number | null;
  duplicateWindowMinutes?: number | null;
}

const num = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

function awardForm(a: Award | null): AwardFormValues {
  if (!a) return { mode: 'none', amount: null, per: null };
  return a.mode === 'fixed'
    ? { mode: 'fixed', amount: a.amount, per: null }
    : { mode: 'per_amount', amount: a.amount, per: a.per };
}

function award(v: AwardFormValues | undefined): Award | null {
  if (!v || v.mode === 'none') return null;
  if (v.mode === 'fixed') return { mode: 'fixed', amount: num(v.amount) ? v.amount : 0 };
  return { mode: 'per_amount', amount: num(v.amount) ? v.amount : 0, per: num(v.per) ? v.per : 0 };
}

export function ruleFormValues(r: Rule | null): RuleFormValues {
  if (!r) {
    return {
      name: '',
      kind: 'check_in',
      enabled: true,
      communityIds: [],
      channels: [],
      minAmount: null,
      points: { mode: 'fixed', amount: 10, per: null },
      growth: { mode: 'fixed', amount: 10, per: null },
      tierMultiplier: false,
      firstTime: false,
      streak: false,
      streakBonuses: [],
    };
  }
  const d = r.definition;
  return {
    name: r.name,
    kind: d.kind,
    enabled: d.enabled,
    communityIds: d.filters.communityIds ?? [],
    channels: d.filters.channels ?? [],
    minAmount: d.filters.minAmount ?? null,
    ...(d.filters.properties ? { properties: d.filters.properties } : {}),
    points: awardForm(d.points),
    growth: awardForm(d.growth),
    tierMultiplier: d.tierMultiplier,
    perDay: d.limits.perDay ?? null,
    perWeek: d.limits.perWeek ?? null,
    lifetime: d.limits.lifetime ?? null,
    cooldownMinutes: d.limits.cooldownMinutes ?? null,
    firstTime: !!d.firstTimeBonus,
    firstTimePoints: d.firstTimeBonus?.points ?? null,
    firstTimeGrowth: d.firstTimeBonus?.growth ?? null,
    streak: !!d.streak,
    streakBonuses: d.streak?.bonuses ?? [],
    minTextLength: d.antiAbuse?.minTextLength ?? null,
    duplicateWindowMinutes: d.antiAbuse?.duplicateWindowMinutes ?? null,
  };
}

export function ruleDefinition(v: RuleFormValues): RuleDefinition {
  const purchase = v.kind === 'purchase';
  const filters: RuleDefinition['filters'] = {};
  if (v.communityIds?.length) filters.communityIds = v.communityIds;
  if (v.channels?.length) filters.channels = v.channels;
  if (purchase && num(v.minAmount)) filters.minAmount = v.minAmount;
  if (v.properties && Object.keys(v.properties).length) filters.properties = v.properties;
  const limits: RuleDefinition['limits'] = {};
  for (const k of ['perDay', 'perWeek', 'lifetime', 'cooldownMinutes'] as const) if (num(v[k])) limits[k] = v[k];
  const def: RuleDefinition = {
    kind: v.kind,
    enabled: v.enabled,
    filters,
    points: award(v.points),
    growth: award(v.growth),
    tierMultiplier: v.tierMultiplier,
    limits,
  };
  if (v.firstTime)
    def.firstTimeBonus = {
      points: num(v.firstTimePoints) ? v.firstTimePoints : 0,
      growth: num(v.firstTimeGrowth) ? v.firstTimeGrowth : 0,
    };
  const bonuses = (v.streakBonuses ?? []).map((b) => (num(b) ? b : 0));
  if (v.streak && bonuses.length) def.streak = { bonuses };
  if (v.kind === 'message' && (num(v.minTextLength) || num(v.duplicateWindowMinutes))) {
    def.antiAbuse = {
      ...(num(v.minTextLength) ? { minTextLength: v.minTextLength } : {}),
      ...(num(v.duplicateWindowMinutes) ? { duplicateWindowMinutes: v.duplicateWindowMinutes } : {}),
    };
  }
  return def;
}

/** The editor field a server problem is about: `/definition/points/amount` → points › amount. */
export function ruleFieldName(segments: string[]): (string | number)[] | null {
  const [head, ...rest] = segments;
  if (head === 'name' || head === 'validFrom') return [head];
  if (head !== 'definition') return null;
  const [a, b, c] = rest;
  switch (a) {
    case 'kind':
    case 'enabled':
    case 'tierMultiplier':
      return [a];
    case 'points':
    case 'growth':
      return [a, b === 'amount' || b === 'per' ? b : 'mode'];
    case 'limits':
      return b === 'perDay' || b === 'perWeek' || b === 'lifetime' || b === 'cooldownMinutes' ? [b] : null;
    case 'filters':
      return b === 'communityIds' || b === 'channels' || b === 'minAmount' ? [b] : null;
    case 'firstTimeBonus':
      return [b === 'growth' ? 'firstTimeGrowth' : 'firstTimePoints'];
    case 'streak':
      return c !== undefined ? ['streakBonuses', Number(c)] : ['streak'];
    case 'antiAbuse':
      return [b === 'duplicateWindowMinutes' ? 'duplicateWindowMinutes' : 'minTextLength'];
    default:
      return null;
  }
}
