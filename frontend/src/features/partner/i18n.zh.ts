// Simplified Chinese for the partner module; i18n.en.ts has the same keys.
export const partnerZh = {
  'aging.allSuppliers': '全部供应商',
  'aging.asOf': '截至',
  'aging.notDue': '未到期',
  'aging.days1To30': '逾期 1–30 天',
  'aging.days31To60': '逾期 31–60 天',
  'aging.days61To90': '逾期 61–90 天',
  'aging.over90': '逾期 90 天以上',
  'aging.perCustomer': '按客户（截至 {date}）',
  'aging.allCustomers': '全部客户',
  'aging.total': '合计',
  'statement.tab': '对账单',
  'statement.date': '日期',
  'statement.source': '单据',
  'statement.openingOn': '期初余额（{date} 起）',
  'statement.closingOn': '本期合计与期末余额（截至 {date}）',
} as const;
