// Lists people can work with: the products list keeps its search, filters and
// sorting in the URL, sorts on the server, hides columns on request and
// exports what it lists with real number formats and labelled values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, login, seriousProblems, useBrowser, xlsxRows } from './helpers.mjs';

const newPage = useBrowser();

const skus = (page) => page.locator('[data-testid^="product-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid').replace('product-row-', '')));

test('the products list keeps its filters in the URL, sorts on the server, chooses columns and exports', async () => {
  const page = await newPage();
  await login(page, 'warehouse');
  await page.goto('/stock/products');
  await byTestId(page, 'products-table').locator('tbody tr.ant-table-row').first().waitFor();
  const first = await skus(page);
  assert.ok(first.length > 1, 'demo products are listed');
  assert.deepEqual(first, [...first].sort(), 'sorted by SKU by default');

  // Sorting by SKU the other way is asked of the server and lands in the URL.
  await page.locator('th', { hasText: /商品编码|SKU/ }).first().click();
  await page.locator('th', { hasText: /商品编码|SKU/ }).first().click();
  await page.waitForURL(/sort=SKU&dir=DESC|dir=DESC.*sort=SKU/);
  await page.waitForFunction((top) => document.querySelector('[data-testid^="product-row-"]')?.getAttribute('data-testid') !== `product-row-${top}`, first[0]);
  const desc = await skus(page);
  assert.deepEqual(desc, [...desc].sort().reverse(), 'sorted by SKU, last first');

  // A search narrows the list and is kept across a reload.
  const sku = first[0];
  await byTestId(page, 'products-search').locator('input').fill(sku);
  await byTestId(page, 'products-search').locator('input').press('Enter');
  await page.waitForURL(new RegExp(`q=${encodeURIComponent(sku)}`));
  await page.waitForFunction(() => document.querySelectorAll('[data-testid^="product-row-"]').length === 1);
  await page.reload();
  await byTestId(page, `product-row-${sku}`).waitFor();
  assert.equal(await byTestId(page, 'products-search').locator('input').inputValue(), sku, 'the search box shows the URL search');
  assert.deepEqual(await skus(page), [sku]);

  // The column chooser hides a column, and the choice stays.
  const headers = () => page.locator('[data-testid="products-table"] thead th').allInnerTexts();
  assert.ok((await headers()).some((h) => /单位|Unit/.test(h)));
  await byTestId(page, 'products-columns').click();
  await byTestId(page, 'products-columns-options').getByText(/单位|Unit/).click();
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="products-table"] thead th')].some((th) => /单位|Unit/.test(th.textContent)));
  await page.reload();
  await byTestId(page, `product-row-${sku}`).waitFor();
  assert.ok(!(await headers()).some((h) => /单位|Unit/.test(h)), 'the hidden column stays hidden');

  // The export holds the listed row with its price as a money-formatted number and its rate as a percentage.
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'export-xlsx').click()]);
  const rows = xlsxRows(await download.path());
  assert.equal(rows.length, 2, 'a header and the one listed product');
  const head = rows[0].map((c) => c.text);
  const cell = (name) => rows[1][head.findIndex((h) => name.test(h))];
  assert.equal(cell(/商品编码|SKU/).text, sku);
  assert.match(cell(/销售价|售价|Sell/).number, /^\d+(\.\d+)?$/);
  assert.equal(cell(/销售价|售价|Sell/).format, '#,##0.00');
  assert.equal(cell(/税率|VAT/).format, '0.00%');
  assert.equal(cell(/状态|Status/).text, '启用', 'the status is its label, not a raw value');
  assert.deepEqual(seriousProblems(page), []);
});
