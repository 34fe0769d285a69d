import { useCallback, useEffect, useRef } from 'react';
import { useQuery } from 'urql';
import { WorkbenchAlertSubscription, WorkbenchQuery, WorkbenchStockSubscription } from './queries';
import { liveStream, useLiveStream, type LiveEvent } from '../../graphql/liveStream';
import { useCanRead } from '../../app/session';

const stockStream = liveStream(WorkbenchStockSubscription, (d) => d.stockLevelChanged);
const alertStream = liveStream(WorkbenchAlertSubscription, (d) => d.alertRaised);

/** How long events are gathered before the workbench is read again (a shipment moves many levels). */
const SETTLE_MS = 400;
/** The workbench is read again this often when nothing was pushed (approvals and drafts push no event). */
const POLL_MS = 60_000;

/**
 * The signed-in user's workbench, kept live: read again shortly after any
 * stock change or alert is pushed over the websocket, when the tab is shown
 * again, on return to the page (cache-and-network) and every minute.
 */
export function useWorkbench(limit = 10) {
  const withCustomerMoney = useCanRead('CUSTOMER_MONEY');
  const withSupplierMoney = useCanRead('SUPPLIER_MONEY');
  const [res, reexecute] = useQuery({ query: WorkbenchQuery, variables: { limit, withCustomerMoney, withSupplierMoney }, requestPolicy: 'cache-and-network' });
  const refresh = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const soon = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(refresh, SETTLE_MS);
  }, [refresh]);
  const handlers = { onEvent: (_: LiveEvent) => soon(), onResync: soon };
  useLiveStream(stockStream, {}, handlers);
  useLiveStream(alertStream, {}, handlers);
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    const poll = setInterval(refresh, POLL_MS);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      clearInterval(poll);
      clearTimeout(timer.current);
    };
  }, [refresh]);
  return { sections: res.data?.workbench.sections, fetching: res.fetching, error: res.error, refresh };
}
