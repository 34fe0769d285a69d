import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Descriptions, Table } from 'antd';
import type { SupplierPaymentDocumentQuery } from '../../../gql/graphql';
import { SupplierPaymentDocumentQuery as Query } from '../documentQueries';
import { DocumentFrame, JournalSection, RelatedDocuments, Section } from '../components/DocumentFrame';
import { DocumentLink } from '../../../components/DocumentLink';
import { Amount } from '../../../components/Amount';
import { TotalsRow } from '../../../components/TotalsRow';
import { formatDateTime } from '../../../lib/date';
import { useT } from '../../../i18n';

type Alloc = NonNullable<SupplierPaymentDocumentQuery['supplierPayment']>['allocations'][number];

/** /finance/supplier-payments/:number — one supplier payment: the invoices it settled and its journal entry. */
export default function PaymentDocumentPage() {
  const t = useT();
  const { number = '' } = useParams();
  const [{ data, error, fetching }] = useQuery({ query: Query, variables: { number } });
  const p = data?.supplierPayment;
  const orders = [...new Set((p?.allocations ?? []).flatMap((a) => (a.invoice.purchaseOrder ? [a.invoice.purchaseOrder.number] : [])))];
  return (
    <DocumentFrame title={t('pdoc.kind.SUPPLIER_PAYMENT')} number={number} back="/finance/supplier-payments" fetching={fetching} error={error} found={!!p} recordType="supplierPayment" recordId={p?.id}>
      {p && (
        <>
          <Descriptions size="small" column={3} bordered data-testid="document-header">
            <Descriptions.Item label={t('payment.number')}>{p.number}</Descriptions.Item>
            <Descriptions.Item label={t('po.supplier')}>{`${p.supplier.code} ${p.supplier.name}`}</Descriptions.Item>
            <Descriptions.Item label={t('payment.date')}>{p.paymentDate}</Descriptions.Item>
            <Descriptions.Item label={t('payment.total')}>
              <Amount value={p.amount} strong />
            </Descriptions.Item>
            <Descriptions.Item label={t('payment.reference')}>{p.reference || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('common.createdAt')}>{formatDateTime(p.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Section title={t('payment.allocations')}>
            <Table<Alloc>
              size="small"
              rowKey={(a) => a.invoice.id}
              pagination={false}
              dataSource={p.allocations}
              data-testid="document-lines"
              columns={[
                { title: t('invoice.number'), render: (_, a) => <DocumentLink kind="SUPPLIER_INVOICE" number={a.invoice.number} testId={`payment-invoice-${a.invoice.number}`} /> },
                { title: t('invoice.supplierNumber'), render: (_, a) => a.invoice.supplierInvoiceNumber },
                { title: t('invoice.date'), render: (_, a) => a.invoice.invoiceDate },
                { title: t('po.total'), align: 'right', render: (_, a) => <Amount value={a.invoice.totalAmount} /> },
                { title: t('payment.total'), align: 'right', render: (_, a) => <Amount value={a.amount} /> },
              ]}
              summary={() => <TotalsRow label={t('pdoc.total')} span={4} cells={[<Amount value={p.amount} strong />]} />}
            />
          </Section>
          <RelatedDocuments
            items={[
              { label: t('menu.supplierInvoices'), kind: 'SUPPLIER_INVOICE', docs: p.allocations.map((a) => ({ number: a.invoice.number })) },
              { label: t('landed.orders'), kind: 'PURCHASE_ORDER', docs: orders.map((n) => ({ number: n })) },
            ]}
          />
          <JournalSection entry={p.journalEntry} />
        </>
      )}
    </DocumentFrame>
  );
}
