/** React access to the lab store: one store per lab, provided by the app shell. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { LabState, LabStore } from './labStore.ts';
import type { Subscribe } from './paced.ts';

export const LabStoreContext = createContext<LabStore | null>(null);

/**
 * Set around the panels (see `PanelPace`): their `useLabStore` selectors subscribe through it, so they
 * follow a playing simulation a few times a second instead of every frame.
 */
export const LabPaceContext = createContext<Subscribe | null>(null);

/** The store itself, for code that subscribes outside React renders (the message layer, the loop). */
export function useLabStoreApi(): LabStore {
  const store = useContext(LabStoreContext);
  if (store === null) throw new Error('useLabStore must be used inside <LabStoreContext value={store}>');
  return store;
}

/**
 * Selects from the lab store; the component re-renders only when the selected value changes (inside a
 * `LabPaceContext`, and only when it hears of the change: at once, or within the pace's interval).
 */
export function useLabStore<T>(selector: (state: LabState) => T): T {
  const store = useLabStoreApi();
  const subscribe = useContext(LabPaceContext) ?? store.subscribe;
  return useSyncExternalStore(
    subscribe,
    () => selector(store.getState()),
    () => selector(store.getInitialState()),
  );
}

/** The engine-driving actions (stable for the store's lifetime). */
export function useLabActions(): LabState['actions'] {
  return useLabStore((s) => s.actions);
}
