import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cents, graphqlResponse, login, screenshot, seriousProblems, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

/**
 * Opens a drawer tab by its label's test id. A drawer with many tabs puts
 * the last ones behind the overflow menu; the tab stays in the tab list, so
 * the click is sent to it there.
 */
async function openTab(page, testId) {
  const tab = page.locator(`.ant-tabs-nav-list [data-testid="${testId}"]`).first();
  await tab.waitFor({ state: 'attached' });
  await tab.dispatchEvent('click');
}

/** "¥-3,613.74" or "-3,613.74" -> "-3613.74". */
const plain = (text) => text.replace(/[^\d.-]/g, '');

test('a customer drawer shows its statement of account and its audit trail as the API has them', async () => {
  // A manager sees every audit row; other roles see only their own changes.
  const page = await newPage({ locale: 'en' });
  await login(page, 'manager');
  const res = await graphqlResponse(page, `{ customers(first: 50) { nodes { id code openBalance statement { closing lines { description } } } } }`);
  assert.ok(!res.errors, JSON.stringify(res.errors));
  const c = res.data.customers.nodes.find((n) => n.statement.lines.length >= 2);
  assert.ok(c, 'no demo customer has two postings this year');

  await page.goto(`/sales/customers?customer=${c.id}`);
  await openTab(page, 'statement-tab');
  const lines = byTestId(page, 'statement-lines');
  await lines.locator('tbody tr.ant-table-row').first().waitFor();
  assert.equal(await lines.locator('tbody tr.ant-table-row').count(), c.statement.lines.length);
  // Every line names its document by number, as the API's description does.
  assert.match(await lines.locator('tbody').innerText(), /[A-Z]{2}-?\d{6}/);
  assert.equal(cents(plain(await byTestId(page, 'statement-closing').innerText())), cents(c.statement.closing));
  assert.equal(cents(c.statement.closing), cents(c.openBalance), 'the statement closes at the open balance');
  await screenshot(page, 'customer-statement.png');

  await openTab(page, 'audit-tab');
  const trail = byTestId(page, 'audit-trail');
  await trail.locator('[data-testid="audit-action"][data-action="create"]').first().waitFor();
  assert.match(await trail.innerText(), /createCustomer/);
  await screenshot(page, 'customer-audit.png');
  assert.deepEqual(seriousProblems(page), []);
});

test("a price change shows before and after in the product drawer's audit tab", async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'warehouse');
  const res = await graphqlResponse(page, `{ products(first: 1, filter: { active: true }) { nodes { id sku sellPrice } } }`);
  const p = res.data.products.nodes[0];
  // 1.25 more, in exact cents.
  const [i, f = ''] = (p.sellPrice ?? '0').split('.');
  const c = BigInt(i + (f + '00').slice(0, 2)) + 125n;
  const next = `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;
  const upd = await graphqlResponse(page, `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { userErrors { message } } }`, { i: { id: p.id, sellPrice: next } });
  assert.ok(upd.data, JSON.stringify(upd.errors));
  assert.deepEqual(upd.data.updateProduct.userErrors, []);

  await page.goto('/stock/products');
  await byTestId(page, 'products-search').locator('input').fill(p.sku);
  await byTestId(page, 'products-search').locator('input').press('Enter');
  await byTestId(page, `product-edit-${p.sku}`).click();
  await byTestId(page, 'audit-tab').click();
  const change = byTestId(page, 'audit-trail').locator('[data-testid="audit-change"][data-field="sell_price"]').first();
  await change.waitFor();
  const text = await change.innerText();
  assert.ok(text.includes(next), `the change "${text}" does not show the new price ${next}`);
  await screenshot(page, 'product-audit.png');
  // Put the price back: later browser tests sell this product.
  const back = await graphqlResponse(page, `mutation($i: UpdateProductInput!) { updateProduct(input: $i) { userErrors { message } } }`, { i: { id: p.id, sellPrice: p.sellPrice } });
  assert.deepEqual(back.data.updateProduct.userErrors, []);
});
