import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, cents, choose, companyToday, graphql, login, menuKeys, randomName, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('procure to pay: suggestion -> order -> approval -> scanned receipt with a rejection -> invoice -> payment, live on the manager dashboard', async () => {
  // The manager's dashboard stays open the whole time.
  const dash = await newPage({ locale: 'en' });
  await login(dash, 'manager');
  await dash.waitForURL('**/dashboard');
  await dash.waitForFunction(() => /\d\.\d\d/.test(document.querySelector('[data-testid="dashboard-inventory-value"]')?.textContent ?? ''));
  await byTestId(dash, 'live-indicator').and(dash.locator('[data-state="live"]')).first().waitFor();
  const before = cents(await byTestId(dash, 'dashboard-inventory-value').innerText());
  await dash.evaluate(() => {
    window.__sameDocument = true;
  });

  // Purchasing turns one suggestion into a draft order of 5 and submits it.
  const buyer = await newPage({ locale: 'en' });
  await login(buyer, 'purchasing');
  const { purchaseSuggestions } = await graphql(buyer, '{ purchaseSuggestions { product { sku barcodes } warehouse { code } supplier { id code } } }');
  const s = purchaseSuggestions.find((x) => x.supplier && x.product.barcodes.length > 0);
  assert.ok(s, 'the demo has a suggestion with a supplier and a barcode');
  await byTestId(buyer, 'menu-suggestions').click();
  const row = byTestId(buyer, `suggestion-row-${s.product.sku}-${s.warehouse.code}`);
  await row.locator('input[type="checkbox"]').check();
  await row.locator('input[inputmode="decimal"]').fill('5');
  await byTestId(buyer, 'suggestions-create').click();
  const created = byTestId(buyer, 'suggestions-created').locator('a').first();
  await created.waitFor();
  const number = await created.innerText();
  await created.click();
  await byTestId(buyer, 'po-drawer').waitFor();
  await byTestId(buyer, 'po-submit').click();
  await byTestId(buyer, 'po-drawer').locator('[data-testid="po-status"][data-status="SUBMITTED"]').waitFor();
  const orderId = new URL(buyer.url()).searchParams.get('order');
  assert.ok(orderId);

  // The manager approves it in another tab: any budget warning is shown inline.
  const mgr = await newPage({ locale: 'en' });
  await login(mgr, 'manager');
  await mgr.goto(`/purchasing/orders?order=${orderId}`);
  await byTestId(mgr, 'po-approve').click();
  await byTestId(mgr, 'po-drawer').locator('[data-testid="po-status"][data-status="APPROVED"]').waitFor();
  await screenshot(mgr, 'purchase-order.png');

  // The warehouse scans three, rejects two with a reason.
  const wh = await newPage({ locale: 'en' });
  await login(wh, 'warehouse');
  await byTestId(wh, 'menu-goodsReceipt').click();
  await choose(wh, 'receipt-order', number);
  await byTestId(wh, `receipt-line-${s.product.sku}`).waitFor();
  const scan = byTestId(wh, 'receipt-scan');
  for (let i = 0; i < 3; i++) {
    await scan.pressSequentially(s.product.barcodes[0]);
    await scan.press('Enter');
    await wh.waitForFunction((n) => document.querySelector('[data-testid="receipt-accepted-0"]')?.value === String(n), i + 1);
  }
  await byTestId(wh, 'receipt-rejected-0').fill('2');
  // Posting without the reason is refused on the reason; typing it takes the message away.
  await byTestId(wh, 'receipt-submit').click();
  const reasonItem = wh.locator('.ant-form-item').filter({ has: byTestId(wh, 'receipt-reason-0') });
  await reasonItem.locator('.ant-form-item-explain-error').waitFor();
  await byTestId(wh, 'receipt-reason-0').fill('dented in transit');
  await reasonItem.locator('.ant-form-item-explain-error').waitFor({ state: 'detached' });
  assert.equal(await byTestId(wh, 'receipt-errors').count(), 0, 'no error left above the form');
  await screenshot(wh, 'goods-receipt.png');
  await byTestId(wh, 'receipt-submit').click();
  await byTestId(wh, 'receipt-posted').waitFor();

  const { purchaseOrder } = await graphql(wh, 'query($id: ID!) { purchaseOrder(id: $id) { status supplier { id } lines { receivedQuantity rejectedQuantity unitPrice } receipts { lines { acceptedQuantity rejectedQuantity rejectionReason value } } } }', { id: orderId });
  assert.equal(purchaseOrder.status, 'PARTIALLY_RECEIVED');
  const rl = purchaseOrder.receipts[0].lines[0];
  assert.deepEqual([Number(rl.acceptedQuantity), Number(rl.rejectedQuantity), rl.rejectionReason], [3, 2, 'dented in transit']);

  // The dashboard shows the accepted goods' value, live and exactly.
  const want = before + cents(rl.value);
  await dash.waitForFunction((w) => (document.querySelector('[data-testid="dashboard-inventory-value"]')?.textContent ?? '').replace(/[^\d]/g, '') === w, want.toString(), { timeout: 15_000 });
  assert.equal(await dash.evaluate(() => window.__sameDocument), true, 'the dashboard was not reloaded');

  // Finance posts the supplier's invoice (three-way match passes) and pays it.
  const fin = await newPage({ locale: 'en' });
  await login(fin, 'finance');
  await byTestId(fin, 'menu-supplierInvoices').click();
  await byTestId(fin, 'invoice-new').click();
  await choose(fin, 'invoice-form-order', number);
  await byTestId(fin, 'invoice-form-qty-0').waitFor();
  assert.equal(await byTestId(fin, 'invoice-form-qty-0').inputValue(), '3');
  const supplierNo = randomName('INV-');
  await byTestId(fin, 'invoice-form-number').fill(supplierNo);
  // The supplier bills 10 % over the order price: past the tolerance, so the invoice goes ON_HOLD.
  const orderPrice = cents(await byTestId(fin, 'invoice-form-price-0').inputValue());
  const billed = (orderPrice * 110n + 50n) / 100n;
  await byTestId(fin, 'invoice-form-price-0').fill(`${billed / 100n}.${String(billed % 100n).padStart(2, '0')}`);
  await byTestId(fin, 'invoice-form-submit').click();
  const invRow = byTestId(fin, `invoice-row-${supplierNo}`);
  await invRow.locator('[data-testid="invoice-status"][data-status="ON_HOLD"]').waitFor();
  assert.match(await invRow.locator('[data-testid="invoice-issues"]').innerText(), /\S/, 'the match issue is shown');
  await screenshot(fin, 'supplier-invoice-on-hold.png');
  // Finance posted it, so finance may not approve its mismatch (separation of duties): the refusal is shown.
  await invRow.getByRole('button', { name: 'Approve mismatch' }).click();
  await byTestId(fin, 'invoice-approve-confirm').click();
  await fin.locator('.ant-message').getByText(/another finance user or a manager must approve/).waitFor();
  assert.equal(await invRow.locator('[data-testid="invoice-status"]').getAttribute('data-status'), 'ON_HOLD');
  // The manager approves the mismatch; the invoice becomes payable.
  await mgr.goto('/purchasing/invoices');
  const mgrRow = byTestId(mgr, `invoice-row-${supplierNo}`);
  await mgrRow.getByRole('button', { name: 'Approve mismatch' }).click();
  await byTestId(mgr, 'invoice-approve-confirm').click();
  await mgrRow.locator('[data-testid="invoice-status"][data-status="OPEN"]').waitFor();
  await fin.reload();
  await invRow.locator('[data-testid="invoice-status"][data-status="OPEN"]').waitFor();

  await byTestId(fin, 'menu-supplierPayments').click();
  await byTestId(fin, 'payment-new').click();
  await choose(fin, 'payment-form-supplier', s.supplier.code);
  const line = byTestId(fin, `payment-invoice-${supplierNo}`);
  await line.getByRole('button').click();
  await byTestId(fin, 'payment-form-submit').click();
  await fin.locator('.ant-message').getByText(/Posted payment/).waitFor();

  const { supplierInvoices } = await graphql(fin, 'query($o: ID) { supplierInvoices(first: 5, filter: { purchaseOrderId: $o }) { nodes { supplierInvoiceNumber status openAmount } } }', { o: orderId });
  const inv = supplierInvoices.nodes.find((n) => n.supplierInvoiceNumber === supplierNo);
  assert.equal(inv.status, 'PAID');
  assert.equal(cents(inv.openAmount), 0n);
  for (const p of [dash, buyer, mgr, wh, fin]) assert.deepEqual(p.problems.filter((x) => !/401|Unauthorized/.test(x)), [], 'no console errors');
});

// The app's KPI formatting, restated: money 2 dp, margins and rates as % with 1 dp, days 1 dp, turns 2 dp, nulls as a dash.
function round(v, dp) {
  const m = String(v).match(/^(-?)(\d+)(?:\.(\d+))?$/);
  const frac = (m[3] ?? '').padEnd(dp + 1, '0');
  let n = BigInt(m[2] + frac.slice(0, dp));
  if (Number(frac[dp]) >= 5) n += 1n;
  const s = n.toString().padStart(dp + 1, '0');
  const int = s.slice(0, s.length - dp).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const out = dp ? `${int}.${s.slice(-dp)}` : int;
  return m[1] && /[1-9]/.test(out) ? `-${out}` : out;
}
function times100(v) {
  const m = String(v).match(/^(-?)(\d+)(?:\.(\d+))?$/);
  const frac = (m[3] ?? '').padEnd(2, '0');
  return `${m[1]}${BigInt(m[2] + frac.slice(0, 2))}${frac.length > 2 ? `.${frac.slice(2)}` : ''}`;
}
const KINDS = { sales: 'money', cogs: 'money', grossProfit: 'money', grossMargin: 'pct', netIncome: 'money', netMargin: 'pct', averageInventory: 'money', inventoryTurnover: 'turns', dio: 'days', averageReceivables: 'money', dso: 'days', averagePayables: 'money', dpo: 'days', cashConversionCycle: 'days', unitCost: 'money', customerSatisfaction: 'pct', fulfilmentRate: 'pct' };
function expected(v, kind) {
  if (v === null) return '—';
  if (kind === 'money') return round(v, 2);
  if (kind === 'pct') return `${round(times100(v), 1)}%`;
  if (kind === 'days') return round(v, 1);
  return round(v, 2);
}

test('the KPI table shows what kpis returns for the same periods, and English relabels it', async () => {
  const page = await newPage({ locale: 'zh' });
  await login(page, 'manager');
  await byTestId(page, 'kpi-table').waitFor();
  await byTestId(page, 'kpi-current-sales').waitFor();
  const vars = (() => {
    const today = companyToday();
    const md = today.slice(5);
    const y = Number(today.slice(0, 4));
    return { from: `${y}-01-01`, to: `${y}-${md}`, compareFrom: `${y - 1}-01-01`, compareTo: `${y - 1}-${md === '02-29' ? '02-28' : md}` };
  })();
  const fields = Object.keys(KINDS).join(' ');
  const { kpis } = await graphql(page, `query($from: Date!, $to: Date!, $compareFrom: Date, $compareTo: Date) { kpis(from: $from, to: $to, compareFrom: $compareFrom, compareTo: $compareTo) { current { ${fields} } comparison { ${fields} } } }`, vars);
  for (const [key, kind] of Object.entries(KINDS)) {
    assert.equal(await byTestId(page, `kpi-current-${key}`).innerText(), expected(kpis.current[key], kind), `current ${key}`);
    assert.equal(await byTestId(page, `kpi-comparison-${key}`).innerText(), expected(kpis.comparison[key], kind), `comparison ${key}`);
  }
  // Drill-down: sales opens the journal filtered by 6001 and the period.
  assert.equal(await byTestId(page, 'kpi-drill-sales').first().getAttribute('href'), `/finance/journal?account=6001&from=${vars.from}&to=${vars.to}`);

  assert.equal(await byTestId(page, 'kpi-label-sales').innerText(), '销售额');
  await screenshot(page, 'dashboard-kpi-zh.png');
  await byTestId(page, 'lang-switch').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="kpi-label-sales"]')?.textContent === 'Sales');
  assert.match(await byTestId(page, 'kpi-label-cashConversionCycle').innerText(), /Cash conversion cycle/);
  await page.waitForTimeout(800);
  await screenshot(page, 'dashboard-kpi.png');

  await byTestId(page, 'kpi-drill-sales').first().click();
  await page.waitForURL('**/finance/journal?account=6001**');
  await byTestId(page, 'journal-table').waitFor();
  assert.match(await byTestId(page, 'journal-filter-account').innerText(), /6001/);
});

test('month-end summaries show the KPIs stored when a period was closed', async () => {
  const fin = await newPage({ locale: 'en' });
  await login(fin, 'finance');
  // The demo closes its months before the last, each with its summary: the latest closed one is read.
  const { postingWindow } = await graphql(fin, '{ postingWindow { lockDate } }');
  assert.ok(postingWindow.lockDate, 'the demo has closed months');
  const year = Number(postingWindow.lockDate.slice(0, 4));
  const month = Number(postingWindow.lockDate.slice(5, 7));
  const key = postingWindow.lockDate.slice(0, 7);
  const { periodSummary } = await graphql(fin, `{ periodSummary(year: ${year}, month: ${month}) { stale kpis { sales averageInventory dio } } }`);
  assert.equal(periodSummary.stale, false);
  assert.notEqual(cents(periodSummary.kpis.sales), 0n, 'the closed month sold something');
  await fin.goto('/finance/month-end');
  await byTestId(fin, 'month-end-year').fill(String(year));
  await byTestId(fin, 'month-end-year').press('Enter');
  const table = byTestId(fin, 'month-end-table');
  await table.getByRole('columnheader', { name: key }).waitFor();
  const headers = await table.locator('thead th').allInnerTexts();
  const col = headers.findIndex((h) => h.trim() === key);
  assert.ok(col > 0, `${key} in ${headers}`);
  const salesRow = table.locator('tr', { hasText: 'Sales' }).first();
  assert.equal(cents(await salesRow.locator('td').nth(col).innerText()), cents(periodSummary.kpis.sales));
  const dioRow = table.locator('tr', { hasText: 'DIO' }).first();
  if (periodSummary.kpis.dio === null) assert.equal(await dioRow.locator('td').nth(col).innerText(), '—', 'a null ratio is a dash, never 0');
  else assert.notEqual(await dioRow.locator('td').nth(col).innerText(), '—');
});

test('purchasing sees its screens and no finance entries; the warehouse sees the goods receipt', async () => {
  const page = await newPage({ locale: 'en' });
  await login(page, 'purchasing');
  const keys = await menuKeys(page);
  for (const k of ['suppliers', 'suggestions', 'purchaseOrders', 'supplierInvoices', 'alerts']) assert.ok(keys.includes(k), `${k} in ${keys}`);
  for (const k of ['accounts', 'journal', 'trialBalance', 'profitAndLoss', 'balanceSheet', 'fiscalPeriods', 'booksCheck', 'supplierPayments', 'payablesAging', 'landedCosts', 'budgets', 'operatingCosts', 'monthEnd', 'dashboard', 'goodsReceipt']) {
    assert.ok(!keys.includes(k), `purchasing must not see ${k}: ${keys}`);
  }
  const groups = await page.locator('[data-testid="main-menu"] .ant-menu-item-group-title').allInnerTexts();
  assert.ok(!groups.includes('Finance'), groups.join());
  await page.goto('/finance/payables-aging');
  await byTestId(page, 'forbidden').waitFor();

  const wh = await newPage({ locale: 'en' });
  await login(wh, 'warehouse');
  const whKeys = await menuKeys(wh);
  assert.ok(whKeys.includes('goodsReceipt'), whKeys.join());
  assert.ok(!whKeys.includes('purchaseOrders') && !whKeys.includes('budgets'), whKeys.join());
});
