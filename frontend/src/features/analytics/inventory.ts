import Big from 'big.js';
import { dec } from '../../lib/decimal';
import { levelKey, type LevelRow } from '../stock/liveStock';

/**
 * The stock levels the dashboard knows, per product x warehouse, and their
 * total value. A change replaces one level; the total moves by
 * (new value - old value), so it never needs re-adding.
 */
export interface InventoryState {
  levels: ReadonlyMap<string, LevelRow>;
  total: Big;
}

export function fromLevels(levels: readonly LevelRow[]): InventoryState {
  const m = new Map<string, LevelRow>();
  let total = new Big(0);
  for (const l of levels) {
    const k = levelKey(l);
    const old = m.get(k);
    if (old) total = total.minus(dec(old.value));
    m.set(k, l);
    total = total.plus(dec(l.value));
  }
  return { levels: m, total };
}

export function applyChange(state: InventoryState, level: LevelRow): InventoryState {
  const k = levelKey(level);
  const old = state.levels.get(k);
  const levels = new Map(state.levels);
  levels.set(k, level);
  return { levels, total: state.total.minus(dec(old?.value)).plus(dec(level.value)) };
}

export interface Slice {
  key: string;
  label: string;
  value: Big;
}

/** Sums value by a grouping (category, warehouse), largest first. */
export function valueBy(state: InventoryState, group: (l: LevelRow) => { key: string; label: string }): Slice[] {
  const m = new Map<string, Slice>();
  for (const l of state.levels.values()) {
    const g = group(l);
    const s = m.get(g.key) ?? { ...g, value: new Big(0) };
    s.value = s.value.plus(dec(l.value));
    m.set(g.key, s);
  }
  return [...m.values()].sort((a, b) => b.value.cmp(a.value));
}
