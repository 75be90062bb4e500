/** Waiting for a lab's replay (tests and scripts): a run from a link may go on in slices after the lab opens. */
import type { StoreApi } from 'zustand';

/** Resolves once the lab is replaying nothing (at once if it is not replaying). */
export function replayed(store: StoreApi<{ readonly replaying: unknown }>): Promise<void> {
  return new Promise<void>((resolve) => {
    if (store.getState().replaying === null) {
      resolve();
      return;
    }
    const unsubscribe = store.subscribe((s) => {
      if (s.replaying !== null) return;
      unsubscribe();
      resolve();
    });
  });
}
