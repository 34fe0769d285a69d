import type { Client as WSClient } from 'graphql-ws';
import type { AlertFieldsFragment, AlertRaisedSubscription as AlertRaisedResult } from '../../gql/graphql';
import { AlertRaisedSubscription } from './queries';
import { liveStream, subscribeLiveStream, useLiveStream, type LiveStreamHandlers, streamHandlers } from '../../graphql/liveStream';

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

const STREAM = liveStream(AlertRaisedSubscription, (d) => d.alertRaised);

type AlertEvent = NonNullable<AlertRaisedResult['alertRaised']>;

function toEventHandlers(handlers: AlertStreamHandlers): LiveStreamHandlers<AlertEvent> {
  return streamHandlers<AlertEvent>((c) => {
    if (c.alert) handlers.onAlert(c.alert, c.seq);
  }, handlers);
}

function alertVariables(filter: AlertStreamFilter): { kinds: string[] | null; mine: boolean } {
  return { kinds: filter.kinds?.length ? filter.kinds : null, mine: !!filter.mine };
}

/**
 * Subscribes to alertRaised like subscribeStockLevels does to stock (see
 * subscribeLiveStream): a dropped websocket resumes right after the last
 * alert seen; on `resync` the caller reloads and we subscribe again without
 * `after`. Returns a stop function.
 */
export function subscribeAlerts(ws: Pick<WSClient, 'subscribe'>, filter: AlertStreamFilter, handlers: AlertStreamHandlers, after: string | null = null): () => void {
  return subscribeLiveStream(ws, STREAM, alertVariables(filter), toEventHandlers(handlers), after);
}

/** React hook around subscribeAlerts: subscribed while mounted, again when the filter changes. */
export function useAlertStream(filter: AlertStreamFilter, handlers: AlertStreamHandlers, enabled = true) {
  useLiveStream(STREAM, alertVariables(filter), toEventHandlers(handlers), enabled);
}
