import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { HomeOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import type { MessageKey } from '../i18n';
import type { Role } from '../gql/graphql';
import { ALL_ROLES } from './access';

/**
 * One screen of the app: its menu entry, its route and its lazily loaded
 * page. Adding a screen is one line here. ADMIN sees every entry.
 */
export interface MenuEntry {
  key: string;
  path: string;
  labelKey: MessageKey;
  roles: readonly Role[];
  icon: ComponentType;
  page: LazyExoticComponent<ComponentType>;
}

export const MENU: readonly MenuEntry[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', roles: ALL_ROLES, icon: HomeOutlined, page: lazy(() => import('../features/home/views/HomePage')) },
  { key: 'users', path: '/admin/users', labelKey: 'menu.users', roles: ['ADMIN'], icon: TeamOutlined, page: lazy(() => import('../features/users/views/UsersPage')) },
  { key: 'tokens', path: '/account/tokens', labelKey: 'menu.tokens', roles: ALL_ROLES, icon: KeyOutlined, page: lazy(() => import('../features/tokens/views/TokensPage')) },
];

/** The entry whose path best matches a location path (longest prefix). */
export function entryForPath(pathname: string, entries: readonly MenuEntry[] = MENU): MenuEntry | undefined {
  let best: MenuEntry | undefined;
  for (const e of entries) {
    const match = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(e.path + '/');
    if (match && (!best || e.path.length > best.path.length)) best = e;
  }
  return best;
}
