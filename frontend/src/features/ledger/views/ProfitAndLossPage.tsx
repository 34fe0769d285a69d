import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Card, Col, DatePicker, Row, Space, Spin, Statistic } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ProfitAndLossQuery } from '../queries';
import { StatementExportButton, StatementSection } from '../components/StatementSection';
import { Toolbar } from '../../../components/Toolbar';
import { dec, formatMoney } from '../../../lib/decimal';
import { useT } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';

export default function ProfitAndLossPage() {
  const t = useT();
  // ?from=&to= (KPI drill-downs link here) set the first period shown.
  const [params] = useSearchParams();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => {
    const from = params.get('from');
    const to = params.get('to');
    return from && to && dayjs(from).isValid() && dayjs(to).isValid() ? [dayjs(from), dayjs(to)] : [companyToday().startOf('year'), companyToday()];
  });
  const [{ data, error, fetching }] = useQuery({
    query: ProfitAndLossQuery,
    variables: { from: isoDate(range[0]), to: isoDate(range[1]) },
  });
  const pl = data?.profitAndLoss;

  return (
    <Card>
      <Toolbar>
        <Space>
          <span>{t('ledger.period')}</span>
          <DatePicker.RangePicker value={range} allowClear={false} onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])} />
        </Space>
        <StatementExportButton
          fileName={t('menu.profitAndLoss')}
          sections={
            pl
              ? [
                  { title: t('ledger.revenue'), lines: pl.revenue },
                  { title: t('ledger.expenses'), lines: pl.expenses },
                ]
              : []
          }
        />
      </Toolbar>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      {fetching && !pl && <Spin />}
      {pl && (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={t('ledger.revenue')} value={formatMoney(pl.totalRevenue)} />
            </Col>
            <Col span={8}>
              <Statistic title={t('ledger.expenses')} value={formatMoney(pl.totalExpense)} />
            </Col>
            <Col span={8}>
              <Statistic
                title={t('ledger.netIncome')}
                value={formatMoney(pl.netIncome)}
                styles={{ content: { color: dec(pl.netIncome).lt(0) ? '#cf1322' : '#389e0d' } }}
                data-testid="pl-net-income"
              />
            </Col>
          </Row>
          <StatementSection title={t('ledger.revenue')} lines={pl.revenue} total={pl.totalRevenue} testId="pl-revenue" />
          <StatementSection title={t('ledger.expenses')} lines={pl.expenses} total={pl.totalExpense} testId="pl-expenses" />
        </Space>
      )}
    </Card>
  );
}
