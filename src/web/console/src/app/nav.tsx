import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  BarChartOutlined,
  CloudUploadOutlined,
  CrownOutlined,
  DashboardOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../i18n/catalog';
import { prefetchMembers } from '../pages/members/members-data';

export { activeNavPath } from './nav-match';

export interface NavItem {
  /** The path the entry opens; it stays highlighted on every page below it (/members/42). */
  path: string;
  label: MessageKey;
  icon?: ReactNode;
  /** Shown only to roles holding it (the route checks it too). */
  permission: string;
  /** Loads the page's code ahead (after sign-in, when the browser is idle), so the first click is instant. */
  preload?: () => Promise<unknown>;
  /** Starts the page's first request on click, while its code mounts. */
  prefetch?: () => void;
}

/** Entries that belong together (the membership programme's pages), folded under one title. */
export interface NavGroup {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  children: NavItem[];
}

export type NavEntry = NavItem | NavGroup;
export const isGroup = (e: NavEntry): e is NavGroup => 'children' in e;

/** The side navigation, in order. A new page adds its entry here and its route in routes.tsx. */
export const NAV: NavEntry[] = [
  {
    path: '/overview',
    label: 'nav.overview',
    icon: <DashboardOutlined />,
    permission: 'members:read',
    preload: () => import('../pages/overview/OverviewPage'),
  },
  {
    path: '/members',
    label: 'nav.members',
    icon: <TeamOutlined />,
    permission: 'members:read',
    preload: () => import('../pages/members/MembersPage'),
    prefetch: () => prefetchMembers(),
  },
  { path: '/communities', label: 'nav.communities', icon: <ApartmentOutlined />, permission: 'communities:read' },
  {
    key: 'loyalty',
    label: 'nav.loyalty',
    icon: <CrownOutlined />,
    children: [
      {
        path: '/loyalty',
        label: 'nav.loyaltyProgramme',
        permission: 'loyalty:read',
        preload: () => import('../pages/loyalty/ProgrammePage'),
      },
      { path: '/loyalty/rules', label: 'nav.loyaltyRules', permission: 'loyalty:read' },
      { path: '/loyalty/rewards', label: 'nav.loyaltyRewards', permission: 'loyalty:read' },
      { path: '/loyalty/redemptions', label: 'nav.loyaltyRedemptions', permission: 'loyalty:read' },
      { path: '/loyalty/adjustments', label: 'nav.loyaltyAdjustments', permission: 'loyalty:read' },
      { path: '/loyalty/badges', label: 'nav.loyaltyBadges', permission: 'loyalty:read' },
    ],
  },
  {
    key: 'analytics',
    label: 'nav.analytics',
    icon: <BarChartOutlined />,
    children: [
      {
        path: '/analytics',
        label: 'nav.analyticsEngagement',
        permission: 'analytics:read',
        preload: () => import('../pages/analytics/EngagementPage'),
      },
      { path: '/analytics/lifecycle', label: 'nav.analyticsLifecycle', permission: 'analytics:read' },
      { path: '/analytics/cohorts', label: 'nav.analyticsCohorts', permission: 'analytics:read' },
      { path: '/analytics/rfm', label: 'nav.analyticsRfm', permission: 'analytics:read' },
      { path: '/analytics/communities', label: 'nav.analyticsCommunities', permission: 'analytics:read' },
      { path: '/analytics/business', label: 'nav.analyticsBusiness', permission: 'analytics:read' },
    ],
  },
  { path: '/import', label: 'nav.import', icon: <CloudUploadOutlined />, permission: 'imports:write' },
  { path: '/settings', label: 'nav.settings', icon: <SettingOutlined />, permission: 'staff:manage' },
];

/** Every page entry, groups unfolded, in order. */
export function navPages(nav: readonly NavEntry[] = NAV): NavItem[] {
  return nav.flatMap((e) => (isGroup(e) ? e.children : [e]));
}
