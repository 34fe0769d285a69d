import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, graphqlResponse, login, screenshot, shownCents, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('a scanned stock adjustment shows up live on the manager dashboard, without reload', async () => {
  const manager = await newPage({ locale: 'en' });
  await login(manager, 'manager');
  // Managers land on the dashboard.
  await manager.waitForURL('**/dashboard');
  const value = byTestId(manager, 'dashboard-inventory-value');
  await manager.waitForFunction(() => /\d\.\d\d/.test(document.querySelector('[data-testid="dashboard-inventory-value"]')?.textContent ?? ''));
  await byTestId(manager, 'live-indicator').and(manager.locator('[data-state="live"]')).first().waitFor();
  const before = shownCents(await value.innerText());
  await manager.evaluate(() => {
    window.__sameDocument = true;
  });

  const wh = await newPage({ locale: 'en' });
  await login(wh, 'warehouse');
  const res = await graphqlResponse(wh, '{ products(first: 1, filter: { active: true }) { nodes { sku barcodes } } }');
  const { sku, barcodes } = res.data.products.nodes[0];
  assert.ok(barcodes.length > 0, 'the demo product has a barcode');

  await byTestId(wh, 'menu-stockAdjust').click();
  await wh.waitForURL('**/stock/adjust');
  await byTestId(wh, 'adjust-description').fill('e2e count');
  const scan = byTestId(wh, 'adjust-scan');
  // A scanner types the code and Enter.
  await scan.pressSequentially(barcodes[0]);
  await scan.press('Enter');
  await byTestId(wh, 'adjust-line-quantity-0').waitFor();
  // Scanning it again adds one to the same line.
  await scan.pressSequentially(barcodes[0]);
  await scan.press('Enter');
  await wh.waitForFunction(() => document.querySelector('[data-testid="adjust-line-quantity-0"]')?.value === '2');
  assert.equal(await byTestId(wh, 'adjust-line-quantity-1').count(), 0, 'no second line for the same product');

  // 3 more at 100.00 each: inventory value goes up by exactly 300.00.
  await byTestId(wh, 'adjust-line-quantity-0').fill('3');
  await wh.locator('[data-testid="adjust-lines"] tbody tr').first().locator('input').last().fill('100.00');
  await screenshot(wh, 'stock-adjustment.png');
  await byTestId(wh, 'adjust-submit').click();
  await wh.locator('.ant-message').getByText(/Posted stock document ADJ-\d{6}/).waitFor();

  const expected = before + 30000n;
  await manager.waitForFunction(
    (want) => {
      const t = document.querySelector('[data-testid="dashboard-inventory-value"]')?.textContent ?? '';
      return t.replace(/[^\d]/g, '') === want;
    },
    expected.toString(),
    { timeout: 15_000 },
  );
  assert.equal(shownCents(await value.innerText()), expected);
  assert.match(await byTestId(manager, 'dashboard-last-change').innerText(), new RegExp(sku));
  assert.equal(await manager.evaluate(() => window.__sameDocument), true, 'the dashboard was not reloaded');
  await manager.waitForTimeout(1200); // let the charts finish their animation
  await screenshot(manager, 'dashboard.png');
});

test('the stock levels page updates a row in place when stock changes', async () => {
  const viewer = await newPage({ locale: 'en' });
  await login(viewer, 'analyst');
  const wh = await newPage({ locale: 'en' });
  await login(wh, 'warehouse');
  const res = await graphqlResponse(
    wh,
    '{ stockLevels(first: 1, filter: { inStock: true }, orderBy: { field: SKU }) { nodes { product { id sku } warehouse { id code } onHand } } }',
  );
  const level = res.data.stockLevels.nodes[0];
  await viewer.goto('/stock/levels');
  const row = byTestId(viewer, `stock-row-${level.product.sku}-${level.warehouse.code}`);
  await row.waitFor();
  await viewer.evaluate(() => {
    window.__sameDocument = true;
  });
  const post = await graphqlResponse(
    wh,
    `mutation($input: StockAdjustmentInput!) { postStockAdjustment(input: $input) { document { id } userErrors { field message } } }`,
    { input: { reason: 'COUNT_VARIANCE', lines: [{ productId: level.product.id, warehouseId: level.warehouse.id, direction: 'DECREASE', quantity: '1' }] } },
  );
  assert.deepEqual(post.data.postStockAdjustment.userErrors, []);
  const want = String(BigInt(level.onHand.split('.')[0]) - 1n);
  await viewer.waitForFunction(
    ([id, n]) => (document.querySelector(`[data-testid="${id}"] [data-testid="stock-onhand"]`)?.textContent ?? '').startsWith(`${n} `),
    [`stock-row-${level.product.sku}-${level.warehouse.code}`, want],
  );
  assert.equal(await viewer.evaluate(() => window.__sameDocument), true);
});
