import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, graphql, login, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

// March and April 2025 have no postings in the demo (its history starts
// this January). The test leaves every month of 2025 open again, and its
// open rows lie after January, which the purchasing test closes alone.
test('periods close in order, show the lock date, and reopen only with a reason', async () => {
  const fin = await newPage({ locale: 'en' });
  await login(fin, 'finance');
  // March 2025 gets a period row that is open (closed, then reopened), so
  // closing April must close it too.
  // (closeEarlier and reopening from January: another test may have left
  // January 2025 with an open period row.)
  const c = await graphql(fin, 'mutation { closeFiscalPeriod(input: { year: 2025, month: 3, closeEarlier: true }) { userErrors { message } } }');
  assert.deepEqual(c.closeFiscalPeriod.userErrors, []);
  const r = await graphql(fin, 'mutation { reopenFiscalPeriod(input: { year: 2025, month: 1, reason: "e2e setup" }) { userErrors { message } } }');
  assert.deepEqual(r.reopenFiscalPeriod.userErrors, []);
  try {
    await fin.goto('/finance/periods');
    await byTestId(fin, 'periods-year').fill('2025');
    await byTestId(fin, 'periods-year').press('Enter');
    await byTestId(fin, 'period-row-3').getByText('e2e setup').waitFor();

    // Closing April asks to close March with it.
    await byTestId(fin, 'period-toggle-4').click();
    await fin.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
    const ask = byTestId(fin, 'periods-close-earlier-text');
    await ask.waitFor();
    assert.match(await ask.innerText(), /2025-03/);
    await byTestId(fin, 'periods-close-earlier-ok').click();
    await byTestId(fin, 'periods-lock-date').getByText('2025-04-30').waitFor();
    for (const m of [3, 4]) await byTestId(fin, `period-row-${m}`).getByText('Closed', { exact: true }).waitFor();
    await screenshot(fin, 'periods-closed-in-order.png');
    const { postingWindow } = await graphql(fin, '{ postingWindow { lockDate earliestDate } }');
    assert.deepEqual(postingWindow, { lockDate: '2025-04-30', earliestDate: '2025-05-01' });

    // Reopening March asks why, and reopens April with it.
    await byTestId(fin, 'period-toggle-3').click();
    await byTestId(fin, 'period-reopen-ok').click();
    await byTestId(fin, 'period-reopen-errors').waitFor();
    await byTestId(fin, 'period-reopen-reason').fill('Bank charges of March booked late');
    await byTestId(fin, 'period-reopen-ok').click();
    for (const m of [3, 4]) await byTestId(fin, `period-row-${m}`).getByText('Bank charges of March booked late').waitFor();
    const after = await graphql(fin, '{ postingWindow { lockDate } }');
    assert.notEqual(after.postingWindow.lockDate, '2025-04-30');

    // Their month-end summaries are still shown, marked stale.
    await fin.goto('/finance/month-end');
    await byTestId(fin, 'month-end-year').fill('2025');
    await byTestId(fin, 'month-end-year').press('Enter');
    for (const m of ['2025-03', '2025-04']) await byTestId(fin, `month-end-stale-${m}`).first().waitFor();
  } finally {
    // Whatever happened, 2025 ends open.
    const { fiscalPeriods } = await graphql(fin, '{ fiscalPeriods(year: 2025) { month status } }');
    const first = fiscalPeriods.find((p) => p.status === 'CLOSED');
    if (first) await graphql(fin, `mutation { reopenFiscalPeriod(input: { year: 2025, month: ${first.month}, reason: "e2e cleanup" }) { userErrors { message } } }`);
  }
});
