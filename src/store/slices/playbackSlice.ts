/** Playback slice: whether simulated time runs, how fast, and where it stands. */

export interface PlaybackSlice {
  readonly playing: boolean;
  /** Simulated ms per wall ms, within [MIN_SPEED, MAX_SPEED]. */
  readonly speed: number;
  /** The simulation's clock after the last tick, in simulated ms. */
  readonly simTime: number;
}

export const MIN_SPEED = 0.1;
export const MAX_SPEED = 10;

export function clampSpeed(speed: number): number {
  if (!Number.isFinite(speed)) return 1;
  return Math.min(MAX_SPEED, Math.max(MIN_SPEED, speed));
}

export function createPlaybackSlice(initial: {
  playing: boolean;
  speed?: number;
  simTime: number;
}): PlaybackSlice {
  return { playing: initial.playing, speed: clampSpeed(initial.speed ?? 1), simTime: initial.simTime };
}
