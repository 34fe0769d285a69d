import { lazy } from 'react';
import { BellOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { ALL_ROLES } from '../../app/access';

/** The alerts screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const alertsRoutes: readonly MenuEntry[] = [
  { key: 'alerts', path: '/alerts', labelKey: 'menu.alerts', roles: ALL_ROLES, icon: BellOutlined, page: lazy(() => import('./views/AlertsPage')) },
];
