import { test } from 'node:test';
import assert from 'node:assert/strict';
import { byTestId, login, menuKeys, useBrowser } from './helpers.mjs';

const newPage = useBrowser();

test('sales sees its menu without Users, and /admin/users is forbidden', async () => {
  const page = await newPage();
  await login(page, 'sales');
  const keys = await menuKeys(page);
  assert.ok(keys.includes('home'), keys.join());
  assert.ok(keys.includes('tokens'), keys.join());
  assert.ok(!keys.includes('users'), `sales must not see Users: ${keys.join()}`);
  await page.goto('/admin/users');
  await byTestId(page, 'forbidden').waitFor();
});

test('admin sees the Users entry and the users table', async () => {
  const page = await newPage();
  await login(page, 'admin');
  const keys = await menuKeys(page);
  assert.ok(keys.includes('users'), keys.join());
  await byTestId(page, 'menu-users').click();
  await page.waitForURL('**/admin/users');
  await byTestId(page, 'user-row-manager').waitFor();
});

// Every screen a role's menu offers must keep to the data classes the role
// may read (schema @dataClass): the server refuses a query that selects a
// figure of another class with FORBIDDEN, which would break the screen.
const PATHS = {
  home: '/', alerts: '/alerts', dashboard: '/dashboard', products: '/stock/products', warehouses: '/stock/warehouses',
  suppliers: '/purchasing/suppliers', suggestions: '/purchasing/suggestions', purchaseOrders: '/purchasing/orders',
  supplierInvoices: '/purchasing/invoices', goodsReceipt: '/stock/goods-receipt', customers: '/sales/customers',
  salesOrders: '/sales/orders', creditHolds: '/sales/credit-holds', shipments: '/stock/shipments',
  replenishment: '/stock/replenishment', stockLevels: '/stock/levels', stockMoves: '/stock/moves', stockAdjust: '/stock/adjust',
  tokens: '/account/tokens',
};

for (const role of ['sales', 'purchasing', 'warehouse']) {
  test(`${role}'s screens ask only for figures ${role} may read`, async () => {
    const page = await newPage();
    const refused = [];
    page.on('response', async (res) => {
      // Queries go as GET within the URL limit, mutations as POST.
      if (new URL(res.url()).pathname !== '/graphql') return;
      const body = await res.text().catch(() => '');
      if (body.includes('"dataClass"')) refused.push(`${page.url()}: ${body.slice(0, 300)}`);
    });
    await login(page, role);
    const keys = (await menuKeys(page)).filter((k) => PATHS[k]);
    assert.ok(keys.length >= 4, keys.join());
    for (const k of keys) {
      await page.goto(PATHS[k]);
      await page.waitForLoadState('networkidle');
    }
    // The drawers that load documents with figures: the first row of each list.
    for (const [path, row] of [['/stock/shipments', 'ship-row-'], ['/purchasing/invoices', 'invoice-row-'], ['/purchasing/suppliers', 'supplier-row-'], ['/purchasing/orders', 'po-row-']]) {
      if (!keys.includes(Object.keys(PATHS).find((key) => PATHS[key] === path))) continue;
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const first = page.locator(`[data-testid^="${row}"]`).first();
      if (await first.count()) {
        await first.click();
        await page.waitForLoadState('networkidle');
      }
    }
    assert.deepEqual(refused, [], `${role} asked for figures it may not read`);
  });
}
