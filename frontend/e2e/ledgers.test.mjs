import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, companyToday, graphql, login, screenshot, seriousProblems, shownCents, useBrowser } from './helpers.mjs';

const newPage = useBrowser();
const month = companyToday().slice(0, 7);

test('finance reads the 1405 ledger of the demo month: voucher numbers link to their vouchers, the running balance ends at the closing balance', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'finance');
  await page.goto(`/finance/ledger?account=1405&from=${month}&to=${month}`);
  await byTestId(page, 'ledger-opening').waitFor();
  const voucher = page.locator('[data-testid^="ledger-voucher-"]').first();
  await voucher.waitFor();
  assert.match(await voucher.getAttribute('href'), /^\/finance\/vouchers\/\d+$/);
  assert.match(await voucher.innerText(), /^记-\d{4}-\d{2}-\d{4,}$/);

  const from = `${month}-01`;
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();
  const d = await graphql(page, `query ($from: Date!, $to: Date!) { accountLedger(accountCode: "1405", from: $from, to: $to, first: 1) { totalCount closing { direction amount } } }`, {
    from,
    to: `${month}-${last}`,
  });
  const l = d.accountLedger;
  assert.ok(l.totalCount > 0, 'the demo month has 1405 lines');
  const rows = page.locator('[data-testid^="ledger-line-"]');
  assert.equal(await rows.count(), Math.min(l.totalCount, 50));
  if (l.totalCount <= 50) {
    // The last line's balance and the closing line both show the closing balance.
    const closing = byTestId(page, 'ledger-closing');
    await closing.waitFor();
    const lastLine = rows.last();
    const amount = async (row) => shownCents((await row.locator('td').last().innerText()).split(/\s+/).pop());
    assert.equal(await amount(closing), BigInt(Math.round(Number(l.closing.amount) * 100)));
    assert.equal(await amount(lastLine), await amount(closing));
    assert.match(await closing.locator('td').last().innerText(), /借/);
  }
  await screenshot(page, 'ledger-1405.png');

  // A line's document opens the entry with its document, as the journal does.
  const source = page.locator('[data-testid^="ledger-source-"]').first();
  const sourceText = (await source.innerText()).trim();
  await source.click();
  const detail = byTestId(page, 'journal-entry-detail');
  await detail.waitFor();
  assert.ok((await detail.innerText()).includes(sourceText), `${sourceText} in the entry`);
  await page.keyboard.press('Escape');
  await detail.waitFor({ state: 'hidden' });

  // The general ledger tab: the month's 本期合计 and 本年累计.
  await page.getByRole('tab', { name: '总账' }).click();
  await byTestId(page, `gl-${month}-p`).waitFor();
  await byTestId(page, `gl-${month}-y`).waitFor();
  assert.deepEqual(seriousProblems(page), []);
});

test('the account balances (科目余额表) replace the trial balance: each total equals its other side, and an account opens its ledger', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'finance');
  await byTestId(page, 'menu-trialBalance').click();
  await page.waitForURL('**/finance/trial-balance');
  await byTestId(page, 'tb-balanced').waitFor();
  const text = async (id) => shownCents(await byTestId(page, id).innerText());
  assert.equal(await text('tb-total-debit'), await text('tb-total-credit'));
  assert.equal(await text('ab-total-opening-debit'), await text('ab-total-opening-credit'));
  assert.equal(await text('ab-total-period-debit'), await text('ab-total-period-credit'));
  assert.ok((await text('tb-total-debit')) > 0n);
  await screenshot(page, 'account-balances.png');
  await byTestId(page, 'ab-row-2202.01').waitFor();

  // The level and the range come from the URL: level 1 shows 2202 without its sub-accounts, with the same totals.
  const closingDebit = await text('tb-total-debit');
  await page.goto(`/finance/trial-balance?from=${month}&to=${month}&level=1`);
  await byTestId(page, 'ab-row-2202').waitFor();
  assert.equal(await byTestId(page, 'ab-row-2202.01').count(), 0);
  assert.equal(await text('tb-total-debit'), closingDebit);
  await byTestId(page, 'ab-open-1405').click();
  await page.waitForURL(`**/finance/ledger?account=1405&from=${month}&to=${month}`);
  await byTestId(page, 'ledger-opening').waitFor();
  assert.deepEqual(seriousProblems(page), []);
});
