import { describe, expect, it } from 'vitest';
import { defaultPeriods, formatChange, formatKpi, kpiChange, KPI_ROWS } from './kpi';

describe('formatKpi', () => {
  it('shows null as a dash, never 0', () => {
    expect(formatKpi(null, 'percent')).toBe('—');
    expect(formatKpi(null, 'days')).toBe('—');
    expect(formatKpi('0', 'days')).toBe('0.0');
  });
  it('shows margins (fractions) as percent', () => {
    expect(formatKpi('0.2845', 'percent')).toBe('28.5%');
    expect(formatKpi('-0.05', 'percent')).toBe('-5.0%');
  });
  it('formats money exactly', () => {
    expect(formatKpi('13000000.005', 'money')).toBe('13,000,000.01');
  });
});

describe('kpiChange', () => {
  const def = (key: string) => KPI_ROWS.find((r) => r.key === key)!;
  it('higher sales is better, with the relative change', () => {
    const ch = kpiChange('13000000', '10000000', def('sales'))!;
    expect(ch.verdict).toBe('better');
    expect(formatChange(ch, 'money', 'pp')).toBe('+3,000,000.00 (+30.0%)');
  });
  it('lower DIO, DSO and cash cycle is better; lower DPO is worse', () => {
    expect(kpiChange('40', '60', def('dio'))!.verdict).toBe('better');
    expect(kpiChange('40', '60', def('dso'))!.verdict).toBe('better');
    expect(kpiChange('60', '90', def('cashConversionCycle'))!.verdict).toBe('better');
    expect(kpiChange('20', '30', def('dpo'))!.verdict).toBe('worse');
  });
  it('lower unit cost is better, higher satisfaction is better (the case study: 80 -> 72, 70 % -> 90 %)', () => {
    expect(kpiChange('72', '80', def('unitCost'))!.verdict).toBe('better');
    expect(kpiChange('0.9', '0.7', def('customerSatisfaction'))!.verdict).toBe('better');
    expect(formatKpi('0.9', 'percent')).toBe('90.0%');
  });
  it('margins change in percentage points', () => {
    const ch = kpiChange('0.15', '0.08', def('netMargin'))!;
    expect(ch.verdict).toBe('better');
    expect(formatChange(ch, 'percent', 'pp')).toBe('+7.0 pp');
  });
  it('has no change when a side is null', () => {
    expect(kpiChange(null, '1', def('dio'))).toBeNull();
    expect(formatChange(null, 'days', 'pp')).toBe('—');
  });
  it('no relative change against zero', () => {
    expect(kpiChange('5', '0', def('sales'))!.relative).toBeNull();
  });
  it('neutral figures get no verdict', () => {
    expect(kpiChange('5', '4', def('cogs'))!.verdict).toBe('neutral');
    expect(kpiChange('5', '5', def('sales'))!.verdict).toBe('same');
  });
});

describe('defaultPeriods', () => {
  it('is this year to date against the same span last year', () => {
    expect(defaultPeriods(new Date(2026, 10, 23))).toEqual({ from: '2026-01-01', to: '2026-11-23', compareFrom: '2025-01-01', compareTo: '2025-11-23' });
    expect(defaultPeriods(new Date(2028, 1, 29)).compareTo).toBe('2027-02-28');
  });
});
