import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, login, menuKeys, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('sales sees its menu without Users, and /admin/users is forbidden', async () => {
  const page = await newPage();
  await login(page, 'sales');
  const keys = await menuKeys(page);
  assert.ok(keys.includes('home'), keys.join());
  assert.ok(keys.includes('tokens'), keys.join());
  assert.ok(!keys.includes('users'), `sales must not see Users: ${keys.join()}`);
  await page.goto('/admin/users');
  await byTestId(page, 'forbidden').waitFor();
});

test('admin sees the Users entry and the users table', async () => {
  const page = await newPage();
  await login(page, 'admin');
  const keys = await menuKeys(page);
  assert.ok(keys.includes('users'), keys.join());
  await byTestId(page, 'menu-users').click();
  await page.waitForURL('**/admin/users');
  await byTestId(page, 'user-row-manager').waitFor();
});
