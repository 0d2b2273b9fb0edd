import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { Button, Drawer, Flex, Grid, Layout, Menu, Spin } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { NAV, activeNavPath, isGroup, navPages, type NavGroup, type NavItem } from '../app/nav';
import { useI18n } from '../i18n/I18nProvider';
import { useMe } from '../session/SessionProvider';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';
import { ErrorBoundary } from '../components/ErrorBoundary';

function Brand({ collapsed = false }: { collapsed?: boolean }) {
  const { t } = useI18n();
  return (
    <Link to="/" className="kith-brand" aria-label={t('app.name')}>
      <img src="/favicon.svg" alt="" width={28} height={28} />
      {collapsed ? null : <span>{t('app.name')}</span>}
    </Link>
  );
}

function NavMenu({ onNavigate, collapsed = false }: { onNavigate?: () => void; collapsed?: boolean }) {
  const { t } = useI18n();
  const { can } = useMe();
  const { pathname } = useLocation();
  const entries = NAV.map((e) =>
    isGroup(e) ? { ...e, children: e.children.filter((n) => can(n.permission)) } : e,
  ).filter((e) => (isGroup(e) ? e.children.length > 0 : can(e.permission)));
  const selected = activeNavPath(navPages(entries), pathname);
  const here = entries.find((e): e is NavGroup => isGroup(e) && e.children.some((n) => n.path === selected))?.key;
  // The group of the page shown is open; the operator may open and close the others.
  const [open, setOpen] = useState<string[]>(here ? [here] : []);
  useEffect(() => {
    if (here) setOpen((keys) => (keys.includes(here) ? keys : [...keys, here]));
  }, [here]);
  const link = (n: NavItem) => ({
    key: n.path,
    icon: n.icon,
    label: (
      <Link
        to={n.path}
        onClick={() => {
          if (pathname !== n.path) n.prefetch?.();
          onNavigate?.();
        }}
      >
        {t(n.label)}
      </Link>
    ),
  });
  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      // A collapsed sider shows groups as pop-outs on hover: antd keeps those closed by itself.
      {...(collapsed ? {} : { openKeys: open, onOpenChange: setOpen })}
      items={entries.map((e) =>
        isGroup(e) ? { key: e.key, icon: e.icon, label: t(e.label), children: e.children.map(link) } : link(e),
      )}
      style={{ borderInlineEnd: 0 }}
    />
  );
}

/**
 * The frame of every signed-in page: side navigation (a drawer on a phone), language switch and
 * account menu in the header, and the page itself.
 */
export function AppLayout() {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();
  const { can } = useMe();

  // Fetch the code of every page the role may open once the browser is idle: no wait on first click.
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((fn: () => void) => window.setTimeout(fn, 1500));
    idle(() =>
      navPages()
        .filter((n) => can(n.permission))
        .forEach((n) => void n.preload?.().catch(() => {})),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {phone ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={240}
          title={<Brand />}
          styles={{ body: { padding: 0 } }}
        >
          <NavMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider theme="light" width={216} collapsible collapsed={collapsed} trigger={null} className="kith-sider">
          <Brand collapsed={collapsed} />
          <NavMenu collapsed={collapsed} />
        </Layout.Sider>
      )}
      <Layout>
        <Layout.Header className="kith-header">
          <Flex align="center" gap={8}>
            {phone ? (
              <>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('nav.menu')}
                  onClick={() => setDrawerOpen(true)}
                />
                <Brand />
              </>
            ) : (
              <Button
                type="text"
                aria-label={t('nav.menu')}
                icon={collapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => setCollapsed(!collapsed)}
              />
            )}
          </Flex>
          <Flex align="center" gap={phone ? 4 : 12}>
            <LanguageSwitch />
            <UserMenu compact={phone} />
          </Flex>
        </Layout.Header>
        <Layout.Content className="kith-content">
          <ErrorBoundary key={pathname}>
            <Suspense
              fallback={
                <Flex justify="center" style={{ padding: 64 }}>
                  <Spin />
                </Flex>
              }
            >
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
