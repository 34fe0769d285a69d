import { describe, expect, it } from 'vitest';
import { applyChange, fromLevels, valueBy } from './inventory';
import type { LevelRow } from '../stock/liveStock';

const lvl = (p: string, w: string, value: string, cat = 'A'): LevelRow => ({
  onHand: '1',
  reserved: '0',
  available: '1',
  inTransitIn: '0',
  value,
  averageCost: value,
  product: { id: p, sku: p, name: p, nameEn: p, unit: '个', reorderPoint: '0', category: { id: cat, code: cat, name: cat, nameEn: cat } },
  warehouse: { id: w, code: `W${w}`, name: `W${w}`, region: 'r' },
});

describe('inventory value', () => {
  it('sums the levels exactly', () => {
    const s = fromLevels([lvl('1', '1', '0.10'), lvl('2', '1', '0.20'), lvl('1', '2', '100.005')]);
    expect(s.total.toString()).toBe('100.305');
  });

  it('moves the total by new minus old for a known level, and adds a new one', () => {
    let s = fromLevels([lvl('1', '1', '1000.00'), lvl('2', '1', '250.50')]);
    s = applyChange(s, lvl('1', '1', '1250.75'));
    expect(s.total.toString()).toBe('1501.25');
    s = applyChange(s, lvl('3', '2', '10'));
    expect(s.total.toString()).toBe('1511.25');
    s = applyChange(s, lvl('3', '2', '0'));
    expect(s.total.toString()).toBe('1501.25');
    expect(s.levels.size).toBe(3);
  });

  it('does not change the state it was given', () => {
    const s = fromLevels([lvl('1', '1', '5')]);
    applyChange(s, lvl('1', '1', '7'));
    expect(s.total.toString()).toBe('5');
  });

  it('groups value, largest first', () => {
    const s = fromLevels([lvl('1', '1', '5', 'A'), lvl('2', '1', '7', 'B'), lvl('3', '2', '4', 'A')]);
    const byCat = valueBy(s, (l) => ({ key: l.product.category!.id, label: l.product.category!.name }));
    expect(byCat.map((x) => [x.key, x.value.toString()])).toEqual([
      ['A', '9'],
      ['B', '7'],
    ]);
  });
});
