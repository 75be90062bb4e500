/** Reads a lab store that is not the one in context (compare mode's other side). */
import { useSyncExternalStore } from 'react';
import type { LabState, LabStore } from '../../store/index.ts';

export function useStoreOf<T>(store: LabStore, selector: (state: LabState) => T): T {
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getInitialState()),
  );
}
