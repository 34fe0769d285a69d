import { lazy } from 'react';
import { DashboardOutlined, LineChartOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { FINANCE_READ } from '../../app/access';

/** The analytics screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const analyticsRoutes: readonly MenuEntry[] = [
  { key: 'dashboard', path: '/dashboard', labelKey: 'menu.dashboard', roles: ['MANAGER', 'FINANCE', 'ANALYST', 'SALES'], homeFor: ['MANAGER', 'ANALYST'], icon: DashboardOutlined, page: lazy(() => import('./views/DashboardPage')) },
  { key: 'monthEnd', path: '/finance/month-end', labelKey: 'menu.monthEnd', roles: FINANCE_READ, icon: LineChartOutlined, group: 'finance', page: lazy(() => import('./views/MonthEndPage')) },
];
