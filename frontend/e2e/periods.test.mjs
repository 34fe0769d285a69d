import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, graphql, login, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

const pad = (n) => String(n).padStart(2, '0');
const lastDay = (y, m) => `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;

// The demo closes every month before the last. The test works on the two
// latest closed months of one year, A and B: it reopens them, closes B
// (which asks to close A with it), reopens A with a reason (B reopens
// with it), and at the end closes them again, as the demo left them.
test('periods close in order, show the lock date, and reopen only with a reason', async () => {
  const fin = await newPage({ locale: 'en' });
  await login(fin, 'finance');
  const { postingWindow: demo } = await graphql(fin, '{ postingWindow { lockDate } }');
  assert.ok(demo.lockDate, 'the demo has closed months');
  const lockYear = Number(demo.lockDate.slice(0, 4));
  const lockMonth = Number(demo.lockDate.slice(5, 7));
  const year = lockMonth >= 2 ? lockYear : lockYear - 1;
  const b = lockMonth >= 2 ? lockMonth : 12;
  const a = b - 1;
  const keyA = `${year}-${pad(a)}`;
  const keyB = `${year}-${pad(b)}`;
  const r = await graphql(fin, `mutation { reopenFiscalPeriod(input: { year: ${year}, month: ${a}, reason: "e2e setup" }) { userErrors { message } } }`);
  assert.deepEqual(r.reopenFiscalPeriod.userErrors, []);
  try {
    await fin.goto('/finance/periods');
    await byTestId(fin, 'periods-year').fill(String(year));
    await byTestId(fin, 'periods-year').press('Enter');
    await byTestId(fin, `period-row-${a}`).getByText('e2e setup').waitFor();

    // Closing B asks to close A with it.
    await byTestId(fin, `period-toggle-${b}`).click();
    await fin.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
    const ask = byTestId(fin, 'periods-close-earlier-text');
    await ask.waitFor();
    assert.match(await ask.innerText(), new RegExp(keyA));
    await byTestId(fin, 'periods-close-earlier-ok').click();
    await byTestId(fin, 'periods-lock-date').getByText(lastDay(year, b)).waitFor();
    for (const m of [a, b]) await byTestId(fin, `period-row-${m}`).getByText('Closed', { exact: true }).waitFor();
    await screenshot(fin, 'periods-closed-in-order.png');
    const { postingWindow } = await graphql(fin, '{ postingWindow { lockDate earliestDate } }');
    const next = b === 12 ? `${year + 1}-01-01` : `${year}-${pad(b + 1)}-01`;
    assert.deepEqual(postingWindow, { lockDate: lastDay(year, b), earliestDate: next });

    // Reopening A asks why, and reopens B with it.
    await byTestId(fin, `period-toggle-${a}`).click();
    await byTestId(fin, 'period-reopen-ok').click();
    await byTestId(fin, 'period-reopen-errors').waitFor();
    await byTestId(fin, 'period-reopen-reason').fill('Bank charges booked late');
    await byTestId(fin, 'period-reopen-ok').click();
    for (const m of [a, b]) await byTestId(fin, `period-row-${m}`).getByText('Bank charges booked late').waitFor();
    const after = await graphql(fin, '{ postingWindow { lockDate } }');
    assert.notEqual(after.postingWindow.lockDate, lastDay(year, b));

    // Their month-end summaries are still shown, marked stale.
    await fin.goto('/finance/month-end');
    await byTestId(fin, 'month-end-year').fill(String(year));
    await byTestId(fin, 'month-end-year').press('Enter');
    for (const m of [keyA, keyB]) await byTestId(fin, `month-end-stale-${m}`).first().waitFor();
  } finally {
    // Whatever happened, the demo's months end closed as it left them.
    const { postingWindow } = await graphql(fin, '{ postingWindow { lockDate } }');
    if (postingWindow.lockDate !== demo.lockDate) {
      const c = await graphql(fin, `mutation { closeFiscalPeriod(input: { year: ${lockYear}, month: ${lockMonth}, closeEarlier: true }) { userErrors { message } } }`);
      assert.deepEqual(c.closeFiscalPeriod.userErrors, []);
    }
  }
});
