import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { companyToday, isoDate, todayISO, yearMonth } from './date';

describe('date helpers', () => {
  it('format a picked date for the wire and keep none as none', () => {
    expect(isoDate(dayjs('2026-03-07'))).toBe('2026-03-07');
    expect(isoDate(null)).toBeUndefined();
    expect(isoDate(undefined)).toBeUndefined();
  });
  it('name a fiscal month with two digits', () => {
    expect(yearMonth({ year: 2026, month: 3 })).toBe('2026-03');
    expect(yearMonth({ year: 2026, month: 12 })).toBe('2026-12');
  });
  it("give today in the company's zone (UTC+8), whatever the browser's", () => {
    // 19:35 UTC on 4 December is 03:35 on 5 December in Beijing.
    expect(todayISO(new Date('2026-12-04T19:35:00Z'))).toBe('2026-12-05');
    expect(todayISO(new Date('2026-12-04T15:59:59Z'))).toBe('2026-12-04');
    expect(todayISO(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(isoDate(companyToday(new Date('2026-12-04T19:35:00Z')))).toBe('2026-12-05');
  });
});
