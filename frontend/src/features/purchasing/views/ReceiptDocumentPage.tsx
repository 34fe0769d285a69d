import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { Button, Descriptions, Table } from 'antd';
import type { GoodsReceiptDocumentQuery } from '../../../gql/graphql';
import { GoodsReceiptDocumentQuery as Query } from '../documentQueries';
import { DocumentFrame, JournalSection, RelatedDocuments, Section } from '../components/DocumentFrame';
import { PoStatusTag } from '../components/common';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { TotalsRow } from '../../../components/TotalsRow';
import { useCan } from '../../../app/session';
import { FINANCE_READ, PURCHASING_READ } from '../../../app/access';
import { formatMoney, formatQty, sumDecimals } from '../../../lib/decimal';
import { formatDateTime } from '../../../lib/date';
import { enumLabel, useLocalName, useT } from '../../../i18n';

type Line = NonNullable<GoodsReceiptDocumentQuery['goodsReceipt']>['lines'][number];

/** /stock/receipts/:number — one goods receipt (入库单): its order, lines, landed costs, invoices and journal entry. */
export default function ReceiptDocumentPage() {
  const t = useT();
  const localName = useLocalName();
  const { number = '' } = useParams();
  const withJournal = useCan(FINANCE_READ);
  const withInvoices = useCan(PURCHASING_READ);
  const canReturn = useCan(['PURCHASING', 'WAREHOUSE']);
  const [{ data, error, fetching }] = useQuery({ query: Query, variables: { number, withJournal, withInvoices } });
  const r = data?.goodsReceipt;
  const canScrap = useCan(['WAREHOUSE', 'MANAGER']);
  const actions = r ? (
    <>
      {canReturn && (
        <Link to={`/purchasing/supplier-returns/new?receipt=${encodeURIComponent(r.number)}`}>
          <Button data-testid="receipt-return">{t('sret.new')}</Button>
        </Link>
      )}
      {canScrap && (
        <Link to={`/stock/scraps/new?receipt=${encodeURIComponent(r.number)}`}>
          <Button danger data-testid="receipt-scrap">{t('scrap.fromReceipt')}</Button>
        </Link>
      )}
    </>
  ) : undefined;
  return (
    <DocumentFrame title={t('pdoc.kind.PURCHASE_RECEIPT')} number={number} back="/stock/receipts" fetching={fetching} error={error} found={!!r} recordType="goodsReceipt" recordId={r?.id} actions={actions}>
      {r && (
        <>
          <Descriptions size="small" column={3} bordered data-testid="document-header">
            <Descriptions.Item label={t('receipt.number')}>{r.number}</Descriptions.Item>
            <Descriptions.Item label={t('landed.orders')}>
              <DocumentLink kind="PURCHASE_ORDER" number={r.purchaseOrder.number} testId="receipt-order-link" /> <PoStatusTag status={r.purchaseOrder.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('po.supplier')}>{`${r.purchaseOrder.supplier.code} ${r.purchaseOrder.supplier.name}`}</Descriptions.Item>
            <Descriptions.Item label={t('stock.warehouse')}>{`${r.warehouse.code} ${r.warehouse.name}`}</Descriptions.Item>
            <Descriptions.Item label={t('receipt.date')}>{r.receiptDate}</Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(r.createdAt)}</Descriptions.Item>
            {r.notes && <Descriptions.Item label={t('po.notes')} span={3}>{r.notes}</Descriptions.Item>}
          </Descriptions>
          <Section title={t('receipt.lines')}>
            <Table<Line>
              size="small"
              rowKey="lineNo"
              pagination={false}
              dataSource={r.lines}
              data-testid="document-lines"
              columns={[
                { title: '#', dataIndex: 'lineNo', width: 40 },
                { title: t('products.sku'), render: (_, l) => l.product.sku },
                { title: t('products.name'), render: (_, l) => localName(l.product) },
                { title: t('stock.bin'), render: (_, l) => l.location?.code ?? '' },
                { title: t('receipt.accepted'), align: 'right', render: (_, l) => formatQty(l.acceptedQuantity) },
                { title: t('receipt.rejected'), align: 'right', render: (_, l) => formatQty(l.rejectedQuantity) },
                { title: t('receipt.reason'), dataIndex: 'rejectionReason' },
                { title: t('po.unitPrice'), align: 'right', render: (_, l) => formatMoney(l.unitPrice) },
                { title: t('stock.value'), align: 'right', render: (_, l) => <Amount value={l.value} /> },
              ]}
              summary={() => <TotalsRow label={t('pdoc.total')} span={8} cells={[<Amount value={sumDecimals(r.lines.map((l) => l.value)).toString()} strong />]} />}
            />
          </Section>
          <RelatedDocuments
            items={[
              { label: t('landed.orders'), kind: 'PURCHASE_ORDER', docs: [{ number: r.purchaseOrder.number }] },
              {
                label: t('menu.supplierInvoices'),
                kind: 'SUPPLIER_INVOICE',
                docs: (r.purchaseOrder.supplierInvoices ?? []).map((i) => ({ number: i.number, extra: enumLabel(t, 'invoiceStatus', i.status) })),
              },
              { label: t('menu.landedCosts'), kind: 'LANDED_COST', docs: (r.landedCosts ?? []).map((c) => ({ number: c.number, extra: `${enumLabel(t, 'landedKind', c.kind)} ${formatMoney(c.amount)}` })) },
            ]}
          />
          <JournalSection entry={r.journalEntry} />
        </>
      )}
    </DocumentFrame>
  );
}
