import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Card, DatePicker, Select, Space, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import type { SourceType, StockMoveFilter, StockMovesQuery as MovesResult } from '../../../gql/graphql';
import { StockMovesQuery } from '../queries';
import { ProductPicker } from '../../../components/ProductPicker';
import { DocumentLink } from '../../../components/DocumentLink';
import { useReferenceOptions } from '../../catalog/useReferenceData';
import { ExportButton } from '../../../components/ExportButton';
import { BulkExportButton } from '../../export/components/BulkExportButton';
import { STOCK_MOVES_EXPORT } from '../../export/mutations';
import { SourceTypeSelect } from '../../../components/SourceTypeSelect';
import { PagedTable } from '../../../components/PagedTable';
import { usePagedQuery } from '../../../lib/pagedQuery';
import { dec, formatMoney, formatQty } from '../../../lib/decimal';
import { useCan } from '../../../app/session';
import { useLocalName, enumLabel, useT } from '../../../i18n';
import { isoDate } from '../../../lib/date';

type Move = MovesResult['stockMoves']['nodes'][number];
const SOURCE_TYPES: SourceType[] = ['OPENING_STOCK', 'STOCK_ADJUSTMENT', 'PURCHASE_RECEIPT', 'LANDED_COST'];
const fmtDate = (d: Dayjs | null | undefined) => (isoDate(d));

export default function StockMovesPage() {
  const t = useT();
  const localName = useLocalName();
  const refs = useReferenceOptions();
  const canSeeJournal = useCan(['MANAGER', 'FINANCE', 'ANALYST']);
  const [productId, setProductId] = useState<string>();
  const [warehouseId, setWarehouseId] = useState<string>();
  const [sourceType, setSourceType] = useState<SourceType>();
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [direction, setDirection] = useState<'ASC' | 'DESC'>('DESC');

  const filter = useMemo<StockMoveFilter>(
    () => ({ productId, warehouseId, sourceType, dateFrom: fmtDate(range?.[0]), dateTo: fmtDate(range?.[1]) }),
    [productId, warehouseId, sourceType, range],
  );
  const orderBy = useMemo(() => ({ direction }), [direction]);
  const list = usePagedQuery({ query: StockMovesQuery, variables: { filter, orderBy }, connection: (d) => d.stockMoves, pageSize: 50 });

  // The source document by its number, a link to its page.
  const sourceCell = (m: Move) => (
    <>
      {enumLabel(t, 'source', m.source.type)}{' '}
      <DocumentLink kind={m.source.type} number={m.source.number} testId={`move-source-${m.id}`} />
    </>
  );

  return (
    <Card
      extra={
        <Space>
          <BulkExportButton query={STOCK_MOVES_EXPORT} variables={{ filter, orderBy }} testId="stock-moves-bulk-export" />
          <ExportButton
            fileName={t('menu.stockMoves')}
            fetchRows={list.exportRows}
            columns={[
              { header: t('common.postingDate'), value: (m: Move) => m.postingDate, width: 12 },
              { header: t('products.sku'), value: (m: Move) => m.product.sku, width: 16 },
              { header: t('products.name'), value: (m: Move) => localName(m.product), width: 28 },
              { header: t('stock.warehouse'), value: (m: Move) => m.warehouse.code },
              { header: t('stock.bin'), value: (m: Move) => m.location?.code },
              { header: t('stock.quantity'), value: (m: Move) => ({ decimal: m.quantity }) },
              { header: t('stock.value'), value: (m: Move) => ({ decimal: m.value }) },
              { header: t('stock.source'), value: (m: Move) => enumLabel(t, 'source', m.source.type), width: 16 },
              { header: t('stock.sourceId'), value: (m: Move) => m.source.number },
              { header: t('journal.entry'), value: (m: Move) => m.voucherNo },
            ]}
          />
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <ProductPicker allowClear placeholder={t('stock.product')} style={{ width: 260 }} value={productId} onChange={(v) => setProductId(v)} />
        <Select allowClear placeholder={t('stock.warehouse')} style={{ width: 200 }} value={warehouseId} onChange={setWarehouseId} options={refs.warehouseOptions} />
        <SourceTypeSelect types={SOURCE_TYPES} value={sourceType} onChange={setSourceType} />
        <DatePicker.RangePicker value={range} onChange={(v) => setRange(v)} />
      </Space>
      <PagedTable<Move>
        list={list}
        data-testid="stock-moves-table"
        showSizeChanger
        sizes
        onChange={(_p, _f, s) => {
          const order = Array.isArray(s) ? s[0]?.order : s.order;
          setDirection(order === 'ascend' ? 'ASC' : 'DESC');
        }}
        columns={[
          {
            key: 'postingDate',
            title: t('common.postingDate'),
            dataIndex: 'postingDate',
            sorter: true,
            sortOrder: direction === 'ASC' ? 'ascend' : 'descend',
            sortDirections: ['descend', 'ascend', 'descend'],
          },
          { title: t('products.sku'), render: (_, m) => m.product.sku },
          { title: t('products.name'), render: (_, m) => localName(m.product) },
          { title: t('stock.warehouse'), render: (_, m) => `${m.warehouse.code}${m.location ? ` / ${m.location.code}` : ''}` },
          {
            title: t('stock.quantity'),
            align: 'right',
            render: (_, m) => <Tag color={dec(m.quantity).gt(0) ? 'green' : 'red'}>{`${dec(m.quantity).gt(0) ? '+' : ''}${formatQty(m.quantity)} ${m.product.unit}`}</Tag>,
          },
          { title: t('stock.value'), align: 'right', render: (_, m) => formatMoney(m.value) },
          { title: t('stock.source'), render: (_, m) => sourceCell(m) },
          {
            title: t('journal.entry'),
            render: (_, m) =>
              !m.journalEntryId ? '—' : canSeeJournal ? <Link to={`/finance/journal?entry=${m.journalEntryId}`}>{m.voucherNo}</Link> : m.voucherNo,
          },
        ]}
      />
    </Card>
  );
}
