// Simplified Chinese for the alerts module; i18n.en.ts has the same keys.
export const alertsZh = {
  'menu.alerts': '提醒',
  'alertKind.LOW_STOCK': '库存不足',
  'alertKind.BUDGET_80': '预算已用 80%',
  'alertKind.BUDGET_100': '预算已用完',
  'alertKind.PRICE_RISE': '供应商涨价',
  'alertKind.SHORTAGE': '订单缺货',
  'alertKind.CREDIT_HOLD': '信用冻结',
  'alerts.acknowledge': '确认',
  'alerts.acknowledged': '已确认',
  'alerts.acknowledgedState': '已确认',
  'alerts.kind': '类型',
  'alerts.message': '内容',
  'alerts.mine': '只看与我有关的',
  'alerts.open': '未处理',
  'alerts.raisedAt': '时间',
  'alerts.subject': '对象',
} as const;
