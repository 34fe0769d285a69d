import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HANDHELD, byTestId, graphql, graphqlResponse, login, loginNarrow, screenshot, useBrowser, wedge } from './helpers.mjs';

const newPage = useBrowser();

test('a transfer is shipped and received on the handheld by scans, and checked on the desktop', async () => {
  const wh = await newPage({ viewport: HANDHELD });
  await loginNarrow(wh, 'warehouse');
  // A draft of 2 of a stocked product with a barcode, from one warehouse to another.
  const res = await graphql(wh, `{ warehouses(first: 10) { nodes { id code active } }
    stockLevels(first: 200, filter: { inStock: true }) { nodes { product { id sku barcodes active } warehouse { id } available } } }`);
  const whs = res.warehouses.nodes.filter((w) => w.active);
  const level = res.stockLevels.nodes.find((l) => l.product.active && l.product.barcodes.length > 0 && Number(l.available) >= 5);
  assert.ok(level && whs.length >= 2, 'a stocked product and two warehouses');
  const to = whs.find((w) => w.id !== level.warehouse.id);
  const created = await graphql(wh, 'mutation($i: StockTransferInput!) { createStockTransfer(input: $i) { stockTransfer { number } userErrors { message } } }', {
    i: { fromWarehouseId: level.warehouse.id, toWarehouseId: to.id, carrier: '顺丰速运', lines: [{ productId: level.product.id, quantity: '2' }] },
  });
  assert.deepEqual(created.createStockTransfer.userErrors, []);
  const number = created.createStockTransfer.stockTransfer.number;
  const barcode = level.product.barcodes[0];

  // Ship: scan the transfer's number, then the product twice.
  await wh.goto('/m/transfer');
  await byTestId(wh, 'hh-transfer').waitFor();
  await byTestId(wh, `hh-transfer-${number}`).waitFor();
  await wedge(wh, number);
  await byTestId(wh, 'hh-transfer-task').waitFor();
  await wedge(wh, barcode);
  await wedge(wh, barcode);
  await byTestId(wh, 'hh-transfer-post').click();
  await byTestId(wh, 'hh-transfer-done').waitFor();
  // Receive: one arrived now.
  await byTestId(wh, `hh-transfer-${number}`).click();
  await byTestId(wh, 'hh-transfer-task').waitFor();
  await wedge(wh, barcode);
  await byTestId(wh, 'hh-transfer-post').click();
  await byTestId(wh, 'hh-transfer-done').waitFor();
  await screenshot(wh, 'transfer-handheld.png');

  // The desktop shows it partly received, 1 still in transit, with its shipment voucher.
  const desk = await newPage({ locale: 'en' });
  await login(desk, 'warehouse');
  await desk.goto(`/stock/transfers?q=${number}`);
  await byTestId(desk, `transfer-link-${number}`).click();
  await byTestId(desk, 'document-header').waitFor();
  assert.equal(await byTestId(desk, 'transfer-line-shipped-1').textContent(), '2');
  assert.equal(await byTestId(desk, 'transfer-line-received-1').textContent(), '1');
  assert.equal(await byTestId(desk, 'transfer-in-transit').textContent(), '1');
  await byTestId(desk, 'transfer-ship-voucher').waitFor();
  await byTestId(desk, 'transfer-events').waitFor();
  await screenshot(desk, 'transfer-desktop.png');
});
