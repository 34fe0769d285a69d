import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { CustomerBalancesQuery } from './queries';
import { applyBalance, fromBalances, useReceivableChanges, type CustomerBalance, type ReceivableChange, type ReceivablesState } from './liveReceivables';
import { fetchAllPages } from '../../lib/paging';

/**
 * Every customer's receivables, loaded once and then kept current by
 * receivableChanged (no polling). The subscription starts before the load;
 * changes arriving meanwhile are applied after it, in order, so none is lost.
 * On resync everything is loaded again. onEvent runs for every change.
 */
export function useLiveReceivables(onEvent?: (c: ReceivableChange) => void) {
  const client = useClient();
  const [state, setState] = useState<ReceivablesState | null>(null);
  const [error, setError] = useState<string>();
  const [lastChange, setLastChange] = useState<{ change: ReceivableChange; at: number } | null>(null);
  const pending = useRef<CustomerBalance[] | null>([]);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  useReceivableChanges(null, {
    onChange: (c) => {
      if (!c.customer || c.openBalance == null || c.overdueAmount == null) return;
      const b: CustomerBalance = { id: c.customer.id, openBalance: c.openBalance, overdueAmount: c.overdueAmount, onCreditHold: c.onCreditHold };
      if (pending.current) pending.current.push(b);
      else setState((s) => (s ? applyBalance(s, b) : s));
      setLastChange({ change: c, at: Date.now() });
      onEventRef.current?.(c);
    },
    onResync: () => void load(),
  });

  const load = useCallback(async () => {
    pending.current = [];
    try {
      const { rows } = await fetchAllPages<CustomerBalance>(async (after, first) => {
        const res = await client.query(CustomerBalancesQuery, { first, after }, { requestPolicy: 'network-only' }).toPromise();
        if (res.error || !res.data) throw res.error ?? new Error('no data');
        return res.data.customers;
      });
      let s = fromBalances(rows);
      for (const b of pending.current ?? []) s = applyBalance(s, b);
      setState(s);
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      pending.current = null;
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  return { state, error, lastChange, reload: load };
}
