import Big from 'big.js';
import type { Client as WSClient } from 'graphql-ws';
import type { ReceivableChangedSubscription as Result, ReceivableFilter } from '../../gql/graphql';
import { ReceivableChangedSubscription } from './queries';
import { liveStream, subscribeLiveStream, useLiveStream, type LiveStreamHandlers, streamHandlers } from '../../graphql/liveStream';
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

export const receivableStream = liveStream(ReceivableChangedSubscription, (d) => d.receivableChanged);

function toEventHandlers(handlers: ReceivableStreamHandlers): LiveStreamHandlers<ReceivableChange> {
  return streamHandlers<ReceivableChange>((c) => {
    if (c.customer) handlers.onChange(c);
  }, handlers);
}

/**
 * Subscribes to receivableChanged, resuming after the last `seq` when the
 * websocket reconnects and starting over after resync (see
 * subscribeLiveStream). Returns a stop function.
 */
export function subscribeReceivables(ws: Pick<WSClient, 'subscribe'>, filter: ReceivableFilter | null, handlers: ReceivableStreamHandlers, after: string | null = null): () => void {
  return subscribeLiveStream(ws, receivableStream, { filter }, toEventHandlers(handlers), after);
}

/** React hook around subscribeReceivables; handlers may change freely. */
export function useReceivableChanges(filter: ReceivableFilter | null | undefined, handlers: ReceivableStreamHandlers, enabled = true) {
  useLiveStream(receivableStream, { filter: filter ?? null }, toEventHandlers(handlers), enabled);
}
