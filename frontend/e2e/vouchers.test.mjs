import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, graphql, login, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

// 记账凭证 (issue 16, part 4): from the journal, a goods receipt's voucher in
// the familiar layout, its document opened from its number, printed without
// the app's menu.
test("finance opens a goods receipt's voucher from the journal, opens the receipt from it, and prints it without the menu", async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'finance');
  const data = await graphql(
    page,
    '{ journalEntries(first: 1, filter: {sourceType: PURCHASE_RECEIPT}) { nodes { id voucherNo postingDate totalDebit createdBy { displayName } source { number } lines { account { code } } } } }',
  );
  const entry = data.journalEntries.nodes[0];
  assert.ok(entry?.source.number, JSON.stringify(data));
  await page.goto(`/finance/journal?source=PURCHASE_RECEIPT`);
  const link = byTestId(page, `journal-voucher-${entry.id}`);
  assert.equal(await link.innerText(), entry.voucherNo);
  await link.click();
  await page.waitForURL(`**/finance/vouchers/${entry.id}`);

  const voucher = byTestId(page, `voucher-${entry.id}`);
  await voucher.waitFor();
  assert.equal(await byTestId(page, 'voucher-title').innerText(), '记账凭证');
  assert.equal(await byTestId(page, 'voucher-no').innerText(), entry.voucherNo);
  assert.equal(await byTestId(page, 'voucher-date').innerText(), entry.postingDate);
  assert.match(await byTestId(page, 'voucher-attachments').innerText(), /^1\b/);
  // One row per line, each naming its account by code and name.
  const rows = byTestId(page, 'voucher-lines').locator('tbody tr.ant-table-row');
  assert.equal(await rows.count(), entry.lines.length);
  for (const [i, l] of entry.lines.entries()) {
    assert.match(await rows.nth(i).innerText(), new RegExp(`${l.account.code.replace(/\./g, '\\.')} \\S`));
  }
  assert.match(await page.locator('.voucher-lines').innerText(), /摘要[\s\S]*会计科目[\s\S]*借方金额[\s\S]*贷方金额/);
  // 合计 in capital numerals, matching the total.
  const words = await byTestId(page, 'voucher-total-words').innerText();
  assert.match(words, /^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+元([零壹贰叁肆伍陆柒捌玖]角)?([零壹贰叁肆伍陆柒捌玖]分)?整?$/);
  assert.equal(words.endsWith('整'), /\.00$/.test(Number(entry.totalDebit).toFixed(2)));
  assert.equal((await byTestId(page, 'voucher-total-debit').innerText()).replace(/,/g, ''), Number(entry.totalDebit).toFixed(2));
  // 制单 / 审核 / 记账: the user who posted the receipt made and posted it (entries post when made); nobody reviewed it.
  const maker = entry.createdBy?.displayName ?? '系统';
  assert.equal(await byTestId(page, 'voucher-maker').innerText(), maker);
  assert.equal(await byTestId(page, 'voucher-poster').innerText(), maker);
  assert.equal(await byTestId(page, 'voucher-reviewer').innerText(), '');
  await screenshot(page, 'voucher.png');

  // The document number opens the goods receipt.
  const source = byTestId(page, 'voucher-source-link');
  assert.equal(await source.innerText(), entry.source.number);
  await source.click();
  await byTestId(page, 'source-document').waitFor();
  assert.match(await byTestId(page, 'source-document-title').innerText(), new RegExp(`采购入库 ${entry.source.number}`));
  assert.ok((await byTestId(page, 'source-document').locator('tbody tr.ant-table-row').count()) > 0, 'the receipt shows its lines');
  await page.keyboard.press('Escape');
  await byTestId(page, 'source-document').waitFor({ state: 'hidden' });

  // Printed: the voucher, without the menu, the header or the buttons.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await byTestId(page, 'sider').isVisible(), false, 'the menu is not printed');
  assert.equal(await byTestId(page, 'page-title').isVisible(), false, 'the header is not printed');
  assert.equal(await byTestId(page, 'voucher-print').isVisible(), false, 'the print button is not printed');
  assert.equal(await voucher.isVisible(), true, 'the voucher is printed');
  assert.equal(await byTestId(page, 'voucher-total-words').isVisible(), true);
  await screenshot(page, 'voucher-print.png');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await byTestId(page, 'sider').isVisible(), true);
  assert.deepEqual(page.problems, [], 'no console errors');
});

test('the journal prints several selected vouchers, one a page', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'finance');
  const data = await graphql(page, '{ journalEntries(first: 2) { nodes { id voucherNo } } }');
  const [a, b] = data.journalEntries.nodes;
  await page.goto('/finance/journal');
  for (const e of [a, b]) {
    await byTestId(page, `journal-row-${e.id}`).locator('.ant-checkbox-input').check();
  }
  await byTestId(page, 'journal-print-selected').click();
  await page.waitForURL(/\/finance\/vouchers\/\d+,\d+$/);
  await byTestId(page, `voucher-${a.id}`).waitFor();
  await byTestId(page, `voucher-${b.id}`).waitFor();
  assert.equal(await page.locator('.voucher').count(), 2);
  assert.equal(await page.locator('.voucher').first().evaluate((el) => getComputedStyle(el).breakAfter), 'auto');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.voucher').first().evaluate((el) => getComputedStyle(el).breakAfter), 'page');
});

test('finance reviews (审核) a voucher someone else made from the journal, and the voucher names the reviewer', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'finance');
  const data = await graphql(page, '{ journalEntries(first: 1, filter: {sourceType: PURCHASE_RECEIPT, reviewed: false}) { nodes { id voucherNo } } }');
  const entry = data.journalEntries.nodes[0];
  assert.ok(entry, 'an unreviewed goods receipt voucher');
  await page.goto('/finance/journal?source=PURCHASE_RECEIPT&reviewed=false');
  await byTestId(page, `journal-unreviewed-${entry.id}`).waitFor();
  await byTestId(page, `journal-row-${entry.id}`).locator('.ant-checkbox-input').check();
  await byTestId(page, 'journal-review-selected').click();
  await page.locator('.ant-message').getByText('1 vouchers reviewed').waitFor();
  await page.goto('/finance/journal?source=PURCHASE_RECEIPT&reviewed=true');
  await byTestId(page, `journal-reviewed-${entry.id}`).waitFor();
  await byTestId(page, `journal-voucher-${entry.id}`).click();
  await byTestId(page, `voucher-${entry.id}`).waitFor();
  assert.equal(await byTestId(page, 'voucher-reviewer').innerText(), '财务 Finance');
  // Reviewing it again is refused, and the message says why.
  const again = await graphql(page, `mutation { reviewVouchers(input: {ids: ["${entry.id}"]}) { entries { id } userErrors { code field message } } }`);
  assert.equal(again.reviewVouchers.userErrors[0]?.code, 'CONFLICT');
  assert.match(again.reviewVouchers.userErrors[0].message, new RegExp(`${entry.voucherNo} (is already reviewed|已审核)`));
});
