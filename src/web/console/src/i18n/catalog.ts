import { zhCN as sharedZh } from './messages.zh-CN';
import { en as sharedEn } from './messages.en';
import * as overview from '../pages/overview/messages';
import * as members from '../pages/members/messages';
import * as memberDetail from '../pages/member-detail/messages';
import * as communities from '../pages/communities/messages';
import * as communityDetail from '../pages/community-detail/messages';
import * as imports from '../pages/import/messages';
import * as settings from '../pages/settings/messages';
import * as loyalty from '../pages/loyalty/messages';
import * as memberLoyalty from '../pages/member-detail/loyalty-messages';
import * as loyaltyBadges from '../pages/loyalty-badges/messages';
import * as loyaltyAdjustments from '../pages/loyalty-adjustments/messages';
import * as loyaltyRedemptions from '../pages/loyalty-redemptions/messages';
import * as loyaltyRewards from '../pages/loyalty-rewards/messages';
import * as loyaltyRules from '../pages/loyalty-rules/messages';
import * as analytics from '../pages/analytics/messages';

/**
 * Every text of the console: the shared ones (frame, login, vocabulary) and each page's own
 * (pages/<page>/messages.ts, `zh` and `en` with the same keys). A new page adds its bundle here.
 * Keys are global ("members.title"): a page prefixes its keys with its name.
 */
export const BUNDLES = [
  { name: 'shared', zh: sharedZh, en: sharedEn },
  { name: 'overview', ...overview },
  { name: 'members', ...members },
  { name: 'member-detail', ...memberDetail },
  { name: 'communities', ...communities },
  { name: 'community-detail', ...communityDetail },
  { name: 'import', ...imports },
  { name: 'settings', ...settings },
  { name: 'loyalty', ...loyalty },
  { name: 'loyalty-rules', ...loyaltyRules },
  { name: 'loyalty-rewards', ...loyaltyRewards },
  { name: 'loyalty-redemptions', ...loyaltyRedemptions },
  { name: 'loyalty-adjustments', ...loyaltyAdjustments },
  { name: 'loyalty-badges', ...loyaltyBadges },
  { name: 'member-loyalty', ...memberLoyalty },
  { name: 'analytics', ...analytics },
] as const;

const zh = {
  ...sharedZh,
  ...overview.zh,
  ...members.zh,
  ...memberDetail.zh,
  ...communities.zh,
  ...communityDetail.zh,
  ...imports.zh,
  ...settings.zh,
  ...loyalty.zh,
  ...loyaltyRules.zh,
  ...loyaltyRewards.zh,
  ...loyaltyRedemptions.zh,
  ...loyaltyAdjustments.zh,
  ...loyaltyBadges.zh,
  ...memberLoyalty.zh,
  ...analytics.zh,
};
const en: Record<keyof typeof zh, string> = {
  ...sharedEn,
  ...overview.en,
  ...members.en,
  ...memberDetail.en,
  ...communities.en,
  ...communityDetail.en,
  ...imports.en,
  ...settings.en,
  ...loyalty.en,
  ...loyaltyRules.en,
  ...loyaltyRewards.en,
  ...loyaltyRedemptions.en,
  ...loyaltyAdjustments.en,
  ...loyaltyBadges.en,
  ...memberLoyalty.en,
  ...analytics.en,
};

export type MessageKey = keyof typeof zh;
export const CATALOG: Record<'zh-CN' | 'en', Record<MessageKey, string>> = { 'zh-CN': zh, en };
