/**
 * Community health 社群健康度: a composite of documented parts, each scored 0–100, with advice for
 * the community's stage (seed 001: 建立前期 / 成长期 / 沉淀期) and for its weakest part. Pure.
 *
 * - growth: net member growth over the period, g = (end − start) / start; score 50 + 250·g, so
 *   +20 % scores 100, no change 50, −20 % 0 (a community that starts empty and gains scores 100);
 * - activity: active members in the period ÷ members at its end; half active scores 100;
 * - retention: of the members active in the previous period of the same length, the share active
 *   again in this one; score = share × 100;
 * - sentiment: from the text insight of members' messages, when it exists (null until then).
 * The score is the weighted mean of the parts present (weights 30 / 40 / 30, sentiment 20).
 */
export type Stage = 'launch' | 'growth' | 'mature';
export type Part = 'growth' | 'activity' | 'retention' | 'sentiment';
export const WEIGHTS: Record<Part, number> = { growth: 30, activity: 40, retention: 30, sentiment: 20 };

export interface HealthInput {
  membersStart: number;
  membersEnd: number;
  active: number;
  activePrevious: number;
  retained: number;
  sentiment: number | null;
}
export interface PartScore {
  part: Part;
  value: number | null;
  score: number | null;
}

const clamp = (x: number) => Math.max(0, Math.min(100, x));

export function healthParts(x: HealthInput): PartScore[] {
  const growth =
    x.membersStart === 0 ? (x.membersEnd > 0 ? 1 : null) : (x.membersEnd - x.membersStart) / x.membersStart;
  const activity = x.membersEnd === 0 ? null : x.active / x.membersEnd;
  const retention = x.activePrevious === 0 ? null : x.retained / x.activePrevious;
  return [
    { part: 'growth', value: growth, score: growth === null ? null : clamp(50 + 250 * growth) },
    { part: 'activity', value: activity, score: activity === null ? null : clamp((activity / 0.5) * 100) },
    { part: 'retention', value: retention, score: retention === null ? null : clamp(retention * 100) },
    { part: 'sentiment', value: x.sentiment, score: x.sentiment === null ? null : clamp(x.sentiment) },
  ];
}

/** The weighted mean of the parts that have a score, rounded to a whole number; null when none has. */
export function healthScore(parts: PartScore[]): number | null {
  const present = parts.filter((p) => p.score !== null);
  const weight = present.reduce((s, p) => s + WEIGHTS[p.part], 0);
  return weight === 0 ? null : Math.round(present.reduce((s, p) => s + p.score! * WEIGHTS[p.part], 0) / weight);
}

export const STAGE_ADVICE: Record<Stage, { zh: string; en: string }> = {
  launch: {
    zh: '建立前期：利用微信、微博等社交工具宣传社群定位，引入种子用户；多与成员互动，用优惠券、会员卡、小礼物鼓励成员拉人入群，壮大规模。',
    en: 'Launch: promote the community’s positioning on social channels and bring in seed members; talk with members often, and reward them (coupons, member cards, small gifts) for inviting others.',
  },
  growth: {
    zh: '成长期：重视产品质量，造就产品口碑；维护忠诚会员、积累早期会员，让会员参与产品设计，扩大社群营销规模。',
    en: 'Growth: build reputation on product quality; look after loyal members and keep the early ones, let members take part in product design, and widen the community’s reach.',
  },
  mature: {
    zh: '沉淀期：按会员特点分类管理，精准运营；对有意向的会员减少宣传打扰，对新成交会员做好售后，把他们发展为口碑传播者。',
    en: 'Mature: classify members by their traits and target each group; send fewer promotions to members who are only interested, serve new buyers well and turn them into advocates.',
  },
};

export const PART_ADVICE: Record<Part, { zh: string; en: string }> = {
  growth: {
    zh: '成员增长偏弱：开展邀请有礼、二维码拉新，关注退群原因。',
    en: 'Growth is weak: run invite rewards and QR-code drives, and look into why members leave.',
  },
  activity: {
    zh: '活跃度偏低：设置每日话题、签到和小活动，让核心成员带动讨论。',
    en: 'Activity is low: set daily topics, check-ins and small events, and let core members lead discussions.',
  },
  retention: {
    zh: '留存偏弱：回访上期活跃、本期沉默的成员，了解原因并邀请回归。',
    en: 'Retention is weak: follow up with members active last period but silent now, ask why and invite them back.',
  },
  sentiment: {
    zh: '情绪偏负面：查看负面话题，及时回应与处理。',
    en: 'Sentiment is negative: review the negative topics and respond promptly.',
  },
};

/** The part with the lowest score below 60, which the advice points at (none when all are healthy). */
export function weakestPart(parts: PartScore[]): Part | null {
  const weak = parts
    .filter((p) => p.score !== null && p.score < 60)
    .sort((a, b) => a.score! - b.score! || WEIGHTS[b.part] - WEIGHTS[a.part]);
  return weak[0]?.part ?? null;
}
