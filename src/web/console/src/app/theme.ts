import type { ThemeConfig } from 'antd';

/** Kith's look: one calm teal for actions and charts, antd's defaults for everything else. */
export const BRAND = '#0f766e';

export const theme: ThemeConfig = {
  zeroRuntime: true,
  token: {
    colorPrimary: BRAND,
    colorInfo: BRAND,
    borderRadius: 8,
    // antd derives these from the seed, and from a teal this deep they come out grey: set them by hand.
    colorPrimaryBg: '#e6f4f1',
    colorPrimaryBgHover: '#cdeae4',
    colorPrimaryBorder: '#9fd3c9',
    colorPrimaryBorderHover: '#6bbcaf',
    colorPrimaryHover: '#14897f',
    colorPrimaryActive: '#0b5c56',
    colorPrimaryTextHover: '#14897f',
    colorPrimaryTextActive: '#0b5c56',
    colorInfoBg: '#e6f4f1',
    colorInfoBorder: '#9fd3c9',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', sans-serif",
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', bodyBg: '#f5f7f8', headerPadding: '0 16px', headerHeight: 56 },
  },
};

/** Chart colours: members teal, messages blue, joins green, leaves red. */
export const CHART = {
  members: BRAND,
  newMembers: '#5eead4',
  messages: '#2563eb',
  active: '#f59e0b',
  joined: '#16a34a',
  left: '#dc2626',
};
