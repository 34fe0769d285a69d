import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, login, randomName, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('admin creates a user who appears in the table and can sign in', async () => {
  const username = randomName('e2e');
  const page = await newPage({ locale: 'en' });
  await login(page, 'admin');
  await page.goto('/admin/users');
  await byTestId(page, 'user-row-admin').waitFor();

  await byTestId(page, 'user-create-open').click();
  await byTestId(page, 'user-form-username').fill(username);
  await byTestId(page, 'user-form-displayName').fill(`E2E ${username}`);
  await byTestId(page, 'user-form-password').fill('secret1');
  await page.locator('[data-testid="user-create-form"] [data-testid="role-FINANCE"]').click();
  await byTestId(page, 'user-form-submit').click();

  const row = byTestId(page, `user-row-${username}`);
  await row.waitFor();
  assert.match(await row.innerText(), /Finance/);

  // Change the roles: Finance out, Warehouse in.
  await byTestId(page, `user-edit-${username}`).click();
  // Wait until the form shows the user's current roles before toggling them.
  await page
    .locator('[data-testid="user-edit-form"] .ant-checkbox-wrapper-checked [data-testid="role-FINANCE"]')
    .waitFor();
  await page.locator('[data-testid="user-edit-form"] [data-testid="role-FINANCE"]').click();
  await page.locator('[data-testid="user-edit-form"] [data-testid="role-WAREHOUSE"]').click();
  await byTestId(page, 'user-edit-submit').click();
  await page.waitForFunction(
    (id) => /Warehouse/.test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
    `user-row-${username}`,
  );
  assert.doesNotMatch(await row.innerText(), /Finance/);

  const other = await newPage({ locale: 'en' });
  await login(other, username, 'secret1');
  assert.match(await byTestId(other, 'user-name').innerText(), new RegExp(`E2E ${username}`));
});

test('a taken user name is shown on the field', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'admin');
  await page.goto('/admin/users');
  await byTestId(page, 'user-create-open').click();
  await byTestId(page, 'user-form-username').fill('manager');
  await byTestId(page, 'user-form-password').fill('secret1');
  await page.locator('[data-testid="user-create-form"] [data-testid="role-SALES"]').click();
  await byTestId(page, 'user-form-submit').click();
  // The server's userError (field input.username) lands on the username field.
  const usernameItem = page.locator('[data-testid="user-create-form"] .ant-form-item', {
    has: byTestId(page, 'user-form-username'),
  });
  const fieldError = usernameItem.locator('.ant-form-item-explain-error');
  await fieldError.first().waitFor();
  assert.match(await fieldError.first().innerText(), /manager|taken|exists|use/i);
});
