// Every sales document opens by its number and links to the documents around
// it (order → shipment → invoice → payment and back), with its journal entry
// and audit trail; the sales orders list searches, sorts and filters on the
// server, keeps its filters in the URL, exports what it lists and confirms
// drafts in bulk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, graphql, login, randomName, seriousProblems, useBrowser, xlsxRows } from './helpers.mjs';

const newPage = useBrowser();

/** Opens a document's page by URL and waits for it. */
async function open(page, path, testId) {
  await page.goto(path);
  await byTestId(page, testId).waitFor({ timeout: 30_000 });
}

/** Follows the related-document link to number and waits for that page. */
async function follow(page, number, testId) {
  await byTestId(page, `related-${number}`).first().click();
  await byTestId(page, testId).waitFor();
  await page.waitForFunction((n) => document.querySelector('[data-testid="doc-title"]')?.textContent === n, number);
}

test('each sales document opens by its number and links to the others, with its journal entry and audit trail', async () => {
  const page = await newPage();
  await login(page, 'finance');
  const data = await graphql(
    page,
    `
      {
        salesInvoices(first: 100, filter: { status: [PAID, PARTIALLY_PAID] }) {
          nodes {
            number
            shipments {
              number
              status
              order {
                number
              }
            }
            allocations {
              payment {
                number
              }
            }
          }
        }
        salesReturns(first: 20) {
          nodes {
            number
            refunds {
              number
            }
          }
        }
      }
    `,
  );
  const inv = data.salesInvoices.nodes.find((i) => i.shipments.length > 0 && i.allocations.some((a) => a.payment));
  assert.ok(inv, 'the demo has a paid invoice of a shipment');
  const sh = inv.shipments[0];
  const so = sh.order.number;
  const pay = inv.allocations.find((a) => a.payment).payment.number;
  assert.notEqual(sh.status, 'PENDING');

  // A shipped shipment opens by its number although the list is filtered to pending ones.
  await page.goto('/stock/shipments?status=PENDING');
  await byTestId(page, 'ship-table').waitFor();
  await open(page, `/stock/shipments/${sh.number}`, 'ship-page');
  assert.equal(await byTestId(page, 'doc-title').textContent(), sh.number);
  assert.equal(await byTestId(page, 'ship-page').locator('[data-testid="shipment-status"]').first().getAttribute('data-status'), sh.status);

  // order → shipment → invoice → payment, and back.
  await open(page, `/sales/orders/${so}`, 'so-page');
  assert.ok((await byTestId(page, 'so-detail-lines').locator('tbody tr').count()) > 0, 'the order shows its lines');
  await follow(page, sh.number, 'ship-page');
  await follow(page, inv.number, 'sinv-page');
  assert.ok((await byTestId(page, 'sinv-page-lines').locator('tbody tr').count()) > 0, 'the invoice shows its lines');
  const lineText = await byTestId(page, 'sinv-page-lines').locator('tbody tr').first().innerText();
  assert.match(lineText, /\S+/, 'a line names its product');
  await follow(page, pay, 'cpay-page');
  await follow(page, inv.number, 'sinv-page');
  await follow(page, so, 'so-page');

  // The invoice's journal entry links its voucher by number; its audit trail lists its creation.
  await open(page, `/sales/invoices/${inv.number}`, 'sinv-page');
  await byTestId(page, 'doc-journal-tab').click();
  await byTestId(page, 'doc-journal-entry').first().waitFor();
  const href = await byTestId(page, 'doc-voucher-link').first().getAttribute('href');
  assert.match(href, /^\/finance\/vouchers\/.+/);
  await byTestId(page, 'audit-tab').click();
  // The status history (the server shows each user the changes it may see).
  await byTestId(page, 'audit-trail').waitFor();

  // The payment's journal entry too.
  await open(page, `/finance/customer-payments/${pay}`, 'cpay-page');
  await byTestId(page, 'doc-journal-tab').click();
  await byTestId(page, 'doc-journal-entry').first().waitFor();

  // Returns and refunds open by their numbers.
  const ret = data.salesReturns.nodes[0];
  if (ret) {
    await open(page, `/sales/returns/${ret.number}`, 'sret-page');
    const ref = ret.refunds[0];
    if (ref) {
      await follow(page, ref.number, 'refund-page');
      await follow(page, ret.number, 'sret-page');
    }
  }

  // A number no document has, or another kind's number, says so.
  await open(page, '/sales/invoices/SI-999999', 'doc-not-found');
  await open(page, `/sales/invoices/${so}`, 'doc-not-found');
  assert.deepEqual(seriousProblems(page), []);
});

const orderNumbers = (page) => page.locator('[data-testid^="so-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid').replace('so-row-', '')));

test('the sales orders list searches, sorts and filters in the URL, exports its rows and confirms drafts in bulk', async () => {
  const page = await newPage();
  await login(page, 'sales');
  // A customer of its own with two drafts of different totals.
  const code = randomName('SD');
  const { products } = await graphql(page, '{ products(first: 1, filter: { active: true }) { nodes { id } } }');
  const { createCustomer } = await graphql(
    page,
    `
      mutation ($code: String!) {
        createCustomer(input: { code: $code, name: $code }) {
          customer {
            id
          }
          userErrors {
            message
          }
        }
      }
    `,
    { code },
  );
  assert.deepEqual(createCustomer.userErrors, []);
  const drafts = [];
  for (const [qty, price] of [
    // Prices far above any cost: a sale below cost would need a manager.
    ['1', '90000.00'],
    ['3', '95000.50'],
  ]) {
    const { createSalesOrder } = await graphql(
      page,
      `
        mutation ($c: ID!, $p: ID!, $q: Decimal!, $u: Decimal!) {
          createSalesOrder(input: { customerId: $c, lines: [{ productId: $p, quantity: $q, unitPrice: $u }] }) {
            order {
              number
              totalAmount
            }
            userErrors {
              message
            }
          }
        }
      `,
      { c: createCustomer.customer.id, p: products.nodes[0].id, q: qty, u: price },
    );
    assert.deepEqual(createSalesOrder.userErrors, []);
    drafts.push(createSalesOrder.order);
  }
  const [small, large] = drafts;

  // Search by the customer's code, filter to drafts: the two orders.
  await page.goto(`/sales/orders?q=${code}&status=DRAFT`);
  await byTestId(page, `so-row-${small.number}`).waitFor({ timeout: 30_000 });
  await byTestId(page, `so-row-${large.number}`).waitFor();
  assert.equal((await orderNumbers(page)).length, 2);

  // Sorting by total asks the server and lands in the URL.
  const totalHeader = page.locator('[data-testid="so-table"] th', { hasText: /价税合计|合计|Total/ }).first();
  await totalHeader.click();
  await page.waitForURL(/sort=TOTAL/);
  await page.waitForFunction((n) => document.querySelector('[data-testid^="so-row-"]')?.getAttribute('data-testid') === `so-row-${n}`, small.number);
  await totalHeader.click();
  await page.waitForURL(/dir=DESC/);
  await page.waitForFunction((n) => document.querySelector('[data-testid^="so-row-"]')?.getAttribute('data-testid') === `so-row-${n}`, large.number);

  // The filters stay after a reload.
  await page.reload();
  await byTestId(page, `so-row-${large.number}`).waitFor();
  assert.deepEqual(await orderNumbers(page), [large.number, small.number]);
  assert.equal(await byTestId(page, 'so-list-search').locator('input').inputValue(), code);

  // The export holds the two orders: real dates, numeric amounts, the status labelled, a totals row.
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'export-xlsx').click()]);
  const rows = xlsxRows(await download.path());
  assert.equal(rows.length, 4, 'a header, the two orders and the totals row');
  // Empty cells are not written: cells are found by their column letter.
  const letter = (c) => c.ref.replace(/\d+$/, '');
  const colOf = (re) => letter(rows[0].find((c) => re.test(c.text ?? '')));
  const at = (r, col) => rows[r].find((c) => letter(c) === col) ?? {};
  const total = colOf(/价税合计|^Total$/);
  const date = colOf(/订单日期|Order date|Date/);
  const status = colOf(/状态|Status/);
  assert.equal(at(1, 'A').text, large.number);
  assert.equal(Number(at(1, total).number), Number(large.totalAmount));
  assert.equal(at(1, total).format, '#,##0.00');
  assert.equal(at(1, date).format, 'yyyy-mm-dd');
  assert.match(at(1, date).number ?? '', /^\d+$/, 'a date is a real date (a serial number)');
  assert.equal(at(1, status).text, '草稿');
  const sum = (Math.round(Number(small.totalAmount) * 100) + Math.round(Number(large.totalAmount) * 100)) / 100;
  assert.equal(Number(at(3, total).number), sum);
  assert.ok(at(3, total).bold, 'the totals row is bold');

  // Both drafts confirmed at once; each reported by its number.
  await byTestId(page, `so-select-${small.number}`).check();
  await byTestId(page, `so-select-${large.number}`).check();
  await byTestId(page, 'so-bulk-confirm').click();
  const result = byTestId(page, 'so-bulk-result');
  await result.waitFor();
  const text = await result.innerText();
  assert.ok(text.includes(small.number) && text.includes(large.number), text);
  assert.ok(!/未能确认/.test(text), text);
  const { salesOrders } = await graphql(
    page,
    `
      query ($q: String!) {
        salesOrders(filter: { search: $q }) {
          nodes {
            number
            status
          }
        }
      }
    `,
    { q: code },
  );
  assert.ok(
    salesOrders.nodes.every((o) => o.status !== 'DRAFT'),
    JSON.stringify(salesOrders.nodes),
  );
  assert.deepEqual(seriousProblems(page), []);
});
