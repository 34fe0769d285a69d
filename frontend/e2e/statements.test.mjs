import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, companyToday, graphql, login, screenshot, seriousProblems, shownCents, cents, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('finance opens 资产负债表 for the demo month, drills from 存货 to account 1405 and its ledger, and reads it in English', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'finance');
  await byTestId(page, 'menu-balanceSheet').click();
  await page.waitForURL('**/finance/balance-sheet');
  const [year, month] = companyToday().split('-').map(Number);
  const ym = `${year}-${String(month).padStart(2, '0')}`;

  // 存货 is line 9, with the figure the server computes for the month.
  const row = byTestId(page, 'bs-line-9');
  await row.waitFor();
  assert.match(await row.innerText(), /存货/);
  const api = await graphql(page, `query ($y: Int!, $m: Int!) { statutoryBalanceSheet(year: $y, month: $m) { balanced lines { lineNo closing } } }`, { y: year, m: month });
  const inventory = api.statutoryBalanceSheet.lines.find((l) => l.lineNo === 9).closing;
  assert.ok(cents(inventory) > 0n, `存货 ${inventory}`);
  const amount = byTestId(page, 'bs-first-9');
  assert.equal(shownCents(await amount.innerText()), cents(inventory));
  await byTestId(page, 'bs-balanced').waitFor();
  assert.equal(api.statutoryBalanceSheet.balanced, true);

  // The popover lists 1405 with a link to its ledger from January to the month.
  await amount.click();
  const drill = byTestId(page, 'stmt-drill');
  await drill.waitFor();
  const link = byTestId(page, 'stmt-drill-account-1405');
  await link.waitFor();
  assert.match(await link.innerText(), /1405/);
  const href = await link.getAttribute('href');
  assert.equal(href, `/finance/ledger?${new URLSearchParams({ account: '1405', from: `${year}-01`, to: ym })}`);
  await screenshot(page, 'statements-balance-sheet.png');

  // In English the same form reads "Inventories".
  await page.keyboard.press('Escape');
  await byTestId(page, 'lang-switch').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="bs-line-9"]')?.textContent?.includes('Inventories'));
  assert.match(await byTestId(page, 'bs-line-9').innerText(), /Inventories/);
  assert.deepEqual(seriousProblems(page), []);
});

test('finance opens 利润表 with 本月金额 and 本年累计金额; net profit is revenue less costs', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'finance');
  await byTestId(page, 'menu-profitAndLoss').click();
  await page.waitForURL('**/finance/profit-and-loss');
  const row = byTestId(page, 'is-line-32');
  await row.waitFor();
  assert.match(await row.innerText(), /四、净利润/);
  const revenue = shownCents(await byTestId(page, 'is-second-1').innerText());
  assert.ok(revenue > 0n, 'year-to-date revenue');
  // 三、利润总额 - 所得税费用 = 四、净利润, as shown.
  const total = shownCents(await byTestId(page, 'is-second-30').innerText());
  const tax = shownCents(await byTestId(page, 'is-second-31').innerText());
  assert.equal(shownCents(await byTestId(page, 'is-second-32').innerText()), total - tax);
  // 打印 prints the form alone: on paper the menu and the toolbar are gone and the form's title shows.
  await byTestId(page, 'stmt-print').waitFor();
  await page.emulateMedia({ media: 'print' });
  assert.equal(await byTestId(page, 'sider').isVisible(), false);
  assert.equal(await byTestId(page, 'stmt-print').isVisible(), false);
  assert.match(await page.locator('.stmt-print-title').innerText(), /利润表[\s\S]*会小企02表/);
  assert.equal(await row.isVisible(), true);
  assert.deepEqual(seriousProblems(page), []);
});
