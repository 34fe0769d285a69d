import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cents, companyToday, graphql, login, screenshot, seriousProblems, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

/** The first day of the company's current month, the demo month. */
const monthStart = () => `${companyToday().slice(0, 8)}01`;

/** Opens a drawer tab by its label's test id (it may sit behind the tab overflow menu). */
async function openTab(page, testId) {
  const tab = page.locator(`.ant-tabs-nav-list [data-testid="${testId}"]`).first();
  await tab.waitFor({ state: 'attached' });
  await tab.dispatchEvent('click');
}

test("finance prints a customer's 对账单 for the demo month: opening, documents, closing, and no app menu on paper", async () => {
  const page = await newPage({ locale: 'zh-CN' });
  await login(page, 'finance');
  const from = monthStart();
  const to = companyToday();
  const data = await graphql(page, `query($from: Date, $to: Date) { customers(first: 50) { nodes { id code name
      statement(from: $from, to: $to) { opening closing lines { source { number } } } } } }`, { from, to });
  const c = data.customers.nodes.find((n) => n.statement.lines.some((l) => l.source.number));
  assert.ok(c, 'no demo customer has a posting this month');

  // From the customer's record: the statement tab links the printable statement.
  await page.goto(`/sales/customers?customer=${c.id}`);
  await openTab(page, 'statement-tab');
  await byTestId(page, 'statement-printable').click();
  await page.waitForURL(/\/finance\/statement\?/);
  assert.match(page.url(), new RegExp(`kind=customer&id=${c.id}`));

  // The demo month.
  await page.goto(`/finance/statement?kind=customer&id=${c.id}&from=${from}&to=${to}`);
  const sheet = byTestId(page, 'statement-sheet');
  await sheet.locator('tbody tr.ant-table-row').first().waitFor();
  assert.equal(cents(await byTestId(page, 'statement-opening').innerText()), cents(c.statement.opening));
  assert.equal(cents(await byTestId(page, 'statement-closing').innerText()), cents(c.statement.closing));
  assert.equal(await sheet.locator('tbody tr.ant-table-row').count(), c.statement.lines.length);
  const docs = await byTestId(page, 'statement-document').allInnerTexts();
  const number = c.statement.lines.find((l) => l.source.number).source.number;
  assert.ok(docs.includes(number), `document ${number} is not on the statement (${docs.join(', ')})`);
  assert.match(await byTestId(page, 'statement-partner').innerText(), new RegExp(c.code));
  const text = await sheet.innerText();
  assert.ok(text.includes('对账单') && text.includes(`${from} ~ ${to}`), text.slice(0, 200));
  assert.ok(text.includes('对方确认（盖章）'), 'no signature lines');
  assert.ok(await byTestId(page, 'main-menu').isVisible());

  // On paper: the statement without the app's menu, header and controls.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await byTestId(page, 'main-menu').isVisible(), false, 'the app menu prints');
  assert.equal(await byTestId(page, 'page-title').isVisible(), false, 'the app header prints');
  assert.equal(await byTestId(page, 'statement-print').isVisible(), false, 'the print button prints');
  assert.ok(await sheet.isVisible());
  assert.ok(await byTestId(page, 'statement-signatures').isVisible());
  await screenshot(page, 'statement-print.png');
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await byTestId(page, 'main-menu').isVisible());
  assert.deepEqual(seriousProblems(page), []);
});

test('辅助核算余额表: receivables per customer add up to the account, a row opens its ledger', async () => {
  const page = await newPage({ locale: 'zh-CN' });
  await login(page, 'finance');
  const from = monthStart();
  const to = companyToday();
  const data = await graphql(page, `query($from: Date!, $to: Date!) { auxiliaryBalances(accountCode: "1122", dimension: CUSTOMER, from: $from, to: $to) {
      closing rows { valueId code closing debit credit } } }`, { from, to });
  const b = data.auxiliaryBalances;
  const row = b.rows.filter((r) => r.valueId).sort((x, y) => Number(cents(y.debit) + cents(y.credit) - cents(x.debit) - cents(x.credit)))[0];
  assert.ok(row, 'no customer has receivables');

  await page.goto(`/finance/auxiliary?account=1122&dimension=CUSTOMER&from=${from}&to=${to}`);
  const table = byTestId(page, 'aux-balances');
  await table.locator('tbody tr.ant-table-row').first().waitFor();
  assert.equal(await table.locator('tbody tr.ant-table-row').count(), b.rows.length);
  assert.equal(cents(await byTestId(page, 'aux-total-closing').innerText()), cents(b.closing));
  await byTestId(page, `aux-row-${row.code}`).click();
  const ledger = byTestId(page, 'aux-ledger');
  await ledger.locator('tbody tr.ant-table-row').first().waitFor();
  assert.equal(cents(await byTestId(page, 'aux-ledger-closing').innerText()), cents(row.closing));
  assert.match(await ledger.innerText(), /记-\d{4}-\d{2}-\d{4}/);
  await screenshot(page, 'auxiliary-ledger.png');
  assert.deepEqual(seriousProblems(page), []);
});

test('the chart of accounts adds a sub-account under a standard account with its dimensions', async () => {
  const page = await newPage({ locale: 'zh-CN' });
  await login(page, 'finance');
  const code = `2241.${String(10 + (Date.now() % 90))}`;
  await page.goto('/finance/accounts');
  await byTestId(page, 'account-sub-2241').click();
  await byTestId(page, 'account-code').fill(code);
  await byTestId(page, 'account-name').fill('其他应付款-押金');
  // Choose the dimension and see it chosen (on a busy machine a click while the list still opens can miss).
  const chosen = byTestId(page, 'account-dimensions').locator('.ant-select-selection-item', { hasText: '供应商' });
  for (let i = 0; i < 3 && !(await chosen.count()); i++) {
    await byTestId(page, 'account-dimensions').click();
    await page.locator('.ant-select-item-option').filter({ hasText: '供应商' }).click();
    await page.waitForTimeout(300);
  }
  await chosen.waitFor();
  await byTestId(page, 'account-name').click();
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await byTestId(page, `account-edit-${code}`).waitFor();
  const data = await graphql(page, `{ accounts { code parentCode direction dimensions } }`);
  const a = data.accounts.find((x) => x.code === code);
  assert.deepEqual(a, { code, parentCode: '2241', direction: 'CREDIT', dimensions: ['SUPPLIER'] });
  assert.deepEqual(seriousProblems(page), []);
});
