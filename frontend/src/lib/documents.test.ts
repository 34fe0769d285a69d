import { describe, expect, it } from 'vitest';
import { documentPath, documentRoute } from './documents';

describe('documentPath', () => {
  it('opens a document by its business number', () => {
    expect(documentPath('SALES_INVOICE', 'SI-000047')).toBe('/sales/invoices/SI-000047');
    expect(documentPath('PURCHASE_RECEIPT', 'GR000012')).toBe('/stock/receipts/GR000012');
  });
  it('escapes a voucher number for the URL', () => {
    expect(documentPath('MANUAL_ENTRY', '记-2026-11-0001')).toBe(`/finance/vouchers/${encodeURIComponent('记-2026-11-0001')}`);
  });
  it('has no page for a document without a number', () => {
    expect(documentPath('SHIPMENT', null)).toBeUndefined();
    expect(documentPath('SHIPMENT', '')).toBeUndefined();
  });
  it('gives routes.ts the pattern of a detail page', () => {
    expect(documentRoute('SALES_ORDER')).toBe('/sales/orders/:number');
  });
});
