import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { BASE_URL, byTestId, companyToday, login, screenshot, seriousProblems, shownCents, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

/** POSTs a query to the server from Node with the page's session cookie. */
async function graphqlAs(page, query, variables = {}) {
  const cookie = (await page.context().cookies(BASE_URL)).map((c) => `${c.name}=${c.value}`).join('; ');
  assert.match(cookie, /=/, 'signed in: a session cookie');
  const r = await fetch(`${BASE_URL}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
  const res = await r.json();
  assert.equal(res.errors, undefined, JSON.stringify(res.errors));
  return res.data;
}

/** A decimal string as a BigInt of 10^-6 units, exactly ("-339.1" -> -339100000n). */
function micros(s) {
  const m = String(s).match(/^(-?)(\d+)(?:\.(\d{1,6}))?$/);
  assert.ok(m, `not a decimal: ${s}`);
  const v = BigInt(m[2]) * 1_000_000n + BigInt((m[3] ?? '').padEnd(6, '0'));
  return m[1] ? -v : v;
}

/** A sum in micros rounded half-up (away from zero) to cents, to compare with shownCents. */
const roundCents = (u) => (u < 0n ? -((-u + 5_000n) / 10_000n) : (u + 5_000n) / 10_000n);

const cardTitle = (page, id) => byTestId(page, id).locator('.ant-card-head-title').first();

test('the manager dashboard charts monthly sales (summing to the kpis sales), top sellers and slow-moving stock, in both languages', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'manager');
  await page.waitForURL('**/dashboard');

  // 1. Monthly sales: the KPI table's period, this year to date by default.
  const monthly = byTestId(page, 'dashboard-monthly');
  await monthly.waitFor();
  const from = await monthly.getAttribute('data-from');
  const to = await monthly.getAttribute('data-to');
  const today = companyToday();
  assert.deepEqual([from, to], [`${today.slice(0, 4)}-01-01`, today], 'the KPI table’s default period');

  const { salesByMonth, kpis } = await graphqlAs(
    page,
    'query($from: Date!, $to: Date!) { salesByMonth(from: $from, to: $to) { month sales } kpis(from: $from, to: $to) { current { sales } } }',
    { from, to },
  );
  const sum = salesByMonth.reduce((s, m) => s + micros(m.sales), 0n);
  assert.equal(sum, micros(kpis.current.sales), `the months add up to the period's sales: ${salesByMonth.map((m) => m.sales).join(' + ')} vs ${kpis.current.sales}`);
  assert.ok(sum !== 0n, 'the demo company sold something this year');
  assert.equal(salesByMonth[0].month, from.slice(0, 7));
  assert.equal(salesByMonth.at(-1).month, to.slice(0, 7));
  // The period's length in days (both ends included) and whole months, not the calendar months it touches.
  const days = String(Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1);
  await page.waitForFunction((d) => document.querySelector('[data-testid="dashboard-monthly-length"]')?.getAttribute('data-days') === d, days);
  assert.equal(shownCents(await byTestId(page, 'dashboard-monthly-total').innerText()), roundCents(sum));
  await monthly.locator('canvas').first().waitFor(); // the lazily loaded chart is drawn

  // 2. Top sellers: by product, then by category.
  const top = byTestId(page, 'dashboard-top-sellers');
  await top.waitFor();
  const ranked = await graphqlAs(
    page,
    'query($from: Date!, $to: Date!) { p: topSellers(from: $from, to: $to, by: PRODUCT, limit: 10) { key } c: topSellers(from: $from, to: $to, by: CATEGORY, limit: 10) { key } }',
    { from, to },
  );
  const chart = byTestId(page, 'dashboard-top-chart');
  await page.waitForFunction(() => document.querySelector('[data-testid="dashboard-top-chart"]')?.getAttribute('data-by') === 'PRODUCT');
  assert.equal(Number(await chart.getAttribute('data-count')), ranked.p.length);
  await byTestId(page, 'dashboard-top-by-category').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="dashboard-top-chart"]')?.getAttribute('data-by') === 'CATEGORY');
  assert.equal(Number(await chart.getAttribute('data-count')), ranked.c.length);

  // 3. Slow-moving stock: 90 days by default; the total is what is listed.
  const slow = byTestId(page, 'dashboard-slow-moving');
  await slow.waitFor();
  for (const days of [90, 30]) {
    if (days !== 90) await byTestId(page, `dashboard-slow-days-${days}`).click();
    await page.waitForFunction((d) => document.querySelector('[data-testid="dashboard-slow-table"]')?.getAttribute('data-days') === d, String(days));
    const { slowMovingStock } = await graphqlAs(page, 'query($days: Int!) { slowMovingStock(days: $days, first: 20) { sku value } }', { days });
    const rows = await byTestId(page, 'dashboard-slow-table').locator('tbody tr.ant-table-row').count();
    assert.equal(rows, slowMovingStock.length, `${days} days: rows listed`);
    const total = slowMovingStock.reduce((s, r) => s + micros(r.value), 0n);
    assert.equal(shownCents(await byTestId(page, 'dashboard-slow-total').innerText()), roundCents(total), `${days} days: value listed`);
  }

  // English relabels the three sections.
  assert.equal(await cardTitle(page, 'dashboard-monthly').innerText(), '月度销售额与毛利');
  assert.equal(await cardTitle(page, 'dashboard-top-sellers').innerText(), '畅销排行 前 10');
  assert.equal(await cardTitle(page, 'dashboard-slow-moving').innerText(), '呆滞品');
  await byTestId(page, 'lang-switch').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="dashboard-monthly"] .ant-card-head-title')?.textContent === 'Monthly sales and gross margin');
  assert.equal(await cardTitle(page, 'dashboard-top-sellers').innerText(), 'Top 10 sellers');
  assert.equal(await cardTitle(page, 'dashboard-slow-moving').innerText(), 'Slow-moving stock');
  assert.match(await byTestId(page, 'dashboard-top-by-product').innerText(), /By product/);

  await page.evaluate(() => document.querySelector('[data-testid="dashboard-monthly"]')?.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(1500); // the charts' animations after the relabel
  await screenshot(page, 'dashboard-charts.png');

  // The listed rows export to xlsx.
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'dashboard-slow-export').click()]);
  assert.match(download.suggestedFilename(), /^slow-moving-30-days-\d{4}-\d\d-\d\d\.xlsx$/);
  const sheet = strFromU8(unzipSync(readFileSync(await download.path()))['xl/worksheets/sheet1.xml']);
  const listed = await byTestId(page, 'dashboard-slow-table').locator('tbody tr.ant-table-row').count();
  assert.equal(sheet.match(/<row /g)?.length, listed + 1, 'a header and the listed rows');
  assert.deepEqual(seriousProblems(page), []);

  // Sales sees the two charts its role may query, not the KPI table or slow-moving stock.
  const sales = await newPage({ locale: 'en' });
  await login(sales, 'sales');
  await sales.goto('/dashboard');
  await byTestId(sales, 'dashboard-monthly').waitFor();
  await byTestId(sales, 'dashboard-top-sellers').waitFor();
  assert.equal(await byTestId(sales, 'kpi-section').count(), 0);
  assert.equal(await byTestId(sales, 'dashboard-slow-moving').count(), 0);
  assert.deepEqual(seriousProblems(sales), []);
});
