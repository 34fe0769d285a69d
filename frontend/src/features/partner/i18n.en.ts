import type { partnerZh } from './i18n.zh';

// English for the partner module; the same keys as i18n.zh.ts.
export const partnerEn: Record<keyof typeof partnerZh, string> = {
  'aging.allSuppliers': 'All suppliers',
  'aging.asOf': 'As of',
  'aging.notDue': 'Not yet due',
  'aging.days1To30': '1–30 days overdue',
  'aging.days31To60': '31–60 days overdue',
  'aging.days61To90': '61–90 days overdue',
  'aging.over90': 'Over 90 days overdue',
  'aging.perCustomer': 'Per customer (as of {date})',
  'aging.allCustomers': 'All customers',
  'aging.total': 'Total',
  'statement.tab': 'Statement',
  'statement.date': 'Date',
  'statement.source': 'Document',
  'statement.openingOn': 'Balance brought forward (from {date})',
  'statement.closingOn': 'Totals and balance carried forward (to {date})',
};
