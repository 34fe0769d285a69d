import { describe, expect, it } from 'vitest';
import type { Role } from '../gql/graphql';
import { ALL_ROLES, DATA_CLASS_READERS, allows, canRead, type DataClass, visibleFor } from './access';
import { MENU, ROUTED, SCREENS, entryForPath, homeRedirectFor, menuFor } from './menu';

const keysFor = (roles: Role[]) => visibleFor(MENU, roles).map((e) => e.key);

describe('menu filtering by role', () => {
  it('shows a sales user Home, the dashboard (its sales charts), alerts, the sales screens (returns too: sales may create them), API tokens and their exports but not Users', () => {
    expect(keysFor(['SALES'])).toEqual(['home', 'dashboard', 'alerts', 'customers', 'salesOrders', 'creditHolds', 'shipments', 'replenishment', 'salesReturns', 'tokens', 'myExports', 'password']);
  });

  it('shows ADMIN every entry, including admin-only ones', () => {
    expect(keysFor(['ADMIN'])).toEqual(MENU.map((e) => e.key));
    expect(keysFor(['ADMIN'])).toContain('users');
  });

  it('gives every non-admin role the same entries as sales for now', () => {
    for (const r of ALL_ROLES.filter((r) => r !== 'ADMIN')) {
      expect(keysFor([r]), r).not.toContain('users');
      expect(keysFor([r]), r).toEqual(expect.arrayContaining(['home', 'tokens']));
    }
  });

  it('shows nothing to a user without roles', () => {
    expect(keysFor([])).toEqual([]);
  });

  it('keeps the menu order whatever the roles', () => {
    const entries = [
      { key: 'a', roles: ['FINANCE'] as Role[] },
      { key: 'b', roles: ['SALES'] as Role[] },
      { key: 'c', roles: ['FINANCE', 'SALES'] as Role[] },
    ];
    expect(visibleFor(entries, ['SALES', 'FINANCE']).map((e) => e.key)).toEqual(['a', 'b', 'c']);
    expect(visibleFor(entries, ['SALES']).map((e) => e.key)).toEqual(['b', 'c']);
  });
});

describe('allows', () => {
  it('needs one matching role', () => {
    expect(allows(['FINANCE'], ['SALES'])).toBe(false);
    expect(allows(['FINANCE', 'SALES'], ['SALES'])).toBe(true);
  });
  it('lets ADMIN through everything', () => {
    expect(allows(['FINANCE'], ['ADMIN'])).toBe(true);
    expect(allows([], ['ADMIN'])).toBe(true);
  });
});

describe('menu data', () => {
  it('has unique keys and paths', () => {
    expect(new Set(MENU.map((e) => e.key)).size).toBe(MENU.length);
    expect(new Set(MENU.map((e) => e.path)).size).toBe(MENU.length);
  });
  it('lists the screen of every module once', () => {
    expect(MENU.map((e) => e.key).sort()).toEqual(SCREENS.filter((e) => !e.hidden).map((e) => e.key).sort());
  });
  it('routes the pages opened from others, outside the menu', () => {
    expect(ROUTED.find((e) => e.key === 'voucher')?.path).toBe('/finance/vouchers/:id');
    expect(MENU.some((e) => e.hidden)).toBe(false);
  });
  it('finds the entry for a location by longest prefix', () => {
    expect(entryForPath('/')?.key).toBe('home');
    expect(entryForPath('/admin/users')?.key).toBe('users');
    expect(entryForPath('/admin/users/42')?.key).toBe('users');
    expect(entryForPath('/admin/usersx')).toBeUndefined();
    expect(entryForPath('/nowhere')).toBeUndefined();
  });
});

describe('menus per role', () => {
  const keys = (roles: Role[]) => menuFor(roles).map((e) => e.key);
  const FINANCE_KEYS = ['accounts', 'journal', 'trialBalance', 'accountLedger', 'profitAndLoss', 'balanceSheet', 'statementMapping', 'fiscalPeriods', 'booksCheck'];
  const STOCK_KEYS = ['products', 'warehouses', 'stockLevels', 'stockMoves'];

  it('gives warehouse the stock screens and the adjustment form, and no finance entries', () => {
    expect(keys(['WAREHOUSE'])).toEqual(expect.arrayContaining([...STOCK_KEYS, 'stockAdjust']));
    for (const k of [...FINANCE_KEYS, 'dashboard', 'users']) expect(keys(['WAREHOUSE'])).not.toContain(k);
  });

  it('gives finance the ledger screens and books check, and no stock screens', () => {
    expect(keys(['FINANCE'])).toEqual(expect.arrayContaining([...FINANCE_KEYS, 'dashboard']));
    for (const k of [...STOCK_KEYS, 'stockAdjust']) expect(keys(['FINANCE'])).not.toContain(k);
  });

  it('lets analysts and managers read stock and the ledger but not write stock or run books check', () => {
    for (const r of ['ANALYST', 'MANAGER'] as Role[]) {
      expect(keys([r])).toEqual(expect.arrayContaining([...STOCK_KEYS, 'accounts', 'trialBalance', 'dashboard']));
      expect(keys([r])).not.toContain('stockAdjust');
      expect(keys([r])).not.toContain('booksCheck');
    }
  });

  it('sends managers home to the dashboard and hides Home for them only', () => {
    expect(homeRedirectFor(['MANAGER'])?.key).toBe('dashboard');
    expect(keys(['MANAGER'])).not.toContain('home');
    expect(homeRedirectFor(['ADMIN'])).toBeUndefined();
    expect(keys(['ADMIN'])).toContain('home');
    expect(homeRedirectFor(['FINANCE'])).toBeUndefined();
    expect(keys(['SALES'])).toContain('home');
  });

  it('gives sales its screens and no finance entries, and warehouse its shipments', () => {
    const sales = menuFor(['SALES']);
    expect(sales.map((e) => e.key)).toEqual(expect.arrayContaining(['customers', 'salesOrders', 'creditHolds']));
    expect(sales.filter((e) => e.group === 'finance')).toEqual([]);
    // The dashboard, for the sales charts its queries allow SALES; Home stays sales' start page.
    expect(sales.map((e) => e.key)).toContain('dashboard');
    expect(homeRedirectFor(['SALES'])).toBeUndefined();
    expect(menuFor(['WAREHOUSE']).map((e) => e.key)).toEqual(expect.arrayContaining(['shipments', 'replenishment']));
    expect(menuFor(['PURCHASING']).map((e) => e.key)).toContain('replenishment');
    expect(menuFor(['FINANCE']).map((e) => e.key)).toEqual(expect.arrayContaining(['salesInvoices', 'customerPayments', 'salesReturns', 'receivablesAging', 'creditHolds']));
  });

  it('gives purchasing its screens and no finance entries', () => {
    const entries = menuFor(['PURCHASING']);
    expect(entries.map((e) => e.key)).toEqual(expect.arrayContaining(['suppliers', 'suggestions', 'purchaseOrders', 'supplierInvoices', 'alerts']));
    expect(entries.filter((e) => e.group === 'finance')).toEqual([]);
    expect(entries.map((e) => e.key)).not.toContain('goodsReceipt');
  });

  it('gives the warehouse the goods receipt and finance the payables screens', () => {
    expect(keys(['WAREHOUSE'])).toContain('goodsReceipt');
    expect(keys(['WAREHOUSE'])).not.toContain('purchaseOrders');
    expect(keys(['FINANCE'])).toEqual(expect.arrayContaining(['supplierInvoices', 'supplierPayments', 'payablesAging', 'landedCosts', 'budgets', 'operatingCosts', 'monthEnd']));
    expect(keys(['MANAGER'])).not.toContain('landedCosts');
  });
});

describe('data classes', () => {
  it('gives each class the readers the server has (dataclass.go), ADMIN all', () => {
    expect(canRead('MARGINS_AND_COSTS', ['WAREHOUSE'])).toBe(false);
    expect(canRead('MARGINS_AND_COSTS', ['SALES'])).toBe(false);
    expect(canRead('MARGINS_AND_COSTS', ['FINANCE'])).toBe(true);
    expect(canRead('SUPPLIER_MONEY', ['PURCHASING'])).toBe(false);
    expect(canRead('BUDGETS', ['PURCHASING'])).toBe(true);
    expect(canRead('CUSTOMER_MONEY', ['WAREHOUSE', 'SALES'])).toBe(true);
    expect(canRead('USERS', ['MANAGER'])).toBe(false);
    for (const cls of Object.keys(DATA_CLASS_READERS) as DataClass[]) expect(canRead(cls, ['ADMIN'])).toBe(true);
  });
});
