import { useSyncExternalStore } from 'react';

/** The state of the subscription websocket, shown by the live indicator. */
export type LiveState = 'connecting' | 'live' | 'offline';

let state: LiveState = 'connecting';
const listeners = new Set<() => void>();

export function setLiveState(next: LiveState) {
  if (next === state) return;
  state = next;
  for (const l of listeners) l();
}

export function getLiveState(): LiveState {
  return state;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLiveState(): LiveState {
  return useSyncExternalStore(subscribe, getLiveState, getLiveState);
}

/** How long a screen waits after a live event before it asks the server again, so a burst of events costs one query. */
export const LIVE_REQUERY_DEBOUNCE_MS = 800;
