import { describe, expect, it } from 'vitest';
import { alignedAxes, daysSince, hasMonthlyData, listedValue, marginPercent, monthLabel, monthlyTotals, niceCeil, periodLength, sellerLabel } from './analytics';

const m = (month: string, sales: string, cogs: string, grossMargin: string | null = null) => ({
  month,
  sales,
  cogs,
  grossProfit: (Number(sales) - Number(cogs)).toFixed(2),
  grossMargin,
});

describe('monthly sales', () => {
  it('has data only when some month sold or cost something', () => {
    expect(hasMonthlyData([])).toBe(false);
    expect(hasMonthlyData([m('2026-01', '0', '0'), m('2026-02', '0.00', '0')])).toBe(false);
    expect(hasMonthlyData([m('2026-01', '0', '0'), m('2026-02', '-339.1', '-439.69')])).toBe(true);
  });
  it('totals the months exactly, returns included', () => {
    const rows = [
      { month: '2026-06', sales: '6481.35', cogs: '4477.36', grossProfit: '2003.99' },
      { month: '2026-07', sales: '85851.1', cogs: '61840.17', grossProfit: '24010.93' },
      { month: '2026-11', sales: '-339.1', cogs: '-439.69', grossProfit: '100.59' },
      { month: '2026-12', sales: '0.1', cogs: '0', grossProfit: '0.2' },
    ];
    const t = monthlyTotals(rows);
    expect(t.sales.toString()).toBe('91993.45');
    expect(t.grossProfit.toString()).toBe('26115.71');
    expect(monthlyTotals([m('2026-01', '0', '0')]).grossMargin).toBeNull();
  });
  it('shows margins as percent, null as a gap', () => {
    expect(marginPercent('0.2797')).toBe(27.97);
    expect(marginPercent('-0.29665')).toBe(-29.67);
    expect(marginPercent(null)).toBeNull();
  });
  it('labels months in both languages', () => {
    expect(monthLabel('2026-07', 'zh')).toBe('2026年7月');
    expect(monthLabel('2026-07', 'en')).toBe('Jul 2026');
    expect(monthLabel('bad', 'en')).toBe('bad');
  });
});

describe('top sellers and slow movers', () => {
  it('uses the English label in English when there is one', () => {
    expect(sellerLabel({ label: '大家电', labelEn: 'Major appliances' }, 'en')).toBe('Major appliances');
    expect(sellerLabel({ label: '大家电', labelEn: 'Major appliances' }, 'zh')).toBe('大家电');
    expect(sellerLabel({ label: '未分类', labelEn: ' ' }, 'en')).toBe('未分类');
  });
  it('sums the listed value exactly', () => {
    expect(listedValue([{ value: '0.1' }, { value: '0.2' }, { value: '399300' }]).toString()).toBe('399300.3');
  });
  it('counts days since the last sale', () => {
    expect(daysSince('2026-08-25', new Date(2026, 10, 23))).toBe(90);
    expect(daysSince(null)).toBeNull();
  });
});

describe('aligned axes', () => {
  it('rounds intervals up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([niceCeil(0.3), niceCeil(1.7), niceCeil(2.2), niceCeil(30000), niceCeil(31000)]).toEqual([0.5, 2, 2.5, 50000, 50000]);
  });
  it('puts zero on the same grid line of both axes', () => {
    const [l, r] = alignedAxes([0, 6481, 124684, -339], [30.92, 24.57, -29.66])!;
    expect(l.min / l.interval).toBe(r.min / r.interval);
    expect(l.max).toBeGreaterThanOrEqual(124684);
    expect(r.min).toBeLessThanOrEqual(-29.66);
    expect(r.max).toBeGreaterThanOrEqual(30.92);
  });
  it('starts at zero when nothing is negative, and leaves empty data to the chart', () => {
    expect(alignedAxes([10, 90], [20, 31])).toEqual([
      { min: 0, max: 100, interval: 20 },
      { min: 0, max: 50, interval: 10 },
    ]);
    expect(alignedAxes([0], [])).toBeNull();
  });
});

describe('periodLength', () => {
  it('counts whole months and the days left, not the months touched', () => {
    expect(periodLength('2026-01-05', '2026-12-07')).toEqual({ days: 337, months: 11, rest: 3 });
    expect(periodLength('2026-01-01', '2026-12-31')).toEqual({ days: 365, months: 12, rest: 0 });
    expect(periodLength('2026-01-01', '2026-01-31')).toEqual({ days: 31, months: 1, rest: 0 });
    expect(periodLength('2026-02-10', '2026-02-20')).toEqual({ days: 11, months: 0, rest: 11 });
    expect(periodLength('2025-12-07', '2026-12-07')).toEqual({ days: 366, months: 12, rest: 1 });
  });
});
