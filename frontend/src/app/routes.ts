import { lazy } from 'react';
import { HomeOutlined } from '@ant-design/icons';
import type { MenuEntry } from './menu';
import { ALL_ROLES } from './access';

/** The app screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const appRoutes: readonly MenuEntry[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', roles: ALL_ROLES, icon: HomeOutlined, page: lazy(() => import('./HomePage')) },
];
