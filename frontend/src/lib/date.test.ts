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

describe('date and time for people', () => {
  it('write an instant in the company zone (UTC+8), one format per language', async () => {
    const { formatDate, formatDateTime, formatTime } = await import('./date');
    // 06:05:09 UTC is 14:05:09 in Beijing; 19:35 UTC on 4 December is already 5 December there.
    for (const locale of ['zh', 'en'] as const) {
      expect(formatDateTime('2026-11-03T06:05:09Z', locale)).toBe('2026-11-03 14:05');
      expect(formatDateTime('2026-11-03T06:05:09Z', locale, { seconds: true })).toBe('2026-11-03 14:05:09');
      expect(formatDate('2026-12-04T19:35:00Z', locale)).toBe('2026-12-05');
      expect(formatDateTime('2026-12-04T19:35:00+00:00', locale)).toBe('2026-12-05 03:35');
    }
    expect(formatTime(Date.parse('2026-11-03T06:05:09Z'))).toBe('14:05:09');
  });
  it('keep a business date as its day, and none as empty', async () => {
    const { formatDate, formatDateTime } = await import('./date');
    // A Date scalar has no zone: it must not shift to the day before or after.
    expect(formatDate('2026-01-01')).toBe('2026-01-01');
    expect(formatDate(null)).toBe('');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('not a time')).toBe('not a time');
  });
  it('name a month for charts per language', async () => {
    const { formatMonth } = await import('./date');
    expect(formatMonth('2026-07', 'zh')).toBe('2026年7月');
    expect(formatMonth('2026-07', 'en')).toBe('Jul 2026');
    expect(formatMonth('bad', 'en')).toBe('bad');
  });
});
