import { useMemo } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { Alert, Card, Select, Space, Table, Tag } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { BatchesQuery as Result } from '../../../gql/graphql';
import { BatchesQuery } from '../queries';
import { DocumentLink } from '../../../components/DocumentLink';
import { Toolbar } from '../../../components/Toolbar';
import { ExportButton, loadedRows } from '../../../components/ExportButton';
import { ListFilters, useColumnChooser } from '../../../components/ListFilters';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import { useListState } from '../../../lib/listState';
import { dec, formatQty, sumDecimals } from '../../../lib/decimal';
import { todayISO } from '../../../lib/date';
import { useLocalName, useT } from '../../../i18n';
import { EXPIRY_COLORS, daysToExpiry, expiryState } from '../expiry';

type Row = Result['batches'][number];
type SortField = 'EXPIRY' | 'PRODUCT' | 'NUMBER' | 'ON_HAND' | 'WAREHOUSE';

/** The trace page of a batch: by its product's SKU and its number. */
export function batchPath(sku: string, number: string): string {
  return `/stock/batches/${encodeURIComponent(sku)}/${encodeURIComponent(number)}`;
}

const COMPARE: Record<SortField, (a: Row, b: Row) => number> = {
  EXPIRY: (a, b) => (a.batch.expiryDate ?? '9999').localeCompare(b.batch.expiryDate ?? '9999'),
  PRODUCT: (a, b) => a.batch.product.sku.localeCompare(b.batch.product.sku),
  NUMBER: (a, b) => a.batch.number.localeCompare(b.batch.number),
  ON_HAND: (a, b) => dec(a.onHand).cmp(dec(b.onHand)),
  WAREHOUSE: (a, b) => a.warehouse.code.localeCompare(b.warehouse.code),
};

/**
 * /stock/batches — stock by batch (批次库存), earliest expiry first: days to
 * expiry coloured for expired and within the company's alert days; search,
 * warehouse and expiry filters and the sort in the URL; export.
 */
export default function BatchesPage() {
  const t = useT();
  const localName = useLocalName();
  const refs = useReferenceOptions();
  const state = useListState<SortField>({ sort: 'EXPIRY', dir: 'ASC' });
  const warehouseId = state.param('warehouse') || undefined;
  const expiring = state.param('expiring') || undefined; // 'alert' | 'expired'
  const [{ data, fetching, error }] = useQuery({ query: BatchesQuery, variables: { warehouseId, search: state.search || undefined }, requestPolicy: 'cache-and-network' });
  const alertDays = data?.expiryAlertDays ?? 30;
  const today = todayISO();
  const rows = useMemo(() => {
    let rs = (data?.batches ?? []).map((r) => ({ ...r, days: daysToExpiry(r.batch.expiryDate, today) }));
    if (expiring === 'alert') rs = rs.filter((r) => r.days !== undefined && r.days <= alertDays);
    if (expiring === 'expired') rs = rs.filter((r) => r.days !== undefined && r.days < 0);
    const f = state.orderBy?.field as SortField | undefined;
    if (f && COMPARE[f]) {
      const sign = state.orderBy?.direction === 'DESC' ? -1 : 1;
      rs = [...rs].sort((a, b) => sign * COMPARE[f](a, b));
    }
    return rs;
  }, [data, expiring, alertDays, today, state.orderBy]);
  type Shown = (typeof rows)[number];
  const stateLabel = (days: number | undefined) => {
    const s = expiryState(days, alertDays);
    return s === 'NONE' ? '' : t(`batch.state.${s}`);
  };
  const all: ColumnType<Shown>[] = [
    { key: 'PRODUCT', title: t('batch.product'), sorter: true, sortOrder: state.sortOrderOf('PRODUCT'), render: (_, r) => `${r.batch.product.sku} ${localName(r.batch.product)}` },
    { key: 'WAREHOUSE', title: t('batch.warehouse'), sorter: true, sortOrder: state.sortOrderOf('WAREHOUSE'), render: (_, r) => `${r.warehouse.code} ${r.warehouse.name}` },
    {
      key: 'NUMBER',
      title: t('batch.number'),
      sorter: true,
      sortOrder: state.sortOrderOf('NUMBER'),
      render: (_, r) => (
        <Link to={batchPath(r.batch.product.sku, r.batch.number)} data-testid={`batch-link-${r.batch.product.sku}-${r.batch.number}`}>
          {r.batch.number}
        </Link>
      ),
    },
    { key: 'EXPIRY', title: t('batch.expiry'), sorter: true, sortOrder: state.sortOrderOf('EXPIRY'), render: (_, r) => r.batch.expiryDate ?? '—' },
    { key: 'ON_HAND', title: t('batch.onHand'), align: 'right', sorter: true, sortOrder: state.sortOrderOf('ON_HAND'), render: (_, r) => <span data-testid={`batch-onhand-${r.batch.product.sku}-${r.batch.number}-${r.warehouse.code}`}>{formatQty(r.onHand)}</span> },
    {
      key: 'days',
      title: t('batch.daysToExpiry'),
      align: 'right',
      render: (_, r) =>
        r.days === undefined ? (
          '—'
        ) : (
          <Tag color={EXPIRY_COLORS[expiryState(r.days, alertDays)]} data-testid={`batch-days-${r.batch.product.sku}-${r.batch.number}-${r.warehouse.code}`} data-state={expiryState(r.days, alertDays)}>
            {r.days < 0 ? t('batch.expiredDays', { n: -r.days }) : t('batch.days', { n: r.days })}
          </Tag>
        ),
    },
    { key: 'source', title: t('batch.source'), render: (_, r) => (r.batch.sourceNumber ? <DocumentLink kind={r.batch.sourceType} number={r.batch.sourceNumber} /> : '—') },
  ];
  const { columns, chooser } = useColumnChooser('stockBatches', all);
  const soon = rows.filter((r) => r.days !== undefined && r.days <= alertDays).length;
  return (
    <Card>
      <Toolbar>
        <ListFilters state={state} dates={false} testId="batches" searchPlaceholder={t('batch.searchHint')}>
          <Select allowClear style={{ width: 200 }} placeholder={t('batch.warehouse')} options={refs.warehouseOptions} value={warehouseId} onChange={(v) => state.setParam('warehouse', v)} data-testid="batches-warehouse" />
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('batch.expiring')}
            value={expiring}
            onChange={(v) => state.setParam('expiring', v)}
            options={[
              { value: 'alert', label: t('batch.expiringWithin', { n: alertDays }) },
              { value: 'expired', label: t('batch.state.EXPIRED') },
            ]}
            data-testid="batches-expiring"
          />
        </ListFilters>
        <Space>
          {chooser}
          <ExportButton<Shown>
            fileName={t('menu.stockBatches')}
            fetchRows={loadedRows(rows)}
            columns={[
              { header: t('batch.sku'), value: (r) => r.batch.product.sku },
              { header: t('batch.product'), value: (r) => localName(r.batch.product), width: 24 },
              { header: t('batch.warehouse'), value: (r) => r.warehouse.code },
              { header: t('batch.number'), value: (r) => r.batch.number },
              { header: t('batch.expiry'), value: (r) => (r.batch.expiryDate ? { date: r.batch.expiryDate } : null) },
              { header: t('batch.onHand'), value: (r) => ({ decimal: r.onHand, format: 'qty' }), total: true },
              { header: t('batch.daysToExpiry'), value: (r) => r.days ?? null },
              { header: t('batch.stateCol'), value: (r) => stateLabel(r.days) },
              { header: t('batch.source'), value: (r) => r.batch.sourceNumber },
            ]}
          />
        </Space>
      </Toolbar>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 12 }} />}
      {soon > 0 && <Alert type="warning" showIcon title={t('batch.soonBanner', { n: soon, days: alertDays })} style={{ marginBottom: 12 }} data-testid="batches-soon" />}
      <Table<Shown>
        size="small"
        loading={fetching}
        rowKey={(r) => `${r.batch.id}-${r.warehouse.id}`}
        dataSource={rows}
        columns={columns}
        data-testid="batches-table"
        onRow={(r) => ({ 'data-testid': `batch-row-${r.batch.product.sku}-${r.batch.number}` }) as object}
        onChange={(_p, _f, s) => state.onSort(s)}
        pagination={{ pageSize: 50 }}
        summary={() => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={columns.length}>
              <span data-testid="batches-total">{t('batch.total', { n: rows.length, qty: formatQty(sumDecimals(rows.map((r) => r.onHand))) })}</span>
            </Table.Summary.Cell>
          </Table.Summary.Row>
        )}
      />
    </Card>
  );
}
