import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { Descriptions } from 'antd';
import { ShipmentByNumberQuery } from '../documentQueries';
import { ShipmentDetail } from '../views/ShipmentsPage';
import { ShipmentStatusTag } from '../components/common';
import { DocumentPage, type Related } from './DocumentPage';
import { DocumentLink } from '../../../components/DocumentLink';
import { useCanRead } from '../../../app/session';
import { useT } from '../../../i18n';

/** /stock/shipments/SH-000012 — one shipment by its number whatever its status, with its order, invoice and returns, and its actions (ship, confirm delivery). */
export default function ShipmentPage() {
  const t = useT();
  const { number = '' } = useParams();
  const withCost = useCanRead('MARGINS_AND_COSTS');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ShipmentByNumberQuery,
    variables: { number, withCost },
    requestPolicy: 'cache-and-network',
  });
  const s = data?.shipment;
  const related: Related[] = s
    ? [
        { kind: 'SALES_ORDER', number: s.order.number },
        ...(s.invoice
          ? [
              {
                kind: 'SALES_INVOICE' as const,
                number: s.invoice.number,
                date: s.invoice.postingDate,
              },
            ]
          : []),
        ...s.returns.map((r) => ({
          kind: 'SALES_RETURN' as const,
          number: r.number,
          date: r.postingDate,
          note: r.reason,
        })),
      ]
    : [];
  return (
    <DocumentPage
      testId="ship-page"
      title={s?.number ?? number}
      status={s && <ShipmentStatusTag status={s.status} />}
      fetching={fetching}
      error={error}
      found={!!s}
      recordType="shipment"
      recordId={s?.id}
      journal={s ? [{ sourceType: 'SHIPMENT', sourceId: s.id }] : undefined}
      related={related}
    >
      {s && (
        <>
          <Descriptions size="small" column={3} style={{ marginBottom: 8 }}>
            <Descriptions.Item label={t('so.number')}>
              <DocumentLink kind="SALES_ORDER" number={s.order.number} />
            </Descriptions.Item>
            <Descriptions.Item label={t('so.customer')}>{`${s.customer.code} ${s.customer.name}`}</Descriptions.Item>
            <Descriptions.Item label={t('sinv.number')}>{s.invoice ? <DocumentLink kind="SALES_INVOICE" number={s.invoice.number} /> : '—'}</Descriptions.Item>
          </Descriptions>
          <ShipmentDetail shipment={s} onDone={() => refetch({ requestPolicy: 'network-only' })} />
        </>
      )}
    </DocumentPage>
  );
}
