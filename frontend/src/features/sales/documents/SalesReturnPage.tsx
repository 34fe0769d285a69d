import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Descriptions, Table } from 'antd';
import { SalesReturnByNumberQuery } from '../documentQueries';
import { DocumentPage, type Related } from './DocumentPage';
import { Amount } from '../../../components/Amount';
import { DocumentLink } from '../../../components/DocumentLink';
import { useCanRead } from '../../../app/session';
import { formatQty } from '../../../lib/decimal';
import { useLocalName, useT } from '../../../i18n';

/** /sales/returns/CN-000012 — one sales return (credit note) by its number: its lines, the shipment and invoice it reverses, and its refunds. */
export default function SalesReturnPage() {
  const t = useT();
  const localName = useLocalName();
  const { number = '' } = useParams();
  const withMoney = useCanRead('CUSTOMER_MONEY');
  const withCost = useCanRead('MARGINS_AND_COSTS');
  const [{ data, fetching, error }] = useQuery({
    query: SalesReturnByNumberQuery,
    variables: { number, withMoney, withCost },
    requestPolicy: 'cache-and-network',
  });
  const r = data?.salesReturn;
  const related: Related[] = r
    ? [
        { kind: 'SALES_ORDER', number: r.shipment.order.number },
        { kind: 'SHIPMENT', number: r.shipment.number },
        { kind: 'SALES_INVOICE', number: r.invoice.number },
        ...(r.refunds ?? []).map((f) => ({
          kind: 'CUSTOMER_REFUND' as const,
          number: f.number,
          date: f.postingDate,
          note: <Amount value={f.amount} />,
        })),
      ]
    : [];
  return (
    <DocumentPage
      testId="sret-page"
      title={r?.number ?? number}
      fetching={fetching}
      error={error}
      found={!!r}
      recordType="salesReturn"
      recordId={r?.id}
      journal={r ? [{ sourceType: 'SALES_RETURN', sourceId: r.id }] : undefined}
      related={related}
    >
      {r && (
        <>
          <Descriptions size="small" column={3} bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('so.customer')}>{`${r.customer.code} ${r.customer.name}`}</Descriptions.Item>
            <Descriptions.Item label={t('sret.date')}>{r.postingDate}</Descriptions.Item>
            <Descriptions.Item label={t('sret.reason')}>{r.reason || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('ship.number')}>
              <DocumentLink kind="SHIPMENT" number={r.shipment.number} />
            </Descriptions.Item>
            <Descriptions.Item label={t('sinv.number')}>
              <DocumentLink kind="SALES_INVOICE" number={r.invoice.number} />
            </Descriptions.Item>
            {withMoney && (
              <>
                <Descriptions.Item label={t('sret.total')}>
                  <Amount value={r.totalAmount} strong />
                </Descriptions.Item>
                <Descriptions.Item label={t('sret.applied')}>
                  <Amount value={r.appliedAmount} />
                </Descriptions.Item>
                <Descriptions.Item label={t('cpay.refunded')}>
                  <Amount value={r.refundedAmount} />
                </Descriptions.Item>
                <Descriptions.Item label={t('sret.openCredit')}>
                  <Amount value={r.openCredit} />
                </Descriptions.Item>
              </>
            )}
          </Descriptions>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={r.lines}
            data-testid="sret-page-lines"
            columns={[
              { title: '#', dataIndex: 'lineNo', width: 40 },
              { title: t('products.sku'), render: (_, l) => l.product.sku },
              {
                title: t('products.name'),
                render: (_, l) => localName(l.product),
              },
              {
                title: t('stock.warehouse'),
                render: (_, l) => l.warehouse.code,
              },
              {
                title: t('sret.quantity'),
                align: 'right',
                render: (_, l) => formatQty(l.quantity),
              },
              ...(withMoney
                ? [
                    {
                      title: t('so.net'),
                      align: 'right' as const,
                      render: (_: unknown, l: (typeof r.lines)[number]) => <Amount value={l.netAmount} />,
                    },
                    {
                      title: t('so.vat'),
                      align: 'right' as const,
                      render: (_: unknown, l: (typeof r.lines)[number]) => <Amount value={l.vatAmount} />,
                    },
                  ]
                : []),
              ...(withCost
                ? [
                    {
                      title: t('ship.cost'),
                      align: 'right' as const,
                      render: (_: unknown, l: (typeof r.lines)[number]) => <Amount value={l.costValue} />,
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </DocumentPage>
  );
}
