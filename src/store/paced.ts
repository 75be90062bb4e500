/**
 * A paced subscription to the lab store, for the panels. While the simulation plays, every animation
 * frame advances simulated time and changes the snapshot; the graph follows each frame, but text and
 * tables that change sixty times a second cannot be read, and re-rendering them each frame cost the
 * graph its frame rate. Through this subscription a listener hears time passing at most once every
 * `intervalMs` (the last change always arrives, at most `intervalMs` late); everything else (a pause,
 * a step, a command, a selection, a setting) it hears at once.
 */
import type { LabState, LabStore } from './labStore.ts';

/** How often the panels follow a playing simulation: four times a second. */
export const PANEL_INTERVAL_MS = 250;

export type Subscribe = (listener: () => void) => () => void;

export function pacedSubscribe(
  store: LabStore,
  intervalMs = PANEL_INTERVAL_MS,
  now: () => number = () => performance.now(),
): Subscribe {
  const listeners = new Set<() => void>();
  let unsubscribe: (() => void) | null = null;
  let lastFlush = -Infinity;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const cancelTimer = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  const flush = () => {
    cancelTimer();
    lastFlush = now();
    for (const listener of [...listeners]) listener();
  };
  const onChange = (state: LabState, previous: LabState) => {
    const timePassing = state.playing && previous.playing && state.simTime !== previous.simTime;
    const waited = now() - lastFlush;
    if (!timePassing || waited >= intervalMs) flush();
    else timer ??= setTimeout(flush, intervalMs - waited);
  };

  return (listener) => {
    listeners.add(listener);
    unsubscribe ??= store.subscribe(onChange);
    return () => {
      listeners.delete(listener);
      if (listeners.size > 0) return;
      unsubscribe?.();
      unsubscribe = null;
      cancelTimer();
    };
  };
}
