import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HANDHELD, byTestId, graphql, graphqlResponse, login, loginNarrow, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

/** A bin of the first warehouse holding a product with a barcode, and another bin of it. */
async function stockedBin(page) {
  const res = await graphql(page, '{ warehouses(first: 10) { nodes { id code active locations { id code active } } } }');
  const w = res.warehouses.nodes.find((x) => x.active && x.locations.length > 1);
  const stock = await graphql(page, 'query($w: ID) { binStock(warehouseId: $w) { locationId quantity product { id sku barcodes } } }', { w: w.id });
  const held = stock.binStock.find((s) => s.locationId && Number(s.quantity) >= 2 && s.product.barcodes.length > 0);
  assert.ok(held, 'a demo bin holds a product with a barcode');
  const from = w.locations.find((l) => l.id === held.locationId);
  const to = w.locations.find((l) => l.active && l.id !== held.locationId);
  return { w, held, from, to };
}

test('a bin move on the handheld at 390 px: scan bin, scan product, quantity, scan target bin', async () => {
  const page = await newPage({ viewport: HANDHELD });
  await loginNarrow(page, 'warehouse');
  const { w, held, from, to } = await stockedBin(page);
  await page.evaluate((id) => localStorage.setItem('jxc.handheld.warehouse', id), w.id);
  await page.goto('/m');
  await byTestId(page, 'hh-tile-handheldMove').click();
  await byTestId(page, 'hh-move').waitFor();
  await byTestId(page, 'hh-move-from').fill(from.code);
  await byTestId(page, 'hh-move-from').press('Enter');
  await byTestId(page, 'hh-scan').fill(held.product.barcodes[0]);
  await byTestId(page, 'hh-scan').press('Enter');
  await byTestId(page, 'hh-product').waitFor();
  assert.equal(Number(await byTestId(page, 'hh-inbin').textContent()), Number(held.quantity));
  await byTestId(page, 'hh-qty').fill('1');
  await byTestId(page, 'hh-move-to').fill(to.code);
  await byTestId(page, 'hh-move-to').press('Enter');
  await byTestId(page, 'hh-moved').waitFor();
  assert.match(await byTestId(page, 'hh-moved').textContent(), /YK-\d+/);
  await screenshot(page, 'bins-handheld-move.png');
  const after = await graphql(page, 'query($w: ID, $p: ID) { binStock(warehouseId: $w, productId: $p) { locationId quantity } }', { w: w.id, p: held.product.id });
  const inFrom = after.binStock.find((s) => s.locationId === from.id);
  assert.equal(Number(inFrom?.quantity ?? 0), Number(held.quantity) - 1);
});

test('the per-bin view on the desktop shows what a bin holds', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'warehouse');
  const { held, from } = await stockedBin(page); // the first warehouse, which the page opens on
  await page.goto('/stock/bins');
  await byTestId(page, 'bins-table').waitFor();
  const row = byTestId(page, `bin-row-${from.code}`);
  await row.waitFor();
  await row.locator('.ant-table-row-expand-icon').click();
  await byTestId(page, `bin-detail-${from.code}`).waitFor();
  assert.ok((await byTestId(page, `bin-qty-${from.code}-${held.product.sku}`).textContent()).length > 0);
  await screenshot(page, 'bins-desktop.png');
});
