import { Card, Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { GoodsReceiptOrder, GoodsReceiptsQuery as Result } from '../../../gql/graphql';
import { GoodsReceiptsQuery } from '../documentQueries';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ExportButton } from '../../../components/ExportButton';
import { ListFilters, useColumnChooser } from '../../../components/ListFilters';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useListState } from '../../../lib/listState';
import { dec, sumDecimals } from '../../../lib/decimal';
import { useT } from '../../../i18n';

type Receipt = Result['goodsReceipts']['nodes'][number];
const value = (r: Receipt) => sumDecimals(r.lines.map((l) => l.value)).toString();
const accepted = (r: Receipt) => sumDecimals(r.lines.map((l) => l.acceptedQuantity)).toString();
const rejected = (r: Receipt) => sumDecimals(r.lines.map((l) => l.rejectedQuantity)).toString();

/** /stock/receipts — goods receipts (入库单): search by number, order or supplier, dates, sorting, in the URL. */
export default function GoodsReceiptsPage() {
  const t = useT();
  const state = useListState();
  const filter = { search: state.search || undefined, dateFrom: state.dateFrom, dateTo: state.dateTo };
  const list = usePagedQuery({ query: GoodsReceiptsQuery, variables: { filter, orderBy: state.orderBy as GoodsReceiptOrder | undefined }, connection: (d) => d.goodsReceipts });
  const all: ColumnType<Receipt>[] = [
    { key: 'NUMBER', title: t('receipt.number'), sorter: true, sortOrder: state.sortOrderOf('NUMBER'), render: (_, r) => <DocumentLink kind="PURCHASE_RECEIPT" number={r.number} testId={`receipt-link-${r.number}`} /> },
    { key: 'DATE', title: t('receipt.date'), sorter: true, sortOrder: state.sortOrderOf('DATE'), dataIndex: 'receiptDate' },
    { key: 'order', title: t('landed.orders'), render: (_, r) => <DocumentLink kind="PURCHASE_ORDER" number={r.purchaseOrder.number} /> },
    { key: 'supplier', title: t('po.supplier'), render: (_, r) => `${r.purchaseOrder.supplier.code} ${r.purchaseOrder.supplier.name}` },
    { key: 'warehouse', title: t('stock.warehouse'), render: (_, r) => r.warehouse.code },
    { key: 'accepted', title: t('receipt.accepted'), align: 'right', render: (_, r) => accepted(r) },
    { key: 'rejected', title: t('receipt.rejected'), align: 'right', render: (_, r) => (dec(rejected(r)).gt(0) ? rejected(r) : '') },
    { key: 'value', title: t('stock.value'), align: 'right', render: (_, r) => <Amount value={value(r)} /> },
    { key: 'notes', title: t('po.notes'), dataIndex: 'notes' },
  ];
  const { columns, chooser } = useColumnChooser('goodsReceipts', all);
  return (
    <Card>
      <Toolbar>
        <ListFilters state={state} testId="receipts" />
        <Space>
          {chooser}
          <ExportButton<Receipt>
            fileName={t('menu.goodsReceipts')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('receipt.number'), value: (r) => r.number },
              { header: t('receipt.date'), value: (r) => r.receiptDate },
              { header: t('landed.orders'), value: (r) => r.purchaseOrder.number },
              { header: t('po.supplier'), value: (r) => `${r.purchaseOrder.supplier.code} ${r.purchaseOrder.supplier.name}`, width: 24 },
              { header: t('stock.warehouse'), value: (r) => r.warehouse.code },
              { header: t('receipt.accepted'), value: (r) => ({ decimal: accepted(r) }) },
              { header: t('receipt.rejected'), value: (r) => ({ decimal: rejected(r) }) },
              { header: t('stock.value'), value: (r) => ({ decimal: value(r) }) },
            ]}
          />
        </Space>
      </Toolbar>
      <PagedTable<Receipt> list={list} data-testid="receipts-table" showSizeChanger columns={columns} onChange={(_p, _f, s) => state.onSort(s)} />
    </Card>
  );
}
