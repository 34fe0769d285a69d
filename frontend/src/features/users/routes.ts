import { lazy } from 'react';
import { KeyOutlined, LockOutlined, TeamOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { ALL_ROLES } from '../../app/access';

/** The users screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const usersRoutes: readonly MenuEntry[] = [
  { key: 'users', path: '/admin/users', labelKey: 'menu.users', roles: ['ADMIN'], icon: TeamOutlined, group: 'account', page: lazy(() => import('./views/UsersPage')) },
  { key: 'tokens', path: '/account/tokens', labelKey: 'menu.tokens', roles: ALL_ROLES, icon: KeyOutlined, group: 'account', page: lazy(() => import('./views/TokensPage')) },
  { key: 'password', path: '/account/password', labelKey: 'menu.password', roles: ALL_ROLES, icon: LockOutlined, group: 'account', page: lazy(() => import('./views/PasswordPage')) },
];
