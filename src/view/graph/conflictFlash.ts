/** How a node flashes after a conflict, as a pure function of the simulated time since it. */

/** How long, in simulated ms, a node stays marked after its latest conflict. */
export const FLASH_MS = 2400;
const PULSES = 3;
/** How far, in graph units, each pulse's ring grows beyond the node. */
const GROW = 10;

export interface Flash {
  /** 0 hides the ring. */
  readonly opacity: number;
  readonly grow: number;
}

const HIDDEN: Flash = { opacity: 0, grow: 0 };

/**
 * The ring `elapsed` simulated ms after a conflict: pulses that fade out, or, with reduced motion, a
 * steady ring for the same span. Paused time freezes it; stepping moves it on.
 */
export function flashAt(elapsed: number, reducedMotion: boolean): Flash {
  if (!(elapsed >= 0) || elapsed >= FLASH_MS) return HIDDEN;
  if (reducedMotion) return { opacity: 1, grow: 0 };
  const t = elapsed / FLASH_MS;
  const phase = (t * PULSES) % 1;
  return { opacity: (1 - t) * (1 - 0.6 * phase), grow: GROW * phase };
}
