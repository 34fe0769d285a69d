import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { StockLevelsQuery } from '../warehouse/queries';
import { useStockLevelChanges, type LevelRow } from '../warehouse/liveStock';
import { fetchAllPages } from '../../lib/paging';
import { applyChange, fromLevels, type InventoryState } from './inventory';

/**
 * Every stock level, loaded once and then kept current by stockLevelChanged:
 * no polling. The subscription starts before the load; events that arrive
 * while it runs are applied after it, in order, so none is lost. On resync
 * the levels are loaded again. onEvent runs for every change (for tiles that
 * re-query on changes).
 */
export function useInventory(onEvent?: (level: LevelRow) => void) {
  const client = useClient();
  const [state, setState] = useState<InventoryState | null>(null);
  const [error, setError] = useState<string>();
  const [lastChange, setLastChange] = useState<{ level: LevelRow; at: number } | null>(null);
  const pending = useRef<LevelRow[] | null>([]);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  // Declared before the load effect, so it subscribes first.
  useStockLevelChanges(null, {
    onLevel: (level) => {
      if (pending.current) pending.current.push(level);
      else setState((s) => (s ? applyChange(s, level) : s));
      setLastChange({ level, at: Date.now() });
      onEventRef.current?.(level);
    },
    onResync: () => void load(),
  });

  const load = useCallback(async () => {
    pending.current = [];
    try {
      const { rows } = await fetchAllPages<LevelRow>(async (after, first) => {
        const res = await client.query(StockLevelsQuery, { first, after }, { requestPolicy: 'network-only' }).toPromise();
        if (res.error || !res.data) throw res.error ?? new Error('no data');
        return res.data.stockLevels;
      });
      let s = fromLevels(rows);
      for (const l of pending.current ?? []) s = applyChange(s, l);
      setState(s);
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      pending.current = null;
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  return { state, error, lastChange, reload: load };
}
