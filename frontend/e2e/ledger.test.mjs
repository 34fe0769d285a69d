import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, login, menuKeys, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('finance opens the trial balance (debits = credits) and the books check (green)', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'finance');
  await byTestId(page, 'menu-trialBalance').click();
  await page.waitForURL('**/finance/trial-balance');
  await byTestId(page, 'tb-balanced').waitFor();
  assert.equal(await byTestId(page, 'tb-total-debit').innerText(), await byTestId(page, 'tb-total-credit').innerText());
  assert.match(await byTestId(page, 'tb-total-debit').innerText(), /^\d{1,3}(,\d{3})*\.\d\d$/);
  await screenshot(page, 'trial-balance.png');

  await byTestId(page, 'menu-booksCheck').click();
  await page.waitForURL('**/finance/books-check');
  await byTestId(page, 'books-ok').waitFor();
  assert.equal(await byTestId(page, 'books-inventory-difference').innerText(), '0.00');
});

test('a manual entry with a debit and a credit on one line shows the server error on that field', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'finance');
  await page.goto('/finance/journal');
  await byTestId(page, 'journal-new').click();
  await byTestId(page, 'je-description').fill('e2e entry');
  for (const [i, code] of [
    [0, '6602'],
    [1, '1002'],
  ]) {
    await byTestId(page, `je-line-account-${i}`).click();
    await page.keyboard.type(code);
    await page.locator('.ant-select-item-option-active').filter({ hasText: code }).waitFor();
    await page.keyboard.press('Enter');
  }
  await byTestId(page, 'je-line-debit-0').fill('100');
  await byTestId(page, 'je-line-debit-1').fill('50');
  await byTestId(page, 'je-line-credit-1').fill('150');
  assert.equal(await byTestId(page, 'je-total-debit').innerText(), '150.00');
  await byTestId(page, 'je-submit').click();
  const item = page.locator('.ant-form-item', { has: byTestId(page, 'je-line-credit-1') });
  await item.locator('.ant-form-item-explain-error').first().waitFor();
  assert.match(await item.locator('.ant-form-item-explain-error').first().innerText(), /debit or a credit/);

  // Fixed: the entry posts and opens.
  await byTestId(page, 'je-line-debit-1').fill('');
  await byTestId(page, 'je-line-credit-1').fill('100');
  await byTestId(page, 'je-submit').click();
  await byTestId(page, 'journal-entry-detail').waitFor();
  assert.match(page.url(), /entry=\d+/);
  // The entry is named by its voucher number (numbered per month without gaps), never by its id.
  const id = new URL(page.url()).searchParams.get('entry');
  assert.match(await page.locator('.ant-drawer-open .ant-drawer-title').last().innerText(), /^Journal voucher 记-\d{4}-\d{2}-\d{4}$/);
  assert.match(await byTestId(page, `journal-voucher-${id}`).innerText(), /^记-\d{4}-\d{2}-\d{4}$/);
});

test("a goods receipt's entry shows the product on its inventory line, not on the GRNI line", async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'finance');
  const r = await page.request.post('/graphql', {
    data: { query: '{ journalEntries(first: 1, filter: {sourceType: PURCHASE_RECEIPT}) { nodes { id lines { account { code } product { sku } } } } }' },
  });
  const entry = (await r.json()).data.journalEntries.nodes[0];
  const inventory = entry.lines.find((l) => l.account.code === '1405');
  assert.ok(inventory?.product?.sku, JSON.stringify(entry));
  assert.ok(entry.lines.every((l) => (l.account.code === '1405') === (l.product !== null)), JSON.stringify(entry));
  await page.goto(`/finance/journal?entry=${entry.id}`);
  const table = byTestId(page, `journal-lines-${entry.id}`);
  await table.waitFor();
  const inventoryRow = table.locator('tr', { hasText: '1405' }).first();
  assert.match(await inventoryRow.innerText(), new RegExp(inventory.product.sku));
  const grniRow = table.locator('tr', { hasText: '2202.02' }).first();
  assert.doesNotMatch(await grniRow.innerText(), new RegExp(inventory.product.sku));
});

test('each role sees only its menu', async () => {
  const wh = await newPage({ locale: 'en' });
  await login(wh, 'warehouse');
  const whKeys = await menuKeys(wh);
  for (const k of ['products', 'warehouses', 'stockLevels', 'stockMoves', 'stockAdjust']) assert.ok(whKeys.includes(k), `${k} in ${whKeys}`);
  for (const k of ['accounts', 'journal', 'trialBalance', 'profitAndLoss', 'balanceSheet', 'fiscalPeriods', 'booksCheck', 'dashboard', 'users']) {
    assert.ok(!whKeys.includes(k), `warehouse must not see ${k}: ${whKeys}`);
  }
  await wh.goto('/finance/trial-balance');
  await byTestId(wh, 'forbidden').waitFor();

  const fin = await newPage({ locale: 'en' });
  await login(fin, 'finance');
  const finKeys = await menuKeys(fin);
  assert.ok(finKeys.includes('booksCheck') && finKeys.includes('journal'), finKeys.join());
  assert.ok(!finKeys.includes('stockAdjust') && !finKeys.includes('products'), finKeys.join());

  const an = await newPage({ locale: 'en' });
  await login(an, 'analyst');
  const anKeys = await menuKeys(an);
  assert.ok(anKeys.includes('trialBalance') && anKeys.includes('stockLevels') && anKeys.includes('dashboard'), anKeys.join());
  assert.ok(!anKeys.includes('stockAdjust') && !anKeys.includes('booksCheck'), anKeys.join());
});
