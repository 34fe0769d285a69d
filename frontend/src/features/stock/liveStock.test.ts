import { describe, expect, it } from 'vitest';
import { createClient } from 'graphql-ws';
import { subscribeStockLevels, levelKey, type LevelRow } from './liveStock';

// A fake server speaking graphql-transport-ws, one instance per connection.
class FakeSocket {
  static sockets: FakeSocket[] = [];
  static CONNECTING = 0;
  static OPEN = 1;
  static CLOSING = 2;
  static CLOSED = 3;
  readyState = 0;
  protocol = 'graphql-transport-ws';
  sent: { id?: string; type: string; payload?: { variables?: Record<string, unknown> } }[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  constructor() {
    FakeSocket.sockets.push(this);
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.();
    }, 0);
  }
  send(data: string) {
    const m = JSON.parse(data);
    this.sent.push(m);
    if (m.type === 'connection_init') setTimeout(() => this.push({ type: 'connection_ack' }), 0);
  }
  push(m: unknown) {
    this.onmessage?.({ data: JSON.stringify(m) });
  }
  close(code = 1000, reason = '') {
    this.readyState = 3;
    this.onclose?.({ code, reason, wasClean: code === 1000 });
  }
  /** The server side drops the connection. */
  drop() {
    this.close(1006, 'gone');
  }
  subscribes() {
    return this.sent.filter((m) => m.type === 'subscribe');
  }
}

const wait = (ms = 5) => new Promise((r) => setTimeout(r, ms));
async function until(cond: () => boolean) {
  for (let i = 0; i < 200 && !cond(); i++) await wait();
  expect(cond()).toBe(true);
}

function level(productId: string, value: string): LevelRow {
  return {
    onHand: '1',
    reserved: '0',
    available: '1',
    inTransitIn: '0',
    value,
    averageCost: value,
    product: { id: productId, sku: `SKU${productId}`, name: 'p', nameEn: 'p', unit: '个', reorderPoint: '0', category: null },
    warehouse: { id: '1', code: 'SH01', name: 'w', region: '华东' },
  };
}

describe('stockLevelChanged subscription', () => {
  it('resumes after the last seq when the websocket reconnects, and resubscribes after resync', async () => {
    FakeSocket.sockets = [];
    const ws = createClient({
      url: 'ws://test/graphql',
      webSocketImpl: FakeSocket,
      retryAttempts: 5,
      retryWait: async () => {},
      shouldRetry: () => true,
    });
    const seen: string[] = [];
    let resyncs = 0;
    const stop = subscribeStockLevels(ws, { warehouseId: '1' }, {
      onLevel: (l, seq) => seen.push(`${seq}:${levelKey(l)}=${l.value}`),
      onResync: () => resyncs++,
    });

    await until(() => FakeSocket.sockets[0]?.subscribes().length === 1);
    const first = FakeSocket.sockets[0];
    const sub = first.subscribes()[0];
    expect(sub.payload?.variables).toEqual({ filter: { warehouseId: '1' }, after: null });
    first.push({ id: sub.id, type: 'next', payload: { data: { stockLevelChanged: { seq: '41', resync: false, level: level('7', '10.00') } } } });
    first.push({ id: sub.id, type: 'next', payload: { data: { stockLevelChanged: { seq: '42', resync: false, level: level('7', '12.50') } } } });
    expect(seen).toEqual(['41:7:1=10.00', '42:7:1=12.50']);

    // The connection drops; graphql-ws reconnects and re-sends the subscription.
    first.drop();
    await until(() => (FakeSocket.sockets[1]?.subscribes().length ?? 0) === 1);
    const second = FakeSocket.sockets[1];
    const resumed = second.subscribes()[0];
    expect(resumed.payload?.variables).toEqual({ filter: { warehouseId: '1' }, after: '42' });

    // The server cannot replay: resync ends the stream; we subscribe anew without after.
    second.push({ id: resumed.id, type: 'next', payload: { data: { stockLevelChanged: { seq: '0', resync: true, level: null } } } });
    second.push({ id: resumed.id, type: 'complete' });
    expect(resyncs).toBe(1);
    const all = () => FakeSocket.sockets.flatMap((s) => s.subscribes());
    await until(() => all().length === 3);
    expect(all().at(-1)?.payload?.variables).toEqual({ filter: { warehouseId: '1' }, after: null });

    stop();
    await ws.dispose();
  });
});
