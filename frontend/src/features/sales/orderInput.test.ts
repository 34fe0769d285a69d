import { describe, expect, it } from 'vitest';
import { discountInRange, lineNet, mapOrderIssues, percentToFraction, toOrderInput } from './orderInput';

describe('order input', () => {
  it('converts percent to fractions exactly', () => {
    expect(percentToFraction('5')).toBe('0.05');
    expect(percentToFraction('13')).toBe('0.13');
    expect(percentToFraction('')).toBeUndefined();
  });

  it('leaves lines without a product out and remembers form rows', () => {
    const { input, rows } = toOrderInput({ customerId: '4', lines: [{ productId: '1', quantity: '2' }, {}, { productId: '3', quantity: '', discountPercent: '10' }] });
    expect(rows).toEqual([0, 2]);
    expect(input.lines).toEqual([
      { productId: '1', quantity: '2', unitPrice: undefined, discountRate: undefined, vatRate: undefined },
      { productId: '3', quantity: '0', unitPrice: undefined, discountRate: '0.1', vatRate: undefined },
    ]);
  });

  it('maps violations to form rows and percent fields; conflicts are warnings', () => {
    const { fields, general } = mapOrderIssues(
      [
        { code: 'INVALID', field: 'input.lines.1.discountRate', message: 'discount' },
        { code: 'CONFLICT', field: 'input.lines.1.quantity', message: 'only 3 available' },
        { code: 'CONFLICT', field: 'input.customerId', message: 'credit hold' },
        { code: 'INVALID', field: null, message: 'closed period' },
      ],
      [0, 2],
      3,
    );
    expect(fields.get('lines.2.discountPercent')).toEqual({ messages: ['discount'], warning: false });
    expect(fields.get('lines.2.quantity')).toEqual({ messages: ['only 3 available'], warning: true });
    expect(fields.get('customerId')?.warning).toBe(true);
    expect(general).toEqual(['closed period']);
  });

  it('computes a line net half-up', () => {
    expect(lineNet({ quantity: '3', unitPrice: '0.335', discountPercent: '0' }).toFixed(2)).toBe('1.01');
    expect(lineNet({ quantity: '2', unitPrice: '100', discountPercent: '5' }).toFixed(2)).toBe('190.00');
  });

  it('allows a discount from 0 to below 100 %; a line out of range has no discount in its net', () => {
    expect(['', '0', '5', '99.99'].map(discountInRange)).toEqual([true, true, true, true]);
    expect(['150', '100', '-1'].map(discountInRange)).toEqual([false, false, false]);
    expect(lineNet({ productId: '1', quantity: '2', unitPrice: '100', discountPercent: '150' }).toString()).toBe('200');
    expect(lineNet({ productId: '1', quantity: '2', unitPrice: '100', discountPercent: '10' }).toString()).toBe('180');
  });
});
