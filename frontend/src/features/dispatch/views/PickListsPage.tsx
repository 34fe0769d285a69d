import { Button, Card, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ColumnType } from 'antd/es/table';
import type { PickListOrder, PickListsQuery as Result, PickListStatus } from '../../../gql/graphql';
import { PickListsQuery } from '../queries';
import { PICK_WRITE, pickListPath } from '../routes';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ListFilters, useColumnChooser } from '../../../components/ListFilters';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useListState } from '../../../lib/listState';
import { formatQty, sumDecimals } from '../../../lib/decimal';
import { formatDateTime } from '../../../lib/date';
import { useCan } from '../../../app/session';
import { enumLabel, useLocale, useT } from '../../../i18n';

type Row = Result['pickLists']['nodes'][number];
const STATUSES: PickListStatus[] = ['OPEN', 'CONFIRMED', 'CANCELLED'];

/** /stock/pick-lists — the pick lists with their shipments and progress: search, statuses and sorting in the URL. */
export default function PickListsPage() {
  const t = useT();
  const [locale] = useLocale();
  const canWrite = useCan(PICK_WRITE);
  const state = useListState();
  const filter = { query: state.search || undefined, status: state.statuses.length ? (state.statuses as PickListStatus[]) : undefined };
  const list = usePagedQuery({ query: PickListsQuery, variables: { filter, orderBy: state.orderBy as PickListOrder | undefined }, connection: (d) => d.pickLists });
  const all: ColumnType<Row>[] = [
    {
      key: 'NUMBER',
      title: t('dispatch.number'),
      sorter: true,
      sortOrder: state.sortOrderOf('NUMBER'),
      render: (_, r) => (
        <Link to={pickListPath(r.number)} data-testid={`picklist-link-${r.number}`}>
          {r.number}
        </Link>
      ),
    },
    { key: 'CREATED_AT', title: t('dispatch.createdAt'), sorter: true, sortOrder: state.sortOrderOf('CREATED_AT'), render: (_, r) => formatDateTime(r.createdAt, locale) },
    { key: 'warehouse', title: t('dispatch.warehouse'), render: (_, r) => `${r.warehouse.code} ${r.warehouse.name}` },
    {
      key: 'STATUS',
      title: t('dispatch.status'),
      sorter: true,
      sortOrder: state.sortOrderOf('STATUS'),
      render: (_, r) => (
        <Tag color={r.status === 'OPEN' ? 'processing' : r.status === 'CONFIRMED' ? 'success' : 'default'} data-testid={`picklist-status-${r.number}`}>
          {enumLabel(t, 'PickListStatus', r.status)}
        </Tag>
      ),
    },
    { key: 'shipments', title: t('dispatch.shipments'), render: (_, r) => r.shipments.map((s) => s.number).join(', ') },
    { key: 'customers', title: t('dispatch.customers'), render: (_, r) => [...new Set(r.shipments.map((s) => s.customer.name))].join(', ') },
    {
      key: 'progress',
      title: t('dispatch.progress'),
      align: 'right',
      render: (_, r) => `${formatQty(sumDecimals(r.lines.map((l) => l.picked)))} / ${formatQty(sumDecimals(r.lines.map((l) => l.quantity)))}`,
    },
    { key: 'confirmedAt', title: t('dispatch.confirmedAt'), render: (_, r) => formatDateTime(r.confirmedAt, locale) },
  ];
  const { columns, chooser } = useColumnChooser('pickLists', all);
  return (
    <Card>
      <Toolbar>
        <ListFilters state={state} testId="picklists" statusOptions={STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'PickListStatus', s) }))} />
        <Space>
          {chooser}
          {canWrite && (
            <Link to="/stock/pick-lists/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="picklist-new">
                {t('menu.pickListNew')}
              </Button>
            </Link>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Row> list={list} data-testid="picklists-table" showSizeChanger columns={columns} onChange={(_p, _f, s) => state.onSort(s)} />
    </Card>
  );
}
