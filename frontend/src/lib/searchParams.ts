import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The URL's search params and a setter of one of them: a value sets it,
 * none removes it; the others stay.
 */
export function useSearchParam() {
  const [params, setParams] = useSearchParams();
  const setParam = useCallback(
    (key: string, value: string | null | undefined) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      }),
    [setParams],
  );
  return [params, setParam] as const;
}
