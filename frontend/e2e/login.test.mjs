import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoCspViolations, byTestId, login, screenshot, seriousProblems, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('an anonymous visitor is sent to the login page, which renders', async () => {
  const page = await newPage();
  await page.goto('/');
  await page.waitForURL('**/login');
  await byTestId(page, 'login-username').waitFor();
  await byTestId(page, 'login-password').waitFor();
  assert.match(await byTestId(page, 'login-submit').innerText(), /登\s*录/);
  assert.match(await byTestId(page, 'demo-hint').innerText(), /manager/);
  assertNoCspViolations(page);
});

test('a wrong password shows the error and stays on the login page', async () => {
  const page = await newPage({ locale: 'en' });
  await page.goto('/login');
  // warehouse is used by no other test, so these failures throttle nobody else.
  await byTestId(page, 'login-username').fill('warehouse');
  await byTestId(page, 'login-password').fill('not-the-password');
  await byTestId(page, 'login-submit').click();
  const error = byTestId(page, 'login-error');
  await error.waitFor();
  assert.match(await error.innerText(), /wrong user name or password|too many failed sign-ins/i);
  assert.ok(new URL(page.url()).pathname.startsWith('/login'));
});

test('sales signs in, the live indicator turns live and the clock ticks', async () => {
  const page = await newPage();
  await login(page, 'sales');
  assert.equal(new URL(page.url()).pathname, '/');
  await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor({ timeout: 10_000 });
  const clock = byTestId(page, 'live-clock');
  const first = await clock.innerText();
  await page.waitForFunction(
    (before) => document.querySelector('[data-testid="live-clock"]')?.textContent !== before,
    first,
    { timeout: 3_000 },
  );
  assert.notEqual(await clock.innerText(), first);
  assert.match(await byTestId(page, 'user-roles').innerText(), /销售/);
  await screenshot(page, 'home.png');
  assertNoCspViolations(page);
  assert.deepEqual(seriousProblems(page), []);
});

test('signing out returns to the login page and the session is gone', async () => {
  const page = await newPage();
  await login(page, 'manager');
  await byTestId(page, 'logout').click();
  await page.waitForURL('**/login');
  await page.goto('/account/tokens');
  await page.waitForURL('**/login');
});

test('a websocket refused with 4401 (session gone) sends the user to the login page', async () => {
  const page = await newPage();
  const socket = page.waitForEvent('websocket');
  // Sales: its home page's only live data is the websocket (managers land on the dashboard, which also queries).
  await login(page, 'sales');
  await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
  // Leave the live page (its websocket closes), drop the cookie, come back
  // without a page load: only the websocket can notice the session is gone.
  const ws = await socket;
  await byTestId(page, 'menu-tokens').click();
  await page.waitForURL('**/account/tokens');
  if (!ws.isClosed()) await ws.waitForEvent('close');
  await page.context().clearCookies();
  await byTestId(page, 'menu-home').click();
  await page.waitForURL('**/login', { timeout: 10_000 });
});
