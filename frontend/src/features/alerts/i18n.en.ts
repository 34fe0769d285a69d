import type { alertsZh } from './i18n.zh';

// English for the alerts module; the same keys as i18n.zh.ts.
export const alertsEn: Record<keyof typeof alertsZh, string> = {
  'menu.alerts': 'Alerts',
  'alertKind.LOW_STOCK': 'Low stock',
  'alertKind.BUDGET_80': 'Budget at 80 %',
  'alertKind.BUDGET_100': 'Budget at 100 %',
  'alertKind.PRICE_RISE': 'Price rise',
  'alertKind.SHORTAGE': 'Shortage',
  'alertKind.CREDIT_HOLD': 'Credit hold',
  'alerts.acknowledge': 'Acknowledge',
  'alerts.acknowledged': 'Acknowledged',
  'alerts.acknowledgedState': 'Acknowledged',
  'alerts.kind': 'Kind',
  'alerts.message': 'Message',
  'alerts.mine': 'Mine only',
  'alerts.open': 'Open',
  'alerts.raisedAt': 'Raised',
  'alerts.subject': 'About',
};
