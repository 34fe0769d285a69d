// The live graph with the stock graphql-ws client as a real client, against
// the real binary: changes arrive when they commit, a refused (rolled back)
// change is never announced, and a client that reconnects with `after`
// receives exactly what it missed, in order, once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createClient } from 'graphql-ws';
import { BASE_URL } from './helpers.mjs';

// A signed-in HTTP caller (cookie session).
async function session(username) {
  const res = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($u: String!) { login(input: {username: $u, password: "demo"}) { user { id } } }',
      variables: { u: username },
    }),
  });
  const cookie = res.headers.get('set-cookie').split(';')[0];
  return async (query, variables) => {
    const r = await fetch(`${BASE_URL}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
    const body = await r.json();
    assert.equal(body.errors, undefined, JSON.stringify(body.errors));
    return body.data;
  };
}

const SUB = `subscription($f: StockLevelFilter, $after: String) {
  stockLevelChanged(filter: $f, after: $after) { seq resync level { onHand } }
}`;

// Subscribes with an API token in connection_init; returns a queue of
// received changes and a way to close the socket.
function subscribe(token, variables) {
  const client = createClient({
    url: BASE_URL.replace(/^http/, 'ws') + '/graphql',
    webSocketImpl: WebSocket,
    connectionParams: { authToken: token },
    retryAttempts: 0,
  });
  const received = [];
  const waiters = [];
  const acked = new Promise((resolve) => client.on('connected', resolve));
  const dispose = client.subscribe(
    { query: SUB, variables },
    {
      next: (v) => {
        received.push(v.data.stockLevelChanged);
        waiters.splice(0).forEach((w) => w());
      },
      error: (e) => received.push({ error: e }),
      complete: () => {},
    },
  );
  async function next(ms = 5000) {
    const deadline = Date.now() + ms;
    while (received.length === 0 && Date.now() < deadline) {
      await new Promise((r) => {
        waiters.push(r);
        setTimeout(r, deadline - Date.now());
      });
    }
    return received.shift();
  }
  return { next, acked, close: () => { dispose(); return client.dispose(); } };
}

test('stock changes reach a graphql-ws client on commit, and a reconnect with after misses nothing', async () => {
  const warehouse = await session('warehouse');
  const manager = await session('manager');
  const { createApiToken } = await manager('mutation { createApiToken(name: "live e2e") { secret } }');
  const token = createApiToken.secret;
  const { stockLevels } = await warehouse(
    '{ stockLevels(first: 1, filter: {inStock: true}) { nodes { onHand product { id } warehouse { id } } } }',
  );
  const lv = stockLevels.nodes[0];
  const filter = { productId: lv.product.id, warehouseId: lv.warehouse.id };
  const adjust = async (direction, quantity) => {
    const d = await warehouse(
      'mutation($in: StockAdjustmentInput!) { postStockAdjustment(input: $in) { document { id } userErrors { field message } } }',
      { in: { reason: 'COUNT_VARIANCE', lines: [{ productId: lv.product.id, warehouseId: lv.warehouse.id, direction, quantity }] } },
    );
    return d.postStockAdjustment.userErrors;
  };
  const start = Number(lv.onHand);

  const sub = subscribe(token, { f: filter });
  await sub.acked;
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(await adjust('DECREASE', '1'), []);
  let c = await sub.next();
  assert.ok(c && !c.error, `no change received: ${JSON.stringify(c)}`);
  assert.equal(Number(c.level.onHand), start - 1);

  // Refused: nothing committed, nothing announced.
  const refused = await adjust('DECREASE', '99999999');
  assert.equal(refused.length, 1);
  assert.equal(refused[0].field, 'input.lines.0.quantity');
  assert.deepEqual(await adjust('INCREASE', '3'), []);
  c = await sub.next();
  assert.equal(Number(c.level.onHand), start + 2, 'the refused overdraw must not be announced');
  const last = c.seq;
  await sub.close();

  // Missed while away.
  await adjust('DECREASE', '1');
  await adjust('DECREASE', '1');
  const resumed = subscribe(token, { f: filter, after: last });
  const a = await resumed.next();
  const b = await resumed.next();
  assert.deepEqual([Number(a.level.onHand), Number(b.level.onHand)], [start + 1, start]);
  assert.ok(BigInt(a.seq) > BigInt(last));
  assert.ok(BigInt(b.seq) > BigInt(a.seq));
  assert.equal(await resumed.next(500), undefined, 'a missed change was delivered twice');
  await resumed.close();
});
