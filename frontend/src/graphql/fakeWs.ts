import type { Sink } from 'graphql-ws';

/**
 * A fake graphql-ws client for unit tests: records each subscribe's
 * variables object and sink (graphql-ws re-sends that same object on
 * reconnect, so a test can read what a reconnect would send).
 */
export function fakeWs<TVariables>() {
  const subs: { variables: TVariables; sink: Sink }[] = [];
  return {
    subs,
    subscribe(payload: { variables?: unknown }, sink: Sink) {
      subs.push({ variables: payload.variables as TVariables, sink });
      return () => {};
    },
  };
}
