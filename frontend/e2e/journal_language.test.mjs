import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, login, seriousProblems, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

// The journal in the reader's language: Chinese descriptions and source
// labels for a Chinese reader (no raw enum such as SUPPLIER_PAYMENT, no
// '#12'); after the language switch and a reload, the same entries in English.
test('the journal shows Chinese descriptions and source labels, and English ones after the switch', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'finance');
  await page.goto('/finance/journal?source=SUPPLIER_PAYMENT');
  const table = byTestId(page, 'journal-table');
  const zhRow = table.locator('tbody tr', { hasText: /支付供应商 \S+ 货款 SP\d+/ }).first();
  await zhRow.waitFor();
  const zhText = await zhRow.innerText();
  assert.match(zhText, /供应商付款 SP\d+/, zhText);
  const number = zhText.match(/货款 (SP\d+)/)[1];
  const supplier = zhText.match(/支付供应商 (\S+) 货款/)[1];
  const zhAll = await table.locator('tbody').innerText();
  assert.doesNotMatch(zhAll, /\b[A-Z]+_[A-Z_]+\b/, 'no raw enum in the journal');
  assert.doesNotMatch(zhAll, /#\d/, 'no database id in the journal');

  // The lines of the entry: Chinese memos.
  await zhRow.locator('.ant-table-row-expand-icon').click();
  await page.locator('.ant-table-expanded-row', { hasText: '支付供应商货款' }).first().waitFor();

  // All entries, every source: Chinese labels, no raw enum, no '#id'.
  await page.goto('/finance/journal');
  await table.locator('tbody tr').first().waitFor();
  const all = await table.locator('tbody').innerText();
  assert.doesNotMatch(all, /\b[A-Z]+_[A-Z_]+\b/, 'no raw enum in the journal');
  assert.doesNotMatch(all, /#\d/, 'no database id in the journal');

  await byTestId(page, 'lang-switch').click();
  await page.goto('/finance/journal?source=SUPPLIER_PAYMENT');
  await page.reload();
  const enRow = table.locator('tbody tr', { hasText: `Supplier payment ${number} to ${supplier}` }).first();
  await enRow.waitFor();
  assert.match(await enRow.innerText(), new RegExp(`Supplier payment ${number}`));
  assert.doesNotMatch(await table.locator('tbody').innerText(), /支付供应商/);
  assert.deepEqual(seriousProblems(page), [], 'no console errors');
});
