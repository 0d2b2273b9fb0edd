/**
 * Texts of the page: 兑换处理 (the redemptions queue). zh-CN first; `en` must hold the same keys
 * (the compiler checks), and i18n/catalog.ts adds both to the console's catalogue.
 */
export const zh = {
  'redemptions.title': '兑换处理',
  'redemptions.subtitle': '会员兑换的奖励：发出礼品或开通特权后标记为已发放；取消会退回积分并释放库存',
  'redemptions.col.reward': '奖励',
  'redemptions.col.points': '积分',
  'redemptions.col.code': '券码',
  'redemptions.by': '{by} 提交',
  'redemptions.col.decision': '处理',
  'redemptions.empty': '没有待处理的兑换',
  'redemptions.emptyOther': '没有这个状态的兑换',
  'redemptions.fulfil': '发放',
  'redemptions.cancel': '取消',
  'redemptions.fulfilTitle': '确认已发放「{reward}」给 {member}？',
  'redemptions.cancelTitle': '取消 {member} 兑换的「{reward}」？',
  'redemptions.cancelIntro': '将退回 {points} 积分并释放库存（优惠券的券码回到券码池）。',
  'redemptions.fulfilled': '已标记为已发放',
  'redemptions.cancelled': '已取消，积分已退回',
  'redemptions.decided': '{by} · {at}',
};

export const en: Record<keyof typeof zh, string> = {
  'redemptions.title': 'Redemptions',
  'redemptions.subtitle':
    'Rewards members redeemed: mark them fulfilled once the gift is sent or the privilege granted; cancelling gives the points back and frees the stock',
  'redemptions.col.reward': 'Reward',
  'redemptions.col.points': 'Points',
  'redemptions.col.code': 'Code',
  'redemptions.by': 'by {by}',
  'redemptions.col.decision': 'Handled',
  'redemptions.empty': 'Nothing waiting to be fulfilled',
  'redemptions.emptyOther': 'No redemptions with this status',
  'redemptions.fulfil': 'Fulfil',
  'redemptions.cancel': 'Cancel',
  'redemptions.fulfilTitle': 'Mark "{reward}" fulfilled for {member}?',
  'redemptions.cancelTitle': 'Cancel "{reward}" redeemed by {member}?',
  'redemptions.cancelIntro':
    '{points} points go back to the member and the stock is freed (a coupon code returns to the pool).',
  'redemptions.fulfilled': 'Marked fulfilled',
  'redemptions.cancelled': 'Cancelled; the points were given back',
  'redemptions.decided': '{by} · {at}',
};
