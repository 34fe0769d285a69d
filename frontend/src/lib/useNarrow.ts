import { useSyncExternalStore } from 'react';

/** Below this width (px) the app is on a phone or handheld: the menu is a drawer and warehouse users get the handheld screens. */
export const NARROW_MAX = 767;
const QUERY = `(max-width: ${NARROW_MAX}px)`;

function media(): MediaQueryList | null {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
}

function subscribe(onChange: () => void): () => void {
  const m = media();
  if (!m) return () => {};
  m.addEventListener('change', onChange);
  return () => m.removeEventListener('change', onChange);
}

/** Whether the screen is narrow (a phone or PDA); known on the first render, so nothing jumps. */
export function isNarrow(): boolean {
  return media()?.matches ?? false;
}

export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, isNarrow, () => false);
}
