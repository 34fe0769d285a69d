import { Client, cacheExchange, fetchExchange, mapExchange, subscriptionExchange, type CombinedError } from 'urql';
import { createClient as createWSClient, type Client as WSClient } from 'graphql-ws';
import { errorCode } from './errors';
import { setLiveState } from './liveState';
import { initialLocale } from '../i18n';

/** The server closes a websocket with this code when the session is missing or expired. */
export const WS_UNAUTHENTICATED = 4401;

/** ws(s)://<this host>/graphql: same origin, so the session cookie goes along. */
export function graphqlWsUrl(loc: Pick<Location, 'protocol' | 'host'> = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/graphql`;
}

function closeCode(event: unknown): number | undefined {
  if (event && typeof event === 'object' && 'code' in event && typeof event.code === 'number') return event.code;
  return undefined;
}

export interface GraphQLClients {
  client: Client;
  ws: WSClient;
  dispose: () => void;
}

/**
 * Builds the urql client: HTTP for queries and mutations, graphql-ws for
 * subscriptions. onUnauthenticated runs when the server says the session is
 * gone (a top-level UNAUTHENTICATED error, or websocket close code 4401).
 */
export function createGraphQLClients(onUnauthenticated: () => void): GraphQLClients {
  setLiveState('connecting');
  const ws = createWSClient({
    url: graphqlWsUrl(),
    // Connect when the first subscription starts; the login page needs none.
    lazy: true,
    retryAttempts: Infinity,
    // Back off 1s, 2s, 4s, then every 8s (plus jitter), forever.
    retryWait: (retries) =>
      new Promise((resolve) => setTimeout(resolve, Math.min(8000, 1000 * 2 ** retries) + Math.random() * 500)),
    shouldRetry: (event) => closeCode(event) !== WS_UNAUTHENTICATED,
    on: {
      connecting: () => setLiveState('connecting'),
      connected: () => setLiveState('live'),
      closed: (event) => {
        setLiveState('offline');
        if (closeCode(event) === WS_UNAUTHENTICATED) onUnauthenticated();
      },
      error: () => setLiveState('offline'),
    },
  });

  const client = new Client({
    url: '/graphql',
    // The server writes its texts in the UI's language.
    fetchOptions: () => ({ credentials: 'same-origin', headers: { 'Accept-Language': initialLocale() === 'en' ? 'en' : 'zh-CN' } }),
    requestPolicy: 'cache-and-network',
    exchanges: [
      mapExchange({
        onError(error: CombinedError) {
          if (errorCode(error) === 'UNAUTHENTICATED') onUnauthenticated();
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return {
    client,
    ws,
    dispose: () => {
      void ws.dispose();
    },
  };
}
