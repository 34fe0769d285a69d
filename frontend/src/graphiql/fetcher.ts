import { parse, type OperationDefinitionNode } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import type { Fetcher } from '@graphiql/toolkit';
import { graphqlWsUrl } from '../graphql/client';

/** Whether the operation GraphiQL is about to run is a subscription. */
export function isSubscription(query: string, operationName?: string | null): boolean {
  let doc;
  try {
    doc = parse(query);
  } catch {
    return false; // let the server report the syntax error
  }
  const ops = doc.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  const op = operationName ? ops.find((o) => o.name?.value === operationName) : ops[0];
  return op?.operation === 'subscription';
}

/** The Authorization header from GraphiQL's headers editor, whatever its case. */
export function authorizationHeader(headers: Record<string, unknown> | undefined): string | undefined {
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (k.toLowerCase() === 'authorization' && typeof v === 'string' && v.trim()) return v.trim();
  }
  return undefined;
}

const wsClients = new Map<string, Client>();

// One websocket per credential: the session cookie (same origin, sent by the
// browser) or a bearer token, sent in connection_init as {Authorization}
// because browsers cannot set headers on a websocket.
function wsClient(authorization: string | undefined): Client {
  const key = authorization ?? '';
  let c = wsClients.get(key);
  if (!c) {
    c = createClient({
      url: graphqlWsUrl(),
      lazy: true,
      retryAttempts: 3,
      connectionParams: authorization ? { Authorization: authorization } : {},
    });
    wsClients.set(key, c);
  }
  return c;
}

/** POSTs queries and mutations to /graphql with the cookie; subscriptions go over graphql-ws. */
export const fetcher: Fetcher = async (params, opts) => {
  const authorization = authorizationHeader(opts?.headers);
  if (isSubscription(params.query, params.operationName)) {
    return wsClient(authorization).iterate({
      query: params.query,
      operationName: params.operationName ?? undefined,
      variables: params.variables ?? undefined,
    });
  }
  const res = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...(opts?.headers ?? {}),
    },
    body: JSON.stringify(params),
  });
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [{ message: `HTTP ${res.status}: ${text.slice(0, 500)}` }] };
  }
};
