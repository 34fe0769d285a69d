import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, choose, graphql, login, randomName, useBrowser } from './helpers.mjs';

// Master data screens (issue 18): categories, bins, sub-accounts, company
// settings with numbering rules, opening stock. Each one refuses bad input
// on its field and saves good input.

const newPage = useBrowser();

/** The error text shown under the form item holding the control testId. */
function fieldError(page, testId) {
  return page.locator('.ant-form-item', { has: byTestId(page, testId) }).locator('.ant-form-item-explain-error');
}

test('the warehouse creates and renames a category, a bad code is refused on its field', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'warehouse');
  await page.goto('/stock/categories');
  await byTestId(page, 'categories-table').waitFor();
  const code = randomName('CAT').toUpperCase();

  await byTestId(page, 'category-create-open').click();
  await byTestId(page, 'category-code').fill('bad code!');
  await byTestId(page, 'category-name').fill('坏类别');
  await byTestId(page, 'category-save').click();
  await fieldError(page, 'category-code').filter({ hasText: /code/i }).waitFor();

  await byTestId(page, 'category-code').fill(code);
  await byTestId(page, 'category-name').fill('厨房电器');
  await byTestId(page, 'category-nameEn').fill('Kitchen');
  await byTestId(page, 'category-save').click();
  const row = byTestId(page, `category-row-${code}`);
  await row.getByText('厨房电器').waitFor();

  await byTestId(page, `category-edit-${code}`).click();
  await byTestId(page, 'category-name').fill('厨房小家电');
  await byTestId(page, 'category-save').click();
  await row.getByText('厨房小家电').waitFor();
  await byTestId(page, `category-toggle-${code}`).click();
  await row.getByText('Inactive').waitFor();
});

test('the warehouse adds and renames a bin, a duplicate bin code is refused on its field', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'warehouse');
  const wcode = randomName('W').toUpperCase();
  const created = await graphql(page, 'mutation($input: CreateWarehouseInput!) { createWarehouse(input: $input) { warehouse { id } userErrors { message } } }', {
    input: { code: wcode, name: `新仓 ${wcode}` },
  });
  assert.ok(created.createWarehouse.warehouse, JSON.stringify(created));
  await page.goto('/stock/warehouses');
  await byTestId(page, `warehouse-add-bin-${wcode}`).click();
  await byTestId(page, 'bin-code').fill('A-01');
  await byTestId(page, 'bin-name').fill('一号货架');
  await byTestId(page, 'bin-save').click();
  await byTestId(page, 'bin-save').waitFor({ state: 'hidden' });

  await byTestId(page, `warehouse-add-bin-${wcode}`).click();
  await byTestId(page, 'bin-code').fill('A-01');
  await byTestId(page, 'bin-save').click();
  await page.locator('.ant-modal').filter({ has: byTestId(page, 'bin-code') }).locator('.ant-form-item-explain-error, .ant-alert').first().waitFor();
  await page.keyboard.press('Escape');

  await byTestId(page, `warehouse-row-${wcode}`).locator('.ant-table-row-expand-icon').click();
  await byTestId(page, `bin-edit-${wcode}-A-01`).click();
  await byTestId(page, 'bin-name').fill('一号货架（冷）');
  await byTestId(page, 'bin-save').click();
  await byTestId(page, `bin-row-${wcode}-A-01`).getByText('一号货架（冷）').waitFor();
});

test('finance adds a sub-account with its direction and dimensions, a code outside the parent is refused', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'finance');
  await page.goto('/finance/accounts');
  await byTestId(page, 'accounts-table').waitFor();
  await byTestId(page, 'account-sub-2241').click({ timeout: 30_000 });
  await byTestId(page, 'account-code').fill('9999.01');
  await byTestId(page, 'account-name').fill('其他应付款-测试');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.locator('[data-testid="account-dialog"] .ant-form-item-explain-error, .ant-modal .ant-alert').first().waitFor();

  const code = `2241.${String(10 + (Date.now() % 89))}`;
  await byTestId(page, 'account-code').fill(code);
  await byTestId(page, 'account-name').fill('其他应付款-保证金');
  await byTestId(page, 'account-dimensions').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /Supplier|供应商/ }).click();
  await byTestId(page, 'account-name').click();
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await byTestId(page, `account-edit-${code}`).waitFor();
  await page.locator('.ant-modal-footer').waitFor({ state: 'hidden' });

  await byTestId(page, `account-edit-${code}`).click({ timeout: 30_000 });
  await byTestId(page, 'account-name').fill('其他应付款-投标保证金');
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.locator('.ant-modal-footer').waitFor({ state: 'hidden' });
  const data = await graphql(page, `{ accounts { code name parentCode direction dimensions } }`);
  const a = data.accounts.find((x) => x.code === code);
  assert.equal(a.parentCode, '2241');
  assert.equal(a.name, '其他应付款-投标保证金');
  assert.deepEqual(a.dimensions, ['SUPPLIER']);
});

test('the manager saves the tax ID, and a new numbering prefix numbers the next sales order', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'manager');
  await page.goto('/admin/settings');
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-timeZone"]')?.value === 'Asia/Shanghai');
  await byTestId(page, 'settings-taxId').fill('91-31');
  await byTestId(page, 'settings-save').click();
  await fieldError(page, 'settings-taxId').getByText(/tax ID 91-31 must be 15 to 20/).waitFor();
  await byTestId(page, 'settings-taxId').fill('91310000MA1FL0AB2X');
  await byTestId(page, 'settings-bankName').fill('招商银行上海分行');
  await byTestId(page, 'settings-save').click();
  await page.locator('.ant-message').getByText('Separation of duties saved').waitFor();
  const s = await graphql(page, '{ companySettings { taxId bankName timeZone currency defaultVatRate } }');
  assert.equal(s.companySettings.taxId, '91310000MA1FL0AB2X');
  assert.equal(s.companySettings.currency, 'CNY');

  // Numbering: a prefix ending in a digit is refused on its field, a good one numbers the next order.
  await byTestId(page, 'numbering-edit-SALES_ORDER').click();
  await byTestId(page, 'numbering-prefix').fill('XS2');
  await byTestId(page, 'numbering-save').click();
  await page.locator('.ant-modal .ant-form-item-explain-error').getByText(/not end with a digit/).waitFor();
  await byTestId(page, 'numbering-prefix').fill('XS-');
  await byTestId(page, 'numbering-save').click();
  await byTestId(page, 'numbering-row-SALES_ORDER').getByText('XS-000123').waitFor();
  try {
    const refs = await graphql(page, '{ customers(first: 1) { nodes { id } } products(first: 1) { nodes { id } } }');
    const o = await graphql(page, 'mutation($input: SalesOrderInput!) { createSalesOrder(input: $input) { order { number } userErrors { message } } }', {
      input: { customerId: refs.customers.nodes[0].id, lines: [{ productId: refs.products.nodes[0].id, quantity: '1' }] },
    });
    assert.match(o.createSalesOrder.order?.number ?? JSON.stringify(o), /^XS-\d{6}$/);
  } finally {
    // Put the default back for the other tests on this database.
    const back = await graphql(page, 'mutation { updateNumberingRule(input: { kind: SALES_ORDER, prefix: "SO-" }) { rule { example } userErrors { message } } }');
    assert.equal(back.updateNumberingRule.rule.example, 'SO-000123');
  }
});

test('finance posts opening stock for a product in a fresh warehouse and the stock level shows it; a zero quantity is refused', async () => {
  const setup = await newPage({ locale: 'en' });
  await login(setup, 'warehouse');
  const wcode = randomName('OW').toUpperCase();
  const sku = randomName('OP-').toUpperCase();
  const made = await graphql(
    setup,
    `mutation($w: CreateWarehouseInput!, $p: CreateProductInput!) {
      createWarehouse(input: $w) { warehouse { id } userErrors { message } }
      createProduct(input: $p) { product { id vatRate } userErrors { message } }
    }`,
    { w: { code: wcode, name: `期初仓 ${wcode}` }, p: { sku, name: '期初商品', unit: '个' } },
  );
  assert.ok(made.createWarehouse.warehouse && made.createProduct.product, JSON.stringify(made));
  assert.equal(made.createProduct.product.vatRate, '0.13', 'a new product gets the company default VAT rate');

  const page = await newPage({ locale: 'en' });
  await login(page, 'finance');
  await page.goto('/stock/opening');
  await choose(page, 'opening-line-product-0', sku);
  await byTestId(page, 'opening-line-warehouse-0').click();
  await page.locator('.ant-select-item-option').filter({ hasText: wcode }).click();
  await byTestId(page, 'opening-line-quantity-0').fill('0');
  await byTestId(page, 'opening-line-unitCost-0').fill('12.5');
  await byTestId(page, 'opening-submit').click();
  await fieldError(page, 'opening-line-quantity-0').first().waitFor();

  await byTestId(page, 'opening-line-quantity-0').fill('40');
  await byTestId(page, 'opening-submit').click();
  await page.locator('.ant-message').getByText(/Opening stock document OS-\d{6} posted/).waitFor();

  await setup.goto('/stock/levels');
  await byTestId(setup, 'stock-filter-warehouse').click();
  await setup.locator('.ant-select-item-option').filter({ hasText: wcode }).click();
  const row = byTestId(setup, `stock-row-${sku}-${wcode}`);
  await row.waitFor();
  assert.match(await row.locator('[data-testid="stock-onhand"]').innerText(), /^40\b/);
});
