import { lazy } from 'react';
import { BulbOutlined, CarOutlined, FieldTimeOutlined, FileTextOutlined, InboxOutlined, PayCircleOutlined, ShoppingCartOutlined, SolutionOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { FINANCE_READ, PURCHASING_READ, STOCK_WRITE } from '../../app/access';

/** The purchasing screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const purchasingRoutes: readonly MenuEntry[] = [
  { key: 'suppliers', path: '/purchasing/suppliers', labelKey: 'menu.suppliers', roles: PURCHASING_READ, icon: SolutionOutlined, group: 'purchasing', page: lazy(() => import('./views/SuppliersPage')) },
  { key: 'suggestions', path: '/purchasing/suggestions', labelKey: 'menu.suggestions', roles: ['PURCHASING', 'MANAGER'], icon: BulbOutlined, group: 'purchasing', page: lazy(() => import('./views/SuggestionsPage')) },
  { key: 'purchaseOrders', path: '/purchasing/orders', labelKey: 'menu.purchaseOrders', roles: PURCHASING_READ, icon: ShoppingCartOutlined, group: 'purchasing', page: lazy(() => import('./views/PurchaseOrdersPage')) },
  { key: 'supplierInvoices', path: '/purchasing/invoices', labelKey: 'menu.supplierInvoices', roles: PURCHASING_READ, icon: FileTextOutlined, group: 'purchasing', page: lazy(() => import('./views/SupplierInvoicesPage')) },
  { key: 'goodsReceipt', path: '/stock/goods-receipt', labelKey: 'menu.goodsReceipt', roles: STOCK_WRITE, icon: InboxOutlined, group: 'stock', page: lazy(() => import('./views/GoodsReceiptPage')) },
  { key: 'supplierPayments', path: '/finance/supplier-payments', labelKey: 'menu.supplierPayments', roles: FINANCE_READ, icon: PayCircleOutlined, group: 'finance', page: lazy(() => import('./views/SupplierPaymentsPage')) },
  { key: 'payablesAging', path: '/finance/payables-aging', labelKey: 'menu.payablesAging', roles: FINANCE_READ, icon: FieldTimeOutlined, group: 'finance', page: lazy(() => import('./views/PayablesAgingPage')) },
  { key: 'landedCosts', path: '/finance/landed-costs', labelKey: 'menu.landedCosts', roles: ['FINANCE'], icon: CarOutlined, group: 'finance', page: lazy(() => import('./views/LandedCostsPage')) },
];
