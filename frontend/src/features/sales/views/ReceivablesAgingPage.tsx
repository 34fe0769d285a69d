import { lazy, Suspense, useState } from 'react';
import { useQuery } from 'urql';
import { Alert, Card, DatePicker, Skeleton, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import type { ReceivablesAgingQuery as Result } from '../../../gql/graphql';
import { ReceivablesAgingQuery } from '../queries';
import { CustomerSelect } from '../components/common';
import { Amount } from '../../../components/Amount';
import { TotalsRow } from '../../../components/TotalsRow';
import { Toolbar } from '../../../components/Toolbar';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { BUCKETS, agingBars, type AgingBucketKey } from '../../partner/aging';
import { useT, useLocale } from '../../../i18n';
import { isoDate, companyToday } from '../../../lib/date';

const AgingChart = lazy(() => import('../../partner/components/AgingChart'));

type Row = Result['receivablesAging']['customers'][number];

/** Open receivables by age as of a date, per customer and in total. */
export default function ReceivablesAgingPage() {
  const t = useT();
  const [locale] = useLocale();
  const [asOf, setAsOf] = useState<Dayjs>(companyToday());
  const [customerId, setCustomerId] = useState<string>();
  const [{ data, error, fetching }] = useQuery({ query: ReceivablesAgingQuery, variables: { asOf: isoDate(asOf), customerId }, requestPolicy: 'cache-and-network' });
  const aging = data?.receivablesAging;
  const total = aging?.total;
  const money = (k: AgingBucketKey) => ({ title: t(`aging.${k}`), align: 'right' as const, render: (_: unknown, r: Row) => <Amount value={r.buckets[k]} strong={k === 'total'} /> });

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Toolbar>
          <Space wrap>
            <DatePicker value={asOf} allowClear={false} onChange={(d) => d && setAsOf(d)} data-testid="ar-asof" />
            <CustomerSelect allowClear includeInactive placeholder={t('so.customer')} style={{ width: 260 }} value={customerId} onChange={setCustomerId} />
          </Space>
          <ExportButton<Row>
            fileName={t('menu.receivablesAging')}
            fetchRows={loadedRows(aging?.customers ?? [])}
            columns={[
              { header: t('cust.code'), value: (r) => r.customer.code },
              { header: t('cust.name'), value: (r) => r.customer.name, width: 28 },
              ...BUCKETS.map((b) => ({ header: t(b.label), value: (r: Row) => ({ decimal: r.buckets[b.key] }) })),
            ]}
          />
        </Toolbar>
        {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
        <Suspense fallback={<Skeleton active />}>{total ? <AgingChart bars={agingBars(t, total)} locale={locale} /> : <Skeleton active />}</Suspense>
      </Card>
      <Card title={t('aging.perCustomer', { date: aging?.asOf ?? '' })}>
        <Table<Row>
          rowKey={(r) => r.customer.id}
          size="small"
          loading={fetching}
          pagination={{ pageSize: 50 }}
          dataSource={aging?.customers ?? []}
          data-testid="ar-table"
          columns={[{ title: t('so.customer'), render: (_, r) => `${r.customer.code} ${r.customer.name}` }, ...BUCKETS.map((b) => money(b.key))]}
          summary={() =>
            total ? (
              <TotalsRow label={<strong>{t('aging.allCustomers')}</strong>} cells={BUCKETS.map(({ key: k }) => <Amount value={total[k]} strong testId={k === 'total' ? 'ar-total' : undefined} />)} />
            ) : null
          }
        />
      </Card>
    </Space>
  );
}
