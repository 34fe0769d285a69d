import { Suspense, useEffect, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { App as AntApp, Button, Drawer, Layout, Menu, Space, Tag, Typography, theme, type MenuProps } from 'antd';
import { ApiOutlined, LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { LanguageSwitch } from './LanguageSwitch';
import { LogoutMutation } from '../features/users/mutations';
import { useLocale, useT } from '../i18n';
import { useNarrow } from '../lib/useNarrow';
import { ROUTED, entryForPath, menuFor, type MenuEntry, type MenuGroup } from './menu';
import { visibleFor } from './access';
import type { MessageKey } from '../i18n';
import { FullPageSpin, useMe } from './session';
import { useResetGraphQL } from './GraphQLProvider';
import { AlertsBadge } from '../features/alerts/components/AlertsBadge';

const { Header, Sider, Content } = Layout;

const GROUPS: MenuGroup[] = ['sales', 'purchasing', 'stock', 'finance', 'account'];

/** Menu items: ungrouped entries first, then one titled group per section (dividers when collapsed). */
function menuItems(entries: readonly MenuEntry[], t: (k: MessageKey) => string, collapsed: boolean): MenuProps['items'] {
  const item = (e: MenuEntry) => {
    const Icon = e.icon;
    return {
      key: e.key,
      icon: <Icon />,
      // The title shows a label cut off by the sider's width in full on hover.
      label: (
        <Link to={e.path} data-testid={`menu-${e.key}`} title={t(e.labelKey)}>
          {t(e.labelKey)}
        </Link>
      ),
    };
  };
  const items: NonNullable<MenuProps['items']> = entries.filter((e) => !e.group).map(item);
  for (const g of GROUPS) {
    const children = entries.filter((e) => e.group === g).map(item);
    if (children.length === 0) continue;
    if (collapsed) items.push({ type: 'divider', key: `divider-${g}` }, ...children);
    else items.push({ type: 'group', key: `group-${g}`, label: t(`menuGroup.${g}`), children });
  }
  return items;
}

/** The sider's width: English labels are longer than Chinese ones. */
const SIDER_WIDTH = { zh: 208, en: 248 } as const;

/**
 * The signed-in frame: menu by role on the left, user and actions on top.
 * On a narrow screen (a phone or handheld) the menu is a drawer behind a
 * button and the header keeps only the logo, the title, the user and the
 * language, compact.
 */
export function AppShell() {
  const t = useT();
  const [locale] = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const resetGraphQL = useResetGraphQL();
  const { message } = AntApp.useApp();
  const [, logout] = useMutation(LogoutMutation);
  const [collapsed, setCollapsed] = useState(false);
  const [drawer, setDrawer] = useState(false);
  const narrow = useNarrow();
  const { token } = theme.useToken();

  const entries = menuFor(me.roles);
  const selected = entryForPath(location.pathname, entries);
  // A page opened from another (a handheld task under /m) is titled by its own entry when it has a plain path.
  const page = entryForPath(location.pathname, visibleFor(ROUTED, me.roles).filter((e) => !e.path.includes(':')));
  const title = page ? t(page.labelKey) : selected ? t(selected.labelKey) : t('app.name');

  // Following a link in the drawer closes it.
  useEffect(() => setDrawer(false), [location.pathname]);

  async function signOut() {
    const res = await logout({});
    if (res.error && !res.data) {
      message.error(res.error.message);
      return;
    }
    navigate('/login', { replace: true });
    resetGraphQL();
  }

  const menu = (inDrawer: boolean) => (
    <Menu
      theme="dark"
      mode="inline"
      data-testid="main-menu"
      selectedKeys={selected ? [selected.key] : []}
      items={menuItems(entries, (k) => t(k), !inDrawer && collapsed)}
    />
  );

  const titleStyle = { margin: 0, minWidth: 0, flex: '1 1 auto', whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' } as const;

  if (narrow) {
    return (
      <Layout style={{ minHeight: '100vh' }} data-testid="app-shell" data-layout="narrow">
        <Header
          data-testid="app-header"
          style={{
            background: token.colorBgContainer,
            padding: '0 8px',
            height: 52,
            lineHeight: '52px',
            display: 'flex',
            alignItems: 'center',
            gap: 4,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Button type="text" size="large" icon={<MenuOutlined />} onClick={() => setDrawer(true)} aria-label={t('header.menu')} data-testid="menu-toggle" style={{ minWidth: 44, height: 44 }} />
          <Link to="/" style={{ fontWeight: 700, color: token.colorPrimary, whiteSpace: 'nowrap', flex: 'none' }} data-testid="app-logo">
            JXC
          </Link>
          <Typography.Title level={5} style={{ ...titleStyle, paddingLeft: 4 }} data-testid="page-title">
            {title}
          </Typography.Title>
          <span data-testid="user-name" title={me.displayName || me.username} style={{ maxWidth: 88, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', flex: 'none', color: token.colorTextSecondary }}>
            <UserOutlined /> {me.displayName || me.username}
          </span>
          <LanguageSwitch signedIn compact />
        </Header>
        <Drawer
          open={drawer}
          onClose={() => setDrawer(false)}
          placement="left"
          size={Math.min(300, typeof window === 'undefined' ? 300 : window.innerWidth - 48)}
          title={t('app.name')}
          styles={{ body: { padding: 0, background: '#001529' } }}
          data-testid="menu-drawer"
          footer={
            <Space wrap>
              <Space size={4} data-testid="user-roles">
                {me.roles.map((r) => (
                  <Tag key={r} color={r === 'ADMIN' ? 'red' : 'blue'}>
                    {t(`role.${r}`)}
                  </Tag>
                ))}
              </Space>
              <AlertsBadge />
              <Button icon={<LogoutOutlined />} onClick={signOut} data-testid="logout">
                {t('header.logout')}
              </Button>
            </Space>
          }
        >
          {menu(true)}
        </Drawer>
        <Content style={{ margin: 8 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    );
  }

  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="app-shell" data-layout="wide">
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={SIDER_WIDTH[locale]} data-testid="sider">
        <div
          style={{
            height: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 18,
            whiteSpace: 'nowrap',
          }}
        >
          {collapsed ? 'JXC' : t('app.name')}
        </div>
        {menu(false)}
      </Sider>
      <Layout>
        <Header
          data-testid="app-header"
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 16,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Title level={4} style={titleStyle} data-testid="page-title" title={title}>
            {title}
          </Typography.Title>
          <Space size="middle" wrap={false} style={{ flex: 'none' }}>
            <Space size={4} data-testid="user-roles">
              {me.roles.map((r) => (
                <Tag key={r} color={r === 'ADMIN' ? 'red' : 'blue'}>
                  {t(`role.${r}`)}
                </Tag>
              ))}
            </Space>
            <span data-testid="user-name" style={{ whiteSpace: 'nowrap' }}>
              <UserOutlined /> {me.displayName || me.username}
            </span>
            <Button type="text" icon={<ApiOutlined />} href="/graphiql" target="_blank" data-testid="graphiql-link">
              {t('menu.graphiql')}
            </Button>
            <AlertsBadge />
            <LanguageSwitch signedIn />
            <Button icon={<LogoutOutlined />} onClick={signOut} data-testid="logout">
              {t('header.logout')}
            </Button>
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Suspense fallback={<FullPageSpin />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
