import type { enumsZh } from './enums.zh';

// English labels of the server enums in enums.zh.ts; the same keys.
export const enumsEn: Record<keyof typeof enumsZh, string> = {
  'errorCode.INVALID': 'Breaks a rule',
  'errorCode.NOT_FOUND': 'Not found',
  'errorCode.CONFLICT': 'Not allowed in its current state',
  'errorCode.FORBIDDEN': 'Not allowed for your role',
  'errorCode.IDEMPOTENCY_KEY_REUSED': 'Repeated request with another input',
  'errorCode.DUTY_SEPARATION': 'Separation of duties: someone else must do this',
  'errorCode.PERMISSION_REQUIRED': "Needs another role's permission",
  'errorCode.DATE_OUT_OF_RANGE': 'Date outside the posting window',
  'errorCode.PERIOD_CLOSED': 'Period closed',
  'topSellersBy.PRODUCT': 'By product',
  'topSellersBy.CATEGORY': 'By category',
  'budgetRollupBy.DEPARTMENT': 'By department',
  'budgetRollupBy.PERIOD': 'By period',
  'booksRule.STOCK_WITHOUT_VALUE': 'Stock without value',
  'booksRule.DOCUMENT_ENTRY_MISMATCH': 'Document and journal entry disagree',
  'booksRule.VOUCHER_NUMBERS': 'Voucher numbers with gaps or duplicates',
  'booksRule.RECEIPT_LAYERS': 'Receipt layers exceed stock on hand',
  'booksRule.AR_CONTROL_MISMATCH': 'Receivables differ from open invoices',
  'booksRule.CUSTOMER_ADVANCES_MISMATCH': 'Customer advances differ from unapplied payments',
  'partnerKind.CUSTOMER': 'Customer',
  'partnerKind.SUPPLIER': 'Supplier',
  'stockGroupBy.CATEGORY': 'By category',
  'stockGroupBy.WAREHOUSE': 'By warehouse',
  'stockGroupBy.REGION': 'By region',
};
