import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { isoDate, todayISO, yearMonth } from './date';

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
  it('give today in the local zone', () => {
    expect(todayISO()).toBe(dayjs().format('YYYY-MM-DD'));
  });
});
