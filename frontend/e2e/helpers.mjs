// Shared setup for the browser tests: one Chromium per test file, a fresh
// context (cookies, storage) per test, and page objects for the screens.
import { after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const BASE_URL = (process.env.BASE_URL ?? 'http://127.0.0.1:18080').replace(/\/$/, '');
export const SCREENSHOTS = join(import.meta.dirname, 'screenshots');
export const VIEWPORT = { width: 1440, height: 900 };

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches Chromium before the file's tests and closes it after. Returns a
 * function giving each test a fresh context and page; the page records
 * console errors and uncaught exceptions in page.problems.
 */
export function useBrowser() {
  let browser;
  const contexts = [];
  before(async () => {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });
  after(async () => {
    await Promise.allSettled(contexts.map((c) => c.close()));
    await browser?.close();
  });
  // viewport: another screen size than the desktop's, e.g. { width: 390, height: 844 } for a handheld.
  return async function newPage({ locale = 'zh', viewport = VIEWPORT } = {}) {
    const context = await browser.newContext({ viewport, baseURL: BASE_URL, locale: 'zh-CN', hasTouch: viewport.width < 768 });
    contexts.push(context);
    // The app's language comes from localStorage; set it before any script runs.
    await context.addInitScript((l) => {
      if (!localStorage.getItem('jxc.locale')) localStorage.setItem('jxc.locale', l);
    }, locale);
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    page.jxcLocale = locale;
    page.problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') page.problems.push(msg.text());
    });
    page.on('pageerror', (err) => page.problems.push(String(err)));
    return page;
  };
}

export const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

/** Problems the browser reported other than expected 401-ish noise. */
export function seriousProblems(page) {
  return page.problems.filter((p) => !/401|Unauthorized|UNAUTHENTICATED/i.test(p));
}

export function assertNoCspViolations(page) {
  const csp = page.problems.filter((p) => /Content Security Policy|Refused to/i.test(p));
  assert.deepEqual(csp, [], 'CSP violations');
}

/**
 * Signs in through the login form and waits for the signed-in shell. A
 * language the user saved in an earlier test (the language switch saves
 * it) would set the screens' language at sign-in: unless keepLanguage, it
 * is forgotten and the page's own locale restored, so that each test runs
 * in the language it asked for.
 */
export async function login(page, username, password = 'demo', { keepLanguage = false } = {}) {
  await page.goto('/login');
  await byTestId(page, 'login-username').fill(username);
  await byTestId(page, 'login-password').fill(password);
  await byTestId(page, 'login-submit').click();
  await byTestId(page, 'main-menu').waitFor();
  if (keepLanguage) return;
  const res = await graphqlResponse(page, 'mutation { updateMyLanguage(language: null) { userErrors { code } } }');
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  if ((await page.evaluate(() => localStorage.getItem('jxc.locale'))) !== page.jxcLocale) {
    await page.evaluate((l) => localStorage.setItem('jxc.locale', l), page.jxcLocale);
    await page.reload();
    await byTestId(page, 'main-menu').waitFor();
  }
}

/** The keys of the menu entries shown, in order. */
export async function menuKeys(page) {
  await byTestId(page, 'main-menu').waitFor();
  const ids = await page.locator('[data-testid="main-menu"] [data-testid^="menu-"]').evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-testid')),
  );
  return ids.map((id) => id.replace(/^menu-/, ''));
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

export function randomName(prefix) {
  return `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
}

/** POSTs a GraphQL request from the page (with its session) and returns the whole response, data and errors. */
export async function graphqlResponse(page, query, variables = {}) {
  return page.evaluate(
    async ([q, v]) => {
      const r = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, variables: v }) });
      return r.json();
    },
    [query, variables],
  );
}

/** Like graphqlResponse, but asserts there are no errors and returns the data. */
export async function graphql(page, query, variables = {}) {
  const res = await graphqlResponse(page, query, variables);
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

/**
 * A decimal string ("-3613.74", "12", "0.5") or money as a screen shows it
 * ("¥4,811,207.87") as cents, exactly. Digits past the cents must be zeros.
 */
export function cents(text) {
  const m = String(text).replace(/[^\d.-]/g, '').match(/^(-?)(\d+)(?:\.(\d{1,2})0*)?$/);
  assert.ok(m, `not an amount: ${text}`);
  return BigInt(`${m[1]}${m[2]}${(m[3] ?? '').padEnd(2, '0')}`);
}

/** Money as a screen shows it, always with two decimals ("¥4,811,207.87" -> 481120787n). */
export function shownCents(text) {
  assert.match(text.replace(/[^\d.-]/g, ''), /^-?\d+\.\d{2}$/, `not an amount: ${text}`);
  return cents(text);
}

/** Picks an option of an antd Select by typing into it and pressing Enter on the option it highlights. */
export async function choose(page, testId, text) {
  await byTestId(page, testId).click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-item-option-active').filter({ hasText: text }).waitFor();
  await page.keyboard.press('Enter');
}

/** Today as YYYY-MM-DD in the company's zone (UTC+8), the day the app and the server post on. */
export function companyToday() {
  const d = new Date(Date.now() + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

/**
 * The cells of an exported .xlsx (first sheet) as rows of { ref, text, number, format, bold }:
 * text for inline strings, number (the exact written string) for numeric cells, format the
 * number format code ('#,##0.00', 'yyyy-mm-dd', ...; 'General' when none). For checking that an
 * export keeps number formats, real dates, labelled enums and its totals row.
 */
export function xlsxRows(file) {
  const files = unzipSync(readFileSync(file));
  const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
  const styles = strFromU8(files['xl/styles.xml']);
  const builtIn = { 0: 'General', 4: '#,##0.00', 10: '0.00%', 14: 'yyyy-mm-dd' };
  const custom = Object.fromEntries([...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const cellXfs = styles.match(/<cellXfs[^>]*>(.*?)<\/cellXfs>/s)?.[1] ?? '';
  const xfs = [...cellXfs.matchAll(/<xf numFmtId="(\d+)" fontId="(\d+)"/g)].map((m) => ({ format: custom[m[1]] ?? builtIn[m[1]] ?? m[1], bold: m[2] !== '0' }));
  // Empty cells are not written: each cell goes to its column's place, gaps hold empty cells.
  const column = (ref) => [...ref.replace(/\d+$/, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return [...sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/gs)].map((row) => {
    const cells = [...row[2].matchAll(/<c r="([A-Z]+\d+)"([^>]*)>(.*?)<\/c>/gs)].map((c) => {
      const style = xfs[Number(/s="(\d+)"/.exec(c[2])?.[1] ?? 0)] ?? xfs[0];
      const text = /<t[^>]*>(.*?)<\/t>/s.exec(c[3])?.[1];
      const number = /<v>(.*?)<\/v>/.exec(c[3])?.[1];
      return { ref: c[1], text: text?.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'), number, format: style.format, bold: style.bold };
    });
    const out = [];
    for (const c of cells) out[column(c.ref)] = c;
    return Array.from(out, (c, i) => c ?? { ref: `${String.fromCharCode(65 + (i % 26))}${row[1]}`, text: undefined, number: undefined, format: 'General', bold: false });
  });
}

/** The handheld's viewport (a phone held upright). */
export const HANDHELD = { width: 390, height: 844 };

/** Signs in on a narrow screen, where the menu is a drawer (login() waits for the desktop menu). */
export async function loginNarrow(page, username) {
  await page.goto('/login');
  await byTestId(page, 'login-username').fill(username);
  await byTestId(page, 'login-password').fill('demo');
  await byTestId(page, 'login-submit').click();
  await byTestId(page, 'app-header').waitFor();
  const res = await graphqlResponse(page, 'mutation { updateMyLanguage(language: null) { userErrors { code } } }');
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
}

/** Types a code into the focused scan field and sends it, as a keyboard-wedge scanner does. */
export async function wedge(page, code) {
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'hh-scan');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}
