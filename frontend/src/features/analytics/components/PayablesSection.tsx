import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Card, Col, Row, Skeleton, Statistic, Table } from 'antd';
import { PayablesAgingQuery } from '../../purchasing/queries';
import { BUCKETS } from '../../purchasing/aging';

import { dec, formatMoney, sumDecimals } from '../../../lib/decimal';
import { useT } from '../../../i18n';
import { todayISO } from '../../../lib/date';

const AgingChart = lazy(() => import('./PurchasingCharts').then((m) => ({ default: m.AgingChart })));
const COLOURS = ['#52c41a', '#faad14', '#fa8c16', '#fa541c', '#cf1322'];

/** Payables aging as of today; shown only when something is open. */
export function PayablesSection() {
  const t = useT();
  const asOf = useMemo(todayISO, []);
  const [{ data }] = useQuery({ query: PayablesAgingQuery, variables: { asOf } });
  const aging = data?.payablesAging;
  if (!aging || !dec(aging.total.total).gt(0)) return null;
  const buckets = BUCKETS.filter((b) => b.key !== 'total');
  const overdue = sumDecimals(buckets.filter((b) => b.key !== 'notDue').map((b) => aging.total[b.key]));
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
            <AgingChart bars={buckets.map((b, i) => ({ label: t(b.label), value: aging.total[b.key], colour: COLOURS[i] }))} />
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
