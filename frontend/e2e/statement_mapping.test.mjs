import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, graphql, login, screenshot, seriousProblems, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

const MAPPING = `query ($form: StatementForm!) { statementMapping(form: $form) { lineNo kind accounts { prefix sign rule } } }`;

// The test reads the shipped mapping and never saves a change: other tests read the statements.
test('finance opens 报表项目设置 from 资产负债表, sees 存货 with 1405, and an unknown prefix is refused on its field; cancelling leaves the mapping as it was', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'finance');
  await byTestId(page, 'menu-balanceSheet').click();
  await page.waitForURL('**/finance/balance-sheet');
  await byTestId(page, 'stmt-mapping-link').click();
  await page.waitForURL('**/finance/statement-mapping');

  const before = await graphql(page, MAPPING, { form: 'BALANCE_SHEET' });
  const line9 = before.statementMapping.find((l) => l.lineNo === 9);
  assert.equal(line9.kind, 'ACCOUNTS');
  assert.ok(line9.accounts.some((m) => m.prefix === '1405'), JSON.stringify(line9.accounts));

  // Line 9 is 存货 with 1405 among its prefixes, as the server has it.
  const row = byTestId(page, 'map-line-9');
  await row.waitFor();
  assert.match(await row.innerText(), /存货/);
  assert.match(await byTestId(page, 'map-prefix-9-1405').innerText(), /\+1405 余额/);
  assert.equal(await byTestId(page, 'map-accounts-9').locator('.ant-tag').count(), line9.accounts.length);

  // The editor lists the line's prefixes; a new row with 9999 is refused by the server on that row's prefix.
  await byTestId(page, 'map-edit-9').click();
  const dialog = byTestId(page, 'map-dialog');
  await dialog.waitFor();
  const n = line9.accounts.length;
  assert.equal(await byTestId(page, `map-row-prefix-${n - 1}`).inputValue(), line9.accounts[n - 1].prefix);
  await byTestId(page, 'map-add-row').click();
  const prefix = byTestId(page, `map-row-prefix-${n}`);
  await prefix.fill('9999');
  await byTestId(page, 'map-save').click();
  const fieldError = byTestId(page, `map-row-${n}`).locator('.ant-form-item-explain-error');
  await fieldError.waitFor();
  const text = await fieldError.innerText();
  assert.match(text, /9999/);
  assert.match(text, /[\u4e00-\u9fff]/, `the message in Chinese: ${text}`);
  // Every message the server gave sits on the prefix it names (none is left above the form).
  assert.equal(await byTestId(page, 'map-general-error').count(), 0);
  const shown = await dialog.locator('.ant-form-item-explain-error').count();
  assert.equal(shown, 1, 'only the new prefix is refused: the shipped ones save as they are');
  let onPrefixes = 0;
  for (let i = 0; i <= n; i++) {
    onPrefixes += await byTestId(page, `map-row-${i}`).locator('.ant-form-item').first().locator('.ant-form-item-explain-error').count();
  }
  assert.equal(onPrefixes, shown);
  await screenshot(page, 'statement-mapping-error.png');

  // 取消 closes the editor; nothing was written.
  await byTestId(page, 'map-cancel').click();
  await dialog.waitFor({ state: 'hidden' });
  const after = await graphql(page, MAPPING, { form: 'BALANCE_SHEET' });
  assert.deepEqual(after, before);

  // The switch shows 利润表's lines with their movement rule.
  await byTestId(page, 'map-form-INCOME_STATEMENT').click();
  await page.waitForURL('**/finance/statement-mapping?form=INCOME_STATEMENT');
  const is = await graphql(page, MAPPING, { form: 'INCOME_STATEMENT' });
  const first = is.statementMapping.find((l) => l.kind === 'ACCOUNTS' && l.accounts.length > 0);
  const tag = byTestId(page, `map-prefix-${first.lineNo}-${first.accounts[0].prefix}`);
  await tag.waitFor();
  assert.match(await tag.innerText(), /发生额/);
  assert.deepEqual(seriousProblems(page), []);
});

test('an analyst reads the mapping without an edit button', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'analyst');
  await byTestId(page, 'menu-statementMapping').click();
  await page.waitForURL('**/finance/statement-mapping');
  const row = byTestId(page, 'map-line-9');
  await row.waitFor();
  assert.match(await row.innerText(), /Inventories/);
  await byTestId(page, 'map-prefix-9-1405').waitFor();
  await byTestId(page, 'map-read-only').waitFor();
  assert.equal(await page.locator('[data-testid^="map-edit-"]').count(), 0);
  assert.deepEqual(seriousProblems(page), []);
});
