import { lazy } from 'react';
import { CloudDownloadOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { ALL_ROLES } from '../../app/access';

/** The bulk export screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const exportRoutes: readonly MenuEntry[] = [
  {
    key: 'myExports',
    path: '/account/exports',
    labelKey: 'menu.myExports',
    roles: ALL_ROLES,
    icon: CloudDownloadOutlined,
    group: 'account',
    page: lazy(() => import('./views/MyExportsPage')),
  },
];
