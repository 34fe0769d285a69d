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
  // The header's live alert badge keeps the websocket open on every page, so
  // the test drops the connection itself (as a server restart would) after
  // dropping the cookie: only the websocket's reconnect can notice the
  // session is gone.
  const routes = [];
  await page.routeWebSocket(/\/graphql/, (ws) => {
    ws.connectToServer();
    routes.push(ws);
  });
  await login(page, 'sales');
  await page.locator('[data-testid="live-indicator"][data-state="live"]').waitFor();
  await byTestId(page, 'menu-tokens').click();
  await page.waitForURL('**/account/tokens');
  await page.context().clearCookies();
  for (const ws of routes) await ws.close({ code: 1012, reason: 'service restart' });
  await page.waitForURL('**/login', { timeout: 10_000 });
});
