import { describe, expect, it } from 'vitest';
import { authorizationHeader, isSubscription } from './fetcher';
import { graphqlWsUrl } from '../graphql/client';

describe('GraphiQL fetcher helpers', () => {
  it('routes subscriptions to the websocket', () => {
    expect(isSubscription('subscription { clock }')).toBe(true);
    expect(isSubscription('query { me { id } }')).toBe(false);
    expect(isSubscription('{ serverTime }')).toBe(false);
    const doc = 'query A { serverTime } subscription B { clock }';
    expect(isSubscription(doc, 'B')).toBe(true);
    expect(isSubscription(doc, 'A')).toBe(false);
    expect(isSubscription('subscription {')).toBe(false);
  });

  it('finds the Authorization header in any case', () => {
    expect(authorizationHeader({ authorization: 'Bearer abc' })).toBe('Bearer abc');
    expect(authorizationHeader({ Authorization: ' Bearer x ' })).toBe('Bearer x');
    expect(authorizationHeader({ 'X-Other': '1' })).toBeUndefined();
    expect(authorizationHeader(undefined)).toBeUndefined();
  });

  it('builds the websocket URL from the page location', () => {
    expect(graphqlWsUrl({ protocol: 'http:', host: '127.0.0.1:18080' })).toBe('ws://127.0.0.1:18080/graphql');
    expect(graphqlWsUrl({ protocol: 'https:', host: 'erp.example.com' })).toBe('wss://erp.example.com/graphql');
  });
});
