import type { ActorContext } from '../../kernel/context.js';
import type { LoyaltyModule } from '../loyalty/index.js';

/**
 * The demo brand's membership programme 会员制度, set up before the activities load so the rules
 * earn points and growth through the outbox exactly as live data would: four tiers with benefits
 * and obligations, six behaviour rules, a rewards catalogue (with a coupon code pool) and badges.
 */
export async function setUpDemoProgramme(loyalty: LoyaltyModule, ctx: ActorContext, rulesFrom: Date): Promise<void> {
  await loyalty.accounts.updateProgramme(ctx, {
    qualificationMonths: 12,
    evaluationPeriod: 'monthly',
    keepRatio: 0.9,
    graceDays: 30,
    pointsExpiryMonths: 12,
    refundPolicy: 'debt',
    approvalThreshold: 1000,
  });
  const t = loyalty.tiers;
  await t.create(ctx, {
    nameZh: '豆芽会员',
    nameEn: 'Sprout',
    threshold: 0,
    color: '#95de64',
    benefits: [{ type: 'text', zh: '会员专属群聊与新品资讯', en: 'Member chats and product news' }],
  });
  const roaster = await t.create(ctx, {
    nameZh: '烘焙师',
    nameEn: 'Roaster',
    threshold: 300,
    color: '#d48806',
    benefits: [
      { type: 'points_multiplier', value: 1.2 },
      { type: 'discount', percent: 5 },
    ],
  });
  const barista = await t.create(ctx, {
    nameZh: '咖啡师',
    nameEn: 'Barista',
    threshold: 1000,
    color: '#ad4e00',
    benefits: [
      { type: 'points_multiplier', value: 1.5 },
      { type: 'discount', percent: 10 },
      { type: 'exclusive_events' },
    ],
    obligations: [{ type: 'min_activities', count: 4, kinds: ['message', 'check_in', 'event_attended'] }],
  });
  const master = await t.create(ctx, {
    nameZh: '首席品鉴官',
    nameEn: 'Master taster',
    threshold: 3000,
    color: '#612500',
    benefits: [
      { type: 'points_multiplier', value: 2 },
      { type: 'discount', percent: 15 },
      { type: 'exclusive_events' },
      { type: 'priority_service' },
      { type: 'text', zh: '每季度新品寄送', en: 'New beans every quarter' },
    ],
    obligations: [{ type: 'min_activities', count: 8, kinds: ['message', 'check_in', 'event_attended'] }],
  });

  const r = loyalty.rules;
  const validFrom = rulesFrom.toISOString();
  const rule = (name: string, definition: Parameters<typeof r.create>[1]['definition']) =>
    r.create(ctx, { name, validFrom, definition });
  const base = { enabled: true, filters: {}, tierMultiplier: false, limits: {} };
  await rule('群聊发言', {
    ...base,
    kind: 'message',
    points: { mode: 'fixed', amount: 1 },
    growth: { mode: 'fixed', amount: 1 },
    tierMultiplier: true,
    limits: { perDay: 5 },
    antiAbuse: { minTextLength: 4, duplicateWindowMinutes: 10 },
  });
  await rule('每日签到', {
    ...base,
    kind: 'check_in',
    points: { mode: 'fixed', amount: 2 },
    growth: { mode: 'fixed', amount: 1 },
    limits: { perDay: 1 },
    streak: { bonuses: [0, 1, 2, 3, 5] },
  });
  await rule('参加活动', {
    ...base,
    kind: 'event_attended',
    points: { mode: 'fixed', amount: 30 },
    growth: { mode: 'fixed', amount: 20 },
    firstTimeBonus: { points: 50, growth: 0 },
  });
  await rule('购物', {
    ...base,
    kind: 'purchase',
    points: { mode: 'per_amount', per: 10, amount: 1 },
    growth: { mode: 'per_amount', per: 1, amount: 1 },
    tierMultiplier: true,
  });
  await rule('邀请好友', {
    ...base,
    kind: 'referral',
    points: { mode: 'fixed', amount: 50 },
    growth: { mode: 'fixed', amount: 30 },
  });
  await rule('填写问卷', {
    ...base,
    kind: 'survey_response',
    points: { mode: 'fixed', amount: 20 },
    growth: { mode: 'fixed', amount: 5 },
    limits: { perWeek: 1 },
  });

  const w = loyalty.rewards;
  await w.create(ctx, {
    nameZh: '手冲挂耳包（10 片）',
    nameEn: 'Drip bags (10)',
    type: 'gift',
    cost: 200,
    stock: 500,
    description: '当季单品豆，每月寄出',
  });
  const coupon = await w.create(ctx, {
    nameZh: '满 100 减 20 优惠券',
    nameEn: '¥20 off ¥100',
    type: 'coupon',
    cost: 300,
    perMemberLimit: 3,
  });
  await w.uploadCodes(
    ctx,
    coupon.id,
    Array.from({ length: 200 }, (_, i) => `SHANYE-20-${String(i + 1).padStart(4, '0')}`).join('\n'),
  );
  await w.create(ctx, {
    nameZh: '新品优先试饮',
    nameEn: 'First taste of new beans',
    type: 'privilege',
    cost: 800,
    stock: 50,
    tierIds: [barista.id, master.id],
  });
  await w.create(ctx, {
    nameZh: '年度品鉴官证书',
    nameEn: 'Taster of the year certificate',
    type: 'honour',
    cost: 2000,
    perMemberLimit: 1,
    tierIds: [roaster.id, barista.id, master.id],
  });

  const b = loyalty.badges;
  await b.create(ctx, {
    nameZh: '活动达人',
    nameEn: 'Event regular',
    description: '参加 3 场以上活动',
    color: '#eb2f96',
    criteria: { type: 'activity_count', kinds: ['event_attended'], count: 3 },
  });
  await b.create(ctx, {
    nameZh: '签到之星',
    nameEn: 'Check-in star',
    description: '累计签到 30 天',
    color: '#13c2c2',
    criteria: { type: 'activity_count', kinds: ['check_in'], count: 30 },
  });
  await b.create(ctx, {
    nameZh: '月度贡献之星',
    nameEn: 'Top contributor of the month',
    description: '上月成长值前 10 名',
    color: '#faad14',
    criteria: { type: 'top_contributor', top: 10, metric: 'growth' },
  });
  await b.create(ctx, {
    nameZh: '种子用户',
    nameEn: 'Seed user',
    description: '由运营人工授予',
    color: '#722ed1',
    criteria: null,
  });
  void master;
}
