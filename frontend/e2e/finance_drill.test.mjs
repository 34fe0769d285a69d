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

  // A goods receipt's line on 1405 in the range, as the API has it; the
  // ledger page shows it with its voucher number as a link.
  const { journalEntries } = await graphql(
    page,
    `query ($from: Date!, $to: Date!) { journalEntries(first: 50, orderBy: {field: DATE, direction: ASC}, filter: {accountCode: "1405", sourceType: PURCHASE_RECEIPT, dateFrom: $from, dateTo: $to}) { nodes { id voucherNo source { number } } } }`,
    { from: `${year}-01-01`, to: companyToday() },
  );
  assert.ok(journalEntries.nodes.length > 0, 'the demo receives goods this year');
  // Page through the ledger until the first receipt's voucher shows.
  const entry = journalEntries.nodes[0];
  const voucherLink = page.locator('[data-testid^="ledger-voucher-"]', { hasText: entry.voucherNo }).first();
  for (let i = 0; i < 20 && !(await voucherLink.count()); i++) {
    const next = page.locator('[data-testid="ledger-table"] .ant-pagination-next:not(.ant-pagination-disabled)');
    if (!(await next.count())) break;
    await next.click();
    await page.waitForTimeout(300);
  }
  assert.equal(await voucherLink.getAttribute('href'), `/finance/vouchers/${entry.id}`);
  await voucherLink.click();
  await page.waitForURL(`**/finance/vouchers/${entry.id}`);
  await byTestId(page, `voucher-${entry.id}`).waitFor();
  assert.equal(await byTestId(page, 'voucher-no').innerText(), entry.voucherNo);
  assert.match(await byTestId(page, 'voucher-lines').innerText(), /1405/);

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
  await page.emulateMedia({ media: 'print' });
  assert.equal(await byTestId(page, 'statement-sheet').isVisible(), true);
  assert.equal(await byTestId(page, 'statement-print').isVisible(), false);
  assert.equal(await byTestId(page, 'sider').isVisible(), false);
  await screenshot(page, 'finance-drill-statement-print.png');
  assert.deepEqual(page.problems, [], 'no console errors');
});
