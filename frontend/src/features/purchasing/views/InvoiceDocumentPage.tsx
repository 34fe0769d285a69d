import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Descriptions, Table } from 'antd';
import type { SupplierInvoiceDocumentQuery } from '../../../gql/graphql';
import { SupplierInvoiceDocumentQuery as Query } from '../documentQueries';
import { DocumentFrame, JournalSection, RelatedDocuments, Section } from '../components/DocumentFrame';
import { InvoiceStatusTag } from '../components/common';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { TotalsRow } from '../../../components/TotalsRow';
import { useCanRead } from '../../../app/session';
import { formatMoney, formatQty } from '../../../lib/decimal';
import { formatDateTime } from '../../../lib/date';
import { enumLabel, useLocalName, useT } from '../../../i18n';

type Line = NonNullable<SupplierInvoiceDocumentQuery['supplierInvoice']>['lines'][number];

/** /purchasing/invoices/:number — one supplier invoice: lines with their products, the match, payments and journal entry. */
export default function InvoiceDocumentPage() {
  const t = useT();
  const localName = useLocalName();
  const { number = '' } = useParams();
  const withPayables = useCanRead('SUPPLIER_MONEY');
  const [{ data, error, fetching }] = useQuery({ query: Query, variables: { number, withPayables } });
  const i = data?.supplierInvoice;
  return (
    <DocumentFrame
      title={t('pdoc.kind.SUPPLIER_INVOICE')}
      number={number}
      status={i && <InvoiceStatusTag status={i.status} />}
      back="/purchasing/invoices"
      fetching={fetching}
      error={error}
      found={!!i}
      recordType="supplierInvoice"
      recordId={i?.id}
    >
      {i && (
        <>
          <Descriptions size="small" column={3} bordered data-testid="document-header">
            <Descriptions.Item label={t('invoice.number')}>{i.number}</Descriptions.Item>
            <Descriptions.Item label={t('invoice.supplierNumber')}>{i.supplierInvoiceNumber}</Descriptions.Item>
            <Descriptions.Item label={t('po.supplier')}>{`${i.supplier.code} ${i.supplier.name}`}</Descriptions.Item>
            <Descriptions.Item label={t('invoice.kind')}>{enumLabel(t, 'SupplierInvoiceKind', i.kind)}</Descriptions.Item>
            <Descriptions.Item label={t('landed.orders')}>{i.purchaseOrder ? <DocumentLink kind="PURCHASE_ORDER" number={i.purchaseOrder.number} testId="invoice-order-link" /> : '—'}</Descriptions.Item>
            <Descriptions.Item label={t('invoice.date')}>{i.invoiceDate}</Descriptions.Item>
            <Descriptions.Item label={t('invoice.due')}>{i.dueDate}</Descriptions.Item>
            <Descriptions.Item label={t('po.total')}>
              <Amount value={i.totalAmount} strong /> ({t('po.net')} {formatMoney(i.netAmount)} + {t('po.tax')} {formatMoney(i.taxAmount)})
            </Descriptions.Item>
            {withPayables && <Descriptions.Item label={t('invoice.open')}>{formatMoney(i.openAmount)}</Descriptions.Item>}
            <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(i.createdAt)}</Descriptions.Item>
          </Descriptions>
          {i.matchIssues.length > 0 && (
            <Section title={t('invoice.issues')}>
              <ul>{i.matchIssues.map((m) => <li key={`${m.lineNo}-${m.kind}`}>{m.message}</li>)}</ul>
            </Section>
          )}
          <Section title={t('receipt.lines')}>
            <Table<Line>
              size="small"
              rowKey="lineNo"
              pagination={false}
              dataSource={i.lines}
              data-testid="document-lines"
              columns={[
                { title: '#', dataIndex: 'lineNo', width: 40 },
                { title: t('products.sku'), render: (_, l) => l.product.sku },
                { title: t('products.name'), render: (_, l) => localName(l.product) },
                { title: t('po.quantity'), align: 'right', render: (_, l) => formatQty(l.quantity) },
                { title: t('invoice.price'), align: 'right', render: (_, l) => formatMoney(l.unitPrice) },
                { title: t('invoice.orderPrice'), align: 'right', render: (_, l) => formatMoney(l.orderPrice) },
                { title: t('invoice.variance'), align: 'right', render: (_, l) => formatMoney(l.priceVariance) },
                { title: t('po.net'), align: 'right', render: (_, l) => <Amount value={l.netAmount} /> },
                { title: t('po.tax'), align: 'right', render: (_, l) => <Amount value={l.taxAmount} /> },
              ]}
              summary={() => <TotalsRow label={t('pdoc.total')} span={7} cells={[<Amount value={i.netAmount} strong />, <Amount value={i.taxAmount} strong />]} />}
            />
          </Section>
          <RelatedDocuments
            items={[
              { label: t('landed.orders'), kind: 'PURCHASE_ORDER', docs: i.purchaseOrder ? [{ number: i.purchaseOrder.number }] : [] },
              { label: t('menu.supplierPayments'), kind: 'SUPPLIER_PAYMENT', docs: (i.payments ?? []).map((p) => ({ number: p.number, extra: `${p.paymentDate} ${formatMoney(p.amount)}` })) },
            ]}
          />
          <JournalSection entry={i.journalEntry} />
        </>
      )}
    </DocumentFrame>
  );
}
