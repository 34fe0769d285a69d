import type { ledgerStatementsZh } from './i18n.statements.zh';

// English for the statutory statements; the same keys as i18n.statements.zh.ts.
export const ledgerStatementsEn: Record<keyof typeof ledgerStatementsZh, string> = {
  'stmt.lineNo': 'Line',
  'stmt.assets': 'Assets',
  'stmt.liabilitiesEquity': "Liabilities and owners' equity",
  'stmt.item': 'Item',
  'stmt.closing': 'Closing balance',
  'stmt.yearOpening': 'Opening balance of the year',
  'stmt.month': 'This month',
  'stmt.yearToDate': 'Year to date',
  'stmt.period': 'Period',
  'stmt.print': 'Print',
  'stmt.balanced': "Total assets = total liabilities and owners' equity",
  'stmt.unbalanced': "Total assets differ from total liabilities and owners' equity",
  'stmt.bsFormNo': 'Form 01 (small enterprises)',
  'stmt.isFormNo': 'Form 02 (small enterprises)',
  'stmt.unit': 'Unit: CNY',
  'stmt.asOfPeriod': '{year}-{month}',
  'stmt.drill.title': 'Accounts of line {line}',
  'stmt.drill.account': 'Account',
  'booksRule.STATEMENT_UNMAPPED_ACCOUNT': 'Accounts the statutory statements leave out',
};
