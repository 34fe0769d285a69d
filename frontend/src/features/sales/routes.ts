import { lazy } from 'react';
import { AlertOutlined, ContactsOutlined, DollarOutlined, FileProtectOutlined, HistoryOutlined, LockOutlined, ProfileOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { FINANCE_READ, SALES_READ } from '../../app/access';

/** The sales screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const salesRoutes: readonly MenuEntry[] = [
  { key: 'customers', path: '/sales/customers', labelKey: 'menu.customers', roles: SALES_READ, icon: ContactsOutlined, group: 'sales', page: lazy(() => import('./views/CustomersPage')) },
  { key: 'salesOrders', path: '/sales/orders', labelKey: 'menu.salesOrders', roles: SALES_READ, icon: ProfileOutlined, group: 'sales', page: lazy(() => import('./views/SalesOrdersPage')) },
  { key: 'creditHolds', path: '/sales/credit-holds', labelKey: 'menu.creditHolds', roles: SALES_READ, icon: LockOutlined, group: 'sales', page: lazy(() => import('./views/CreditHoldsPage')) },
  { key: 'shipments', path: '/stock/shipments', labelKey: 'menu.shipments', roles: ['WAREHOUSE', 'SALES', 'MANAGER', 'ANALYST'], icon: SendOutlined, group: 'stock', page: lazy(() => import('./views/ShipmentsPage')) },
  { key: 'replenishment', path: '/stock/replenishment', labelKey: 'menu.replenishment', roles: ['WAREHOUSE', 'PURCHASING', 'SALES', 'MANAGER', 'ANALYST'], icon: AlertOutlined, group: 'stock', page: lazy(() => import('./views/ReplenishmentPage')) },
  { key: 'salesInvoices', path: '/finance/sales-invoices', labelKey: 'menu.salesInvoices', roles: FINANCE_READ, icon: FileProtectOutlined, group: 'finance', page: lazy(() => import('./views/SalesInvoicesPage')) },
  { key: 'customerPayments', path: '/finance/customer-payments', labelKey: 'menu.customerPayments', roles: FINANCE_READ, icon: DollarOutlined, group: 'finance', page: lazy(() => import('./views/CustomerPaymentsPage')) },
  { key: 'salesReturns', path: '/finance/sales-returns', labelKey: 'menu.salesReturns', roles: FINANCE_READ, icon: RollbackOutlined, group: 'finance', page: lazy(() => import('./views/SalesReturnsPage')) },
  { key: 'receivablesAging', path: '/finance/receivables-aging', labelKey: 'menu.receivablesAging', roles: FINANCE_READ, icon: HistoryOutlined, group: 'finance', page: lazy(() => import('./views/ReceivablesAgingPage')) },
];
