import { zhCN as sharedZh } from './messages.zh-CN';
import { en as sharedEn } from './messages.en';
import * as overview from '../pages/overview/messages';
import * as members from '../pages/members/messages';
import * as memberDetail from '../pages/member-detail/messages';
import * as communities from '../pages/communities/messages';
import * as communityDetail from '../pages/community-detail/messages';
import * as imports from '../pages/import/messages';
import * as settings from '../pages/settings/messages';

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
] as const;

const zh = { ...sharedZh, ...overview.zh, ...members.zh, ...memberDetail.zh, ...communities.zh, ...communityDetail.zh, ...imports.zh, ...settings.zh };
const en: Record<keyof typeof zh, string> = { ...sharedEn, ...overview.en, ...members.en, ...memberDetail.en, ...communities.en, ...communityDetail.en, ...imports.en, ...settings.en };

export type MessageKey = keyof typeof zh;
export const CATALOG: Record<'zh-CN' | 'en', Record<MessageKey, string>> = { 'zh-CN': zh, en };
