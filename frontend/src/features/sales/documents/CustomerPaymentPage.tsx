import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Descriptions, Table } from 'antd';
import { CustomerPaymentByNumberQuery } from '../documentQueries';
import { SalesInvoiceStatusTag } from '../components/common';
import { DocumentPage, type Related } from './DocumentPage';
import { Amount } from '../../../components/Amount';
import { DocumentLink } from '../../../components/DocumentLink';
import { useT } from '../../../i18n';

/** /finance/customer-payments/RC-000012 — one customer payment by its number: the invoices it settled (and their orders) and its refunds. */
export default function CustomerPaymentPage() {
  const t = useT();
  const { number = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({
    query: CustomerPaymentByNumberQuery,
    variables: { number },
    requestPolicy: 'cache-and-network',
  });
  const p = data?.customerPayment;
  const related: Related[] = [];
  const seen = new Set<string>();
  for (const a of p?.allocations ?? []) {
    if (!seen.has(a.invoiceNumber)) {
      seen.add(a.invoiceNumber);
      related.push({
        kind: 'SALES_INVOICE',
        number: a.invoiceNumber,
        date: a.postingDate,
        note: <Amount value={a.amount} />,
      });
    }
    for (const s of a.invoice.shipments) {
      if (!seen.has(s.order.number)) {
        seen.add(s.order.number);
        related.push({ kind: 'SALES_ORDER', number: s.order.number });
      }
    }
  }
  for (const r of p?.refunds ?? [])
    related.push({
      kind: 'CUSTOMER_REFUND',
      number: r.number,
      date: r.postingDate,
      note: <Amount value={r.amount} />,
    });
  return (
    <DocumentPage
      testId="cpay-page"
      title={p?.number ?? number}
      fetching={fetching}
      error={error}
      found={!!p}
      recordType="customerPayment"
      recordId={p?.id}
      journal={
        p
          ? [
              { sourceType: 'CUSTOMER_PAYMENT', sourceId: p.id },
              { sourceType: 'CUSTOMER_CREDIT_APPLICATION', sourceId: p.id },
            ]
          : undefined
      }
      related={related}
    >
      {p && (
        <>
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('so.customer')}>{`${p.customer.code} ${p.customer.name}`}</Descriptions.Item>
            <Descriptions.Item label={t('cpay.date')}>{p.postingDate}</Descriptions.Item>
            <Descriptions.Item label={t('cpay.bank')}>{p.bankAccount}</Descriptions.Item>
            <Descriptions.Item label={t('cpay.amount')}>
              <Amount value={p.amount} strong testId="cpay-page-amount" />
            </Descriptions.Item>
            <Descriptions.Item label={t('cpay.applied')}>
              <Amount value={p.appliedAmount} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cpay.unapplied')}>
              <Amount value={p.unapplied} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cpay.refunded')}>
              <Amount value={p.refundedAmount} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cpay.reference')} span={2}>
              {p.reference || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={p.allocations}
            title={() => t('cpay.allocations')}
            data-testid="cpay-page-allocations"
            columns={[
              {
                title: t('sinv.number'),
                render: (_, a) => <DocumentLink kind="SALES_INVOICE" number={a.invoiceNumber} />,
              },
              { title: t('sdoc.settledOn'), dataIndex: 'postingDate' },
              {
                title: t('cpay.allocate'),
                align: 'right',
                render: (_, a) => <Amount value={a.amount} />,
              },
              {
                title: t('common.status'),
                render: (_, a) => <SalesInvoiceStatusTag status={a.invoice.status} />,
              },
            ]}
          />
        </>
      )}
    </DocumentPage>
  );
}
