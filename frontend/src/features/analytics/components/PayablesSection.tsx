import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Card, Col, Row, Skeleton, Statistic, Table } from 'antd';
import { PayablesAgingQuery } from '../../purchasing/queries';
import { agingBars, anyOpen, overdueOf } from '../../partner/aging';
import { dec, formatMoney } from '../../../lib/decimal';
import { useLocale, useT } from '../../../i18n';
import { todayISO } from '../../../lib/date';

const AgingChart = lazy(() => import('../../partner/components/AgingChart'));

/** Payables aging as of today; shown only when something is open. */
export function PayablesSection() {
  const t = useT();
  const [locale] = useLocale();
  const asOf = useMemo(todayISO, []);
  const [{ data }] = useQuery({ query: PayablesAgingQuery, variables: { asOf } });
  const aging = data?.payablesAging;
  if (!aging || !anyOpen(aging.total)) return null;
  const overdue = overdueOf(aging.total);
  const top = [...aging.rows].sort((a, b) => dec(b.buckets.total).cmp(dec(a.buckets.total))).slice(0, 5);
  return (
    <Card title={t('dashboard.payablesAging')} extra={<Link to={`/finance/payables-aging?asOf=${asOf}`}>{t('menu.payablesAging')}</Link>} data-testid="dashboard-payables">
      <Row gutter={24}>
        <Col xs={24} xl={14}>
          <Row gutter={16} style={{ marginBottom: 8 }}>
            <Col span={12}>
              <Statistic title={t('dashboard.openPayables')} value={formatMoney(aging.total.total)} prefix="¥" valueRender={(n) => <span data-testid="dashboard-payables-total">{n}</span>} />
            </Col>
            <Col span={12}>
              <Statistic title={t('dashboard.overdue')} value={formatMoney(overdue)} prefix="¥" styles={{ content: { color: overdue.gt(0) ? '#cf1322' : undefined } }} />
            </Col>
          </Row>
          <Suspense fallback={<Skeleton active />}>
            <AgingChart bars={agingBars(t, aging.total)} locale={locale} />
          </Suspense>
        </Col>
        <Col xs={24} xl={10}>
          <Table
            size="small"
            title={() => t('dashboard.topSuppliers')}
            rowKey={(r) => r.supplier.id}
            pagination={false}
            dataSource={top}
            columns={[
              { title: t('po.supplier'), render: (_, r) => r.supplier.name },
              { title: t('aging.total'), align: 'right', render: (_, r) => formatMoney(r.buckets.total) },
              { title: t('dashboard.overdue'), align: 'right', render: (_, r) => formatMoney(dec(r.buckets.total).minus(dec(r.buckets.notDue))) },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
