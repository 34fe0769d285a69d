import { test } from 'node:test';
import assert from 'node:assert/strict';
import { HANDHELD, byTestId, graphql, graphqlResponse, login, loginNarrow, screenshot, seriousProblems, useBrowser, wedge } from './helpers.mjs';

const newPage = useBrowser();

/** Waits until a handheld line shows the server's total n. */
async function lineTotal(page, lineNo, n) {
  await page.waitForFunction(([l, want]) => Number(document.querySelector(`[data-testid="hh-cline-counted-${l}"]`)?.getAttribute('data-counted') || 'NaN') === want, [lineNo, n]);
}

/** An amount as the screen writes it ("-1,234.50") as a number of cents. */
const cents = (text) => Math.round(Number(text.replace(/[^\d.-]/g, '')) * 100);
/** An exact decimal string with at most 2 decimals as cents. */
const decCents = (s) => {
  const [i, f = ''] = s.replace('-', '').split('.');
  const c = BigInt(i) * 100n + BigInt((f + '00').slice(0, 2));
  return s.startsWith('-') ? -c : c;
};

const LINES = `lines { lineNo book counted entries variance varianceValue overTolerance damaged product { id sku barcodes } location { id } }`;

test('two counters on handhelds count one blind sheet, their entries add up; the desktop reviews the variance and a manager posts it', async () => {
  const mgr = await newPage({ locale: 'en' });
  await login(mgr, 'manager');
  // The warehouse of a stocked, barcoded product: a blind sheet of the whole warehouse, started.
  const { stockLevels } = await graphql(mgr, `{ stockLevels(first: 200, filter: { inStock: true }) { nodes { product { id sku barcodes active } warehouse { id code } onHand value } } }`);
  // Not the first or the last such level: the handheld test adjusts those (files may run at once on one server).
  const candidates = stockLevels.nodes.filter((l) => l.product.active && l.product.barcodes.length > 0 && Number.isInteger(Number(l.onHand)) && Number(l.onHand) >= 3).slice(1, -1);
  assert.ok(candidates.length > 0, 'a stocked product with a barcode');
  const warehouse = candidates[0].warehouse;
  const created = await graphql(mgr, 'mutation($i: NewStockCountInput!) { createStockCount(input: $i) { stockCount { number status } userErrors { message } } }', {
    i: { warehouseId: warehouse.id, blind: true, description: 'e2e blind count' },
  });
  assert.deepEqual(created.createStockCount.userErrors, []);
  const number = created.createStockCount.stockCount.number;
  assert.equal(created.createStockCount.stockCount.status, 'DRAFT');
  const started = await graphql(mgr, `mutation($n: String!) { startStockCount(number: $n) { stockCount { status bookHidden ${LINES} } userErrors { message } } }`, { n: number });
  assert.deepEqual(started.startStockCount.userErrors, []);
  const sheet = started.startStockCount.stockCount;
  assert.equal(sheet.status, 'COUNTING');
  assert.equal(sheet.bookHidden, false, 'a manager sees the book of a blind sheet');
  // A product with one line on the sheet whose book is its whole stock in the warehouse.
  const byProduct = new Map();
  for (const l of sheet.lines) byProduct.set(l.product.id, [...(byProduct.get(l.product.id) ?? []), l]);
  const level = candidates.find((c) => c.warehouse.id === warehouse.id && byProduct.get(c.product.id)?.length === 1 && Number(byProduct.get(c.product.id)[0].book) === Number(c.onHand));
  assert.ok(level, 'a product counted on one line of the sheet');
  const line = byProduct.get(level.product.id)[0];
  const book = Number(line.book);
  const { sku, barcodes } = level.product;

  // Counter one scans the product twice: each scan enters 1, the line shows the server's total.
  const one = await newPage({ viewport: HANDHELD, locale: 'en' });
  await loginNarrow(one, 'warehouse');
  await one.goto('/m/count');
  await byTestId(one, 'hh-count').waitFor();
  await byTestId(one, `hh-sheet-${number}`).click();
  await byTestId(one, 'hh-count-sheet').waitFor();
  // Blind: no book quantity for the counter, on the screen or through the API.
  await byTestId(one, 'hh-blind').waitFor();
  assert.doesNotMatch(await byTestId(one, `hh-cline-${line.lineNo}`).innerText(), /Book/);
  const counterView = await graphql(one, `query($n: String!) { stockCount(number: $n) { bookHidden ${LINES} } }`, { n: number });
  assert.equal(counterView.stockCount.bookHidden, true);
  assert.equal(counterView.stockCount.lines.find((l) => l.lineNo === line.lineNo).book, null);
  await wedge(one, barcodes[0]);
  await lineTotal(one, line.lineNo, 1);
  await wedge(one, barcodes[0]);
  await lineTotal(one, line.lineNo, 2);
  await screenshot(one, 'count-handheld.png');

  // Counter two, on another handheld at the same time, enters the rest of the shelf by hand: book − 3 more.
  const two = await newPage({ viewport: HANDHELD, locale: 'en' });
  await loginNarrow(two, 'warehouse');
  await two.goto(`/m/count?sheet=${encodeURIComponent(number)}`);
  await byTestId(two, 'hh-count-sheet').waitFor();
  await lineTotal(two, line.lineNo, 2);
  await byTestId(two, `hh-cline-${line.lineNo}`).click();
  await byTestId(two, 'hh-entry-qty').fill('abc');
  await byTestId(two, 'hh-entry-add').click();
  await byTestId(two, 'hh-errors').waitFor();
  await byTestId(two, 'hh-entry-qty').fill(String(book - 3));
  // ... and a damaged one found on the shelf.
  await byTestId(two, 'hh-entry-damaged').fill('1');
  await byTestId(two, 'hh-entry-add').click();
  const added = byTestId(two, 'hh-count-added');
  await added.waitFor();
  // The entries add up: 2 scanned + (book − 3) typed = book − 1.
  assert.equal(Number(await added.getAttribute('data-total')), book - 1);
  await lineTotal(two, line.lineNo, book - 1);
  // Counter one's next scan reads the total with counter two's entry: book.
  await wedge(one, barcodes[0]);
  await lineTotal(one, line.lineNo, book);
  const mid = await graphql(two, `query($n: String!) { stockCount(number: $n) { ${LINES} } }`, { n: number });
  const midLine = mid.stockCount.lines.find((l) => l.lineNo === line.lineNo);
  // 2 + 1 scans and 1 typed entry.
  assert.equal(Number(midLine.counted), book);
  assert.equal(midLine.entries, 4);
  assert.equal(Number(midLine.damaged), 1);

  // The desktop: the warehouse sees the sheet without its book and submits it for review.
  const desk = await newPage({ locale: 'en' });
  await login(desk, 'warehouse');
  await desk.goto('/stock/counts');
  await byTestId(desk, `count-link-${number}`).click();
  await desk.waitForURL(`**/stock/counts/${number}`);
  await byTestId(desk, 'count-book-hidden').waitFor();
  assert.equal(await byTestId(desk, `count-book-${line.lineNo}`).innerText(), '—');
  assert.equal(Number(await byTestId(desk, `count-counted-${line.lineNo}`).innerText()), book);
  await byTestId(desk, 'count-submit-review').click();
  await desk.waitForSelector('[data-testid="count-status"][data-status="REVIEW"]');
  // The review asks for the line to be counted again; counter one's recount finds one fewer than the book.
  await graphql(mgr, 'mutation($n: String!, $l: [Int!]) { requestRecount(number: $n, lineNos: $l) { userErrors { message } } }', { n: number, l: [line.lineNo] });
  const recounted = await graphql(mgr, `query($n: String!) { stockCount(number: $n) { status ${LINES} } }`, { n: number });
  assert.equal(recounted.stockCount.status, 'COUNTING');
  const round2 = recounted.stockCount.lines.find((l) => l.lineNo === line.lineNo);
  assert.equal(round2.counted, null, 'a recount starts the line afresh');
  await one.reload();
  await byTestId(one, 'hh-count-sheet').waitFor();
  await byTestId(one, `hh-cline-${line.lineNo}`).click();
  await byTestId(one, 'hh-entry-qty').fill(String(book - 1));
  await byTestId(one, 'hh-entry-add').click();
  await lineTotal(one, line.lineNo, book - 1);
  await desk.reload();
  await byTestId(desk, 'count-submit-review').click();
  await desk.waitForSelector('[data-testid="count-status"][data-status="REVIEW"]');

  // The manager reviews: book, counted, a variance of −1 valued at the moving average, and the damaged one's scrap link.
  await mgr.goto(`/stock/counts/${number}`);
  await mgr.waitForSelector('[data-testid="count-status"][data-status="REVIEW"]');
  assert.equal(Number(await byTestId(mgr, `count-book-${line.lineNo}`).innerText()), book);
  assert.equal(Number(await byTestId(mgr, `count-counted-${line.lineNo}`).innerText()), book - 1);
  assert.equal(await byTestId(mgr, `count-variance-${line.lineNo}`).innerText(), '-1');
  const review = await graphql(mgr, `query($n: String!) { stockCount(number: $n) { ${LINES} } }`, { n: number });
  const reviewed = review.stockCount.lines.find((l) => l.lineNo === line.lineNo);
  // One less at the average: value / on hand, to the cent, negative.
  const v = decCents(level.value);
  const expectedCents = -((2n * v + BigInt(book)) / (2n * BigInt(book)));
  assert.equal(decCents(reviewed.varianceValue), expectedCents);
  assert.equal(BigInt(cents(await byTestId(mgr, `count-value-${line.lineNo}`).innerText())), expectedCents);
  assert.equal(await byTestId(mgr, `count-over-${line.lineNo}`).count(), reviewed.overTolerance ? 1 : 0);
  assert.equal(BigInt(cents(await byTestId(mgr, 'count-summary').getAttribute('data-net'))), review.stockCount.lines.reduce((s, l) => s + (l.varianceValue ? decCents(l.varianceValue) : 0n), 0n));
  const scrap = await byTestId(mgr, `count-scrap-${line.lineNo}`).getAttribute('href');
  assert.equal(scrap, `/stock/scraps/new?${new URLSearchParams({ warehouse: warehouse.code, product: sku, quantity: '1', count: number })}`);
  // Who counted what: the second round's entry.
  await byTestId(mgr, `count-line-${line.lineNo}`).locator('.ant-table-row-expand-icon').click();
  const entries = byTestId(mgr, 'count-entries').locator('tbody tr.ant-table-row');
  assert.equal(await entries.count(), 1);
  assert.match(await entries.first().innerText(), /warehouse/);
  await screenshot(mgr, 'count-review.png');

  await byTestId(mgr, 'count-post').click();
  await byTestId(mgr, 'count-post-ok').click();
  await mgr.waitForSelector('[data-testid="count-status"][data-status="POSTED"]');
  const posted = await graphql(mgr, 'query($n: String!) { stockCount(number: $n) { id status voucherNo } }', { n: number });
  assert.ok(posted.stockCount.voucherNo, 'the variance has a voucher');
  const voucherLink = byTestId(mgr, 'count-voucher');
  assert.equal(await voucherLink.innerText(), posted.stockCount.voucherNo);
  // The stock move it made: one out of the product, at the average.
  await byTestId(mgr, `count-move-qty-${sku}`).waitFor();
  assert.equal(await byTestId(mgr, `count-move-qty-${sku}`).innerText(), '-1');
  const { stockMoves } = await graphql(mgr, 'query($id: ID!) { stockMoves(first: 50, filter: { sourceType: STOCK_COUNT, sourceId: $id }) { nodes { quantity value product { sku } voucherNo } } }', { id: posted.stockCount.id });
  const move = stockMoves.nodes.find((m) => m.product.sku === sku);
  assert.equal(Number(move.quantity), -1);
  assert.equal(decCents(move.value), expectedCents);
  assert.equal(move.voucherNo, posted.stockCount.voucherNo);
  const after = await graphql(mgr, 'query($w: ID!, $p: ID!) { stockLevels(first: 5, filter: { warehouseId: $w, productId: $p }) { nodes { onHand } } }', { w: warehouse.id, p: level.product.id });
  assert.equal(Number(after.stockLevels.nodes[0].onHand), book - 1);
  await screenshot(mgr, 'count-posted.png');
  // The voucher opens from the sheet.
  await voucherLink.click();
  await mgr.waitForURL(`**/finance/vouchers/${encodeURIComponent(posted.stockCount.voucherNo)}`);
  await mgr.getByText(posted.stockCount.voucherNo).first().waitFor();
  for (const p of [one, two, desk, mgr]) assert.deepEqual(seriousProblems(p), []);
});

test('a sheet made on the new-count screen starts, and the cycle schedule and the counts due are kept', async () => {
  const mgr = await newPage({ locale: 'en' });
  await login(mgr, 'manager');
  await mgr.goto('/stock/counts/new');
  await byTestId(mgr, 'count-warehouse').click();
  await mgr.locator('.ant-select-item-option').first().click();
  await byTestId(mgr, 'count-abc').click();
  await mgr.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: 'Class A' }).click();
  await byTestId(mgr, 'count-description').fill('e2e class A');
  await byTestId(mgr, 'count-submit').click();
  await mgr.waitForURL(/\/stock\/counts\/PD-/);
  await mgr.waitForSelector('[data-testid="count-status"][data-status="DRAFT"]');
  const number = decodeURIComponent(new URL(mgr.url()).pathname.split('/').pop());
  await byTestId(mgr, 'count-start').click();
  await mgr.locator('.ant-popconfirm .ant-btn-primary').click();
  await mgr.waitForSelector('[data-testid="count-status"][data-status="COUNTING"]');
  const { stockCount } = await graphql(mgr, 'query($n: String!) { stockCount(number: $n) { status abcClass description lines { lineNo } } }', { n: number });
  assert.equal(stockCount.status, 'COUNTING');
  assert.equal(stockCount.abcClass, 'A');
  assert.equal(stockCount.description, 'e2e class A');
  assert.equal(await byTestId(mgr, 'count-lines').locator('tbody tr.ant-table-row').count(), stockCount.lines.length);
  await byTestId(mgr, 'count-cancel').click();
  await mgr.locator('.ant-popconfirm .ant-btn-primary').click();
  await mgr.waitForSelector('[data-testid="count-status"][data-status="CANCELLED"]');

  // The schedule: class B every 4 months.
  await mgr.goto('/stock/counts');
  await byTestId(mgr, 'count-schedule').waitFor();
  await byTestId(mgr, `count-link-${number}`).waitFor();
  const input = mgr.locator('input[data-testid="count-schedule-B"], [data-testid="count-schedule-B"] input');
  await input.fill('4');
  await byTestId(mgr, 'count-schedule-save').click();
  const deadline = Date.now() + 5000;
  let months;
  while (Date.now() < deadline) {
    const { countSchedule } = await graphql(mgr, '{ countSchedule { abcClass intervalMonths } }');
    months = countSchedule.find((e) => e.abcClass === 'B')?.intervalMonths;
    if (months === 4) break;
    await mgr.waitForTimeout(200);
  }
  assert.equal(months, 4);
  // The counts due as the server has them, one row each.
  const { countsDue } = await graphql(mgr, '{ countsDue { abcClass warehouse { id } } }');
  assert.equal(await byTestId(mgr, 'counts-due').locator('tbody tr.ant-table-row').count(), countsDue.length);
  assert.deepEqual(seriousProblems(mgr), []);
});
