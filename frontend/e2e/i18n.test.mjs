import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, login, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('the language switch changes labels and is remembered', async () => {
  const page = await newPage({ locale: 'zh' });
  // Sales has a Home entry (the workbench); the analyst's home is the dashboard.
  await login(page, 'sales');
  const home = byTestId(page, 'menu-home');
  assert.equal((await home.innerText()).trim(), '首页');
  await byTestId(page, 'lang-switch').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="menu-home"]')?.textContent?.trim() === 'Home');
  assert.equal((await byTestId(page, 'logout').innerText()).trim(), 'Sign out');
  await page.reload();
  await byTestId(page, 'menu-home').waitFor();
  assert.equal((await byTestId(page, 'menu-home').innerText()).trim(), 'Home');
});
