import { useCallback, useRef, useState } from 'react';

/**
 * The counts per line of a pick or receipt, readable at once: a fast
 * scanner can send the next code before React has re-rendered, so each scan
 * counts from the ref, never from a render's (possibly stale) copy.
 */
export function useCounts() {
  const [counts, setState] = useState<string[]>([]);
  const ref = useRef<string[]>(counts);
  const set = useCallback((next: string[]) => {
    ref.current = next;
    setState(next);
  }, []);
  return { counts, current: () => ref.current, set };
}
