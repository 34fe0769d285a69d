import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { Alert, Card, DatePicker, Skeleton, Space, Statistic, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { Link } from 'react-router';
import { KpisQuery } from '../queries';
import { defaultPeriods, formatKpi } from '../kpi';
import { KpiTable } from './KpiTable';
import { dec, formatDecimal } from '../../../lib/decimal';
import { useDashboardPeriod } from '../period';
import { useT } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';

type Range = [Dayjs, Dayjs];

/**
 * The dashboard's KPI table: a period against a comparison period (this year
 * to date vs the same span last year by default). The period is the
 * dashboard's, shared with the sales charts.
 */
export function KpiSection() {
  const t = useT();
  const defaults = useMemo(() => defaultPeriods(companyToday().toDate()), []);
  const [shared, setShared] = useDashboardPeriod();
  const period = useMemo<Range>(() => [dayjs(shared.from), dayjs(shared.to)], [shared]);
  const setPeriod = (r: Range) => setShared({ from: isoDate(r[0]), to: isoDate(r[1]) });
  const [compare, setCompare] = useState<Range | null>([dayjs(defaults.compareFrom), dayjs(defaults.compareTo)]);
  const variables = { from: isoDate(period[0]), to: isoDate(period[1]), compareFrom: compare ? isoDate(compare[0]) : null, compareTo: compare ? isoDate(compare[1]) : null };
  const [{ data, error, fetching }] = useQuery({ query: KpisQuery, variables });
  const report = data?.kpis;

  return (
    <Card
      title={t('kpi.title')}
      data-testid="kpi-section"
      extra={<Link to="/finance/month-end">{t('menu.monthEnd')}</Link>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <span>{t('kpi.period')}</span>
        <DatePicker.RangePicker
          value={period}
          allowClear={false}
          onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])}
          data-testid="kpi-period"
        />
        <span>{t('kpi.comparedWith')}</span>
        <DatePicker.RangePicker value={compare} onChange={(v) => setCompare(v?.[0] && v[1] ? [v[0], v[1]] : null)} data-testid="kpi-compare" />
        {report?.salesGrowth != null && (
          <Statistic
            value={formatKpi(report.salesGrowth, 'percent')}
            prefix={t('kpi.salesGrowth')}
            styles={{ content: { fontSize: 14, color: dec(report.salesGrowth).gte(0) ? '#389e0d' : '#cf1322' } }}
          />
        )}
      </Space>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {!report && fetching ? <Skeleton active /> : report ? <KpiTable current={report.current} comparison={report.comparison} /> : null}
      <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
        {t('kpi.note', { days: formatDecimal(String(period[1].diff(period[0], 'day') + 1), 0) })}
      </Typography.Paragraph>
    </Card>
  );
}
