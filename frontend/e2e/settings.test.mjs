import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, login, menuKeys, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('sales has no separation-of-duties screen', async () => {
  const page = await newPage();
  await login(page, 'sales');
  assert.ok(!(await menuKeys(page)).includes('companySettings'));
  await page.goto('/admin/settings');
  await byTestId(page, 'forbidden').waitFor();
});

test('the manager sees every control on, is told why a negative limit is refused, and saves a new limit', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'manager');
  await byTestId(page, 'menu-companySettings').click();
  await page.waitForURL('**/admin/settings');
  const limit = byTestId(page, 'settings-orderSelfApprovalLimit');
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-orderSelfApprovalLimit"]')?.value === '50000');
  for (const k of ['creditLimitRaiseByFinance', 'mismatchApprovalByOther', 'orderApprovalByOther', 'openingStockByFinance', 'postingAccountsProtected', 'belowCostSaleByManager']) {
    assert.equal(await byTestId(page, `settings-${k}`).getAttribute('aria-checked'), 'true', k);
  }
  // The server's refusal is shown on the field.
  await limit.fill('-1');
  await byTestId(page, 'settings-save').click();
  const item = page.locator('.ant-form-item', { has: limit });
  await item.locator('.ant-form-item-explain-error').getByText(/self-approval limit must be >= 0/).waitFor();

  await limit.fill('60000');
  await byTestId(page, 'settings-save').click();
  await page.locator('.ant-message').getByText('Separation of duties saved').waitFor();
  await page.reload();
  await page.waitForFunction(() => document.querySelector('[data-testid="settings-orderSelfApprovalLimit"]')?.value === '60000');
  // Put the default back for the other tests on this database.
  await limit.fill('50000');
  await byTestId(page, 'settings-save').click();
  await page.locator('.ant-message').getByText('Separation of duties saved').last().waitFor();
  assert.deepEqual(page.problems.filter((x) => !/401|Unauthorized/.test(x)), [], 'no console errors');
});
