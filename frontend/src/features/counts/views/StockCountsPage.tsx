import { Button, Card, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ColumnType } from 'antd/es/table';
import type { StockCountOrder, StockCountsQuery as Result, StockCountStatus } from '../../../gql/graphql';
import { StockCountsQuery } from '../queries';
import { DocumentLink } from '../../../components/DocumentLink';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ListFilters, useColumnChooser } from '../../../components/ListFilters';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useListState } from '../../../lib/listState';
import { formatDateTime } from '../../../lib/date';
import { useCan } from '../../../app/session';
import { enumLabel, useLocalName, useT } from '../../../i18n';
import { COUNT_WRITE } from '../routes';
import { CountsDuePanel } from '../components/CountsDuePanel';

type Row = Result['stockCounts']['nodes'][number];
const STATUSES: StockCountStatus[] = ['DRAFT', 'COUNTING', 'REVIEW', 'POSTED', 'CANCELLED'];

/** /stock/counts — the count sheets (search, statuses and sorting in the URL) with the cycle counts due and their schedule. */
export default function StockCountsPage() {
  const t = useT();
  const localName = useLocalName();
  const canWrite = useCan(COUNT_WRITE);
  const state = useListState<'NUMBER' | 'CREATED' | 'STATUS'>({ sort: 'CREATED', dir: 'DESC' });
  const filter = { search: state.search || undefined, status: state.statuses.length ? (state.statuses as StockCountStatus[]) : undefined };
  const list = usePagedQuery({ query: StockCountsQuery, variables: { filter, orderBy: state.orderBy as StockCountOrder | undefined }, connection: (d) => d.stockCounts });
  const all: ColumnType<Row>[] = [
    { key: 'NUMBER', title: t('count.number'), sorter: true, sortOrder: state.sortOrderOf('NUMBER'), render: (_, r) => <DocumentLink kind="STOCK_COUNT" number={r.number} testId={`count-link-${r.number}`} /> },
    { key: 'CREATED', title: t('count.created'), sorter: true, sortOrder: state.sortOrderOf('CREATED'), render: (_, r) => formatDateTime(r.createdAt) },
    { key: 'warehouse', title: t('count.warehouse'), render: (_, r) => `${r.warehouse.code} ${r.warehouse.name}` },
    { key: 'scope', title: t('count.scope'), render: (_, r) => scopeText(t, r, localName) },
    {
      key: 'STATUS',
      title: t('count.status'),
      sorter: true,
      sortOrder: state.sortOrderOf('STATUS'),
      render: (_, r) => (
        <Space size={4}>
          <Tag data-testid={`count-status-${r.number}`}>{enumLabel(t, 'StockCountStatus', r.status)}</Tag>
          {r.blind && <Tag color="purple">{t('count.blind')}</Tag>}
        </Space>
      ),
    },
    { key: 'description', title: t('count.description'), dataIndex: 'description' },
    { key: 'voucher', title: t('count.voucher'), render: (_, r) => (r.voucherNo ? <DocumentLink kind="MANUAL_ENTRY" number={r.voucherNo}>{r.voucherNo}</DocumentLink> : '—') },
  ];
  const { columns, chooser } = useColumnChooser('stockCounts', all);
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Toolbar>
          <ListFilters state={state} testId="counts" dates={false} statusOptions={STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'StockCountStatus', s) }))} />
          <Space>
            {chooser}
            {canWrite && (
              <Link to="/stock/counts/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="count-new">
                  {t('menu.stockCountNew')}
                </Button>
              </Link>
            )}
          </Space>
        </Toolbar>
        <PagedTable<Row> list={list} data-testid="counts-table" showSizeChanger columns={columns} onChange={(_p, _f, s) => state.onSort(s)} />
      </Card>
      <CountsDuePanel onCreated={() => list.refresh()} />
    </Space>
  );
}

/** What a sheet counts: its bin, category and ABC class, or the whole warehouse. */
export function scopeText(
  t: ReturnType<typeof useT>,
  c: { location?: { code: string } | null; category?: { name: string; nameEn?: string | null } | null; abcClass?: string | null },
  localName: ReturnType<typeof useLocalName>,
): string {
  const parts = [c.location?.code, c.category ? localName(c.category) : undefined, c.abcClass ? enumLabel(t, 'ABCClass', c.abcClass) : undefined].filter(Boolean);
  return parts.length ? parts.join(' · ') : t('count.allScope');
}
