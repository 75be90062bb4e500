/** Engine slice: the mirrored snapshot, recent events and the outcome of the last user action. */
import type { EngineEvent, Snapshot } from '../../engine/index.ts';
import type { PresetName } from '../presetName.ts';

export type StatusTone = 'info' | 'ok' | 'warn' | 'error';

/** A short sentence about the last user action's result, shown in a role="status" region. */
export interface StatusMessage {
  readonly text: string;
  readonly tone: StatusTone;
}

export interface EngineSlice {
  readonly snapshot: Snapshot;
  readonly presetName: PresetName;
  readonly scenarioName: string;
  /** The engine's last events, oldest first (at most EVENTS_KEPT). */
  readonly events: readonly EngineEvent[];
  /** The message of the last engine call that threw, if the user has not acted since. */
  readonly error: string | null;
  readonly status: StatusMessage | null;
}

export const EVENTS_KEPT = 50;

export function createEngineSlice(initial: Omit<EngineSlice, 'error' | 'status'>): EngineSlice {
  return { ...initial, error: null, status: null };
}
