import { lazy } from 'react';
import { AlertOutlined, ContactsOutlined, DollarOutlined, FileProtectOutlined, HistoryOutlined, LockOutlined, ProfileOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { FINANCE_READ, SALES_READ } from '../../app/access';
import { documentRoute } from '../../lib/documents';

/** Who may create returns (createSalesReturn's @hasRole) or read them. */
const RETURNS_READ = ['SALES', 'WAREHOUSE', 'FINANCE', 'MANAGER', 'ANALYST'] as const;
/** Who works with shipments. */
const SHIPMENTS_READ = ['WAREHOUSE', 'SALES', 'FINANCE', 'MANAGER', 'ANALYST'] as const;

/** The sales screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const salesRoutes: readonly MenuEntry[] = [
  { key: 'customers', path: '/sales/customers', labelKey: 'menu.customers', roles: SALES_READ, icon: ContactsOutlined, group: 'sales', page: lazy(() => import('./views/CustomersPage')) },
  { key: 'salesOrders', path: '/sales/orders', labelKey: 'menu.salesOrders', roles: SALES_READ, icon: ProfileOutlined, group: 'sales', page: lazy(() => import('./views/SalesOrdersPage')) },
  { key: 'creditHolds', path: '/sales/credit-holds', labelKey: 'menu.creditHolds', roles: SALES_READ, icon: LockOutlined, group: 'sales', page: lazy(() => import('./views/CreditHoldsPage')) },
  { key: 'shipments', path: '/stock/shipments', labelKey: 'menu.shipments', roles: SHIPMENTS_READ, icon: SendOutlined, group: 'stock', page: lazy(() => import('./views/ShipmentsPage')) },
  { key: 'replenishment', path: '/stock/replenishment', labelKey: 'menu.replenishment', roles: ['WAREHOUSE', 'PURCHASING', 'SALES', 'MANAGER', 'ANALYST'], icon: AlertOutlined, group: 'stock', page: lazy(() => import('./views/ReplenishmentPage')) },
  { key: 'salesInvoices', path: '/finance/sales-invoices', labelKey: 'menu.salesInvoices', roles: FINANCE_READ, icon: FileProtectOutlined, group: 'finance', page: lazy(() => import('./views/SalesInvoicesPage')) },
  { key: 'customerPayments', path: '/finance/customer-payments', labelKey: 'menu.customerPayments', roles: FINANCE_READ, icon: DollarOutlined, group: 'finance', page: lazy(() => import('./views/CustomerPaymentsPage')) },
  { key: 'salesReturns', path: '/finance/sales-returns', labelKey: 'menu.salesReturns', roles: RETURNS_READ, icon: RollbackOutlined, group: 'sales', page: lazy(() => import('./views/SalesReturnsPage')) },
  { key: 'receivablesAging', path: '/finance/receivables-aging', labelKey: 'menu.receivablesAging', roles: FINANCE_READ, icon: HistoryOutlined, group: 'finance', page: lazy(() => import('./views/ReceivablesAgingPage')) },
  // Each document's page by its number (documentPath), opened from the lists and from every screen that names it.
  { key: 'salesOrderDoc', path: documentRoute('SALES_ORDER'), labelKey: 'sdoc.kind.SALES_ORDER', roles: [...SALES_READ, 'WAREHOUSE'], icon: ProfileOutlined, group: 'sales', hidden: true, page: lazy(() => import('./documents/SalesOrderPage')) },
  { key: 'shipmentDoc', path: documentRoute('SHIPMENT'), labelKey: 'sdoc.kind.SHIPMENT', roles: SHIPMENTS_READ, icon: SendOutlined, group: 'stock', hidden: true, page: lazy(() => import('./documents/ShipmentPage')) },
  { key: 'salesInvoiceDoc', path: documentRoute('SALES_INVOICE'), labelKey: 'sdoc.kind.SALES_INVOICE', roles: SALES_READ, icon: FileProtectOutlined, group: 'sales', hidden: true, page: lazy(() => import('./documents/SalesInvoicePage')) },
  { key: 'customerPaymentDoc', path: documentRoute('CUSTOMER_PAYMENT'), labelKey: 'sdoc.kind.CUSTOMER_PAYMENT', roles: SALES_READ, icon: DollarOutlined, group: 'finance', hidden: true, page: lazy(() => import('./documents/CustomerPaymentPage')) },
  { key: 'salesReturnDoc', path: documentRoute('SALES_RETURN'), labelKey: 'sdoc.kind.SALES_RETURN', roles: RETURNS_READ, icon: RollbackOutlined, group: 'sales', hidden: true, page: lazy(() => import('./documents/SalesReturnPage')) },
  { key: 'customerRefundDoc', path: documentRoute('CUSTOMER_REFUND'), labelKey: 'sdoc.kind.CUSTOMER_REFUND', roles: SALES_READ, icon: DollarOutlined, group: 'finance', hidden: true, page: lazy(() => import('./documents/CustomerRefundPage')) },
];
