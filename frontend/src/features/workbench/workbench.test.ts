import { describe, expect, it } from 'vitest';
import { actionPath, linePath } from './workbench';

describe('workbench lines', () => {
  it('open documents by their business number', () => {
    expect(linePath({ kind: 'SALES_ORDER', id: '12', number: 'SO-000012' })).toBe('/sales/orders/SO-000012');
    expect(linePath({ kind: 'PURCHASE_ORDER', id: '3', number: 'PO000003' })).toBe('/purchasing/orders/PO000003');
    expect(linePath({ kind: 'PRODUCT', id: '3', number: 'SKU-1' })).toBeUndefined();
  });
  it('act where the work is done', () => {
    expect(actionPath('HOLDS_TO_RELEASE', { kind: 'SALES_ORDER', id: '12', number: 'SO-000012' })).toBe('/sales/credit-holds');
    expect(actionPath('ORDERS_TO_SUBMIT', { kind: 'PURCHASE_ORDER', id: '3', number: 'PO000003' })).toBe('/purchasing/orders?order=3');
    expect(actionPath('SHIPMENTS_TO_PICK', { kind: 'SHIPMENT', id: '7', number: 'SH-000007' })).toBe('/stock/shipments?shipment=7');
    expect(actionPath('PRICE_RISES', { kind: 'PRODUCT', id: '7', number: 'SKU' })).toBe('/purchasing/suppliers');
  });
});
