import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient, type Client } from 'urql';
import { print } from 'graphql';
import type { Client as WSClient, ExecutionResult } from 'graphql-ws';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useGraphQLWs } from '../app/GraphQLProvider';

/** What every resumable subscription field carries besides its payload. */
export interface LiveEvent {
  seq: string;
  resync: boolean;
}

/**
 * A resumable subscription: its document (which takes `after: String`) and
 * how to find the event in a result, e.g. `(d) => d.stockLevelChanged`.
 */
export interface LiveStream<TResult, TEvent extends LiveEvent> {
  query: string;
  select: (data: TResult) => TEvent | null | undefined;
}

export function liveStream<TResult, TVars extends { after?: string | null }, TEvent extends LiveEvent>(
  document: TypedDocumentNode<TResult, TVars>,
  select: (data: TResult) => TEvent | null | undefined,
): LiveStream<TResult, TEvent> {
  return { query: print(document), select };
}

export interface LiveStreamHandlers<TEvent> {
  /** A committed change (never a resync marker). */
  onEvent: (event: TEvent) => void;
  /** The server could not replay what was missed: reload what is shown. */
  onResync: () => void;
  onError?: (error: unknown) => void;
}

/**
 * The handlers for a stream whose screens only care about some events:
 * onEvent picks them out, resync and errors go to the caller's own handlers.
 */
export function streamHandlers<TEvent>(onEvent: (event: TEvent) => void, h: { onResync: () => void; onError?: (error: unknown) => void }): LiveStreamHandlers<TEvent> {
  return { onEvent, onResync: () => h.onResync(), onError: (e) => h.onError?.(e) };
}

/**
 * Subscribes to a live stream and keeps the last `seq` in the subscription's
 * own variables. graphql-ws re-sends the same payload object on every
 * reconnect (its subscribe loop stringifies it at send time), so a dropped
 * websocket resumes with `after: <last seq>` and the server replays what
 * happened meanwhile. On `resync` the server ends the stream: the caller
 * reloads and we subscribe again without `after`. Returns a stop function.
 */
export function subscribeLiveStream<TResult, TEvent extends LiveEvent, TVars extends object>(
  ws: Pick<WSClient, 'subscribe'>,
  stream: LiveStream<TResult, TEvent>,
  variables: TVars,
  handlers: LiveStreamHandlers<TEvent>,
  after: string | null = null,
): () => void {
  let stopped = false;
  let dispose = () => {};
  const start = (from: string | null) => {
    const vars: TVars & { after: string | null } = { ...variables, after: from };
    let resynced = false;
    dispose = ws.subscribe<TResult>(
      { query: stream.query, variables: vars as Record<string, unknown> },
      {
        next(r: ExecutionResult<TResult>) {
          const c = r.data ? stream.select(r.data) : null;
          if (!c || stopped) return;
          if (c.resync) {
            resynced = true;
            vars.after = null;
            handlers.onResync();
            return;
          }
          vars.after = c.seq;
          handlers.onEvent(c);
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
 * React hook around subscribeLiveStream: subscribed while mounted (and
 * enabled), again when the variables change (compared as JSON). Handlers may
 * change freely.
 */
export function useLiveStream<TResult, TEvent extends LiveEvent, TVars extends object>(
  stream: LiveStream<TResult, TEvent>,
  variables: TVars,
  handlers: LiveStreamHandlers<TEvent>,
  enabled = true,
) {
  const ws = useGraphQLWs();
  const ref = useRef(handlers);
  ref.current = handlers;
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (!enabled) return;
    return subscribeLiveStream(ws, stream, JSON.parse(key) as TVars, {
      onEvent: (c) => ref.current.onEvent(c),
      onResync: () => ref.current.onResync(),
      onError: (e) => ref.current.onError?.(e),
    });
  }, [ws, stream, key, enabled]);
}

export interface LiveSnapshotOptions<TResult, TEvent extends LiveEvent, TRow, TState> {
  stream: LiveStream<TResult, TEvent>;
  variables: object;
  /** The row an event carries, or null to ignore the event. */
  rowOf: (event: TEvent) => TRow | null;
  /** Every row, fetched afresh from the network. */
  fetchAll: (client: Client) => Promise<TRow[]>;
  build: (rows: TRow[]) => TState;
  apply: (state: TState, row: TRow) => TState;
  /** Runs for every event that carried a row, after it was applied. */
  onRow?: (row: TRow, event: TEvent) => void;
}

/**
 * Rows loaded once and then kept current by a live stream: no polling. The
 * subscription starts before the load; events that arrive while it runs are
 * applied after it, in order, so none is lost. On resync everything is
 * loaded again.
 */
export function useLiveSnapshot<TResult, TEvent extends LiveEvent, TRow, TState>(options: LiveSnapshotOptions<TResult, TEvent, TRow, TState>) {
  const client = useClient();
  const [state, setState] = useState<TState | null>(null);
  const [error, setError] = useState<string>();
  const pending = useRef<TRow[] | null>([]);
  const opts = useRef(options);
  opts.current = options;

  // Declared before the load effect, so it subscribes first.
  useLiveStream(options.stream, options.variables, {
    onEvent: (event) => {
      const row = opts.current.rowOf(event);
      if (row == null) return;
      if (pending.current) pending.current.push(row);
      else setState((s) => (s ? opts.current.apply(s, row) : s));
      opts.current.onRow?.(row, event);
    },
    onResync: () => void load(),
  });

  const load = useCallback(async () => {
    pending.current = [];
    try {
      const rows = await opts.current.fetchAll(client);
      let s = opts.current.build(rows);
      for (const r of pending.current ?? []) s = opts.current.apply(s, r);
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

  return { state, error, reload: load };
}
