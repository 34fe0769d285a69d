import { useRef, useState } from 'react';
import { StockLevelsQuery } from '../stock/queries';
import { stockLevelStream, type LevelRow } from '../stock/liveStock';
import { fetchAllPages } from '../../lib/paging';
import { useLiveSnapshot } from '../../graphql/liveStream';
import { applyChange, fromLevels } from './inventory';

/**
 * Every stock level, loaded once and then kept current by stockLevelChanged
 * (see useLiveSnapshot): no polling, no change lost while loading, a reload
 * on resync. onEvent runs for every change (for tiles that re-query on
 * changes).
 */
export function useInventory(onEvent?: (level: LevelRow) => void) {
  const [lastChange, setLastChange] = useState<{ level: LevelRow; at: number } | null>(null);
  const onEventRef = useRef(onEvent);
  onEventRef.current = onEvent;

  const { state, error, reload } = useLiveSnapshot({
    stream: stockLevelStream,
    variables: { filter: null },
    rowOf: (c) => c.level ?? null,
    fetchAll: async (client) =>
      (
        await fetchAllPages<LevelRow>(async (after, first) => {
          const res = await client.query(StockLevelsQuery, { first, after }, { requestPolicy: 'network-only' }).toPromise();
          if (res.error || !res.data) throw res.error ?? new Error('no data');
          return res.data.stockLevels;
        })
      ).rows,
    build: fromLevels,
    apply: applyChange,
    onRow: (level) => {
      setLastChange({ level, at: Date.now() });
      onEventRef.current?.(level);
    },
  });

  return { state, error, lastChange, reload };
}
