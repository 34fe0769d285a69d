import { describe, expect, it } from 'vitest';
import { AGE_KEYS, BUCKETS, agingBars, anyOpen, overdueOf } from './aging';
import { translate } from '../../i18n';

const open = { notDue: '100.00', days1To30: '20.00', days31To60: '0.00', days61To90: '5.50', over90: '1.25', total: '126.75' };

describe('aging buckets', () => {
  it('count what is past due exactly, without the not-due part', () => {
    expect(overdueOf(open).toFixed(2)).toBe('26.75');
    expect(anyOpen(open)).toBe(true);
    expect(anyOpen({ notDue: '0', days1To30: '0', days31To60: '0', days61To90: '0', over90: '0', total: '0.00' })).toBe(false);
  });
  it('chart the five age buckets in order with their labels, not the total', () => {
    const bars = agingBars((k, p) => translate('zh', k, p), open);
    expect(bars.map((b) => b.amount)).toEqual(['100.00', '20.00', '0.00', '5.50', '1.25']);
    expect(bars[0].label).toBe('未到期');
    expect(AGE_KEYS).toHaveLength(5);
    expect(BUCKETS.at(-1)?.key).toBe('total');
  });
});
