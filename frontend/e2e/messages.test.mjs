// The server's messages in the reader's language: a clerk with a Chinese
// screen reads Chinese errors that name records by their codes; after
// switching the screen to English, the same mistakes read English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, choose, graphql, login, randomName, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

/** An existing customer, a stocked product with a barcode, and a new customer with no credit (every order holds). */
async function setUp(page) {
  const data = await graphql(
    page,
    `{ customers(first: 20, filter: { active: true, onCreditHold: false }) { nodes { id code } }
       stockLevels(first: 100, filter: { inStock: true }) { nodes { product { id sku barcodes active } available } } }`,
  );
  const level = data.stockLevels.nodes.find((l) => l.product.active && l.product.barcodes.length > 0);
  assert.ok(level, 'a stocked product with a barcode');
  // More than any warehouse holds, still a valid amount.
  const product = { ...level.product, tooMany: String(Math.ceil(Number(level.available)) + 100000) };
  const code = randomName('HOLD');
  const made = await graphql(page, `mutation($c: String!) { createCustomer(input: { code: $c, name: "零信用客户", creditLimit: "0" }) { customer { id code } userErrors { message } } }`, { c: code });
  assert.deepEqual(made.createCustomer.userErrors, []);
  return { existing: data.customers.nodes[0], product, held: made.createCustomer.customer };
}

const noDatabaseId = (text) => assert.doesNotMatch(text, /#\d/, `a database id in ${text}`);

/** A new customer with an existing code: the code field shows the server's refusal. */
async function duplicateCode(page, code) {
  await byTestId(page, 'menu-customers').click();
  await byTestId(page, 'cust-new').click();
  await byTestId(page, 'cust-form-code').fill(code);
  await byTestId(page, 'cust-form-name').fill('重复编码');
  await byTestId(page, 'cust-form-submit').click();
  const item = page.locator('.ant-form-item', { has: byTestId(page, 'cust-form-code') });
  const error = item.locator('.ant-form-item-explain-error');
  await error.filter({ hasText: code }).waitFor();
  const text = await error.innerText();
  await page.keyboard.press('Escape');
  return text;
}

/** A new order: far more than is in stock, then for the customer without credit. */
async function orderMistakes(page, { existing, held, product }) {
  await byTestId(page, 'menu-salesOrders').click();
  await page.waitForURL('**/sales/orders');
  await byTestId(page, 'so-new').click();
  await choose(page, 'so-form-customer', existing.code);
  const scan = byTestId(page, 'so-scan');
  await scan.pressSequentially(product.barcodes[0]);
  await scan.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="so-line-quantity-0"]')?.value === '1');
  await byTestId(page, 'so-line-price-0').fill('1000');
  await byTestId(page, 'so-line-quantity-0').fill(product.tooMany);
  const short = byTestId(page, 'so-issue-lines-0-quantity');
  await short.filter({ hasText: product.sku }).waitFor();
  const shortage = await short.innerText();
  await byTestId(page, 'so-line-quantity-0').fill('1');
  await choose(page, 'so-form-customer', held.code);
  const hold = byTestId(page, 'so-issue-customerId');
  await hold.filter({ hasText: held.code }).waitFor();
  const creditHold = await hold.innerText();
  await screenshot(page, `messages-${shortage.includes('仅有') ? 'zh' : 'en'}.png`);
  await page.keyboard.press('Escape');
  return { shortage, creditHold };
}

test('a Chinese screen reads Chinese errors naming records by code; switched to English, the same mistakes read English', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'sales');
  const data = await setUp(page);

  const dupZh = await duplicateCode(page, data.existing.code);
  assert.equal(dupZh, `客户编码 ${data.existing.code} 已被使用`);
  const zh = await orderMistakes(page, data);
  assert.match(zh.shortage, new RegExp(`仓库 \\S+ .*中 ${data.product.sku} 仅有 [\\d,.]+ 可用`));
  assert.match(zh.creditHold, new RegExp(`客户 ${data.held.code}：订单将被信用冻结`));
  for (const t of [dupZh, zh.shortage, zh.creditHold]) noDatabaseId(t);

  // The language switch saves the preference: the server writes English.
  await byTestId(page, 'lang-switch').click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  const saved = await graphql(page, '{ me { language } }');
  assert.equal(saved.me.language, 'EN');
  await page.goto('/');
  await byTestId(page, 'main-menu').waitFor();
  const dupEn = await duplicateCode(page, data.existing.code);
  assert.equal(dupEn, `customer code ${data.existing.code} is already used`);
  const en = await orderMistakes(page, data);
  assert.match(en.shortage, new RegExp(`^only [\\d,.]+ of ${data.product.sku} available in warehouse \\S+`));
  assert.match(en.creditHold, new RegExp(`customer ${data.held.code}: the order would be put on credit hold`));
  for (const t of [dupEn, en.shortage, en.creditHold]) noDatabaseId(t);

  // Signing in elsewhere with a Chinese browser: the saved English wins.
  const other = await newPage({ locale: 'zh' });
  await login(other, 'sales', 'demo', { keepLanguage: true });
  await other.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal((await byTestId(other, 'menu-home').innerText()).trim(), 'Home');
  await graphql(other, 'mutation { updateMyLanguage(language: null) { userErrors { code } } }');
});

test('ordering from a supplier without a known price shows a Chinese message naming the SKU and the supplier', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'purchasing');
  const data = await graphql(
    page,
    `{ suppliers(first: 50, filter: { active: true }) { nodes { code products { product { id } lastPrice } } }
       products(first: 200, filter: { active: true }) { nodes { id sku } }
       warehouses(first: 5) { nodes { code name } } }`,
  );
  // A supplier, and an active product it has no price for.
  let pick;
  for (const s of data.suppliers.nodes) {
    const priced = new Set(s.products.filter((p) => p.lastPrice !== null).map((p) => p.product.id));
    const product = data.products.nodes.find((p) => !priced.has(p.id));
    if (product) {
      pick = { supplier: s.code, sku: product.sku };
      break;
    }
  }
  assert.ok(pick, 'a supplier without a price for some product');
  const wh = data.warehouses.nodes[0];

  await page.goto('/purchasing/orders');
  await byTestId(page, 'po-new').click();
  await choose(page, 'po-form-supplier', pick.supplier);
  await choose(page, 'po-form-warehouse', wh.code);
  await choose(page, 'po-form-product-0', pick.sku);
  await byTestId(page, 'po-form-quantity-0').fill('3');
  await byTestId(page, 'po-form-submit').click();
  const error = byTestId(page, 'po-form').locator('.ant-form-item-explain-error').filter({ hasText: pick.sku });
  await error.waitFor();
  const text = await error.innerText();
  assert.equal(text, `供应商 ${pick.supplier} 没有 ${pick.sku} 的已知价格：请填写单价`);
  noDatabaseId(text);
  await screenshot(page, 'messages-no-supplier-price.png');
});
