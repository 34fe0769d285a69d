import type { WorkbenchItemKind, WorkbenchSectionKey } from '../../gql/graphql';
import { documentPath, type DocumentKind } from '../../lib/documents';

/** The sections the manager's dashboard shows on top: the approvals waiting. */
export const APPROVAL_SECTIONS: readonly WorkbenchSectionKey[] = ['ORDER_APPROVALS', 'BELOW_COST_SALES', 'MISMATCH_APPROVALS'];

/** A to-do line as the screens need it. */
export interface WorkbenchLine {
  kind: WorkbenchItemKind;
  id: string;
  number: string;
}

const DOCUMENT_KINDS: Partial<Record<WorkbenchItemKind, DocumentKind>> = {
  SALES_ORDER: 'SALES_ORDER',
  SHIPMENT: 'SHIPMENT',
  PURCHASE_ORDER: 'PURCHASE_ORDER',
  SUPPLIER_INVOICE: 'SUPPLIER_INVOICE',
};

/** The line's document detail page (by business number), or undefined when the line is no document. */
export function linePath(line: WorkbenchLine): string | undefined {
  const kind = DOCUMENT_KINDS[line.kind];
  return kind ? documentPath(kind, line.number) : undefined;
}

/**
 * The screen where the line's work is done today: the credit holds to
 * release, the order to confirm or submit, the shipment to ship, the goods
 * to receive. Screens that open a record do so by its id.
 */
export function actionPath(section: WorkbenchSectionKey, line: WorkbenchLine): string {
  const id = encodeURIComponent(line.id);
  switch (section) {
    case 'CREDIT_HOLDS':
    case 'HOLDS_TO_RELEASE':
      return '/sales/credit-holds';
    case 'DRAFT_ORDERS':
    case 'SHORTAGES':
    case 'BELOW_COST_SALES':
      return `/sales/orders?order=${id}`;
    case 'DELIVERIES_DUE':
    case 'SHIPMENTS_TO_PICK':
      return `/stock/shipments?shipment=${id}`;
    case 'RECEIPTS_DUE':
      return `/stock/goods-receipt?order=${id}`;
    case 'LOW_STOCK':
      return '/stock/levels';
    case 'PURCHASE_SUGGESTIONS':
      return '/purchasing/suggestions';
    case 'ORDERS_TO_SUBMIT':
    case 'LATE_DELIVERIES':
    case 'ORDER_APPROVALS':
      return `/purchasing/orders?order=${id}`;
    case 'PRICE_RISES':
      return line.kind === 'PURCHASE_ORDER' ? `/purchasing/orders?order=${id}` : '/purchasing/suppliers';
    case 'INVOICES_TO_MATCH':
    case 'MISMATCH_APPROVALS':
      return '/purchasing/invoices';
    case 'PAYMENTS_DUE':
      return '/finance/supplier-payments';
    case 'PERIODS_TO_CLOSE':
      return '/finance/periods';
    case 'BOOKS_CHECK':
      return '/finance/books-check';
  }
}
