import { describe, expect, it } from 'vitest';
import { compareDecimals, formatDecimal, formatMoney, formatQty, isDecimal, sumDecimals } from './decimal';

describe('decimal formatting', () => {
  it('formats money with separators and 2 decimals, half-up', () => {
    expect(formatMoney('1234567.5')).toBe('1,234,567.50');
    expect(formatMoney('0.005')).toBe('0.01');
    expect(formatMoney('-1000')).toBe('-1,000.00');
    expect(formatMoney('-0.001')).toBe('0.00');
    expect(formatMoney('2799')).toBe('2,799.00');
    expect(formatMoney(undefined)).toBe('0.00');
  });
  it('keeps digits a float would lose', () => {
    expect(formatMoney('123456789012345678.91')).toBe('123,456,789,012,345,678.91');
    expect(sumDecimals(['0.1', '0.2']).toString()).toBe('0.3');
  });
  it('formats quantities without trailing zeros', () => {
    expect(formatQty('1200.5000')).toBe('1,200.5');
    expect(formatQty('39')).toBe('39');
    expect(formatQty('-0.25')).toBe('-0.25');
  });
  it('formats with other precisions', () => {
    expect(formatDecimal('14.3', 6)).toBe('14.300000');
  });
  it('compares and validates', () => {
    expect(compareDecimals('10', '9.99')).toBe(1);
    expect(compareDecimals('1.0', '1')).toBe(0);
    expect(isDecimal('12.5')).toBe(true);
    expect(isDecimal('1e5')).toBe(false);
    expect(isDecimal('')).toBe(false);
  });
});
