// Simplified Chinese for the dashboard's sales charts and slow-moving stock.
// Spread into zh.ts; analytics.en.ts has the same keys.
export const analyticsZh = {
  'analytics.monthly.title': '月度销售额与毛利',
  'analytics.monthly.grossMarginPct': '毛利率 %',
  'analytics.monthly.months': '月数',

  'analytics.top.title': '畅销排行 前 {n}',
  'analytics.top.byProduct': '按商品',
  'analytics.top.byCategory': '按类别',
  'analytics.top.revenue': '销售额',
  'analytics.top.units': '数量',

  'analytics.slow.title': '呆滞品',
  'analytics.slow.noSaleFor': '无销售',
  'analytics.slow.days': '{n} 天',
  'analytics.slow.file': '呆滞品-{n}天',
  'analytics.slow.lastSale': '最近销售',
  'analytics.slow.never': '从未销售',
  'analytics.slow.daysAgo': '{n} 天前',
  'analytics.slow.listedValue': '所列 {n} 项金额',
  'analytics.slow.note': '按金额从高到低，最多列出 {n} 项；金额按移动平均成本计。',
} as const;
