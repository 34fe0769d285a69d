import { Card, Space } from 'antd';
import type { ColumnType } from 'antd/es/table';
import type { StockDocumentKind, StockDocumentOrder, StockDocumentsQuery as Result } from '../../../gql/graphql';
import { StockDocumentsQuery } from '../queries';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { Toolbar } from '../../../components/Toolbar';
import { PagedTable } from '../../../components/PagedTable';
import { ExportButton } from '../../../components/ExportButton';
import { ListFilters, useColumnChooser } from '../../../components/ListFilters';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { useListState } from '../../../lib/listState';
import { sumDecimals } from '../../../lib/decimal';
import { enumLabel, useT } from '../../../i18n';

type Doc = Result['stockDocuments']['nodes'][number];
const KINDS: StockDocumentKind[] = ['OPENING_STOCK', 'COUNT_VARIANCE', 'SCRAP'];
const value = (d: Doc) => sumDecimals(d.lines.map((l) => l.value)).toString();

/** /stock/documents — opening stock and adjustments by their numbers (OS-000001, ADJ-000004): search, dates, kinds, sorting, in the URL. */
export default function StockDocumentsPage() {
  const t = useT();
  const state = useListState();
  const filter = { search: state.search || undefined, dateFrom: state.dateFrom, dateTo: state.dateTo, kinds: state.statuses.length ? (state.statuses as StockDocumentKind[]) : undefined };
  const list = usePagedQuery({ query: StockDocumentsQuery, variables: { filter, orderBy: state.orderBy as StockDocumentOrder | undefined }, connection: (d) => d.stockDocuments });
  const all: ColumnType<Doc>[] = [
    { key: 'NUMBER', title: t('stock.sourceId'), sorter: true, sortOrder: state.sortOrderOf('NUMBER'), render: (_, d) => <DocumentLink kind={d.kind === 'OPENING_STOCK' ? 'OPENING_STOCK' : 'STOCK_ADJUSTMENT'} number={d.number} testId={`stockdoc-link-${d.number}`} /> },
    { key: 'KIND', title: t('stockDoc.kind'), sorter: true, sortOrder: state.sortOrderOf('KIND'), render: (_, d) => enumLabel(t, 'StockDocumentKind', d.kind) },
    { key: 'DATE', title: t('common.postingDate'), sorter: true, sortOrder: state.sortOrderOf('DATE'), dataIndex: 'postingDate' },
    { key: 'description', title: t('common.description'), dataIndex: 'description' },
    { key: 'lines', title: t('receipt.lines'), align: 'right', render: (_, d) => d.lines.length },
    { key: 'value', title: t('stock.value'), align: 'right', render: (_, d) => <Amount value={value(d)} /> },
    { key: 'voucher', title: t('journal.entry'), render: (_, d) => d.voucherNo ?? '—' },
  ];
  const { columns, chooser } = useColumnChooser('stockDocuments', all);
  return (
    <Card>
      <Toolbar>
        <ListFilters state={state} testId="stockdocs" statusOptions={KINDS.map((k) => ({ value: k, label: enumLabel(t, 'StockDocumentKind', k) }))} />
        <Space>
          {chooser}
          <ExportButton<Doc>
            fileName={t('menu.stockDocuments')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('stock.sourceId'), value: (d) => d.number },
              { header: t('stockDoc.kind'), value: (d) => enumLabel(t, 'StockDocumentKind', d.kind) },
              { header: t('common.postingDate'), value: (d) => d.postingDate },
              { header: t('common.description'), value: (d) => d.description, width: 30 },
              { header: t('stock.value'), value: (d) => ({ decimal: value(d) }) },
              { header: t('journal.entry'), value: (d) => d.voucherNo },
            ]}
          />
        </Space>
      </Toolbar>
      <PagedTable<Doc> list={list} data-testid="stockdocs-table" showSizeChanger columns={columns} onChange={(_p, _f, s) => state.onSort(s)} />
    </Card>
  );
}
