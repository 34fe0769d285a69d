// Each role lands on its workbench (a manager on the dashboard with the
// approvals on top), opens a to-do line, does the work on the screen it
// leads to, and sees the line leave the list: live while the workbench is
// open, or on return. The data each flow needs is made through the API;
// nothing depends on the demo's own numbers. Screenshots of every role's
// workbench and of the dashboard, in zh-CN.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, graphql, login, randomName, screenshot, seriousProblems, useBrowser } from './helpers.mjs';

const newBrowserPage = useBrowser();

/** A page with more patience than the default: these flows run several roles' screens on a shared machine. */
async function newPage(options) {
  const page = await newBrowserPage(options);
  page.setDefaultTimeout(30_000);
  return page;
}

/** A page signed in as username through the API (no screens), for making data. */
async function apiPage(username) {
  const page = await newPage();
  await page.goto('/login');
  const r = await graphql(page, `mutation($u: String!, $p: String!) { login(input: { username: $u, password: $p }) { user { id } userErrors { message } } }`, { u: username, p: 'demo' });
  assert.ok(r.login.user, JSON.stringify(r.login.userErrors));
  return page;
}

/** A customer with room on its credit (or none: creditLimit "0"), made by the manager, and a stocked product selling above cost. */
async function customerAndProduct(mgr, creditLimit = '100000000') {
  const code = randomName('WB');
  const made = await graphql(mgr, `mutation($c: String!, $l: Decimal!) { createCustomer(input: { code: $c, name: "工作台客户", creditLimit: $l }) { customer { id code } userErrors { message } } }`, { c: code, l: creditLimit });
  assert.deepEqual(made.createCustomer.userErrors, []);
  const data = await graphql(mgr, `{ stockLevels(first: 200, filter: { inStock: true }) { nodes { product { id sku sellPrice active } warehouse { id } available averageCost } } }`);
  const level = data.stockLevels.nodes.find((l) => l.product.active && Number(l.available) >= 5 && Number(l.product.sellPrice) > Number(l.averageCost) * 1.2);
  assert.ok(level, 'a stocked product selling above its cost');
  return { customer: made.createCustomer.customer, level };
}

async function draftOrder(page, customer, level) {
  const r = await graphql(
    page,
    `mutation($c: ID!, $w: ID!, $p: ID!) { createSalesOrder(input: { customerId: $c, warehouseId: $w, lines: [{ productId: $p, quantity: "1" }] }) { order { id number status } userErrors { message } } }`,
    { c: customer.id, w: level.warehouse.id, p: level.product.id },
  );
  assert.deepEqual(r.createSalesOrder.userErrors, []);
  return r.createSalesOrder.order;
}

async function confirmOrder(page, id) {
  const r = await graphql(page, `mutation($id: ID!) { confirmSalesOrder(id: $id) { order { status shipments { id number status } } userErrors { message } } }`, { id });
  assert.deepEqual(r.confirmSalesOrder.userErrors, []);
  return r.confirmSalesOrder.order;
}

async function draftPurchaseOrder(page, quantity, price) {
  const ids = await graphql(page, `{ suppliers(first: 1, filter: { active: true }) { nodes { id } } warehouses(first: 1) { nodes { id } } products(first: 1, filter: { active: true }) { nodes { id } } }`);
  const r = await graphql(
    page,
    `mutation($s: ID!, $w: ID!, $p: ID!, $q: Decimal!, $u: Decimal!) { createPurchaseOrder(input: { supplierId: $s, warehouseId: $w, lines: [{ productId: $p, quantity: $q, unitPrice: $u }] }) { purchaseOrder { id number } userErrors { message } } }`,
    { s: ids.suppliers.nodes[0].id, w: ids.warehouses.nodes[0].id, p: ids.products.nodes[0].id, q: quantity, u: price },
  );
  assert.deepEqual(r.createPurchaseOrder.userErrors, []);
  return r.createPurchaseOrder.purchaseOrder;
}

const line = (page, section, number) => byTestId(page, `wb-line-${section}-${number}`);

/** The workbench is shown and its section lists the line. */
async function seeLine(page, section, number) {
  await byTestId(page, `wb-section-${section}`).waitFor();
  await line(page, section, number).waitFor({ timeout: 15_000 });
}

/** Back on the workbench (through the menu), the line is gone and the section still there. */
async function goneOnReturn(page, section, number, menu = 'menu-home') {
  // Close the document's drawer, then back through the menu.
  if (await page.locator('.ant-drawer-open').count()) {
    await page.keyboard.press('Escape');
    await page.locator('.ant-drawer-open').waitFor({ state: 'detached' });
  }
  await byTestId(page, menu).click();
  await byTestId(page, `wb-section-${section}`).waitFor();
  await line(page, section, number).waitFor({ state: 'detached', timeout: 15_000 });
}

test('sales: a draft order on the workbench is confirmed from its line and leaves the list; a second leaves it live', async () => {
  const mgr = await apiPage('manager');
  const { customer, level } = await customerAndProduct(mgr);
  const page = await newPage();
  await login(page, 'sales');
  assert.equal(new URL(page.url()).pathname, '/');
  const order = await draftOrder(page, customer, level);
  await page.reload();
  await seeLine(page, 'DRAFT_ORDERS', order.number);
  for (const s of ['CREDIT_HOLDS', 'DRAFT_ORDERS', 'SHORTAGES', 'DELIVERIES_DUE']) await byTestId(page, `wb-section-${s}`).waitFor();
  assert.equal(await byTestId(page, 'wb-section-SHIPMENTS_TO_PICK').count(), 0, 'sales sees no warehouse section');
  assert.match(await line(page, 'DRAFT_ORDERS', order.number).innerText(), /草稿/);
  await screenshot(page, 'workbench-sales.png');

  await byTestId(page, `wb-open-DRAFT_ORDERS-${order.number}`).click();
  await page.waitForURL(`**/sales/orders?order=${order.id}`);
  await byTestId(page, 'so-confirm').click();
  await byTestId(page, 'so-confirm').waitFor({ state: 'detached' });
  await goneOnReturn(page, 'DRAFT_ORDERS', order.number);

  // Live: confirmed elsewhere while the workbench is open, the line goes
  // when the reservation's stock change is pushed.
  const second = await draftOrder(page, customer, level);
  await page.reload();
  await seeLine(page, 'DRAFT_ORDERS', second.number);
  await confirmOrder(mgr, second.id);
  await line(page, 'DRAFT_ORDERS', second.number).waitFor({ state: 'detached', timeout: 15_000 });
  assert.deepEqual(seriousProblems(page), []);
});

test('warehouse: ships the first shipment to pick from its line; it leaves the list', async () => {
  const page = await newPage();
  await login(page, 'warehouse');
  assert.equal(new URL(page.url()).pathname, '/');
  for (const s of ['SHIPMENTS_TO_PICK', 'RECEIPTS_DUE', 'LOW_STOCK']) await byTestId(page, `wb-section-${s}`).waitFor();
  assert.equal(await byTestId(page, 'wb-section-CREDIT_HOLDS').count(), 0, 'the warehouse sees no sales section');
  await screenshot(page, 'workbench-warehouse.png');
  const first = byTestId(page, 'wb-section-SHIPMENTS_TO_PICK').locator('[data-testid^="wb-line-SHIPMENTS_TO_PICK-"]').first();
  await first.waitFor();
  const number = (await first.getAttribute('data-testid')).replace('wb-line-SHIPMENTS_TO_PICK-', '');
  // No money on a warehouse line: quantities only.
  assert.doesNotMatch(await first.innerText(), /¥/);
  await byTestId(page, `wb-open-SHIPMENTS_TO_PICK-${number}`).click();
  await page.waitForURL('**/stock/shipments?shipment=*');
  await byTestId(page, 'ship-drawer').waitFor();
  await byTestId(page, 'ship-pick-all').click();
  await byTestId(page, 'ship-submit').click();
  await byTestId(page, 'ship-form').waitFor({ state: 'detached' });
  await goneOnReturn(page, 'SHIPMENTS_TO_PICK', number);
  assert.deepEqual(seriousProblems(page), []);
});

test('purchasing: submits a draft purchase order from its line; it leaves the orders to submit', async () => {
  const page = await newPage();
  await login(page, 'purchasing');
  const po = await draftPurchaseOrder(page, '2', '10');
  await page.reload();
  await seeLine(page, 'ORDERS_TO_SUBMIT', po.number);
  for (const s of ['PURCHASE_SUGGESTIONS', 'LATE_DELIVERIES', 'PRICE_RISES']) await byTestId(page, `wb-section-${s}`).waitFor();
  await screenshot(page, 'workbench-purchasing.png');
  await byTestId(page, `wb-open-ORDERS_TO_SUBMIT-${po.number}`).click();
  await page.waitForURL(`**/purchasing/orders?order=${po.id}`);
  await byTestId(page, 'po-submit').click();
  await byTestId(page, 'po-submit').waitFor({ state: 'detached' });
  await goneOnReturn(page, 'ORDERS_TO_SUBMIT', po.number);
  assert.deepEqual(seriousProblems(page), []);
});

test('finance: releases a credit hold from its line; it leaves the holds to release', async () => {
  const mgr = await apiPage('manager');
  const { customer, level } = await customerAndProduct(mgr, '0');
  const order = await draftOrder(mgr, customer, level);
  const held = await confirmOrder(mgr, order.id);
  assert.equal(held.status, 'ON_HOLD');
  const page = await newPage();
  await login(page, 'finance');
  await seeLine(page, 'HOLDS_TO_RELEASE', order.number);
  for (const s of ['INVOICES_TO_MATCH', 'PAYMENTS_DUE', 'PERIODS_TO_CLOSE', 'BOOKS_CHECK']) await byTestId(page, `wb-section-${s}`).waitFor();
  await screenshot(page, 'workbench-finance.png');
  await byTestId(page, `wb-open-HOLDS_TO_RELEASE-${order.number}`).click();
  await page.waitForURL('**/sales/credit-holds');
  await byTestId(page, `hold-release-${order.number}`).click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await byTestId(page, `hold-row-${order.number}`).waitFor({ state: 'detached' });
  await goneOnReturn(page, 'HOLDS_TO_RELEASE', order.number);
  assert.deepEqual(seriousProblems(page), []);
});

test('manager: the dashboard has the approvals on top; a purchase order over the self-approval limit is approved from its line and leaves them', async () => {
  const mgr = await apiPage('manager');
  const { companySettings: s } = await graphql(mgr, `{ companySettings { orderSelfApprovalLimit } }`);
  const pur = await apiPage('purchasing');
  const po = await draftPurchaseOrder(pur, '10', String(Math.ceil(Number(s.orderSelfApprovalLimit) / 10) + 100));
  const sub = await graphql(pur, `mutation($id: ID!) { submitPurchaseOrder(id: $id) { userErrors { message } } }`, { id: po.id });
  assert.deepEqual(sub.submitPurchaseOrder.userErrors, []);

  const page = await newPage();
  await login(page, 'manager');
  await page.waitForURL('**/dashboard');
  await byTestId(page, 'dashboard-approvals').waitFor();
  await seeLine(page, 'ORDER_APPROVALS', po.number);
  assert.match(await line(page, 'ORDER_APPROVALS', po.number).innerText(), /自批限额/);
  await byTestId(page, 'kpi-table').waitFor();
  await screenshot(page, 'workbench-manager-dashboard.png');
  await byTestId(page, `wb-open-ORDER_APPROVALS-${po.number}`).click();
  await page.waitForURL(`**/purchasing/orders?order=${po.id}`);
  await byTestId(page, 'po-approve').click();
  await byTestId(page, 'po-approve').waitFor({ state: 'detached' });
  await goneOnReturn(page, 'ORDER_APPROVALS', po.number, 'menu-dashboard');

  // The dashboard's charts in zh-CN: receivables and payables aging alike, budgets by department name.
  for (const [id, name] of [['dashboard-receivables-aging', 'dashboard-receivables-zh.png'], ['dashboard-budget', 'dashboard-budget-zh.png'], ['dashboard-payables', 'dashboard-payables-zh.png']]) {
    await byTestId(page, id).waitFor();
    await byTestId(page, id).scrollIntoViewIfNeeded();
    await byTestId(page, id).locator('canvas').first().waitFor();
    await page.waitForTimeout(1200); // the chart's animation
    await screenshot(page, name);
  }
  // The receivables card waits for receivable changes, not stock ones.
  const waiting = byTestId(page, 'dashboard-receivable-waiting');
  if (await waiting.count()) assert.match(await waiting.innerText(), /等待应收变动/);
  assert.deepEqual(seriousProblems(page), []);
});

test('admin sees every section', async () => {
  const page = await newPage();
  await login(page, 'admin');
  for (const s of ['CREDIT_HOLDS', 'SHIPMENTS_TO_PICK', 'ORDERS_TO_SUBMIT', 'BOOKS_CHECK', 'ORDER_APPROVALS']) await byTestId(page, `wb-section-${s}`).waitFor({ timeout: 20_000 });
  assert.deepEqual(seriousProblems(page), []);
});

test('an analyst lands on the dashboard, without a workbench', async () => {
  const analyst = await newPage();
  await login(analyst, 'analyst');
  await analyst.waitForURL('**/dashboard');
  await byTestId(analyst, 'dashboard').waitFor();
  assert.equal(await byTestId(analyst, 'dashboard-approvals').count(), 0);
  await screenshot(analyst, 'dashboard-analyst.png');
});
