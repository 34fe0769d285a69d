import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Descriptions } from 'antd';
import { CustomerRefundByNumberQuery } from '../documentQueries';
import { DocumentPage, type Related } from './DocumentPage';
import { Amount } from '../../../components/Amount';
import { DocumentLink } from '../../../components/DocumentLink';
import { useT } from '../../../i18n';

/** /finance/customer-refunds/RF-000012 — one refund to a customer by its number, with the credit note or payment it pays back. */
export default function CustomerRefundPage() {
  const t = useT();
  const { number = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({
    query: CustomerRefundByNumberQuery,
    variables: { number },
    requestPolicy: 'cache-and-network',
  });
  const f = data?.customerRefund;
  const related: Related[] = f
    ? [
        ...(f.return
          ? [
              { kind: 'SALES_RETURN' as const, number: f.return.number },
              {
                kind: 'SALES_INVOICE' as const,
                number: f.return.invoice.number,
              },
            ]
          : []),
        ...(f.payment ? [{ kind: 'CUSTOMER_PAYMENT' as const, number: f.payment.number }] : []),
      ]
    : [];
  return (
    <DocumentPage
      testId="refund-page"
      title={f?.number ?? number}
      fetching={fetching}
      error={error}
      found={!!f}
      recordType="customerRefund"
      recordId={f?.id}
      journal={f ? [{ sourceType: 'CUSTOMER_REFUND', sourceId: f.id }] : undefined}
      related={related}
    >
      {f && (
        <Descriptions size="small" column={3} bordered>
          <Descriptions.Item label={t('so.customer')}>{`${f.customer.code} ${f.customer.name}`}</Descriptions.Item>
          <Descriptions.Item label={t('sdoc.refundDate')}>{f.postingDate}</Descriptions.Item>
          <Descriptions.Item label={t('cpay.bank')}>{f.bankAccount}</Descriptions.Item>
          <Descriptions.Item label={t('cpay.amount')}>
            <Amount value={f.amount} strong />
          </Descriptions.Item>
          <Descriptions.Item label={t('sdoc.refundOf')} span={2}>
            {f.return ? <DocumentLink kind="SALES_RETURN" number={f.return.number} /> : <DocumentLink kind="CUSTOMER_PAYMENT" number={f.payment?.number} />}
          </Descriptions.Item>
        </Descriptions>
      )}
    </DocumentPage>
  );
}
