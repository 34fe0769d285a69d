import { describe, expect, it } from 'vitest';
import { daysToExpiry, expiryState } from './expiry';

describe('expiry', () => {
  it('counts whole days to the expiry, across months and years', () => {
    expect(daysToExpiry('2026-12-19', '2026-12-07')).toBe(12);
    expect(daysToExpiry('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysToExpiry('2026-12-06', '2026-12-07')).toBe(-1);
    expect(daysToExpiry(null, '2026-12-07')).toBeUndefined();
  });
  it('flags expired and within the alert days like the server', () => {
    expect(expiryState(-1, 30)).toBe('EXPIRED');
    expect(expiryState(0, 30)).toBe('SOON');
    expect(expiryState(30, 30)).toBe('SOON');
    expect(expiryState(31, 30)).toBe('OK');
    expect(expiryState(undefined, 30)).toBe('NONE');
  });
});
