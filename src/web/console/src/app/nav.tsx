import type { ReactNode } from 'react';
import { ApartmentOutlined, CloudUploadOutlined, DashboardOutlined, SettingOutlined, TeamOutlined } from '@ant-design/icons';
import type { MessageKey } from '../i18n/catalog';
import { prefetchMembers } from '../pages/members/members-data';

export interface NavItem {
  /** The path the entry opens; it stays highlighted on every page below it (/members/42). */
  path: string;
  label: MessageKey;
  icon: ReactNode;
  /** Shown only to roles holding it (the route checks it too). */
  permission: string;
  /** Loads the page's code ahead (after sign-in, when the browser is idle), so the first click is instant. */
  preload?: () => Promise<unknown>;
  /** Starts the page's first request on click, while its code mounts. */
  prefetch?: () => void;
}

/** The side navigation, in order. A new page adds its entry here and its route in routes.tsx. */
export const NAV: NavItem[] = [
  { path: '/overview', label: 'nav.overview', icon: <DashboardOutlined />, permission: 'members:read', preload: () => import('../pages/overview/OverviewPage') },
  {
    path: '/members', label: 'nav.members', icon: <TeamOutlined />, permission: 'members:read',
    preload: () => import('../pages/members/MembersPage'), prefetch: () => prefetchMembers(),
  },
  { path: '/communities', label: 'nav.communities', icon: <ApartmentOutlined />, permission: 'communities:read' },
  { path: '/import', label: 'nav.import', icon: <CloudUploadOutlined />, permission: 'imports:write' },
  { path: '/settings', label: 'nav.settings', icon: <SettingOutlined />, permission: 'staff:manage' },
];
