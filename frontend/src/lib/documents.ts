import type { SourceType } from '../gql/graphql';

/**
 * Every kind of business document a screen can name: the kinds that post
 * (SourceType) and the orders, which post nothing themselves.
 */
export type DocumentKind = SourceType | 'SALES_ORDER' | 'PURCHASE_ORDER';

/**
 * Where each kind's detail page lives; the page is `${base}/${number}`,
 * the document's business number (never a database id). Vouchers (manual
 * entries, reversals, closing vouchers) open by their voucher number.
 */
const DETAIL_BASE: Record<DocumentKind, string> = {
  SALES_ORDER: '/sales/orders',
  SHIPMENT: '/stock/shipments',
  SALES_INVOICE: '/sales/invoices',
  CUSTOMER_PAYMENT: '/finance/customer-payments',
  CUSTOMER_CREDIT_APPLICATION: '/finance/customer-payments',
  SALES_RETURN: '/sales/returns',
  CUSTOMER_REFUND: '/finance/customer-refunds',
  PURCHASE_ORDER: '/purchasing/orders',
  PURCHASE_RECEIPT: '/stock/receipts',
  SUPPLIER_INVOICE: '/purchasing/invoices',
  SUPPLIER_PAYMENT: '/finance/supplier-payments',
  SUPPLIER_RETURN: '/purchasing/supplier-returns',
  LANDED_COST: '/finance/landed-costs',
  OPERATING_COST: '/finance/operating-costs',
  OPENING_STOCK: '/stock/documents',
  STOCK_ADJUSTMENT: '/stock/documents',
  STOCK_TRANSFER: '/stock/transfers',
  STOCK_COUNT: '/stock/counts',
  BIN_MOVE: '/stock/bin-moves',
  MANUAL_ENTRY: '/finance/vouchers',
  REVERSAL: '/finance/vouchers',
  CLOSING: '/finance/vouchers',
};

/** The detail page of one document, or undefined when it has no number. */
export function documentPath(kind: DocumentKind, number: string | null | undefined): string | undefined {
  if (!number) return undefined;
  return `${DETAIL_BASE[kind]}/${encodeURIComponent(number)}`;
}

/** The route pattern of a kind's detail page, for routes.ts: '/sales/invoices/:number'. */
export function documentRoute(kind: DocumentKind): string {
  return `${DETAIL_BASE[kind]}/:number`;
}
