import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Descriptions, Table } from 'antd';
import { SalesInvoiceByNumberQuery } from '../documentQueries';
import { SalesInvoiceStatusTag } from '../components/common';
import { DocumentPage, type Related } from './DocumentPage';
import { Amount } from '../../../components/Amount';
import { VatInvoiceCell } from '../../ledger/components/VatInvoiceInfo';
import { dec, formatDecimal, formatQty } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';

/** /sales/invoices/SI-000047 — one sales invoice by its number: its lines, the shipments it bills, what settled it and its credit notes. */
export default function SalesInvoicePage() {
  const t = useT();
  const localName = useLocalName();
  const { number = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({
    query: SalesInvoiceByNumberQuery,
    variables: { number },
    requestPolicy: 'cache-and-network',
  });
  const i = data?.salesInvoice;
  const orders = new Map<string, string>();
  for (const s of i?.shipments ?? []) orders.set(s.order.number, s.order.number);
  const related: Related[] = i
    ? [
        ...[...orders.keys()].map((n) => ({
          kind: 'SALES_ORDER' as const,
          number: n,
        })),
        ...i.shipments.map((s) => ({
          kind: 'SHIPMENT' as const,
          number: s.number,
          date: s.postingDate,
        })),
        ...i.allocations.flatMap((a) =>
          a.payment
            ? [
                {
                  kind: 'CUSTOMER_PAYMENT' as const,
                  number: a.payment.number,
                  date: a.postingDate,
                  note: <Amount value={a.amount} />,
                },
              ]
            : [],
        ),
        ...i.returns.map((r) => ({
          kind: 'SALES_RETURN' as const,
          number: r.number,
          date: r.postingDate,
          note: <Amount value={r.totalAmount} />,
        })),
        ...i.returns.flatMap((r) =>
          r.refunds.map((f) => ({
            kind: 'CUSTOMER_REFUND' as const,
            number: f.number,
            note: <Amount value={f.amount} />,
          })),
        ),
      ]
    : [];
  return (
    <DocumentPage
      testId="sinv-page"
      title={i?.number ?? number}
      status={i && <SalesInvoiceStatusTag status={i.status} />}
      fetching={fetching}
      error={error}
      found={!!i}
      recordType="salesInvoice"
      recordId={i?.id}
      journal={i ? [{ sourceType: 'SALES_INVOICE', sourceId: i.id }] : undefined}
      related={related}
    >
      {i && (
        <>
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('so.customer')}>{`${i.customer.code} ${i.customer.name}`}</Descriptions.Item>
            <Descriptions.Item label={t('sinv.date')}>{i.postingDate}</Descriptions.Item>
            <Descriptions.Item label={t('sinv.due')}>{i.dueDate}</Descriptions.Item>
            <Descriptions.Item label={t('so.net')}>
              <Amount value={i.netAmount} />
            </Descriptions.Item>
            <Descriptions.Item label={t('so.vat')}>
              <Amount value={i.vatAmount} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sinv.total')}>
              <Amount value={i.totalAmount} strong testId="sinv-page-total" />
            </Descriptions.Item>
            <Descriptions.Item label={t('sinv.paid')}>
              <Amount value={i.paidAmount} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sinv.credited')}>
              <Amount value={i.creditedAmount} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sinv.open')}>
              <Amount value={i.openAmount} strong={dec(i.openAmount).gt(0)} testId="sinv-page-open" />
            </Descriptions.Item>
            <Descriptions.Item label={t('vat.invoiceInfo')} span={3}>
              <VatInvoiceCell info={i.vatInvoice} />
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={i.lines}
            data-testid="sinv-page-lines"
            columns={[
              { title: '#', dataIndex: 'lineNo', width: 40 },
              { title: t('products.sku'), render: (_, l) => l.product.sku },
              {
                title: t('products.name'),
                render: (_, l) => localName(l.product),
              },
              {
                title: t('so.quantity'),
                align: 'right',
                render: (_, l) => formatQty(l.quantity),
              },
              {
                title: t('so.unitPrice'),
                align: 'right',
                render: (_, l) => formatDecimal(l.unitPrice, 2),
              },
              {
                title: t('so.discountPct'),
                align: 'right',
                render: (_, l) => `${formatDecimal(dec(l.discountRate).times(100), 2)}%`,
              },
              {
                title: t('so.vatPct'),
                align: 'right',
                render: (_, l) => `${formatDecimal(dec(l.vatRate).times(100), 0)}%`,
              },
              {
                title: t('so.net'),
                align: 'right',
                render: (_, l) => <Amount value={l.netAmount} />,
              },
              {
                title: t('so.vat'),
                align: 'right',
                render: (_, l) => <Amount value={l.vatAmount} />,
              },
            ]}
          />
        </>
      )}
    </DocumentPage>
  );
}
