// English for the dashboard's sales charts and slow-moving stock; the same keys as analytics.zh.ts.
import type { analyticsZh } from './analytics.zh';

export const analyticsEn: Record<keyof typeof analyticsZh, string> = {
  'analytics.monthly.title': 'Monthly sales and gross margin',
  'analytics.monthly.grossMarginPct': 'Gross margin %',
  'analytics.monthly.months': 'Months',

  'analytics.top.title': 'Top {n} sellers',
  'analytics.top.byProduct': 'By product',
  'analytics.top.byCategory': 'By category',
  'analytics.top.revenue': 'Revenue',
  'analytics.top.units': 'Units',

  'analytics.slow.title': 'Slow-moving stock',
  'analytics.slow.noSaleFor': 'No sale for',
  'analytics.slow.days': '{n} days',
  'analytics.slow.file': 'slow-moving-{n}-days',
  'analytics.slow.lastSale': 'Last sale',
  'analytics.slow.never': 'Never sold',
  'analytics.slow.daysAgo': '{n} days ago',
  'analytics.slow.listedValue': 'Value of the {n} listed',
  'analytics.slow.note': 'Most valuable first, at most {n} lines; valued at moving-average cost.',
};
