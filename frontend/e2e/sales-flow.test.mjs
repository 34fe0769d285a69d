import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cents, choose, graphqlResponse, login, menuKeys, screenshot, shownCents, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

/** A customer in good standing and a stocked product with a barcode that the dry run says confirm cleanly. */
async function findOrder(sales) {
  const res = await graphqlResponse(
    sales,
    `{ customers(first: 50, filter: { overdue: false, onCreditHold: false, active: true }) { nodes { id code creditAvailable } }
       stockLevels(first: 100, filter: { inStock: true }) { nodes { product { id sku barcodes active } available } } }`,
  );
  const customers = res.data.customers.nodes.filter((c) => Number(c.creditAvailable) > 100000);
  const products = res.data.stockLevels.nodes.filter((l) => l.product.active && l.product.barcodes.length > 0 && Number(l.available) >= 5).map((l) => l.product);
  for (const c of customers) {
    for (const p of products.slice(0, 5)) {
      const v = await graphqlResponse(sales, 'query($i: SalesOrderInput!) { validateSalesOrder(input: $i) { ok shortages { lineNo } } }', { i: { customerId: c.id, lines: [{ productId: p.id, quantity: '1' }] } });
      if (v.data?.validateSalesOrder.ok) return { customer: c, product: p };
    }
  }
  throw new Error('no demo customer and product confirm cleanly');
}

test('an order goes from sales to warehouse to finance while the manager dashboard follows receivables live', async () => {
  // The manager's dashboard, left open the whole time.
  const manager = await newPage({ locale: 'en' });
  await login(manager, 'manager');
  await manager.waitForURL('**/dashboard');
  const tile = byTestId(manager, 'dashboard-open-receivables');
  await manager.waitForFunction(() => /\d\.\d\d/.test(document.querySelector('[data-testid="dashboard-open-receivables"]')?.textContent ?? ''));
  await byTestId(manager, 'live-indicator').and(manager.locator('[data-state="live"]')).first().waitFor();
  const before = shownCents(await tile.innerText());
  await manager.evaluate(() => {
    window.__sameDocument = true;
  });

  // Sales: a new order, the product scanned in, checked by the dry run, saved and confirmed.
  const sales = await newPage({ locale: 'en' });
  await login(sales, 'sales');
  const { customer, product } = await findOrder(sales);
  await byTestId(sales, 'menu-salesOrders').click();
  await sales.waitForURL('**/sales/orders');
  await byTestId(sales, 'so-new').click();
  await choose(sales, 'so-form-customer', customer.code);
  const scan = byTestId(sales, 'so-scan');
  await scan.pressSequentially(product.barcodes[0]);
  await scan.press('Enter');
  await sales.waitForFunction(() => document.querySelector('[data-testid="so-line-quantity-0"]')?.value === '1');
  // The unit price defaults to the product's sell price.
  await sales.waitForFunction(() => /\d/.test(document.querySelector('[data-testid="so-line-price-0"]')?.value ?? ''));
  // Scanning again adds one to the same line.
  await scan.pressSequentially(product.barcodes[0]);
  await scan.press('Enter');
  await sales.waitForFunction(() => document.querySelector('[data-testid="so-line-quantity-0"]')?.value === '2');
  assert.equal(await byTestId(sales, 'so-line-quantity-1').count(), 0, 'no second line for the same product');
  // An invalid discount shows the server's violation on its line field; fixing it clears it.
  await byTestId(sales, 'so-line-discount-0').fill('150');
  await byTestId(sales, 'so-issue-lines-0-discountPercent').waitFor();
  await byTestId(sales, 'so-line-discount-0').fill('');
  await byTestId(sales, 'so-valid').waitFor();
  await byTestId(sales, 'so-line-quantity-0').fill('1');
  // The dry run answers for quantity 1: its net is the sell price.
  const price = await byTestId(sales, 'so-line-price-0').inputValue();
  await sales.waitForFunction(
    (p) => {
      const el = document.querySelector('[data-testid="so-validation"]');
      return el?.getAttribute('data-state') === 'ok' && Number(el.getAttribute('data-net')).toFixed(2) === Number(p).toFixed(2);
    },
    price,
  );
  await screenshot(sales, 'sales-order.png');
  await byTestId(sales, 'so-save-confirm').click();
  const drawer = byTestId(sales, 'so-drawer');
  await drawer.locator('[data-testid="so-status"][data-status="CONFIRMED"]').waitFor();
  const title = await drawer.locator('.ant-drawer-title').innerText();
  const orderNumber = title.split(' ')[0];
  assert.match(orderNumber, /^SO-/);
  await screenshot(sales, 'sales-order-confirmed.png');

  // Warehouse: the pending shipment is picked by scanning and shipped.
  const wh = await newPage({ locale: 'en' });
  await login(wh, 'warehouse');
  await byTestId(wh, 'menu-shipments').click();
  await wh.waitForURL('**/stock/shipments');
  await byTestId(wh, `ship-row-${orderNumber}`).click();
  const shipScan = byTestId(wh, 'ship-scan');
  await shipScan.waitFor();
  await shipScan.pressSequentially(product.barcodes[0]);
  await shipScan.press('Enter');
  await wh.waitForFunction(() => document.querySelector('[data-testid="ship-qty-0"]')?.value === '1');
  await byTestId(wh, 'ship-carrier').fill('SF Express');
  await byTestId(wh, 'ship-tracking').fill('SF1234567890');
  await byTestId(wh, 'ship-submit').click();
  await wh.locator('.ant-message').getByText(/shipped/).waitFor();

  // Finance: invoice the shipment; the manager's tile rises by the invoice total, live.
  const fin = await newPage({ locale: 'en' });
  await login(fin, 'finance');
  await byTestId(fin, 'menu-salesInvoices').click();
  await fin.waitForURL('**/finance/sales-invoices');
  await byTestId(fin, 'sinv-new').click();
  await choose(fin, 'sinv-form-customer', customer.code);
  await byTestId(fin, `sinv-shipment-${orderNumber}`).locator('input[type="checkbox"]').check();
  await byTestId(fin, 'sinv-form-submit').click();
  await fin.locator('.ant-message').getByText(/Created invoice/).waitFor();
  const inv = await graphqlResponse(fin, 'query($c: ID) { salesInvoices(first: 1, filter: { customerId: $c }) { nodes { number totalAmount } } }', { c: customer.id });
  const invoice = inv.data.salesInvoices.nodes[0];
  const total = cents(invoice.totalAmount);
  assert.ok(total > 0n);
  const waitTile = (want) =>
    manager.waitForFunction((w) => (document.querySelector('[data-testid="dashboard-open-receivables"]')?.textContent ?? '').replace(/[^\d-]/g, '') === w, want.toString(), { timeout: 15_000 });
  await waitTile(before + total);

  // Finance records the payment (oldest due first); the tile falls back.
  await byTestId(fin, 'menu-customerPayments').click();
  await fin.waitForURL('**/finance/customer-payments');
  await byTestId(fin, 'cpay-new').click();
  await choose(fin, 'cpay-form-customer', customer.code);
  await byTestId(fin, 'cpay-form-amount').fill(invoice.totalAmount);
  await byTestId(fin, 'cpay-form-submit').click();
  await fin.locator('.ant-message').getByText(/Recorded payment/).waitFor();
  await waitTile(before);

  assert.equal(await manager.evaluate(() => window.__sameDocument), true, 'the dashboard was not reloaded');
  assert.match(await byTestId(manager, 'dashboard-last-receivable').innerText(), new RegExp(customer.code));
  await tile.evaluate((el) => el.closest('.ant-row')?.scrollIntoView({ block: 'start' }));
  await manager.waitForTimeout(1200); // let the charts finish their animation
  await screenshot(manager, 'dashboard-receivables.png');
  for (const p of [manager, sales, wh, fin]) assert.deepEqual(p.problems.filter((x) => /Content Security Policy|Uncaught|TypeError/.test(x)), [], 'browser errors');
});

test('sales sees the sales menu and no finance entries; warehouse sees shipments', async () => {
  const sales = await newPage({ locale: 'en' });
  await login(sales, 'sales');
  const keys = await menuKeys(sales);
  for (const k of ['customers', 'salesOrders', 'creditHolds']) assert.ok(keys.includes(k), keys.join());
  for (const k of ['salesInvoices', 'customerPayments', 'receivablesAging', 'journal', 'trialBalance', 'accounts']) assert.ok(!keys.includes(k), `sales must not see ${k}: ${keys.join()}`);
  await sales.goto('/finance/sales-invoices');
  await byTestId(sales, 'forbidden').waitFor();

  const wh = await newPage({ locale: 'en' });
  await login(wh, 'warehouse');
  const whKeys = await menuKeys(wh);
  assert.ok(whKeys.includes('shipments'), whKeys.join());
  assert.ok(whKeys.includes('replenishment'), whKeys.join());
  assert.ok(!whKeys.includes('salesOrders'), whKeys.join());
});
