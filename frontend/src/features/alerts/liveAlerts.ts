import { useEffect, useRef } from 'react';
import { print } from 'graphql';
import type { Client as WSClient, ExecutionResult } from 'graphql-ws';
import type { AlertFieldsFragment, AlertRaisedSubscription as AlertRaisedResult } from '../../gql/graphql';
import { AlertRaisedSubscription } from './queries';
import { useGraphQLWs } from '../../app/GraphQLProvider';

export type AlertRow = AlertFieldsFragment;

export interface AlertStreamHandlers {
  /** A raised alert, as committed. */
  onAlert: (alert: AlertRow, seq: string) => void;
  /** The server could not replay what was missed: reload what is shown. */
  onResync: () => void;
  onError?: (error: unknown) => void;
}

export interface AlertStreamFilter {
  kinds?: string[] | null;
  mine?: boolean;
}

const QUERY = print(AlertRaisedSubscription);

/**
 * Subscribes to alertRaised like subscribeStockLevels does to stock: the
 * last `seq` is kept in the subscription's own variables, which graphql-ws
 * re-sends on every reconnect, so a dropped websocket resumes right after
 * the last alert seen. On `resync` the caller reloads and we subscribe
 * again without `after`. Returns a stop function.
 */
export function subscribeAlerts(ws: Pick<WSClient, 'subscribe'>, filter: AlertStreamFilter, handlers: AlertStreamHandlers, after: string | null = null): () => void {
  let stopped = false;
  let dispose = () => {};
  const start = (from: string | null) => {
    const variables: { kinds: string[] | null; mine: boolean; after: string | null } = { kinds: filter.kinds?.length ? filter.kinds : null, mine: !!filter.mine, after: from };
    let resynced = false;
    dispose = ws.subscribe<AlertRaisedResult>(
      { query: QUERY, variables },
      {
        next(r: ExecutionResult<AlertRaisedResult>) {
          const c = r.data?.alertRaised;
          if (!c || stopped) return;
          if (c.resync) {
            resynced = true;
            variables.after = null;
            handlers.onResync();
            return;
          }
          variables.after = c.seq;
          if (c.alert) handlers.onAlert(c.alert, c.seq);
        },
        error(e) {
          if (!stopped) handlers.onError?.(e);
        },
        complete() {
          if (!stopped && resynced) start(null);
        },
      },
    );
  };
  start(after);
  return () => {
    stopped = true;
    dispose();
  };
}

/** React hook around subscribeAlerts: subscribed while mounted, again when the filter changes. */
export function useAlertStream(filter: AlertStreamFilter, handlers: AlertStreamHandlers, enabled = true) {
  const ws = useGraphQLWs();
  const ref = useRef(handlers);
  ref.current = handlers;
  const key = JSON.stringify({ kinds: filter.kinds ?? null, mine: !!filter.mine });
  useEffect(() => {
    if (!enabled) return;
    return subscribeAlerts(ws, JSON.parse(key) as AlertStreamFilter, {
      onAlert: (a, s) => ref.current.onAlert(a, s),
      onResync: () => ref.current.onResync(),
      onError: (e) => ref.current.onError?.(e),
    });
  }, [ws, key, enabled]);
}
