import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  FundOutlined,
  RiseOutlined,
  SafetyCertificateOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  HomeOutlined,
  KeyOutlined,
  PieChartOutlined,
  ReconciliationOutlined,
  BellOutlined,
  SolutionOutlined,
  BulbOutlined,
  ShoppingCartOutlined,
  FileTextOutlined,
  InboxOutlined,
  PayCircleOutlined,
  FieldTimeOutlined,
  CarOutlined,
  LineChartOutlined,
  ScanOutlined,
  ShopOutlined,
  SwapOutlined,
  TeamOutlined,
  ContactsOutlined,
  ProfileOutlined,
  LockOutlined,
  SendOutlined,
  AlertOutlined,
  FileProtectOutlined,
  DollarOutlined,
  RollbackOutlined,
  HistoryOutlined,
} from '@ant-design/icons';
import type { MessageKey } from '../i18n';
import type { Role } from '../gql/graphql';
import { ALL_ROLES, allows, visibleFor } from './access';

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
  /** Roles whose home page ("/") this is; a user holding one is sent here and the Home entry is hidden. */
  homeFor?: readonly Role[];
  /** The menu section it is listed under; none for the top. */
  group?: MenuGroup;
}

/** Menu sections, in order; each has a label `menuGroup.<name>`. */
export type MenuGroup = 'sales' | 'purchasing' | 'stock' | 'finance' | 'account';

/** Who reads stock screens (the schema lets any signed-in user read them; these are the roles that work with them). */
const STOCK_READ: readonly Role[] = ['WAREHOUSE', 'MANAGER', 'ANALYST'];
const STOCK_WRITE: readonly Role[] = ['WAREHOUSE'];
/** The schema's @hasRole on the ledger reads; booksCheck is FINANCE only. */
const FINANCE_READ: readonly Role[] = ['FINANCE', 'MANAGER', 'ANALYST'];
/** Purchasing reads: the schema lets any signed-in user read suppliers and orders; these roles work with them. */
const PURCHASING_READ: readonly Role[] = ['PURCHASING', 'MANAGER', 'FINANCE', 'ANALYST'];
/** Sales reads: sales works with customers and orders, finance manages credit and holds, managers and analysts read. */
const SALES_READ: readonly Role[] = ['SALES', 'FINANCE', 'MANAGER', 'ANALYST'];

export const MENU: readonly MenuEntry[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', roles: ALL_ROLES, icon: HomeOutlined, page: lazy(() => import('./HomePage')) },
  { key: 'dashboard', path: '/dashboard', labelKey: 'menu.dashboard', roles: ['MANAGER', 'FINANCE', 'ANALYST', 'SALES'], homeFor: ['MANAGER'], icon: DashboardOutlined, page: lazy(() => import('../features/analytics/views/DashboardPage')) },
  { key: 'alerts', path: '/alerts', labelKey: 'menu.alerts', roles: ALL_ROLES, icon: BellOutlined, page: lazy(() => import('../features/alerts/views/AlertsPage')) },
  { key: 'customers', path: '/sales/customers', labelKey: 'menu.customers', roles: SALES_READ, icon: ContactsOutlined, group: 'sales', page: lazy(() => import('../features/sales/views/CustomersPage')) },
  { key: 'salesOrders', path: '/sales/orders', labelKey: 'menu.salesOrders', roles: SALES_READ, icon: ProfileOutlined, group: 'sales', page: lazy(() => import('../features/sales/views/SalesOrdersPage')) },
  { key: 'creditHolds', path: '/sales/credit-holds', labelKey: 'menu.creditHolds', roles: SALES_READ, icon: LockOutlined, group: 'sales', page: lazy(() => import('../features/sales/views/CreditHoldsPage')) },
  { key: 'suppliers', path: '/purchasing/suppliers', labelKey: 'menu.suppliers', roles: PURCHASING_READ, icon: SolutionOutlined, group: 'purchasing', page: lazy(() => import('../features/purchasing/views/SuppliersPage')) },
  { key: 'suggestions', path: '/purchasing/suggestions', labelKey: 'menu.suggestions', roles: ['PURCHASING', 'MANAGER'], icon: BulbOutlined, group: 'purchasing', page: lazy(() => import('../features/purchasing/views/SuggestionsPage')) },
  { key: 'purchaseOrders', path: '/purchasing/orders', labelKey: 'menu.purchaseOrders', roles: PURCHASING_READ, icon: ShoppingCartOutlined, group: 'purchasing', page: lazy(() => import('../features/purchasing/views/PurchaseOrdersPage')) },
  { key: 'supplierInvoices', path: '/purchasing/invoices', labelKey: 'menu.supplierInvoices', roles: PURCHASING_READ, icon: FileTextOutlined, group: 'purchasing', page: lazy(() => import('../features/purchasing/views/SupplierInvoicesPage')) },
  { key: 'products', path: '/stock/products', labelKey: 'menu.products', roles: STOCK_READ, icon: AppstoreOutlined, group: 'stock', page: lazy(() => import('../features/catalog/views/ProductsPage')) },
  { key: 'warehouses', path: '/stock/warehouses', labelKey: 'menu.warehouses', roles: STOCK_READ, icon: ShopOutlined, group: 'stock', page: lazy(() => import('../features/catalog/views/WarehousesPage')) },
  { key: 'stockLevels', path: '/stock/levels', labelKey: 'menu.stockLevels', roles: STOCK_READ, icon: DatabaseOutlined, group: 'stock', page: lazy(() => import('../features/stock/views/StockLevelsPage')) },
  { key: 'stockMoves', path: '/stock/moves', labelKey: 'menu.stockMoves', roles: STOCK_READ, icon: SwapOutlined, group: 'stock', page: lazy(() => import('../features/stock/views/StockMovesPage')) },
  { key: 'stockAdjust', path: '/stock/adjust', labelKey: 'menu.stockAdjust', roles: STOCK_WRITE, icon: ScanOutlined, group: 'stock', page: lazy(() => import('../features/stock/views/StockAdjustmentPage')) },
  { key: 'goodsReceipt', path: '/stock/goods-receipt', labelKey: 'menu.goodsReceipt', roles: STOCK_WRITE, icon: InboxOutlined, group: 'stock', page: lazy(() => import('../features/purchasing/views/GoodsReceiptPage')) },
  { key: 'shipments', path: '/stock/shipments', labelKey: 'menu.shipments', roles: ['WAREHOUSE', 'SALES', 'MANAGER', 'ANALYST'], icon: SendOutlined, group: 'stock', page: lazy(() => import('../features/sales/views/ShipmentsPage')) },
  { key: 'replenishment', path: '/stock/replenishment', labelKey: 'menu.replenishment', roles: ['WAREHOUSE', 'PURCHASING', 'SALES', 'MANAGER', 'ANALYST'], icon: AlertOutlined, group: 'stock', page: lazy(() => import('../features/sales/views/ReplenishmentPage')) },
  { key: 'accounts', path: '/finance/accounts', labelKey: 'menu.accounts', roles: FINANCE_READ, icon: BookOutlined, group: 'finance', page: lazy(() => import('../features/ledger/views/AccountsPage')) },
  { key: 'journal', path: '/finance/journal', labelKey: 'menu.journal', roles: FINANCE_READ, icon: AccountBookOutlined, group: 'finance', page: lazy(() => import('../features/ledger/views/JournalPage')) },
  { key: 'trialBalance', path: '/finance/trial-balance', labelKey: 'menu.trialBalance', roles: FINANCE_READ, icon: AuditOutlined, group: 'finance', page: lazy(() => import('../features/ledger/views/TrialBalancePage')) },
  { key: 'profitAndLoss', path: '/finance/profit-and-loss', labelKey: 'menu.profitAndLoss', roles: FINANCE_READ, icon: RiseOutlined, group: 'finance', page: lazy(() => import('../features/ledger/views/ProfitAndLossPage')) },
  { key: 'balanceSheet', path: '/finance/balance-sheet', labelKey: 'menu.balanceSheet', roles: FINANCE_READ, icon: FundOutlined, group: 'finance', page: lazy(() => import('../features/ledger/views/BalanceSheetPage')) },
  { key: 'fiscalPeriods', path: '/finance/periods', labelKey: 'menu.fiscalPeriods', roles: FINANCE_READ, icon: CalendarOutlined, group: 'finance', page: lazy(() => import('../features/ledger/views/FiscalPeriodsPage')) },
  { key: 'salesInvoices', path: '/finance/sales-invoices', labelKey: 'menu.salesInvoices', roles: FINANCE_READ, icon: FileProtectOutlined, group: 'finance', page: lazy(() => import('../features/sales/views/SalesInvoicesPage')) },
  { key: 'customerPayments', path: '/finance/customer-payments', labelKey: 'menu.customerPayments', roles: FINANCE_READ, icon: DollarOutlined, group: 'finance', page: lazy(() => import('../features/sales/views/CustomerPaymentsPage')) },
  { key: 'salesReturns', path: '/finance/sales-returns', labelKey: 'menu.salesReturns', roles: FINANCE_READ, icon: RollbackOutlined, group: 'finance', page: lazy(() => import('../features/sales/views/SalesReturnsPage')) },
  { key: 'receivablesAging', path: '/finance/receivables-aging', labelKey: 'menu.receivablesAging', roles: FINANCE_READ, icon: HistoryOutlined, group: 'finance', page: lazy(() => import('../features/sales/views/ReceivablesAgingPage')) },
  { key: 'supplierPayments', path: '/finance/supplier-payments', labelKey: 'menu.supplierPayments', roles: FINANCE_READ, icon: PayCircleOutlined, group: 'finance', page: lazy(() => import('../features/purchasing/views/SupplierPaymentsPage')) },
  { key: 'payablesAging', path: '/finance/payables-aging', labelKey: 'menu.payablesAging', roles: FINANCE_READ, icon: FieldTimeOutlined, group: 'finance', page: lazy(() => import('../features/purchasing/views/PayablesAgingPage')) },
  { key: 'landedCosts', path: '/finance/landed-costs', labelKey: 'menu.landedCosts', roles: ['FINANCE'], icon: CarOutlined, group: 'finance', page: lazy(() => import('../features/purchasing/views/LandedCostsPage')) },
  { key: 'budgets', path: '/finance/budgets', labelKey: 'menu.budgets', roles: FINANCE_READ, icon: PieChartOutlined, group: 'finance', page: lazy(() => import('../features/budget/views/BudgetsPage')) },
  { key: 'operatingCosts', path: '/finance/operating-costs', labelKey: 'menu.operatingCosts', roles: FINANCE_READ, icon: ReconciliationOutlined, group: 'finance', page: lazy(() => import('../features/budget/views/OperatingCostsPage')) },
  { key: 'monthEnd', path: '/finance/month-end', labelKey: 'menu.monthEnd', roles: FINANCE_READ, icon: LineChartOutlined, group: 'finance', page: lazy(() => import('../features/analytics/views/MonthEndPage')) },
  { key: 'booksCheck', path: '/finance/books-check', labelKey: 'menu.booksCheck', roles: ['FINANCE'], icon: SafetyCertificateOutlined, group: 'finance', page: lazy(() => import('../features/ledger/views/BooksCheckPage')) },
  { key: 'users', path: '/admin/users', labelKey: 'menu.users', roles: ['ADMIN'], icon: TeamOutlined, group: 'account', page: lazy(() => import('../features/users/views/UsersPage')) },
  { key: 'tokens', path: '/account/tokens', labelKey: 'menu.tokens', roles: ALL_ROLES, icon: KeyOutlined, group: 'account', page: lazy(() => import('../features/users/views/TokensPage')) },
];

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
