/**
 * The message-key prefix of each GraphQL enum's labels: the label of value V
 * of enum E is the message `${ENUM_LABEL_PREFIX[E]}.${V}` in zh.ts and en.ts,
 * read through enumLabel(t, 'E', v) (the prefixes are the ones the screens
 * used before this map; enumLabel still takes a prefix too). enums.test.ts
 * fails on an enum of the schema that is neither here nor exempt, and on a
 * value without both labels.
 */
export const ENUM_LABEL_PREFIX: Record<string, string> = {
  AccountType: 'accountType',
  AdjustmentDirection: 'adjustDirection',
  AdjustmentReason: 'adjustReason',
  AllocationBasis: 'basis',
  AuditVia: 'auditVia',
  BooksRule: 'booksRule',
  BudgetPolicy: 'budget.policy',
  BudgetRollupBy: 'budgetRollupBy',
  LandedCostKind: 'landedKind',
  MatchIssueKind: 'matchIssue',
  OperatingCostCategory: 'opcostCategory',
  OperatingCostStatus: 'opcostStatus',
  PartnerKind: 'partnerKind',
  PayFrom: 'payFrom',
  PeriodStatus: 'periodStatus',
  PurchaseOrderStatus: 'poStatus',
  ReplenishmentStatus: 'replStatus',
  Role: 'role',
  SalesChannel: 'salesChannel',
  SalesInvoiceStatus: 'sinvStatus',
  SalesOrderStatus: 'soStatus',
  ShipmentStatus: 'shipStatus',
  SignInLockoutScope: 'lockout',
  SourceType: 'source',
  StatementForm: 'stmtForm',
  StatementLineDirection: 'stmtDirection',
  StatementLineKind: 'stmtKind',
  StatementRule: 'stmtRule',
  StatementSide: 'stmtSide',
  StockDocumentKind: 'stockDocKind',
  StockGroupBy: 'stockGroupBy',
  SupplierInvoiceKind: 'invoiceKind',
  SupplierInvoiceStatus: 'invoiceStatus',
  TopSellersBy: 'topSellersBy',
  UserErrorCode: 'errorCode',
  VatInvoiceKind: 'vatKind',
};
