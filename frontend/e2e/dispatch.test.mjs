import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, graphql, login, screenshot, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

const PICK_LIST = `query ($n: String!) { pickList(number: $n) { number status lines { seq quantity picked shipmentNumber product { sku } location { code } }
  shipments { number status lines { lineNo quantity product { sku } } } } }`;

/** A decimal string as the screen shows a quantity (formatQty: thousands separators, no trailing zeros beyond what it keeps). */
const num = (s) => Number(String(s).replace(/[^\d.-]/g, ''));

test('pick, pack and dispatch a demo shipment; its delivery status changes live; the pick list and delivery note print', async () => {
  const page = await newPage();
  await login(page, 'warehouse');
  // A pending demo shipment on no open pick list.
  const { shipments, pickLists } = await graphql(
    page,
    `{ shipments(first: 100, filter: { status: [PENDING] }) { nodes { number lines { quantity } } }
       pickLists(first: 100, filter: { status: [OPEN] }) { nodes { number shipments { number } } } }`,
  );
  assert.ok(pickLists.nodes.length >= 1, 'the demo leaves a pick list open');
  const busy = new Set(pickLists.nodes.flatMap((p) => p.shipments.map((s) => s.number)));
  const sh = shipments.nodes.find((s) => !busy.has(s.number) && s.lines.length > 0);
  assert.ok(sh, 'a pending shipment on no open pick list');

  // The list shows the demo's open pick list.
  await page.goto('/stock/pick-lists');
  await byTestId(page, `picklist-link-${pickLists.nodes[0].number}`).waitFor({ timeout: 30000 });
  await screenshot(page, 'pick-lists.png');

  // A new pick list of that shipment.
  await page.goto('/stock/pick-lists/new');
  const row = page.locator(`[data-testid="picklist-shipments"] tr[data-row-key="${sh.number}"]`);
  await row.waitFor({ timeout: 30000 });
  await row.locator('.ant-checkbox-input').check();
  await byTestId(page, 'picklist-create').click();
  await Promise.race([byTestId(page, 'picklist-errors').waitFor({ timeout: 30000 }), page.waitForURL(/\/stock\/pick-lists\/JH-/, { timeout: 30000 })]);
  if (await byTestId(page, 'picklist-errors').count()) assert.fail(await byTestId(page, 'picklist-errors').innerText());
  const number = decodeURIComponent(page.url().split('/').pop());
  await byTestId(page, 'picklist-status').filter({ hasText: '待拣货' }).waitFor({ timeout: 30000 });
  const { pickList: made } = await graphql(page, PICK_LIST, { n: number });
  assert.ok(made.lines.length >= 1, 'the pick list has lines');
  const ordered = sh.lines.reduce((a, l) => a + num(l.quantity), 0);
  assert.equal(
    made.lines.reduce((a, l) => a + num(l.quantity), 0),
    ordered,
    'the lines take all of the shipment',
  );
  // The screen shows each line's quantity in walking order, nothing picked.
  for (const l of made.lines) {
    assert.equal(num(await byTestId(page, `picklist-qty-${l.seq}`).innerText()), num(l.quantity), `line ${l.seq} quantity`);
    assert.equal(num(await byTestId(page, `picklist-picked-${l.seq}`).innerText()), 0, `line ${l.seq} not picked`);
    assert.equal(await byTestId(page, `picklist-bin-${l.seq}`).innerText(), l.location?.code ?? '未上架');
  }
  await screenshot(page, 'pick-list-open.png');

  // Pick all and confirm.
  await byTestId(page, 'picklist-pick-all').click();
  const last = made.lines[made.lines.length - 1];
  await page.waitForFunction(
    ([id, q]) => Number(document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/[^\d.-]/g, '')) === q,
    [`picklist-picked-${last.seq}`, num(last.quantity)],
    { timeout: 30000 },
  );
  for (const l of made.lines) assert.equal(num(await byTestId(page, `picklist-picked-${l.seq}`).innerText()), num(l.quantity), `line ${l.seq} picked`);
  await byTestId(page, 'picklist-confirm').click();
  await byTestId(page, 'picklist-confirm-ok').click();
  await byTestId(page, 'picklist-status').filter({ hasText: '已确认' }).waitFor({ timeout: 30000 });
  const { pickList: confirmed } = await graphql(page, PICK_LIST, { n: number });
  assert.equal(confirmed.status, 'CONFIRMED');
  assert.equal(confirmed.shipments[0].status, 'SHIPPED');

  // Pack into two parcels and dispatch with a tracking number.
  const card = `dispatch-shipment-${sh.number}`;
  await byTestId(page, card).waitFor({ timeout: 30000 });
  await byTestId(page, `delivery-status-${sh.number}`).filter({ hasText: '未发运' }).waitFor({ timeout: 30000 });
  await byTestId(page, `parcel-add-${sh.number}`).click();
  const dims = [
    ['12.5', '60', '40', '35'],
    ['3.25', '30', '20', '15'],
  ];
  for (const [i, d] of dims.entries()) {
    for (const [j, k] of ['weightKg', 'lengthCm', 'widthCm', 'heightCm'].entries()) await byTestId(page, `parcel-${sh.number}-${i}-${k}`).fill(d[j]);
  }
  await byTestId(page, `pack-${sh.number}`).click();
  await page.locator(`[data-testid="parcels-${sh.number}"] tbody tr`).nth(1).waitFor({ timeout: 30000 });
  const weights = await page.locator(`[data-testid="parcels-${sh.number}"] tbody tr td:nth-child(2)`).allInnerTexts();
  assert.deepEqual(weights.map(num), [12.5, 3.25]);
  const tn = `SFE2E${Date.now()}`;
  await byTestId(page, `carrier-${sh.number}`).fill('顺丰速运');
  await byTestId(page, `tracking-${sh.number}`).fill(tn);
  await byTestId(page, `dispatch-${sh.number}`).click();
  await byTestId(page, `delivery-status-${sh.number}`).filter({ hasText: '已发运' }).waitFor({ timeout: 30000 });
  assert.equal(await byTestId(page, `tracking-number-${sh.number}`).innerText(), tn);

  // A carrier reports through the API; the screen changes without a reload.
  const before = page.url();
  const at = new Date(Date.now() + 60_000).toISOString();
  const res = await graphql(
    page,
    `mutation ($tn: String!, $at: Time!) { updateDeliveryStatus(trackingNumber: $tn, status: IN_TRANSIT, at: $at, note: "已到达转运中心") {
      tracking { status } userErrors { message } } }`,
    { tn, at },
  );
  assert.deepEqual(res.updateDeliveryStatus.userErrors, []);
  assert.equal(res.updateDeliveryStatus.tracking.status, 'IN_TRANSIT');
  await byTestId(page, `delivery-status-${sh.number}`).filter({ hasText: '运输中' }).waitFor({ timeout: 30000 });
  await page.locator(`[data-testid="tracking-events-${sh.number}"] tbody tr`).nth(1).waitFor({ timeout: 30000 });
  assert.equal(page.url(), before, 'no navigation');
  await screenshot(page, 'pick-list-dispatched.png');

  // The printed pick list: every line with its quantity, and the total.
  await byTestId(page, 'picklist-print').click();
  await byTestId(page, 'print-pick').waitFor({ timeout: 30000 });
  assert.equal(await byTestId(page, 'print-number').innerText(), number);
  for (const l of confirmed.lines) {
    const text = await byTestId(page, `print-line-${l.seq}`).innerText();
    assert.ok(text.includes(l.product.sku), `print line ${l.seq} names ${l.product.sku}`);
    assert.equal(num(await byTestId(page, `print-qty-${l.seq}`).innerText()), num(l.quantity), `print line ${l.seq} quantity`);
  }
  assert.equal(num(await byTestId(page, 'print-total').innerText()), ordered);
  assert.ok((await byTestId(page, 'print-signatures').innerText()).includes('复核人'));
  assert.ok((await page.locator('h2').innerText()).includes('Pick list'), 'English beside the Chinese');
  await byTestId(page, 'print-button').waitFor();
  await screenshot(page, 'pick-list-print.png');

  // The delivery note (送货单) of the shipment: customer, tracking number, lines.
  await page.goto(`/stock/pick-lists/${number}`);
  await byTestId(page, `delivery-print-${sh.number}`).click();
  await byTestId(page, 'print-delivery').waitFor({ timeout: 30000 });
  assert.equal(await byTestId(page, 'print-shipment').innerText(), sh.number);
  await byTestId(page, 'print-tracking').filter({ hasText: tn }).waitFor({ timeout: 30000 });
  assert.ok((await byTestId(page, 'print-customer').innerText()).length > 0);
  const shipped = confirmed.shipments[0];
  for (const l of shipped.lines) assert.equal(num(await byTestId(page, `print-qty-${l.lineNo}`).innerText()), num(l.quantity), `delivery line ${l.lineNo}`);
  assert.equal(num(await byTestId(page, 'print-total').innerText()), ordered);
  assert.ok((await byTestId(page, 'print-signatures').innerText()).includes('收货人签字'));
  await screenshot(page, 'delivery-note-print.png');
});
