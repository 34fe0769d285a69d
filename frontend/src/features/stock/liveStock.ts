import type { Client as WSClient } from 'graphql-ws';
import type {
  StockLevelChangedSubscription as StockLevelChangedResult,
  StockLevelFieldsFragment,
  StockLevelFilter,
} from '../../gql/graphql';
import { StockLevelChangedSubscription } from './queries';
import { liveStream, subscribeLiveStream, useLiveStream, type LiveStreamHandlers, streamHandlers } from '../../graphql/liveStream';

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

export const stockLevelStream = liveStream(StockLevelChangedSubscription, (d) => d.stockLevelChanged);

type StockEvent = NonNullable<StockLevelChangedResult['stockLevelChanged']>;

function toEventHandlers(handlers: StockStreamHandlers): LiveStreamHandlers<StockEvent> {
  return streamHandlers<StockEvent>((c) => {
    if (c.level) handlers.onLevel(c.level, c.seq);
  }, handlers);
}

/**
 * Subscribes to stockLevelChanged, resuming after the last `seq` when the
 * websocket reconnects and starting over after resync (see
 * subscribeLiveStream). Returns a stop function.
 */
export function subscribeStockLevels(
  ws: Pick<WSClient, 'subscribe'>,
  filter: StockLevelFilter | null,
  handlers: StockStreamHandlers,
  after: string | null = null,
): () => void {
  return subscribeLiveStream(ws, stockLevelStream, { filter }, toEventHandlers(handlers), after);
}

/**
 * React hook around subscribeStockLevels: subscribed while mounted (and
 * enabled), again when the filter changes. Handlers may change freely.
 */
export function useStockLevelChanges(filter: StockLevelFilter | null | undefined, handlers: StockStreamHandlers, enabled = true) {
  useLiveStream(stockLevelStream, { filter: filter ?? null }, toEventHandlers(handlers), enabled);
}
