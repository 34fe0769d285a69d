import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, companyToday, graphql, login, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

// Issue 16's walk, as an accountant makes it: the balance sheet of the
// month, 存货 to account 1405's ledger, a line of it to its voucher, the
// voucher to the goods receipt behind it; then the voucher printed, and a
// customer's 对账单 printed.
test('an accountant drills from 存货 on the balance sheet to the 1405 ledger, a voucher and its goods receipt, and prints the voucher and a 对账单', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'finance');
  const [year, month] = companyToday().split('-').map(Number);
  const ym = `${year}-${String(month).padStart(2, '0')}`;

  await page.goto('/finance/balance-sheet');
  const inventory = byTestId(page, 'bs-first-9');
  await inventory.waitFor();
  assert.match(await byTestId(page, 'bs-line-9').innerText(), /存货/);
  await inventory.click();
  const toLedger = byTestId(page, 'stmt-drill-account-1405');
  await toLedger.waitFor();
  await toLedger.click();
  await page.waitForURL(`**/finance/ledger?account=1405&from=${year}-01&to=${ym}`);
  await byTestId(page, 'ledger-opening').waitFor();

  // A goods receipt's line on 1405: the first row whose document is a
  // goods receipt (采购入库), paging on while the page shows none.
  const receiptRow = page.locator('[data-testid^="ledger-line-"]', { has: page.locator('[data-testid^="ledger-source-"]', { hasText: '采购入库' }) }).first();
  for (let i = 0; i < 20 && !(await receiptRow.count()); i++) {
    const next = page.locator('.ant-pagination-next:not(.ant-pagination-disabled)');
    if (!(await next.count())) break;
    await next.first().click();
    await page.waitForTimeout(500);
  }
  assert.ok(await receiptRow.count(), 'the 1405 ledger shows a goods receipt this year');
  const voucherLink = receiptRow.locator('[data-testid^="ledger-voucher-"]');
  const voucherNo = (await voucherLink.innerText()).trim();
  const { journalEntries } = await graphql(page, `query ($s: String) { journalEntries(first: 5, filter: {search: $s}) { nodes { id voucherNo source { type number } } } }`, { s: voucherNo });
  const entry = journalEntries.nodes.find((n) => n.voucherNo === voucherNo);
  assert.equal(entry?.source.type, 'PURCHASE_RECEIPT', JSON.stringify(journalEntries));
  assert.equal(await voucherLink.getAttribute('href'), `/finance/vouchers/${entry.id}`);
  await voucherLink.click();
  await page.waitForURL(`**/finance/vouchers/${entry.id}`);
  await byTestId(page, `voucher-${entry.id}`).waitFor();
  assert.equal(await byTestId(page, 'voucher-no').innerText(), entry.voucherNo);
  assert.match(await byTestId(page, 'voucher-lines').innerText(), /1405/);
  // Headed by the company (核算单位), as the company settings name it.
  const { company } = await graphql(page, '{ company { name } }');
  assert.ok(company.name, 'the demo names its company');
  assert.equal(await byTestId(page, 'voucher-company').innerText(), company.name);

  // The voucher's document is the goods receipt.
  const source = byTestId(page, 'voucher-source-link');
  assert.equal(await source.innerText(), entry.source.number);
  await source.click();
  await byTestId(page, 'source-document').waitFor();
  assert.match(await byTestId(page, 'source-document-title').innerText(), new RegExp(`采购入库 ${entry.source.number}`));
  await page.keyboard.press('Escape');
  await byTestId(page, 'source-document').waitFor({ state: 'hidden' });

  // Printed, the voucher stands alone.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await byTestId(page, 'sider').isVisible(), false);
  assert.equal(await byTestId(page, `voucher-${entry.id}`).isVisible(), true);
  await screenshot(page, 'finance-drill-voucher-print.png');
  await page.emulateMedia({ media: 'screen' });

  // A customer's 对账单 for the month, printed.
  const { customers } = await graphql(page, '{ customers(first: 1, orderBy: {field: OPEN_BALANCE, direction: DESC}) { nodes { id code } } }');
  const c = customers.nodes[0];
  await page.goto(`/finance/statement?kind=customer&id=${c.id}&from=${ym}-01&to=${companyToday()}`);
  await byTestId(page, 'statement-sheet').waitFor();
  assert.match(await byTestId(page, 'statement-partner').innerText(), new RegExp(c.code));
  assert.equal(await byTestId(page, 'statement-company').innerText(), company.name);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await byTestId(page, 'statement-sheet').isVisible(), true);
  assert.equal(await byTestId(page, 'statement-print').isVisible(), false);
  assert.equal(await byTestId(page, 'sider').isVisible(), false);
  await screenshot(page, 'finance-drill-statement-print.png');
  assert.deepEqual(page.problems, [], 'no console errors');
});
