import { lazy, Suspense } from 'react';
import { useQuery } from 'urql';
import { Alert, Card, Col, Row, Skeleton, Statistic } from 'antd';
import { SalesByMonthQuery } from '../queries';
import { useDashboardPeriod } from '../period';
import { hasMonthlyData, monthLabel, monthlyTotals, periodLength } from '../analytics';
import { useKept } from '../useKept';
import { useCanRead } from '../../../app/session';
import { formatDecimal, formatMoney } from '../../../lib/decimal';
import { useLocale, useT } from '../../../i18n';

const MonthlySalesChart = lazy(() => import('./SalesCharts').then((m) => ({ default: m.MonthlySalesChart })));

/**
 * Invoiced sales, gross profit and gross margin per month of the dashboard's
 * period (the KPI table's); shown only when the period has sales.
 */
export function MonthlySalesSection() {
  const t = useT();
  const [locale] = useLocale();
  const [period] = useDashboardPeriod();
  // Cost of sales and margins are MARGINS_AND_COSTS: sales sees revenue only.
  const withMargins = useCanRead('MARGINS_AND_COSTS');
  const [{ data, error, fetching }] = useQuery({ query: SalesByMonthQuery, variables: { ...period, withMargins } });
  const rows = useKept(data?.salesByMonth, fetching) ?? [];
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (!hasMonthlyData(rows)) return null;
  const totals = monthlyTotals(rows);
  const length = periodLength(period.from, period.to);
  const lengthText =
    length.months === 0 ? t('analytics.monthly.days', { days: length.days }) : length.rest === 0 ? t('analytics.monthly.wholeMonths', { months: length.months }) : t('analytics.monthly.monthsDays', { months: length.months, days: length.rest });
  return (
    <Card title={t('analytics.monthly.title')} extra={`${period.from} ~ ${period.to}`} data-testid="dashboard-monthly" data-from={period.from} data-to={period.to}>
      <Row gutter={16} style={{ marginBottom: 8 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('kpi.sales')} value={formatMoney(totals.sales)} prefix="¥" valueRender={(n) => <span data-testid="dashboard-monthly-total">{n}</span>} />
        </Col>
        {withMargins && (
          <>
            <Col xs={12} md={6}>
              <Statistic title={t('kpi.grossProfit')} value={formatMoney(totals.grossProfit)} prefix="¥" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('kpi.grossMargin')} value={totals.grossMargin ? `${formatDecimal(totals.grossMargin.times(100), 1)}%` : '—'} />
            </Col>
          </>
        )}
        <Col xs={12} md={6}>
          <Statistic
            title={t('analytics.monthly.length', { days: length.days })}
            value={lengthText}
            valueRender={(n) => (
              <span data-testid="dashboard-monthly-length" data-days={length.days} data-months={length.months}>
                {n}
              </span>
            )}
          />
        </Col>
      </Row>
      <Suspense fallback={<Skeleton active />}>
        <MonthlySalesChart
          rows={rows}
          months={rows.map((r) => monthLabel(r.month, locale))}
          locale={locale === 'zh' ? 'zh-CN' : 'en'}
          labels={{ sales: t('kpi.sales'), grossProfit: t('kpi.grossProfit'), grossMargin: t('analytics.monthly.grossMarginPct') }}
        />
      </Suspense>
    </Card>
  );
}
