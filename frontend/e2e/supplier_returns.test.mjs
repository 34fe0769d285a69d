import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, graphql, login, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('a supplier return from a receipt: drafted with the receipt prefilled, posted at the moving average, listed', async () => {
  const page = await newPage();
  // The admin: the return's values are supplier money and costs, which purchasing does not read.
  await login(page, 'admin');
  // The demo's returns (one before invoicing, one after with its debit note applied) are listed.
  const { supplierReturns } = await graphql(page, '{ supplierReturns(first: 10) { nodes { number status totalAmount appliedAmount } } }');
  assert.ok(supplierReturns.nodes.length >= 1, 'the demo has supplier returns');
  await page.goto('/purchasing/supplier-returns');
  await byTestId(page, `sret-link-${supplierReturns.nodes[0].number}`).waitFor({ timeout: 30000 });
  await screenshot(page, 'supplier-returns.png');

  // A recent receipt whose product is still in stock.
  const { goodsReceipts } = await graphql(page, '{ goodsReceipts(first: 20) { nodes { number lines { lineNo acceptedQuantity product { sku stock { available } } } } } }');
  const rc = goodsReceipts.nodes.find((r) => r.lines.some((l) => Number(l.acceptedQuantity) >= 1 && Number(l.product.stock.available) >= 20));
  assert.ok(rc, 'a receipt of a product in stock');
  const line = rc.lines.find((l) => Number(l.acceptedQuantity) >= 1);
  await page.goto(`/purchasing/supplier-returns/new?receipt=${rc.number}&product=${encodeURIComponent(line.product.sku)}`);
  await byTestId(page, 'sret-new-lines').waitFor({ timeout: 30000 });
  // The product's line comes prefilled with what was accepted; return one of it.
  const qty = byTestId(page, `sret-qty-${line.lineNo}`);
  assert.ok(Number(await qty.inputValue()) > 0, 'the product named in the link is prefilled');
  for (const l of rc.lines) if (l.lineNo !== line.lineNo) await byTestId(page, `sret-qty-${l.lineNo}`).fill('');
  await qty.fill('1');
  await byTestId(page, 'sret-reason').fill('外箱破损');
  await byTestId(page, 'sret-create').click();
  await Promise.race([byTestId(page, 'sret-errors').waitFor({ timeout: 30000 }), page.waitForURL(/PR-/, { timeout: 30000 })]);
  if (await byTestId(page, 'sret-errors').count()) assert.fail(await byTestId(page, 'sret-errors').innerText());
  await page.waitForURL(/\/purchasing\/supplier-returns\/PR-\d+/, { timeout: 30000 });
  await byTestId(page, 'sret-status').filter({ hasText: '草稿' }).waitFor({ timeout: 30000 });
  await byTestId(page, 'sret-post').click();
  await byTestId(page, 'sret-status').filter({ hasText: '已过账' }).waitFor({ timeout: 30000 });
  const stock = await byTestId(page, 'sret-stock-value').innerText();
  assert.ok(/\d/.test(stock) && !/^0\.00$/.test(stock.trim()), `posted at a stock value: ${stock}`);
  await byTestId(page, 'sret-voucher').waitFor();
  await screenshot(page, 'supplier-return.png');
});
