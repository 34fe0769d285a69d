import { lazy } from 'react';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';

/** The company settings screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const settingsRoutes: readonly MenuEntry[] = [
  {
    key: 'companySettings',
    path: '/admin/settings',
    labelKey: 'menu.companySettings',
    roles: ['MANAGER'],
    icon: SafetyCertificateOutlined,
    group: 'account',
    page: lazy(() => import('./views/CompanySettingsPage')),
  },
];
