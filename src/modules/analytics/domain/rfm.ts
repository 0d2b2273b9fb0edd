/**
 * RFM layering 分层, pure. Buyers are scored 1–5 on each of recency, frequency and monetary value:
 * - recency and monetary by quintiles of their rank: score = 1 + ⌊5 · (rank − 1) / n⌋, where rank is
 *   the SQL `rank()` of the value (ties share the lowest rank, so equal values always get the same
 *   score). Recency ranks the longest-ago buyer first (score 1 = long ago); monetary the smallest
 *   first (score 5 = most);
 * - frequency by order-count thresholds (the least orders for F = 2, 3, 4, 5; default 2, 3, 5, 8):
 *   order counts are small whole numbers and most buyers have one order, so rank quintiles would
 *   leave scores empty (a tie of half the buyers takes F 1 to 3 at once).
 * The layer comes from R and FM = the average of F and M rounded half up, through the grid below.
 */
export const RFM_LAYERS = [
  'champions',
  'loyal',
  'potential_loyalist',
  'new',
  'promising',
  'need_attention',
  'about_to_sleep',
  'at_risk',
  'cant_lose',
  'hibernating',
  'lost',
] as const;
export type RfmLayer = (typeof RFM_LAYERS)[number];

/** GRID[R − 1][FM − 1]. Rows: recency 1 (long ago) to 5 (just now); columns: FM 1 to 5. */
export const RFM_GRID: readonly (readonly RfmLayer[])[] = [
  /* R=1 */ ['lost', 'hibernating', 'at_risk', 'cant_lose', 'cant_lose'],
  /* R=2 */ ['hibernating', 'about_to_sleep', 'at_risk', 'at_risk', 'cant_lose'],
  /* R=3 */ ['about_to_sleep', 'need_attention', 'need_attention', 'loyal', 'loyal'],
  /* R=4 */ ['promising', 'potential_loyalist', 'loyal', 'champions', 'champions'],
  /* R=5 */ ['new', 'potential_loyalist', 'loyal', 'champions', 'champions'],
];

export const fmScore = (f: number, m: number) => Math.floor((f + m + 1) / 2);

export function rfmLayer(r: number, f: number, m: number): RfmLayer {
  return RFM_GRID[r - 1]![fmScore(f, m) - 1]!;
}

export const DEFAULT_FREQUENCY_THRESHOLDS = [2, 3, 5, 8] as const;

/** F of a buyer with `orders` orders: 1 + how many thresholds it reaches. */
export const frequencyScore = (orders: number, thresholds: readonly number[]) =>
  1 + thresholds.filter((t) => orders >= t).length;

/** What is wrong with frequency thresholds (null: nothing): four whole numbers, rising, from 2. */
export function frequencyThresholdsProblem(t: readonly number[]): string | null {
  if (t.length !== 4 || t.some((x) => !Number.isInteger(x)))
    return 'must be four whole numbers: the least orders for F = 2, 3, 4 and 5';
  if (t[0]! < 2) return 'must start at 2 or more orders (F = 1 is one order)';
  if (t.some((x, i) => i > 0 && x <= t[i - 1]!)) return 'must rise: each more orders than the one before';
  return null;
}

/** The orders each F score stands for under the thresholds: [min, max], max null for "or more". */
export function frequencyRanges(t: readonly number[]): { score: number; min: number; max: number | null }[] {
  const edges = [1, ...t];
  return edges.map((min, i) => ({ score: i + 1, min, max: i + 1 < edges.length ? edges[i + 1]! - 1 : null }));
}

/** The quintile score of a 1-based rank among n. */
export const quintile = (rank: number, n: number) => 1 + Math.floor((5 * (rank - 1)) / n);

/** Scores values by quintiles of their rank (ties share the lowest rank); `ascending` ranks the smallest first. */
export function scoreByRank(values: readonly number[], ascending: boolean): number[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => (ascending ? a - b : b - a));
  const firstRank = new Map<number, number>();
  sorted.forEach((v, i) => {
    if (!firstRank.has(v)) firstRank.set(v, i + 1);
  });
  return values.map((v) => quintile(firstRank.get(v)!, n));
}

/**
 * The grid as a SQL expression over integer columns r and fm (one source for the code, the
 * database and the docs): an array read by position, evaluated once per row where a CASE of 25
 * branches would recompute fm in each.
 */
export function layerSql(r: string, fm: string): string {
  return `(array[${RFM_GRID.flat()
    .map((l) => `'${l}'`)
    .join(', ')}])[(${r} - 1) * 5 + ${fm}]`;
}

export interface LayerText {
  nameZh: string;
  nameEn: string;
  strategyZh: string;
  strategyEn: string;
}

/** Default names and operating strategies (editable in the console; seeded once). */
export const DEFAULT_LAYER_TEXT: Record<RfmLayer, LayerText> = {
  champions: {
    nameZh: '重要价值客户',
    nameEn: 'Champions',
    strategyZh: '邀请成为种子用户与社群骨干，优先体验新品，给予专属权益与荣誉，请他们分享口碑。',
    strategyEn:
      'Invite them as seed users and core members, give early access to new products, exclusive benefits and recognition, and ask them to spread the word.',
  },
  loyal: {
    nameZh: '忠诚客户',
    nameEn: 'Loyal',
    strategyZh: '推荐升级与会员等级权益，邀请参加线下活动，收集产品反馈。',
    strategyEn: 'Offer upgrades and tier benefits, invite them to offline events, and collect their product feedback.',
  },
  potential_loyalist: {
    nameZh: '潜力客户',
    nameEn: 'Potential loyalist',
    strategyZh: '提供会员计划与积分激励，推荐相关产品，培养复购习惯。',
    strategyEn:
      'Enrol them in the membership programme with points incentives, recommend related products, and build a habit of repeat purchase.',
  },
  new: {
    nameZh: '新客户',
    nameEn: 'New',
    strategyZh: '做好售后关怀与使用指导，拉入产品群，减少推销，帮助他们成为口碑传播者。',
    strategyEn:
      'Give after-sales care and how-to guidance, bring them into the product group, keep promotions light, and help them become advocates.',
  },
  promising: {
    nameZh: '有望客户',
    nameEn: 'Promising',
    strategyZh: '发送欢迎内容与新人福利，建立品牌认知，引导第二次购买。',
    strategyEn: 'Send welcome content and a newcomer offer, build brand awareness, and lead them to a second purchase.',
  },
  need_attention: {
    nameZh: '需关注客户',
    nameEn: 'Need attention',
    strategyZh: '基于兴趣推送限时优惠与内容，通过问卷了解需求。',
    strategyEn:
      'Send time-limited offers and content matched to their interests, and ask about their needs in a survey.',
  },
  about_to_sleep: {
    nameZh: '即将沉睡客户',
    nameEn: 'About to sleep',
    strategyZh: '分享热门内容与社群活动，用小额优惠唤醒。',
    strategyEn: 'Share popular content and community events, and wake them with a small offer.',
  },
  at_risk: {
    nameZh: '流失风险客户',
    nameEn: 'At risk',
    strategyZh: '一对一关怀，了解不满原因，提供个性化挽回方案。',
    strategyEn: 'Reach out one to one, learn what went wrong, and offer a personal win-back plan.',
  },
  cant_lose: {
    nameZh: '重要挽留客户',
    nameEn: "Can't lose them",
    strategyZh: '由专人尽快联系，提供高价值挽回权益，邀请回到社群。',
    strategyEn:
      'Have a dedicated operator contact them soon, offer a high-value win-back benefit, and invite them back to the community.',
  },
  hibernating: {
    nameZh: '沉睡客户',
    nameEn: 'Hibernating',
    strategyZh: '低频推送相关内容与节日活动，避免打扰。',
    strategyEn: 'Send relevant content and seasonal campaigns at a low frequency, without pressure.',
  },
  lost: {
    nameZh: '流失客户',
    nameEn: 'Lost',
    strategyZh: '以低成本方式尝试召回，否则减少投入。',
    strategyEn: 'Try a low-cost recall; otherwise spend little on them.',
  },
};

/**
 * The day an RFM scoring is taken as of, and its window. Days are workspace calendar days
 * ('YYYY-MM-DD'); the window is the `windowDays` whole days ending on the as-of day, both ends
 * included (365 days as of 2025-06-30: 2024-07-01 – 2025-06-30). Recency counts whole days from a
 * buyer's last order day to the as-of day; orders after the as-of day are not read.
 */
export interface RfmWindow {
  asOf: string;
  from: string;
  to: string;
  days: number;
}

/** The earliest as-of day accepted: before it a date is a typo, not order history. */
export const EARLIEST_AS_OF = '1970-01-01';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));

export function rfmWindow(asOf: string, windowDays: number): RfmWindow {
  const from = new Date(dayMs(asOf) - (windowDays - 1) * DAY_MS).toISOString().slice(0, 10);
  return { asOf, from, to: asOf, days: windowDays };
}

/** What is wrong with an as-of day asked for, given today in the workspace time zone (null: nothing). */
export function asOfProblem(asOf: string, today: string): string | null {
  const m = DATE.exec(asOf);
  if (!m || new Date(dayMs(asOf)).toISOString().slice(0, 10) !== asOf) return 'must be a calendar date (YYYY-MM-DD)';
  if (asOf > today) return `must not be after today (${today}): orders after it are not known yet`;
  if (asOf < EARLIEST_AS_OF) return `must not be before ${EARLIEST_AS_OF}`;
  return null;
}
