/** React access to the lab store: one store per lab, provided by the app shell. */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { LabState, LabStore } from './labStore.ts';

export const LabStoreContext = createContext<LabStore | null>(null);

/** The store itself, for code that subscribes outside React renders (the message layer, the loop). */
export function useLabStoreApi(): LabStore {
  const store = useContext(LabStoreContext);
  if (store === null) throw new Error('useLabStore must be used inside <LabStoreContext value={store}>');
  return store;
}

/** Selects from the lab store; the component re-renders only when the selected value changes. */
export function useLabStore<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStoreApi(), selector);
}

/** The engine-driving actions (stable for the store's lifetime). */
export function useLabActions(): LabState['actions'] {
  return useLabStore((s) => s.actions);
}
