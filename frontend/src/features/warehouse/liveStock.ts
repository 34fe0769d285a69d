import { useEffect, useRef } from 'react';
import { print } from 'graphql';
import type { Client as WSClient, ExecutionResult } from 'graphql-ws';
import type {
  StockLevelChangedSubscription as StockLevelChangedResult,
  StockLevelFieldsFragment,
  StockLevelFilter,
} from '../../gql/graphql';
import { StockLevelChangedSubscription } from './queries';
import { useGraphQLWs } from '../../app/GraphQLProvider';

export type LevelRow = StockLevelFieldsFragment;

/** The identity of a stock level: product x warehouse. */
export function levelKey(l: { product: { id: string }; warehouse: { id: string } }): string {
  return `${l.product.id}:${l.warehouse.id}`;
}

export interface StockStreamHandlers {
  /** A committed change: the level as it is now. */
  onLevel: (level: LevelRow, seq: string) => void;
  /** The server could not replay what was missed: reload what is shown. */
  onResync: () => void;
  onError?: (error: unknown) => void;
}

const QUERY = print(StockLevelChangedSubscription);

/**
 * Subscribes to stockLevelChanged and keeps the last `seq` in the
 * subscription's own variables. graphql-ws re-sends the same payload object
 * on every reconnect (its subscribe loop stringifies it at send time), so a
 * dropped websocket resumes with `after: <last seq>` and the server replays
 * what happened meanwhile. On `resync` the server ends the stream: the caller
 * reloads and we subscribe again without `after`. Returns a stop function.
 */
export function subscribeStockLevels(
  ws: Pick<WSClient, 'subscribe'>,
  filter: StockLevelFilter | null,
  handlers: StockStreamHandlers,
  after: string | null = null,
): () => void {
  let stopped = false;
  let dispose = () => {};
  const start = (from: string | null) => {
    const variables: { filter: StockLevelFilter | null; after: string | null } = { filter, after: from };
    let resynced = false;
    dispose = ws.subscribe<StockLevelChangedResult>(
      { query: QUERY, variables },
      {
        next(r: ExecutionResult<StockLevelChangedResult>) {
          const c = r.data?.stockLevelChanged;
          if (!c || stopped) return;
          if (c.resync) {
            resynced = true;
            variables.after = null;
            handlers.onResync();
            return;
          }
          variables.after = c.seq;
          if (c.level) handlers.onLevel(c.level, c.seq);
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

/**
 * React hook around subscribeStockLevels: subscribed while mounted (and
 * enabled), again when the filter changes. Handlers may change freely.
 */
export function useStockLevelChanges(filter: StockLevelFilter | null | undefined, handlers: StockStreamHandlers, enabled = true) {
  const ws = useGraphQLWs();
  const ref = useRef(handlers);
  ref.current = handlers;
  const filterKey = JSON.stringify(filter ?? null);
  useEffect(() => {
    if (!enabled) return;
    return subscribeStockLevels(ws, JSON.parse(filterKey) as StockLevelFilter | null, {
      onLevel: (l, s) => ref.current.onLevel(l, s),
      onResync: () => ref.current.onResync(),
      onError: (e) => ref.current.onError?.(e),
    });
  }, [ws, filterKey, enabled]);
}
