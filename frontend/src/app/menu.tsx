import type { ComponentType, LazyExoticComponent } from 'react';
import type { MessageKey } from '../i18n';
import type { Role } from '../gql/graphql';
import { allows, visibleFor } from './access';
import { appRoutes } from './routes';
import { analyticsRoutes } from '../features/analytics/routes';
import { alertsRoutes } from '../features/alerts/routes';
import { usersRoutes } from '../features/users/routes';
import { catalogRoutes } from '../features/catalog/routes';
import { stockRoutes } from '../features/stock/routes';
import { transfersRoutes } from '../features/transfers/routes';
import { batchesRoutes } from '../features/batches/routes';
import { dispatchRoutes } from '../features/dispatch/routes';
import { countsRoutes } from '../features/counts/routes';
import { scrapRoutes } from '../features/scrap/routes';
import { ledgerRoutes } from '../features/ledger/routes';
import { salesRoutes } from '../features/sales/routes';
import { purchasingRoutes } from '../features/purchasing/routes';
import { supplierReturnRoutes } from '../features/supplierReturns/routes';
import { budgetRoutes } from '../features/budget/routes';
import { settingsRoutes } from '../features/settings/routes';
import { exportRoutes } from '../features/export/routes';
import { handheldRoutes } from '../features/handheld/routes';

/**
 * One screen of the app: its menu entry, its route and its lazily loaded
 * page. Each module lists its screens in its routes.ts; MENU below orders
 * them. ADMIN sees every entry.
 */
export interface MenuEntry {
  key: string;
  path: string;
  labelKey: MessageKey;
  roles: readonly Role[];
  icon: ComponentType;
  page: LazyExoticComponent<ComponentType>;
  /** Roles whose home page ("/") this is; a user holding one is sent here and the Home entry is hidden. */
  homeFor?: readonly Role[];
  /** The menu section it is listed under; none for the top. */
  group?: MenuGroup;
  /** A page opened from another one (a voucher from the journal): routed, never in the menu. */
  hidden?: boolean;
}

/** Menu sections, in order; each has a label `menuGroup.<name>`. */
export type MenuGroup = 'sales' | 'purchasing' | 'stock' | 'finance' | 'account';

/** Every module's screens. */
export const SCREENS: readonly MenuEntry[] = [...appRoutes, ...analyticsRoutes, ...alertsRoutes, ...usersRoutes, ...catalogRoutes, ...stockRoutes, ...transfersRoutes, ...countsRoutes, ...batchesRoutes, ...dispatchRoutes, ...scrapRoutes, ...ledgerRoutes, ...salesRoutes, ...purchasingRoutes, ...supplierReturnRoutes, ...budgetRoutes, ...settingsRoutes, ...exportRoutes, ...handheldRoutes];

/** The menu's order, written once: top entries, then each section's. */
const ORDER = [
  'home',
  'dashboard',
  'alerts',
  'customers',
  'salesOrders',
  'creditHolds',
  'suppliers',
  'suggestions',
  'purchaseOrders',
  'supplierInvoices',
  'supplierReturns',
  'products',
  'categories',
  'warehouses',
  'stockLevels',
  'stockMoves',
  'stockBins',
  'stockBatches',
  'stockAdjust',
  'openingStock',
  'stockDocuments',
  'stockTransfers',
  'stockCounts',
  'scraps',
  'slowMovers',
  'goodsReceipt',
  'goodsReceipts',
  'shipments',
  'pickLists',
  'replenishment',
  'handheld',
  'accounts',
  'journal',
  'trialBalance',
  'accountLedger',
  'auxiliary',
  'profitAndLoss',
  'balanceSheet',
  'statementMapping',
  'vat',
  'fiscalPeriods',
  'salesInvoices',
  'customerPayments',
  'salesReturns',
  'receivablesAging',
  'statement',
  'supplierPayments',
  'payablesAging',
  'landedCosts',
  'budgets',
  'operatingCosts',
  'monthEnd',
  'booksCheck',
  'users',
  'companySettings',
  'tokens',
  'myExports',
  'password',
] as const;

export const MENU: readonly MenuEntry[] = ORDER.map((key) => {
  const e = SCREENS.find((s) => s.key === key);
  if (!e) throw new Error(`menu entry ${key} is not in any module's routes`);
  return e;
});

/** Every routed page: the menu's, then the pages opened from others. */
export const ROUTED: readonly MenuEntry[] = [...MENU, ...SCREENS.filter((s) => s.hidden)];

/**
 * Where "/" sends a user: the first entry whose homeFor names one of their
 * own roles (ADMIN's all-access does not count), or undefined for Home.
 */
export function homeRedirectFor(roles: readonly Role[], entries: readonly MenuEntry[] = MENU): MenuEntry | undefined {
  return entries.find((e) => e.homeFor?.some((r) => roles.includes(r)) && allows(e.roles, roles));
}

/** The menu a user sees: the entries their roles allow, without Home when "/" redirects. */
export function menuFor(roles: readonly Role[], entries: readonly MenuEntry[] = MENU): MenuEntry[] {
  const redirect = homeRedirectFor(roles, entries);
  return visibleFor(entries, roles).filter((e) => !(redirect && e.path === '/'));
}

/** The entry whose path best matches a location path (longest prefix). */
export function entryForPath(pathname: string, entries: readonly MenuEntry[] = MENU): MenuEntry | undefined {
  let best: MenuEntry | undefined;
  for (const e of entries) {
    const match = e.path === '/' ? pathname === '/' : pathname === e.path || pathname.startsWith(e.path + '/');
    if (match && (!best || e.path.length > best.path.length)) best = e;
  }
  return best;
}
