import { useParams } from 'react-router';
import { useQuery } from 'urql';
import { SalesOrderByNumberQuery } from '../documentQueries';
import { SalesOrderDetail } from '../components/SalesOrderDrawer';
import { SoStatusTag } from '../components/common';
import { DocumentPage, type Related } from './DocumentPage';
import { useCanRead } from '../../../app/session';

/** /sales/orders/SO-000012 — one sales order by its number, with its shipments, their invoices and the payments of those. */
export default function SalesOrderPage() {
  const { number = '' } = useParams();
  const withMoney = useCanRead('CUSTOMER_MONEY');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: SalesOrderByNumberQuery,
    variables: { number, withMoney },
    requestPolicy: 'cache-and-network',
  });
  const o = data?.salesOrder;
  const related: Related[] = [];
  const seen = new Set<string>();
  const add = (r: Related) => {
    if (!seen.has(r.number)) {
      seen.add(r.number);
      related.push(r);
    }
  };
  for (const s of o?.shipments ?? []) add({ kind: 'SHIPMENT', number: s.number, date: s.postingDate });
  for (const s of o?.shipments ?? [])
    if (s.invoice)
      add({
        kind: 'SALES_INVOICE',
        number: s.invoice.number,
        date: s.invoice.postingDate,
      });
  for (const s of o?.shipments ?? [])
    for (const a of s.invoice?.allocations ?? []) {
      if (a.payment)
        add({
          kind: 'CUSTOMER_PAYMENT',
          number: a.payment.number,
          date: a.postingDate,
        });
      if (a.return)
        add({
          kind: 'SALES_RETURN',
          number: a.return.number,
          date: a.postingDate,
        });
    }
  for (const s of o?.shipments ?? []) for (const r of s.returns) add({ kind: 'SALES_RETURN', number: r.number, date: r.postingDate });
  return (
    <DocumentPage
      testId="so-page"
      title={o?.number ?? number}
      status={o && <SoStatusTag status={o.status} />}
      fetching={fetching}
      error={error}
      found={!!o}
      recordType="salesOrder"
      recordId={o?.id}
      related={related}
    >
      {o && <SalesOrderDetail id={o.id} audit={false} onChanged={() => refetch({ requestPolicy: 'network-only' })} />}
    </DocumentPage>
  );
}
