import { useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Card, DatePicker, Space, Table } from 'antd';
import dayjs from 'dayjs';
import type { PayablesAgingQuery as Result } from '../../../gql/graphql';
import { BUCKETS } from '../../partner/aging';
import { PayablesAgingQuery } from '../queries';
import { Amount } from '../../../components/Amount';
import { TotalsRow } from '../../../components/TotalsRow';
import { Toolbar } from '../../../components/Toolbar';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { useT } from '../../../i18n';
import { isoDate, todayISO } from '../../../lib/date';

type Row = Result['payablesAging']['rows'][number];

/** Open payables per supplier by days past due, as of a date (?asOf=). */
export default function PayablesAgingPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? todayISO();
  const [{ data, error, fetching }] = useQuery({ query: PayablesAgingQuery, variables: { asOf } });
  const aging = data?.payablesAging;
  const rows = aging?.rows ?? [];

  return (
    <Card>
      <Toolbar>
        <Space>
          <span>{t('aging.asOf')}</span>
          <DatePicker value={dayjs(asOf)} allowClear={false} onChange={(d) => d && setParams({ asOf: isoDate(d) }, { replace: true })} data-testid="aging-asof" />
        </Space>
        <ExportButton<Row>
          fileName={`${t('menu.payablesAging')} ${asOf}`}
          fetchRows={loadedRows(rows)}
          columns={[{ header: t('po.supplier'), value: (r) => `${r.supplier.code} ${r.supplier.name}`, width: 28 }, ...BUCKETS.map((b) => ({ header: t(b.label), value: (r: Row) => ({ decimal: r.buckets[b.key] }) }))]}
        />
      </Toolbar>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 16 }} />}
      <Table<Row>
        rowKey={(r) => r.supplier.id}
        size="middle"
        loading={fetching}
        pagination={false}
        dataSource={rows}
        data-testid="aging-table"
        columns={[
          { title: t('po.supplier'), render: (_, r) => `${r.supplier.code} ${r.supplier.name}` },
          ...BUCKETS.map((b) => ({ title: t(b.label), align: 'right' as const, render: (_: unknown, r: Row) => <Amount value={r.buckets[b.key]} strong={b.key === 'total'} /> })),
        ]}
        summary={() =>
          aging ? (
            <TotalsRow label={<strong>{t('aging.allSuppliers')}</strong>} cells={BUCKETS.map((b) => <Amount value={aging.total[b.key]} strong testId={`aging-total-${b.key}`} />)} />
          ) : null
        }
      />
    </Card>
  );
}
