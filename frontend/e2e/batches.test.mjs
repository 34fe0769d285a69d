import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HANDHELD, byTestId, companyToday, graphql, graphqlResponse, login, loginNarrow, randomName, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

/** An approved order of qty of a demo food product from its supplier, into the warehouse holding its batches. */
async function approvedFoodOrder(newPage, sku, qty) {
  const buyer = await newPage({ locale: 'en' });
  await login(buyer, 'purchasing');
  const { products } = await graphql(buyer, 'query($q: String) { products(filter: { search: $q }) { nodes { id sku } } }', { q: sku });
  const product = products.nodes.find((p) => p.sku === sku);
  const { suppliers } = await graphql(buyer, '{ suppliers(filter: { search: "SUP-YILI" }) { nodes { id } } }');
  const { warehouses } = await graphql(buyer, '{ warehouses(first: 10) { nodes { id code } } }');
  const held = await graphql(buyer, 'query($q: String) { batches(search: $q) { warehouse { code } } }', { q: sku });
  const w = warehouses.nodes.find((x) => x.code === held.batches[0].warehouse.code);
  const created = await graphql(buyer, 'mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { purchaseOrder { id number } userErrors { message } } }', {
    i: { supplierId: suppliers.nodes[0].id, warehouseId: w.id, lines: [{ productId: product.id, quantity: qty, unitPrice: '3.90' }] },
  });
  assert.deepEqual(created.createPurchaseOrder.userErrors, []);
  const po = created.createPurchaseOrder.purchaseOrder;
  assert.deepEqual((await graphql(buyer, 'mutation($id: ID!) { submitPurchaseOrder(id: $id) { userErrors { message } } }', { id: po.id })).submitPurchaseOrder.userErrors, []);
  const mgr = await newPage({ locale: 'en' });
  await login(mgr, 'manager');
  assert.deepEqual((await graphql(mgr, 'mutation($id: ID!) { approvePurchaseOrder(id: $id) { userErrors { message } } }', { id: po.id })).approvePurchaseOrder.userErrors, []);
  return { po, w };
}

/** Whole days from the company's today to an ISO date. */
function daysTo(iso) {
  const t = companyToday();
  return Math.round((Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) - Date.UTC(+t.slice(0, 4), +t.slice(5, 7) - 1, +t.slice(8, 10))) / 86_400_000);
}

test("the demo's batches are listed earliest expiry first, the one expiring within the alert days flagged", async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'warehouse');
  const api = await graphql(page, '{ batches(search: "FOOD-") { onHand warehouse { code } batch { number expiryDate product { sku } } } expiryAlertDays }');
  const milkA = api.batches.find((b) => b.batch.number === 'M2026A');
  const milkB = api.batches.find((b) => b.batch.number === 'M2026B');
  assert.ok(milkA && milkB, 'the demo received milk in two batches');
  assert.equal(Number(milkA.onHand), 60);
  assert.equal(Number(milkB.onHand), 120);
  assert.equal(daysTo(milkA.batch.expiryDate), 12);
  assert.equal(api.expiryAlertDays, 30);

  await byTestId(page, 'menu-stockBatches').click();
  await byTestId(page, 'batches-table').waitFor();
  const wa = milkA.warehouse.code;
  await byTestId(page, `batch-onhand-FOOD-MILK-1L-M2026A-${wa}`).waitFor();
  assert.equal(await byTestId(page, `batch-onhand-FOOD-MILK-1L-M2026A-${wa}`).textContent(), '60');
  assert.equal(await byTestId(page, `batch-onhand-FOOD-MILK-1L-M2026B-${milkB.warehouse.code}`).textContent(), '120');
  const daysA = byTestId(page, `batch-days-FOOD-MILK-1L-M2026A-${wa}`);
  assert.equal(await daysA.getAttribute('data-state'), 'SOON');
  assert.equal(await daysA.textContent(), '12 days');
  assert.equal(await byTestId(page, `batch-days-FOOD-MILK-1L-M2026B-${milkB.warehouse.code}`).getAttribute('data-state'), 'OK');
  // Earliest expiry first: M2026A's row comes before M2026B's.
  const order = await page.locator('[data-testid^="batch-row-FOOD-MILK-1L-"]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-testid')));
  assert.deepEqual(order.slice(0, 2), ['batch-row-FOOD-MILK-1L-M2026A', 'batch-row-FOOD-MILK-1L-M2026B']);
  await byTestId(page, 'batches-soon').waitFor();
  await screenshot(page, 'batches-list.png');

  // Only what expires within the alert days: the oats (200 days) drop out, M2026A stays.
  await byTestId(page, 'batches-expiring').click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'Within 30 days' }).click();
  await page.waitForFunction(() => !document.querySelector('[data-testid="batch-row-FOOD-OATS-500-OT-0301"]'));
  await byTestId(page, 'batch-row-FOOD-MILK-1L-M2026A').waitFor();
  assert.equal(await byTestId(page, 'batch-row-FOOD-MILK-1L-M2026B').count(), 0);
});

test('a tracked product received with its batch on the receipt screen shows as a new batch, traced to its receipt', async () => {
  const buyer = await newPage({ locale: 'en' });
  await login(buyer, 'purchasing');
  const { products } = await graphql(buyer, '{ products(filter: { search: "FOOD-OATS-500" }) { nodes { id sku tracking { batchTracked expiryTracked } } } }');
  const oats = products.nodes.find((p) => p.sku === 'FOOD-OATS-500');
  assert.equal(oats.tracking.batchTracked, true);
  const { suppliers } = await graphql(buyer, '{ suppliers(filter: { search: "SUP-YILI" }) { nodes { id code } } }');
  const { warehouses } = await graphql(buyer, '{ warehouses(first: 10) { nodes { id code active } } }');
  const before = await graphql(buyer, '{ batches(search: "FOOD-OATS-500") { onHand warehouse { code } batch { number } } }');
  const w = warehouses.nodes.find((x) => x.code === before.batches[0].warehouse.code);
  const created = await graphql(buyer, 'mutation($i: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $i) { purchaseOrder { id number } userErrors { message } } }', {
    i: { supplierId: suppliers.nodes[0].id, warehouseId: w.id, lines: [{ productId: oats.id, quantity: '40', unitPrice: '7.20' }] },
  });
  assert.deepEqual(created.createPurchaseOrder.userErrors, []);
  const po = created.createPurchaseOrder.purchaseOrder;
  assert.deepEqual((await graphql(buyer, 'mutation($id: ID!) { submitPurchaseOrder(id: $id) { userErrors { message } } }', { id: po.id })).submitPurchaseOrder.userErrors, []);
  const mgr = await newPage({ locale: 'en' });
  await login(mgr, 'manager');
  assert.deepEqual((await graphql(mgr, 'mutation($id: ID!) { approvePurchaseOrder(id: $id) { userErrors { message } } }', { id: po.id })).approvePurchaseOrder.userErrors, []);

  const wh = await newPage({ locale: 'en' });
  await login(wh, 'warehouse');
  await wh.goto(`/stock/goods-receipt?order=${po.id}`);
  const row = byTestId(wh, 'receipt-line-FOOD-OATS-500');
  await row.waitFor();
  await byTestId(wh, 'receipt-accepted-0').fill('25');
  // Without the batch number the form refuses, on the batch field.
  await byTestId(wh, 'receipt-submit').click();
  const batchItem = wh.locator('.ant-form-item').filter({ has: byTestId(wh, 'receipt-batch-0') });
  await batchItem.locator('.ant-form-item-explain-error').waitFor();
  const number = randomName('E2E').replace(/[^A-Za-z0-9-]/g, '').slice(0, 30);
  await byTestId(wh, 'receipt-batch-0').fill(number);
  const expiry = '2027-06-30';
  const picker = row.locator('.ant-picker input').first();
  await picker.click();
  await picker.fill(expiry);
  await picker.press('Enter');
  await screenshot(wh, 'batches-receipt.png');
  await byTestId(wh, 'receipt-submit').click();
  await byTestId(wh, 'receipt-posted').waitFor();
  const receiptNo = (await byTestId(wh, 'receipt-posted').textContent()).match(/GR\S*\d+/)?.[0];
  assert.ok(receiptNo, 'the posted receipt names its number');

  // The new batch: 25 in the warehouse, expiring on the date given.
  const after = await graphql(wh, 'query($q: String) { batches(search: $q) { onHand warehouse { code } batch { number expiryDate sourceNumber } } }', { q: number });
  assert.equal(after.batches.length, 1);
  assert.equal(Number(after.batches[0].onHand), 25);
  assert.equal(after.batches[0].batch.expiryDate, expiry);
  assert.equal(after.batches[0].batch.sourceNumber, receiptNo);
  await wh.goto(`/stock/batches?q=${encodeURIComponent(number)}`);
  await byTestId(wh, `batch-onhand-FOOD-OATS-500-${number}-${w.code}`).waitFor();
  assert.equal(await byTestId(wh, `batch-onhand-FOOD-OATS-500-${number}-${w.code}`).textContent(), '25');
  assert.equal(await byTestId(wh, `batch-days-FOOD-OATS-500-${number}-${w.code}`).getAttribute('data-state'), 'OK');

  // Its trace: opened by SKU and batch number, the receipt it came from with its 25.
  await byTestId(wh, `batch-link-FOOD-OATS-500-${number}`).click();
  await byTestId(wh, 'trace-moves').waitFor();
  assert.equal(new URL(wh.url()).pathname, `/stock/batches/FOOD-OATS-500/${number}`);
  assert.equal(await byTestId(wh, 'trace-source').textContent(), receiptNo);
  assert.equal(await byTestId(wh, 'trace-balance').textContent(), '25');
  await byTestId(wh, `trace-move-${receiptNo}`).waitFor();
  assert.equal(await byTestId(wh, 'trace-in').textContent(), '25');
  assert.equal(await byTestId(wh, 'trace-out').textContent(), '0');
  await screenshot(wh, 'batches-trace.png');
  await byTestId(wh, `trace-doc-${receiptNo}`).click();
  await wh.waitForURL((u) => u.pathname === `/stock/receipts/${receiptNo}`);
});

test("the demo's expiring milk traces to its receipt; an unknown batch says so", async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'manager');
  await page.goto('/stock/batches/FOOD-MILK-1L/M2026A');
  await byTestId(page, 'trace-moves').waitFor();
  assert.equal(await byTestId(page, 'trace-days').getAttribute('data-state'), 'SOON');
  assert.match(await byTestId(page, 'trace-source').textContent(), /^GR/);
  assert.equal(await byTestId(page, 'trace-in').textContent(), '60');
  await page.goto('/stock/batches/FOOD-MILK-1L/NO-SUCH');
  await byTestId(page, 'trace-error').waitFor();
  assert.match(await byTestId(page, 'trace-error').textContent(), /FOOD-MILK-1L has no batch NO-SUCH/);
});

test('the handheld receipt asks for the batch and expiry of a tracked product and posts them', async () => {
  const { po, w } = await approvedFoodOrder(newPage, 'FOOD-MILK-1L', '3');
  const wh = await newPage({ viewport: HANDHELD, locale: 'en' });
  await loginNarrow(wh, 'warehouse');
  await wh.goto(`/m/receive?order=${po.id}`);
  await byTestId(wh, 'hh-recv-line-FOOD-MILK-1L').waitFor();
  for (let i = 0; i < 2; i++) await byTestId(wh, 'hh-recv-plus-FOOD-MILK-1L').click();
  await byTestId(wh, 'hh-batch-FOOD-MILK-1L').waitFor();
  // Posting without them is refused before anything is sent.
  await byTestId(wh, 'hh-receive-post').click();
  await byTestId(wh, 'hh-errors').waitFor();
  assert.match(await byTestId(wh, 'hh-errors').textContent(), /FOOD-MILK-1L is batch-tracked/);
  const number = randomName('HH').replace(/[^A-Za-z0-9-]/g, '').slice(0, 30);
  await byTestId(wh, 'hh-batch-number-FOOD-MILK-1L').fill(number);
  await byTestId(wh, 'hh-batch-expiry-FOOD-MILK-1L').fill('2027-02-28');
  await screenshot(wh, 'batches-handheld-receive.png');
  await byTestId(wh, 'hh-receive-post').click();
  await byTestId(wh, 'hh-received').waitFor();
  const after = await graphql(wh, 'query($q: String) { batches(search: $q) { onHand warehouse { code } batch { number expiryDate product { sku } } } }', { q: number });
  assert.equal(after.batches.length, 1);
  assert.equal(after.batches[0].batch.product.sku, 'FOOD-MILK-1L');
  assert.equal(Number(after.batches[0].onHand), 2);
  assert.equal(after.batches[0].warehouse.code, w.code);
  assert.equal(after.batches[0].batch.expiryDate, '2027-02-28');
});

test('a shipment names the batch it takes instead of FEFO, and the trace names the customer', async () => {
  const sales = await newPage({ locale: 'en' });
  await login(sales, 'sales');
  const res = await graphql(sales, `{ customers(first: 50, filter: { overdue: false, onCreditHold: false, active: true }) { nodes { id code creditAvailable } }
    products(filter: { search: "FOOD-MILK-1L" }) { nodes { id sku } } }`);
  const milk = res.products.nodes.find((p) => p.sku === 'FOOD-MILK-1L');
  let found;
  for (const c of res.customers.nodes.filter((x) => Number(x.creditAvailable) > 10000)) {
    const input = { customerId: c.id, lines: [{ productId: milk.id, quantity: '2' }] };
    const v = await graphqlResponse(sales, 'query($i: SalesOrderInput!) { validateSalesOrder(input: $i) { ok } }', { i: input });
    if (!v.data?.validateSalesOrder.ok) continue;
    const created = await graphql(sales, 'mutation($i: SalesOrderInput!) { createSalesOrder(input: $i) { order { id number } userErrors { message } } }', { i: input });
    assert.deepEqual(created.createSalesOrder.userErrors, []);
    const confirmed = await graphql(sales, 'mutation($id: ID!) { confirmSalesOrder(id: $id) { order { number shipments { id number status lines { quantity } } } userErrors { message } } }', { id: created.createSalesOrder.order.id });
    assert.deepEqual(confirmed.confirmSalesOrder.userErrors, []);
    const sh = confirmed.confirmSalesOrder.order.shipments.find((s) => s.status === 'PENDING' && s.lines.length === 1 && Number(s.lines[0].quantity) === 2);
    if (sh) {
      found = { customer: c, order: confirmed.confirmSalesOrder.order, shipment: sh };
      break;
    }
  }
  assert.ok(found, 'a demo customer whose order of milk reserves it in full');

  const wh = await newPage({ locale: 'en' });
  await login(wh, 'warehouse');
  const before = await graphql(wh, '{ batches(search: "FOOD-MILK-1L") { onHand batch { number } } }');
  const qty = (n) => Number(before.batches.find((b) => b.batch.number === n).onHand);
  await wh.goto('/stock/shipments');
  await byTestId(wh, `ship-row-${found.order.number}`).click();
  await byTestId(wh, 'ship-qty-0').fill('2');
  // Not FEFO's M2026A (expiring first) but M2026B, by name.
  await byTestId(wh, 'ship-batch-0').click();
  await wh.locator('.ant-select-item-option').filter({ hasText: 'M2026B' }).click();
  await screenshot(wh, 'batches-ship-named.png');
  await byTestId(wh, 'ship-submit').click();
  await wh.locator('.ant-message').getByText(/shipped/).waitFor();
  const after = await graphql(wh, '{ batches(search: "FOOD-MILK-1L") { onHand batch { number } } }');
  const now = (n) => Number(after.batches.find((b) => b.batch.number === n).onHand);
  assert.equal(now('M2026B'), qty('M2026B') - 2);
  assert.equal(now('M2026A'), qty('M2026A'));
  await wh.goto('/stock/batches/FOOD-MILK-1L/M2026B');
  await byTestId(wh, `trace-move-${found.shipment.number}`).waitFor();
  assert.match(await byTestId(wh, `trace-move-${found.shipment.number}`).textContent(), new RegExp(found.customer.code));
  assert.equal(await byTestId(wh, 'trace-out').textContent(), '2');
});
