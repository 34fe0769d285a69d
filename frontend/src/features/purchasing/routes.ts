import { lazy } from 'react';
import { BulbOutlined, CarOutlined, FieldTimeOutlined, FileTextOutlined, InboxOutlined, PayCircleOutlined, ShoppingCartOutlined, SolutionOutlined } from '@ant-design/icons';
import type { MenuEntry } from '../../app/menu';
import { FINANCE_READ, PURCHASING_READ, STOCK_READ, STOCK_WRITE } from '../../app/access';
import { documentRoute } from '../../lib/documents';

/** Who opens a goods receipt's page: the warehouse that posts it and those who read purchasing. */
const RECEIPT_READ = [...new Set([...STOCK_READ, ...PURCHASING_READ])];

/** The purchasing screens: menu entries, routes and their lazily loaded pages (the menu's order is in app/menu.tsx). */
export const purchasingRoutes: readonly MenuEntry[] = [
  { key: 'suppliers', path: '/purchasing/suppliers', labelKey: 'menu.suppliers', roles: PURCHASING_READ, icon: SolutionOutlined, group: 'purchasing', page: lazy(() => import('./views/SuppliersPage')) },
  { key: 'suggestions', path: '/purchasing/suggestions', labelKey: 'menu.suggestions', roles: ['PURCHASING', 'MANAGER'], icon: BulbOutlined, group: 'purchasing', page: lazy(() => import('./views/SuggestionsPage')) },
  { key: 'purchaseOrders', path: '/purchasing/orders', labelKey: 'menu.purchaseOrders', roles: PURCHASING_READ, icon: ShoppingCartOutlined, group: 'purchasing', page: lazy(() => import('./views/PurchaseOrdersPage')) },
  { key: 'supplierInvoices', path: '/purchasing/invoices', labelKey: 'menu.supplierInvoices', roles: PURCHASING_READ, icon: FileTextOutlined, group: 'purchasing', page: lazy(() => import('./views/SupplierInvoicesPage')) },
  { key: 'goodsReceipt', path: '/stock/goods-receipt', labelKey: 'menu.goodsReceipt', roles: STOCK_WRITE, icon: InboxOutlined, group: 'stock', page: lazy(() => import('./views/GoodsReceiptPage')) },
  { key: 'supplierPayments', path: '/finance/supplier-payments', labelKey: 'menu.supplierPayments', roles: FINANCE_READ, icon: PayCircleOutlined, group: 'finance', page: lazy(() => import('./views/SupplierPaymentsPage')) },
  { key: 'payablesAging', path: '/finance/payables-aging', labelKey: 'menu.payablesAging', roles: FINANCE_READ, icon: FieldTimeOutlined, group: 'finance', page: lazy(() => import('./views/PayablesAgingPage')) },
  { key: 'goodsReceipts', path: '/stock/receipts', labelKey: 'menu.goodsReceipts', roles: RECEIPT_READ, icon: InboxOutlined, group: 'stock', page: lazy(() => import('./views/GoodsReceiptsPage')) },
  { key: 'purchaseOrderDocument', path: documentRoute('PURCHASE_ORDER'), labelKey: 'pdoc.kind.PURCHASE_ORDER', roles: PURCHASING_READ, icon: ShoppingCartOutlined, group: 'purchasing', hidden: true, page: lazy(() => import('./views/OrderDocumentPage')) },
  { key: 'supplierInvoiceDocument', path: documentRoute('SUPPLIER_INVOICE'), labelKey: 'pdoc.kind.SUPPLIER_INVOICE', roles: PURCHASING_READ, icon: FileTextOutlined, group: 'purchasing', hidden: true, page: lazy(() => import('./views/InvoiceDocumentPage')) },
  { key: 'goodsReceiptDocument', path: documentRoute('PURCHASE_RECEIPT'), labelKey: 'pdoc.kind.PURCHASE_RECEIPT', roles: RECEIPT_READ, icon: InboxOutlined, group: 'stock', hidden: true, page: lazy(() => import('./views/ReceiptDocumentPage')) },
  { key: 'supplierPaymentDocument', path: documentRoute('SUPPLIER_PAYMENT'), labelKey: 'pdoc.kind.SUPPLIER_PAYMENT', roles: FINANCE_READ, icon: PayCircleOutlined, group: 'finance', hidden: true, page: lazy(() => import('./views/PaymentDocumentPage')) },
  { key: 'landedCostDocument', path: documentRoute('LANDED_COST'), labelKey: 'pdoc.kind.LANDED_COST', roles: FINANCE_READ, icon: CarOutlined, group: 'finance', hidden: true, page: lazy(() => import('./views/LandedCostDocumentPage')) },
  { key: 'operatingCostDocument', path: documentRoute('OPERATING_COST'), labelKey: 'pdoc.kind.OPERATING_COST', roles: FINANCE_READ, icon: FileTextOutlined, group: 'finance', hidden: true, page: lazy(() => import('./views/OperatingCostDocumentPage')) },
  { key: 'landedCosts', path: '/finance/landed-costs', labelKey: 'menu.landedCosts', roles: ['FINANCE'], icon: CarOutlined, group: 'finance', page: lazy(() => import('./views/LandedCostsPage')) },
];
