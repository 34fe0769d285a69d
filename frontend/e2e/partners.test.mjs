// Customer and supplier master data in the browser: a customer created
// without a code gets one, its 开票信息 and a default ship-to address are
// edited and still there after a reload; a bad tax ID is refused on its
// field and writes nothing; the customers list is searched, sorted on the
// server and exported (the .xlsx cells read back); purchasing creates a
// supplier and gives it a price for a product, then deactivates it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { byTestId, choose, graphql, login, randomName, screenshot, seriousProblems, useBrowser } from './helpers.mjs';

const newPage = useBrowser();
const GOOD_TAX_ID = '91310115MA1H8PLX0H';

const fieldError = (page, testId) => page.locator('.ant-form-item', { has: byTestId(page, testId) }).locator('.ant-form-item-explain-error');

/** The cells of an exported sheet, row by row, as text (inline strings and numbers) at their columns (A = 0). */
function sheetRows(path) {
  const xml = strFromU8(unzipSync(readFileSync(path))['xl/worksheets/sheet1.xml']);
  const col = (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [...xml.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((r) => {
    const cells = [];
    for (const c of r[1].matchAll(/<c r="([A-Z]+)\d+"[^>]*?(?:\/>|>(.*?)<\/c>)/g)) {
      const inner = c[2] ?? '';
      const t = inner.match(/<t[^>]*>(.*?)<\/t>/);
      const v = inner.match(/<v>(.*?)<\/v>/);
      cells[col(c[1])] = t ? t[1] : v ? v[1] : '';
    }
    return Array.from(cells, (x) => x ?? '');
  });
}

test('sales creates a customer without a code, edits its invoicing details and ship-to address, and finds them after a reload', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'sales');
  await page.goto('/sales/customers');
  await byTestId(page, 'cust-table').locator('tbody tr.ant-table-row').first().waitFor();
  const name = randomName('开票客户');

  // A bad tax ID: refused on its field in Chinese, nothing written.
  await byTestId(page, 'cust-new').click();
  await byTestId(page, 'cust-form-name').fill(name);
  await byTestId(page, 'cust-form-taxid').fill('12345');
  await byTestId(page, 'cust-form-submit').click();
  await fieldError(page, 'cust-form-taxid').filter({ hasText: '12345' }).waitFor();
  assert.match(await fieldError(page, 'cust-form-taxid').innerText(), /税号应为 18 位统一社会信用代码/);
  const none = await graphql(page, `query($q: String) { customers(filter: { search: $q }) { totalCount } }`, { q: name });
  assert.equal(none.customers.totalCount, 0, 'a refused customer was written');

  // Fixed, with the code left empty: the server gives the next C code.
  await byTestId(page, 'cust-form-taxid').fill(GOOD_TAX_ID);
  await byTestId(page, 'cust-form-submit').click();
  const title = page.locator('.ant-drawer-open .ant-drawer-title');
  await title.filter({ hasText: name }).waitFor({ timeout: 30_000 });
  const code = (await title.innerText()).split(' ')[0];
  assert.match(code, /^C\d{3,}$/, `automatic code ${code}`);
  assert.equal(await byTestId(page, 'cust-taxid').innerText(), GOOD_TAX_ID);

  // Invoicing details and a default ship-to address.
  await byTestId(page, 'cust-edit').click();
  await byTestId(page, 'cust-form-inv-copy').click();
  assert.equal(await byTestId(page, 'cust-form-inv-title').inputValue(), name);
  await byTestId(page, 'cust-form-inv-address').fill('上海市浦东新区张江路 88 号 021-5080 1234');
  await byTestId(page, 'cust-form-inv-bank').fill('招商银行张江支行 1219 0866 0010 888');
  await byTestId(page, 'cust-form-bank-name').fill('招商银行');
  await byTestId(page, 'cust-form-bank-account').fill('1219 0866 0010 888');
  await byTestId(page, 'cust-form-add-address').click();
  await byTestId(page, 'cust-form-addr-0-label').fill('仓库');
  await byTestId(page, 'cust-form-addr-0-address').fill('上海市嘉定区安亭镇 9 号');
  await byTestId(page, 'cust-form-addr-0-contact').fill('李四');
  await byTestId(page, 'cust-form-addr-0-phone').fill('13900001111');
  assert.equal(await byTestId(page, 'cust-form-addr-0-default').isChecked(), true, 'the first address is the default');
  await byTestId(page, 'cust-form-submit').click();
  await byTestId(page, 'cust-form').waitFor({ state: 'detached' });

  await page.reload();
  // The drawer reads the customer with its history: slow on a busy machine.
  await title.filter({ hasText: name }).waitFor({ timeout: 30_000 });
  const invoicing = await byTestId(page, 'cust-invoicing').innerText();
  assert.match(invoicing, new RegExp(name));
  assert.match(invoicing, /张江路 88 号 021-5080 1234/);
  assert.match(invoicing, /招商银行张江支行 1219 0866 0010 888/);
  assert.match(invoicing, new RegExp(GOOD_TAX_ID));
  assert.equal(await byTestId(page, 'cust-bank').innerText(), '招商银行 1219 0866 0010 888');
  const address = await byTestId(page, 'cust-address-0').innerText();
  assert.match(address, /仓库 · 上海市嘉定区安亭镇 9 号 · 李四 · 13900001111/);
  assert.match(address, /默认收货地址/);
  await screenshot(page, 'partners-customer-invoicing.png');
  const saved = await graphql(page, `query($q: String) { customers(filter: { search: $q }) { nodes { code invoicing { title addressPhone } defaultAddress { contact } } } }`, { q: name });
  assert.deepEqual(saved.customers.nodes, [{ code, invoicing: { title: name, addressPhone: '上海市浦东新区张江路 88 号 021-5080 1234' }, defaultAddress: { contact: '李四' } }]);
  assert.deepEqual(seriousProblems(page), []);
});

test('the customers list searches and sorts on the server with its state in the URL, and exports what it lists', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'sales');
  await page.goto('/sales/customers');
  const rows = byTestId(page, 'cust-table').locator('tbody tr.ant-table-row');
  await rows.first().waitFor();

  // Sort by code, descending: the URL says so and the first row is the highest code.
  const header = byTestId(page, 'cust-table').locator('th', { hasText: '客户编码' });
  await header.click(); // the default is code ascending: one click turns it round
  await page.waitForURL(/sort=CODE&dir=DESC|dir=DESC.*sort=CODE/);
  const all = await graphql(page, `{ customers(first: 200, orderBy: { field: CODE, direction: DESC }) { totalCount nodes { code } } }`);
  await rows.first().filter({ hasText: all.customers.nodes[0].code }).waitFor();

  // By name, ascending.
  await byTestId(page, 'cust-table').locator('th', { hasText: '客户名称' }).click();
  await page.waitForURL(/sort=NAME/);
  const byName = await graphql(page, `{ customers(first: 3, orderBy: { field: NAME, direction: ASC }) { nodes { code } } }`);
  await page.locator(`[data-testid="cust-row-${byName.customers.nodes[0].code}"]`).waitFor();
  assert.equal(await rows.first().getAttribute('data-testid'), `cust-row-${byName.customers.nodes[0].code}`);

  // A search narrows it and stays in the URL across a reload.
  const target = all.customers.nodes[all.customers.nodes.length - 1].code;
  await byTestId(page, 'cust-search').locator('input').fill(target);
  await byTestId(page, 'cust-search').locator('input').press('Enter');
  await page.waitForURL(new RegExp(`q=${target}`));
  await page.reload();
  await page.locator(`[data-testid="cust-row-${target}"]`).waitFor();
  assert.equal(await byTestId(page, 'cust-search').locator('input').inputValue(), target);
  const found = await graphql(page, `query($q: String) { customers(filter: { search: $q }) { totalCount nodes { code name openBalance } } }`, { q: target });
  assert.equal(await rows.count(), found.customers.totalCount);

  // The export has a header and exactly the listed rows, the amounts as numbers.
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'export-xlsx').click()]);
  assert.match(download.suggestedFilename(), /\.xlsx$/);
  const sheet = sheetRows(await download.path());
  assert.equal(sheet.length, found.customers.totalCount + 1, 'a header and the listed rows');
  const head = sheet[0];
  assert.deepEqual(head.slice(0, 3), ['客户编码', '客户名称', '区域']);
  const codeCol = head.indexOf('客户编码');
  const balanceCol = head.indexOf('应收余额');
  assert.ok(balanceCol > 0, `no balance column in ${head}`);
  const row = sheet.find((r) => r[codeCol] === target);
  assert.ok(row, `${target} not exported`);
  assert.equal(Number(row[balanceCol]), Number(found.customers.nodes.find((n) => n.code === target).openBalance));
  assert.deepEqual(seriousProblems(page), []);
});

test('purchasing creates a supplier with an automatic code, gives it a price for a product and deactivates it', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'purchasing');
  await page.goto('/purchasing/suppliers');
  await byTestId(page, 'suppliers-table').locator('tbody tr.ant-table-row').first().waitFor();
  const name = randomName('新供应商');

  await byTestId(page, 'supplier-new').click();
  await byTestId(page, 'supplier-form-name').fill(name);
  await byTestId(page, 'supplier-form-taxid').fill('ABC-1');
  await byTestId(page, 'supplier-form-submit').click();
  await fieldError(page, 'supplier-form-taxid').filter({ hasText: 'ABC-1' }).waitFor();
  const none = await graphql(page, `query($q: String) { suppliers(filter: { search: $q, active: null }) { totalCount } }`, { q: name });
  assert.equal(none.suppliers.totalCount, 0, 'a refused supplier was written');

  await byTestId(page, 'supplier-form-taxid').fill(GOOD_TAX_ID);
  await byTestId(page, 'supplier-form-bank-name').fill('工商银行宁波分行');
  await byTestId(page, 'supplier-form-bank-account').fill('3901 1100 0920 0012 345');
  await byTestId(page, 'supplier-form-add-contact').click();
  await byTestId(page, 'supplier-form-contact-0-name').fill('周经理');
  await byTestId(page, 'supplier-form-submit').click();
  const title = page.locator('.ant-drawer-open .ant-drawer-title');
  await title.filter({ hasText: name }).waitFor();
  const code = (await title.innerText()).split(' ')[0];
  assert.match(code, /^SUP-\d{4}$/);
  assert.equal(await byTestId(page, 'supplier-bank').innerText(), '工商银行宁波分行 3901 1100 0920 0012 345');

  // A price for a product.
  const { products } = await graphql(page, `{ products(first: 1) { nodes { id sku } } }`);
  const sku = products.nodes[0].sku;
  await byTestId(page, 'supplier-price-add').click();
  await choose(page, 'supplier-price-product', sku);
  await byTestId(page, 'supplier-price-price').fill('88.50');
  await byTestId(page, 'supplier-price-lead').fill('5');
  await byTestId(page, 'supplier-price-moq').fill('-2');
  await byTestId(page, 'supplier-price-submit').click();
  await fieldError(page, 'supplier-price-moq').first().waitFor();
  assert.match(await fieldError(page, 'supplier-price-moq').innerText(), /最小订购量/);
  await byTestId(page, 'supplier-price-moq').fill('10');
  await byTestId(page, 'supplier-price-submit').click();
  const prices = byTestId(page, 'supplier-products');
  await prices.locator('tr', { hasText: sku }).filter({ hasText: '88.50' }).waitFor();
  const line = await prices.locator('tr', { hasText: sku }).innerText();
  assert.match(line, /5 天/);
  assert.match(line, /10/);
  assert.match(line, /启用/);
  await screenshot(page, 'partners-supplier-prices.png');

  // Deactivated, the supplier is no longer offered for the product.
  await byTestId(page, `supplier-price-deactivate-${sku}`).click();
  await byTestId(page, 'supplier-price-deactivate-ok').click();
  await prices.locator('tr', { hasText: sku }).filter({ hasText: '已停用' }).waitFor();
  const offers = await graphql(page, `query($p: ID!) { productSuppliers(productId: $p) { supplier { code } } }`, { p: products.nodes[0].id });
  assert.ok(!offers.productSuppliers.some((o) => o.supplier.code === code), 'a deactivated price is still offered');
  assert.deepEqual(seriousProblems(page), []);
});
