import { lazy } from 'react';
import { PieChartOutlined, ReconciliationOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { FINANCE_READ } from '../../app/access';

/** The budget screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const budgetRoutes: readonly MenuEntry[] = [
  { key: 'budgets', path: '/finance/budgets', labelKey: 'menu.budgets', roles: FINANCE_READ, icon: PieChartOutlined, group: 'finance', page: lazy(() => import('./views/BudgetsPage')) },
  { key: 'operatingCosts', path: '/finance/operating-costs', labelKey: 'menu.operatingCosts', roles: FINANCE_READ, icon: ReconciliationOutlined, group: 'finance', page: lazy(() => import('./views/OperatingCostsPage')) },
];
