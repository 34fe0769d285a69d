import { useEffect, useRef } from 'react';
import { print } from 'graphql';
import Big from 'big.js';
import type { Client as WSClient, ExecutionResult } from 'graphql-ws';
import type { ReceivableChangedSubscription as Result, ReceivableFilter } from '../../gql/graphql';
import { ReceivableChangedSubscription } from './queries';
import { useGraphQLWs } from '../../app/GraphQLProvider';
import { dec } from '../../lib/decimal';

/** One customer's receivables as the dashboard keeps them. */
export interface CustomerBalance {
  id: string;
  openBalance: string;
  overdueAmount: string;
  onCreditHold?: boolean | null;
}

/**
 * Receivables per customer and their totals. A change replaces one
 * customer's balances and the totals move by (new - old), so they never need
 * re-adding: the same rule as inventory value on the dashboard.
 */
export interface ReceivablesState {
  customers: ReadonlyMap<string, CustomerBalance>;
  open: Big;
  overdue: Big;
}

export function fromBalances(rows: readonly CustomerBalance[]): ReceivablesState {
  let s: ReceivablesState = { customers: new Map(), open: new Big(0), overdue: new Big(0) };
  for (const r of rows) s = applyBalance(s, r);
  return s;
}

export function applyBalance(s: ReceivablesState, b: CustomerBalance): ReceivablesState {
  const old = s.customers.get(b.id);
  const customers = new Map(s.customers);
  customers.set(b.id, { id: b.id, openBalance: b.openBalance, overdueAmount: b.overdueAmount, onCreditHold: b.onCreditHold });
  return {
    customers,
    open: s.open.minus(dec(old?.openBalance)).plus(dec(b.openBalance)),
    overdue: s.overdue.minus(dec(old?.overdueAmount)).plus(dec(b.overdueAmount)),
  };
}

/** How many customers have an order on credit hold. */
export function holdCount(s: ReceivablesState): number {
  let n = 0;
  for (const c of s.customers.values()) if (c.onCreditHold) n++;
  return n;
}

export type ReceivableChange = NonNullable<Result['receivableChanged']>;

export interface ReceivableStreamHandlers {
  onChange: (c: ReceivableChange) => void;
  /** The server could not replay what was missed: reload what is shown. */
  onResync: () => void;
  onError?: (error: unknown) => void;
}

const QUERY = print(ReceivableChangedSubscription);

/**
 * Subscribes to receivableChanged, keeping the last `seq` in the
 * subscription's own variables: graphql-ws re-sends that object on every
 * reconnect, so a dropped websocket resumes with `after` and the server
 * replays what was missed. On resync the server ends the stream; the caller
 * reloads and we subscribe again without `after`.
 */
export function subscribeReceivables(ws: Pick<WSClient, 'subscribe'>, filter: ReceivableFilter | null, handlers: ReceivableStreamHandlers, after: string | null = null): () => void {
  let stopped = false;
  let dispose = () => {};
  const start = (from: string | null) => {
    const variables: { filter: ReceivableFilter | null; after: string | null } = { filter, after: from };
    let resynced = false;
    dispose = ws.subscribe<Result>(
      { query: QUERY, variables },
      {
        next(r: ExecutionResult<Result>) {
          const c = r.data?.receivableChanged;
          if (!c || stopped) return;
          if (c.resync) {
            resynced = true;
            variables.after = null;
            handlers.onResync();
            return;
          }
          variables.after = c.seq;
          if (c.customer) handlers.onChange(c);
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

/** React hook around subscribeReceivables; handlers may change freely. */
export function useReceivableChanges(filter: ReceivableFilter | null | undefined, handlers: ReceivableStreamHandlers, enabled = true) {
  const ws = useGraphQLWs();
  const ref = useRef(handlers);
  ref.current = handlers;
  const filterKey = JSON.stringify(filter ?? null);
  useEffect(() => {
    if (!enabled) return;
    return subscribeReceivables(ws, JSON.parse(filterKey) as ReceivableFilter | null, {
      onChange: (c) => ref.current.onChange(c),
      onResync: () => ref.current.onResync(),
      onError: (e) => ref.current.onError?.(e),
    });
  }, [ws, filterKey, enabled]);
}
