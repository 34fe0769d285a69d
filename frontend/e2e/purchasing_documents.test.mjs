import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, graphql, login, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

/** Waits for the document page titled title (kind and number). */
async function documentTitle(page, title) {
  await byTestId(page, 'document-title').filter({ hasText: title }).waitFor({ timeout: 30000 });
  await byTestId(page, 'document-header').waitFor({ timeout: 30000 });
  return byTestId(page, 'document-title').innerText();
}

test('documents open by their number and link to each other: order -> receipt -> invoice -> payment and back', async () => {
  const page = await newPage();
  await login(page, 'manager');
  // A paid invoice of an order with receipts: the chain the demo posted.
  const { supplierPayments } = await graphql(
    page,
    '{ supplierPayments(first: 50) { nodes { number allocations { invoice { number purchaseOrder { number receipts { number } } } } } } }',
  );
  const pay = supplierPayments.nodes.find((p) => p.allocations.some((a) => a.invoice.purchaseOrder?.receipts.length));
  assert.ok(pay, 'the demo has a payment of an invoice of a received order');
  const inv = pay.allocations.find((a) => a.invoice.purchaseOrder?.receipts.length).invoice;
  const po = inv.purchaseOrder.number;
  const gr = inv.purchaseOrder.receipts[0].number;

  // The order by URL: its receipts and invoices are links.
  await page.goto(`/purchasing/orders/${po}`);
  await documentTitle(page, `采购订单 ${po}`);
  await byTestId(page, 'document-related').waitFor();
  await byTestId(page, `related-link-${inv.number}`).waitFor();
  await screenshot(page, 'document-purchase-order.png');
  await byTestId(page, 'document-related').locator(`[data-testid="related-link-${gr}"]`).click();
  await page.waitForURL(`**/stock/receipts/${gr}`);
  await documentTitle(page, `采购入库单 ${gr}`);
  assert.ok((await byTestId(page, 'document-lines').locator('tbody tr.ant-table-row').count()) > 0, 'the receipt shows its lines');
  await byTestId(page, 'document-journal').waitFor();
  // The receipt leads to the invoice of its order.
  await byTestId(page, `related-link-${inv.number}`).click();
  await page.waitForURL(`**/purchasing/invoices/${inv.number}`);
  await documentTitle(page, `供应商发票 ${inv.number}`);
  // Invoice lines name their product by SKU and name.
  const firstLine = await byTestId(page, 'document-lines').locator('tbody tr.ant-table-row').first().innerText();
  assert.match(firstLine, /[A-Z]{2}-[A-Z0-9]+-\d+\s+\S/, firstLine);
  await byTestId(page, `related-link-${pay.number}`).click();
  await page.waitForURL(`**/finance/supplier-payments/${pay.number}`);
  await documentTitle(page, `供应商付款 ${pay.number}`);
  await screenshot(page, 'document-supplier-payment.png');
  // ... and back: the payment's invoice, the invoice's order.
  await byTestId(page, `payment-invoice-${inv.number}`).click();
  await page.waitForURL(`**/purchasing/invoices/${inv.number}`);
  await byTestId(page, 'invoice-order-link').click();
  await page.waitForURL(`**/purchasing/orders/${po}`);
  await documentTitle(page, `采购订单 ${po}`);

  // The invoice's voucher opens by its voucher number.
  await page.goto(`/purchasing/invoices/${inv.number}`);
  const voucher = byTestId(page, 'document-voucher-link');
  const voucherNo = await voucher.innerText();
  await voucher.click();
  await page.waitForURL(`**/finance/vouchers/${encodeURIComponent(voucherNo)}`);
  assert.equal(await byTestId(page, 'voucher-no').innerText(), voucherNo);
  await byTestId(page, 'voucher-source-page').click();
  await page.waitForURL(`**/purchasing/invoices/${inv.number}`);

  // A number that names nothing says so.
  await page.goto('/purchasing/orders/PO999999');
  await byTestId(page, 'document-not-found').waitFor();
  assert.deepEqual(page.problems, [], 'no console errors');
});

test('landed costs, operating costs and stock documents open by number; the journal and stock moves link to their sources', async () => {
  const page = await newPage();
  await login(page, 'finance');
  const data = await graphql(
    page,
    `{ landedCosts(first: 1) { nodes { number allocations { receiptNumber } } }
       operatingCosts(first: 1) { nodes { number } }
       stockDocuments(first: 1, filter: { kinds: [OPENING_STOCK] }) { nodes { number lines { product { sku } } } } }`,
  );
  const lc = data.landedCosts.nodes[0];
  assert.ok(lc, 'the demo has a landed cost');
  await page.goto(`/finance/landed-costs/${lc.number}`);
  await documentTitle(page, `到岸成本 ${lc.number}`);
  await byTestId(page, `related-link-${lc.allocations[0].receiptNumber}`).click();
  await page.waitForURL(`**/stock/receipts/${lc.allocations[0].receiptNumber}`);
  // The receipt names the landed cost spread over it.
  await byTestId(page, `related-link-${lc.number}`).waitFor();

  const oc = data.operatingCosts.nodes[0];
  await page.goto(`/finance/operating-costs/${oc.number}`);
  await documentTitle(page, `运营费用 ${oc.number}`);
  await byTestId(page, 'document-journal').waitFor();

  // A stock document has a number of its own, found by it.
  const sd = data.stockDocuments.nodes[0];
  assert.match(sd.number, /^OS-\d{6}$/);
  const { stockDocument } = await graphql(page, 'query($n: String) { stockDocument(number: $n) { number kind } }', { n: sd.number });
  assert.equal(stockDocument.number, sd.number);
  await page.goto(`/stock/documents/${sd.number}`);
  await documentTitle(page, `期初库存单 ${sd.number}`);
  assert.match(await byTestId(page, 'document-lines').innerText(), new RegExp(sd.lines[0].product.sku));
  await screenshot(page, 'document-stock.png');

  // The journal's source column links to the document.
  await page.goto('/finance/journal?source=OPENING_STOCK');
  const source = byTestId(page, 'journal-table').locator('[data-testid^="journal-source-"]').first();
  await source.waitFor();
  const n = await source.innerText();
  assert.match(n, /^OS-\d{6}$/);
  await source.click();
  await page.waitForURL(`**/stock/documents/${n}`);
  await documentTitle(page, n);
  assert.deepEqual(page.problems, [], 'no console errors');
});

test("stock moves and alerts link to what they name", async () => {
  const page = await newPage();
  await login(page, 'manager');
  await page.goto('/stock/moves');
  const move = byTestId(page, 'stock-moves-table').locator('[data-testid^="move-source-"]').first();
  await move.waitFor({ timeout: 30000 });
  const href = await move.getAttribute('href');
  assert.match(href, /^\/(stock\/receipts|stock\/documents|finance\/landed-costs|stock\/shipments|sales\/returns)\//);
  await move.click();
  await page.waitForURL(`**${href}`);

  // An alert's subject links to what it names (a supplier, a customer, an order, a budget line).
  const { alerts } = await graphql(page, '{ alerts(first: 20, mine: false) { nodes { id subjectRecords { __typename } } } }');
  const linkable = ['Supplier', 'Customer', 'SalesOrder', 'BudgetLine'];
  const a = alerts.nodes.find((x) => x.subjectRecords.some((r) => linkable.includes(r.__typename)));
  assert.ok(a, 'the demo has an alert about a supplier, customer, order or budget line');
  await page.goto('/alerts');
  await byTestId(page, 'alerts-mine').click();
  await byTestId(page, 'alerts-state').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '全部' }).click();
  const link = byTestId(page, `alert-row-${a.id}`).locator('a[data-testid^="alert-subject-"]').first();
  await link.waitFor({ timeout: 30000 });
  const to = await link.getAttribute('href');
  await link.click();
  await page.waitForURL((u) => `${u.pathname}${u.search}` === to);
  assert.deepEqual(page.problems, [], 'no console errors');
});
