// Lists people can work with: the products list keeps its search, filters and
// sorting in the URL, sorts on the server, hides columns on request and
// exports what it lists with real number formats and labelled values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, graphql, login, seriousProblems, useBrowser, xlsxRows } from './helpers.mjs';

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

  // Sorting by SKU the other way (one click on the ascending column) is asked of the server and lands in the URL.
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

test('budget lines sort by amount on the server and search by cost centre from the URL', async () => {
  const page = await newPage();
  await login(page, 'finance');
  await page.goto('/finance/budgets?sort=AMOUNT&dir=DESC');
  const rows = byTestId(page, 'budget-table').locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  const amountCol = (await page.locator('[data-testid="budget-table"] thead th').allInnerTexts()).findIndex((h) => /预算金额|预算|Budget/.test(h));
  assert.ok(amountCol >= 0);
  const amounts = async () => (await rows.evaluateAll((trs, i) => trs.map((tr) => tr.children[i].textContent), amountCol)).map((s) => Number(s.replace(/[^\d.-]/g, '')));
  const desc = await amounts();
  assert.ok(desc.length > 1, 'the demo has budget lines');
  assert.deepEqual(desc, [...desc].sort((a, b) => b - a), 'largest budget first');
  assert.ok(await page.locator('th[aria-sort="descending"]').count(), 'the amount column shows its sort');
  const centre = (await rows.first().locator('td').nth(1).innerText()).trim();
  await byTestId(page, 'budget-search').locator('input').fill(centre);
  await byTestId(page, 'budget-search').locator('input').press('Enter');
  await page.waitForURL(new RegExp(`q=${encodeURIComponent(centre)}`));
  await page.waitForFunction(([c, i]) => [...document.querySelectorAll('[data-testid="budget-table"] tbody tr.ant-table-row')].every((tr) => tr.children[i].textContent.includes(c)), [centre, 1]);
  assert.deepEqual(seriousProblems(page), []);
});

async function draftPurchaseOrder(page) {
  const ids = await graphql(page, `{ suppliers(first: 1, filter: { active: true }) { nodes { id } } warehouses(first: 1) { nodes { id } } products(first: 1, filter: { active: true }) { nodes { id } } }`);
  const r = await graphql(
    page,
    `mutation($s: ID!, $w: ID!, $p: ID!) { createPurchaseOrder(input: { supplierId: $s, warehouseId: $w, lines: [{ productId: $p, quantity: "500", unitPrice: "12.34" }] }) { purchaseOrder { id number } userErrors { message } } }`,
    { s: ids.suppliers.nodes[0].id, w: ids.warehouses.nodes[0].id, p: ids.products.nodes[0].id },
  );
  assert.deepEqual(r.createPurchaseOrder.userErrors, []);
  return r.createPurchaseOrder.purchaseOrder;
}

test('purchase orders: drafts filtered and sorted from the URL, submitted in bulk, exported with dates, money and a totals row', async () => {
  const page = await newPage();
  await login(page, 'purchasing');
  const a = await draftPurchaseOrder(page);
  const b = await draftPurchaseOrder(page);
  await page.goto('/purchasing/orders?status=DRAFT&sort=NUMBER&dir=DESC');
  await byTestId(page, `po-row-${b.number}`).waitFor();
  const numbers = await page.locator('[data-testid^="po-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid').replace('po-row-', '')));
  assert.deepEqual(numbers.slice(0, 2), [b.number, a.number], 'newest number first, as the URL asks');

  await byTestId(page, `po-select-${a.number}`).click();
  await byTestId(page, `po-select-${b.number}`).click();
  await byTestId(page, 'po-bulk-submit').click();
  const result = await byTestId(page, 'po-bulk-result').innerText();
  assert.ok(result.includes(a.number) && result.includes(b.number), `both named: ${result}`);
  await byTestId(page, `po-row-${a.number}`).waitFor({ state: 'detached' });
  await byTestId(page, `po-row-${b.number}`).waitFor({ state: 'detached' });
  const { purchaseOrder } = await graphql(page, 'query($n: String) { purchaseOrder(number: $n) { status } }', { n: a.number });
  assert.notEqual(purchaseOrder.status, 'DRAFT');

  // One order found by its number, all statuses: its export has real dates, money and a 合计 row.
  await page.goto(`/purchasing/orders?q=${encodeURIComponent(a.number)}`);
  await byTestId(page, `po-row-${a.number}`).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'export-xlsx').click()]);
  const rows = xlsxRows(await download.path());
  assert.equal(rows.length, 3, 'a header, the order and the totals row');
  const head = rows[0].map((c) => c.text);
  const cell = (r, name) => rows[r][head.findIndex((h) => name.test(h))];
  assert.equal(cell(1, /订单号/).text, a.number);
  assert.equal(cell(1, /下单日期|订单日期|日期/).format, 'yyyy-mm-dd');
  assert.match(cell(1, /下单日期|订单日期|日期/).number, /^\d{5}$/, 'a date serial, not text');
  assert.equal(cell(1, /价税合计/).format, '#,##0.00');
  assert.ok(!/^[A-Z_]+$/.test(cell(1, /状态/).text), 'the status is labelled');
  assert.equal(rows[2][0].text, '合计');
  assert.equal(cell(2, /价税合计/).number, cell(1, /价税合计/).number);
  assert.ok(cell(2, /价税合计/).bold);
  assert.deepEqual(seriousProblems(page), []);
});
