import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, choose, graphql, login, screenshot, seriousProblems, shownCents, cents, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

// The demo month: the month of this year (or last) with the most output VAT.
async function demoMonth(page) {
  for (const year of [new Date().getUTCFullYear(), new Date().getUTCFullYear() - 1]) {
    const { vatReport } = await graphql(page, 'query($y: Int!) { vatReport(year: $y, fromMonth: 1, toMonth: 12) { months { year month return { line11 line19 } } } }', { y: year });
    const best = vatReport.months.reduce((a, m) => (cents(m.return.line11) > cents(a.return.line11) ? m : a));
    if (cents(best.return.line11) > 0n) return best;
  }
  assert.fail('the demo has no output VAT');
}

test('finance opens the VAT screen for the demo month: output VAT by rate, the return with line 19, and enters an invoice number', async () => {
  const fin = await newPage();
  await login(fin, 'finance');
  const m = await demoMonth(fin);
  const ym = `${m.year}-${String(m.month).padStart(2, '0')}`;
  await fin.goto(`/finance/vat?from=${ym}&to=${ym}`);
  await byTestId(fin, 'vat-rates-table').getByText('销项税额').first().waitFor();
  // The return's line 11 and line 19 show what the report computes.
  const line11 = byTestId(fin, `vat-line11-${ym}`);
  await line11.waitFor();
  assert.equal(shownCents(await line11.innerText()), cents(m.return.line11));
  const row19 = byTestId(fin, 'vat-return-line19');
  assert.match(await row19.innerText(), /应纳税额/);
  assert.match(await row19.innerText(), /\b19\b/);
  assert.equal(shownCents(await byTestId(fin, `vat-line19-${ym}`).innerText()), cents(m.return.line19));
  await byTestId(fin, 'vat-reconciled').waitFor();
  await screenshot(fin, 'vat-report.png');

  // Enter the Golden Tax fields of a supplier invoice: a wrong number is refused on its field, a right one is kept.
  await fin.getByRole('tab', { name: /供应商发票/ }).click();
  const table = byTestId(fin, 'vat-supplier-invoices');
  const edit = table.locator('[data-testid^="vat-edit-"]').first();
  await edit.waitFor();
  const number = (await edit.getAttribute('data-testid')).replace('vat-edit-', '');
  await edit.click();
  await byTestId(fin, 'vat-form-code').fill('');
  await byTestId(fin, 'vat-form-number').fill('123');
  await byTestId(fin, 'vat-form-submit').click();
  // The error shows on the number's field (its wording follows the server's language rendering).
  const numberError = fin.locator('.ant-form-item').filter({ has: byTestId(fin, 'vat-form-number') }).locator('.ant-form-item-explain-error');
  await numberError.waitFor();
  assert.match(await numberError.innerText(), /8.*20/);
  await byTestId(fin, 'vat-form-number').fill('24312000000012345678');
  await choose(fin, 'vat-form-kind', '电子发票（增值税专用发票）');
  await byTestId(fin, 'vat-form-submit').click();
  // Saved: the form closes and the row shows the number and that the invoice is deductible.
  await byTestId(fin, 'vat-form-submit').waitFor({ state: 'detached' });
  await screenshot(fin, 'vat-after-save.png');
  await byTestId(fin, `vat-pinv-${number}`).getByText('24312000000012345678').waitFor();
  await byTestId(fin, `vat-pinv-${number}`).getByText('可抵扣', { exact: true }).waitFor();
  assert.deepEqual(seriousProblems(fin), []);
});
