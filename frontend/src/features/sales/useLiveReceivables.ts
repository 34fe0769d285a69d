import { useRef, useState } from 'react';
import { CustomerBalancesQuery } from './queries';
import { applyBalance, fromBalances, receivableStream, type CustomerBalance, type ReceivableChange } from './liveReceivables';
import { fetchAllPages } from '../../lib/paging';
import { useLiveSnapshot } from '../../graphql/liveStream';

/**
 * Every customer's receivables, loaded once and then kept current by
 * receivableChanged (see useLiveSnapshot): no polling, no change lost while
 * loading, a reload on resync. onEvent runs for every change.
 */
export function useLiveReceivables(onEvent?: (c: ReceivableChange) => void) {
  const [lastChange, setLastChange] = useState<{ change: ReceivableChange; at: number } | null>(null);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  const { state, error, reload } = useLiveSnapshot({
    stream: receivableStream,
    variables: { filter: null },
    rowOf: (c): CustomerBalance | null =>
      c.customer && c.openBalance != null && c.overdueAmount != null
        ? { id: c.customer.id, openBalance: c.openBalance, overdueAmount: c.overdueAmount, onCreditHold: c.onCreditHold }
        : null,
    fetchAll: async (client) =>
      (
        await fetchAllPages<CustomerBalance>(async (after, first) => {
          const res = await client.query(CustomerBalancesQuery, { first, after }, { requestPolicy: 'network-only' }).toPromise();
          if (res.error || !res.data) throw res.error ?? new Error('no data');
          return res.data.customers;
        })
      ).rows,
    build: fromBalances,
    apply: applyBalance,
    onRow: (_balance, change) => {
      setLastChange({ change, at: Date.now() });
      onEventRef.current?.(change);
    },
  });

  return { state, error, lastChange, reload };
}
