import { Suspense, useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { App as AntApp, Button, Layout, Menu, Space, Tag, Typography, theme, type MenuProps } from 'antd';
import { ApiOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { LanguageSwitch } from './LanguageSwitch';
import { LogoutMutation } from '../features/users/mutations';
import { useT } from '../i18n';
import { entryForPath, menuFor, type MenuEntry, type MenuGroup } from './menu';
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
      label: (
        <Link to={e.path} data-testid={`menu-${e.key}`}>
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

/** The signed-in frame: menu by role on the left, user and actions on top. */
export function AppShell() {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const location = useLocation();
  const resetGraphQL = useResetGraphQL();
  const { message } = AntApp.useApp();
  const [, logout] = useMutation(LogoutMutation);
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  const entries = menuFor(me.roles);
  const selected = entryForPath(location.pathname, entries);

  async function signOut() {
    const res = await logout({});
    if (res.error && !res.data) {
      message.error(res.error.message);
      return;
    }
    navigate('/login', { replace: true });
    resetGraphQL();
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" data-testid="sider">
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
        <Menu
          theme="dark"
          mode="inline"
          data-testid="main-menu"
          selectedKeys={selected ? [selected.key] : []}
          items={menuItems(entries, (k) => t(k), collapsed)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="page-title">
            {selected ? t(selected.labelKey) : t('app.name')}
          </Typography.Title>
          <Space size="middle" wrap={false}>
            <Space size={4} data-testid="user-roles">
              {me.roles.map((r) => (
                <Tag key={r} color={r === 'ADMIN' ? 'red' : 'blue'}>
                  {t(`role.${r}`)}
                </Tag>
              ))}
            </Space>
            <span data-testid="user-name">
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
