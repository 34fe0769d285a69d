import { useRef } from 'react';

/**
 * A query's data, or while it fetches for new variables (another period, the
 * other ranking), the data it had before: sections do not blink out and in.
 */
export function useKept<T>(data: T | undefined, fetching: boolean): T | undefined {
  const kept = useRef<T | undefined>(undefined);
  if (data !== undefined) kept.current = data;
  return data ?? (fetching ? kept.current : undefined);
}
