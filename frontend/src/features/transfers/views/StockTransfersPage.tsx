import { Button, Card, Space, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { ColumnType } from 'antd/es/table';
import type { StockTransferOrder, StockTransfersQuery as Result, TransferStatus } from '../../../gql/graphql';
import { StockTransfersQuery } from '../queries';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ListFilters, useColumnChooser } from '../../../components/ListFilters';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useListState } from '../../../lib/listState';
import { formatQty } from '../../../lib/decimal';
import { useCan } from '../../../app/session';
import { STOCK_WRITE } from '../../../app/access';
import { enumLabel, useT } from '../../../i18n';

type Row = Result['stockTransfers']['nodes'][number];
const STATUSES: TransferStatus[] = ['DRAFT', 'SHIPPED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED', 'CANCELLED'];

/** /stock/transfers — transfers between warehouses with what is in transit: search, dates, statuses and sorting in the URL. */
export default function StockTransfersPage() {
  const t = useT();
  const canWrite = useCan(STOCK_WRITE);
  const state = useListState();
  const filter = { search: state.search || undefined, dateFrom: state.dateFrom, dateTo: state.dateTo, statuses: state.statuses.length ? (state.statuses as TransferStatus[]) : undefined };
  const list = usePagedQuery({ query: StockTransfersQuery, variables: { filter, orderBy: state.orderBy as StockTransferOrder | undefined }, connection: (d) => d.stockTransfers });
  const all: ColumnType<Row>[] = [
    { key: 'NUMBER', title: t('transfer.number'), sorter: true, sortOrder: state.sortOrderOf('NUMBER'), render: (_, r) => <DocumentLink kind="STOCK_TRANSFER" number={r.number} testId={`transfer-link-${r.number}`} /> },
    { key: 'DATE', title: t('transfer.date'), sorter: true, sortOrder: state.sortOrderOf('DATE'), dataIndex: 'transferDate' },
    { key: 'from', title: t('transfer.from'), render: (_, r) => `${r.fromWarehouse.code} ${r.fromWarehouse.name}` },
    { key: 'to', title: t('transfer.to'), render: (_, r) => `${r.toWarehouse.code} ${r.toWarehouse.name}` },
    { key: 'status', title: t('transfer.status'), render: (_, r) => <Tag data-testid={`transfer-status-${r.number}`}>{enumLabel(t, 'TransferStatus', r.status)}</Tag> },
    { key: 'carrier', title: t('transfer.carrier'), dataIndex: 'carrier' },
    { key: 'inTransitQty', title: t('transfer.inTransitQty'), align: 'right', render: (_, r) => formatQty(r.inTransitQuantity) },
    { key: 'inTransitValue', title: t('transfer.inTransitValue'), align: 'right', render: (_, r) => <Amount value={r.inTransitValue} /> },
  ];
  const { columns, chooser } = useColumnChooser('stockTransfers', all);
  return (
    <Card>
      <Toolbar>
        <ListFilters state={state} testId="transfers" statusOptions={STATUSES.map((s) => ({ value: s, label: enumLabel(t, 'TransferStatus', s) }))} />
        <Space>
          {chooser}
          {canWrite && (
            <Link to="/stock/transfers/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="transfer-new">
                {t('menu.stockTransferNew')}
              </Button>
            </Link>
          )}
        </Space>
      </Toolbar>
      <PagedTable<Row> list={list} data-testid="transfers-table" showSizeChanger columns={columns} onChange={(_p, _f, s) => state.onSort(s)} />
    </Card>
  );
}
