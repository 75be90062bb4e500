/** Engine slice: the mirrored snapshot, recent events, backups, lost writes and the last action's outcome. */
import type { Backup, EngineEvent, OperationRecord, Snapshot } from '../../engine/index.ts';
import type { PresetName } from '../presetName.ts';
import type { LabSettings } from '../settings.ts';

export type StatusTone = 'info' | 'ok' | 'warn' | 'error';

/**
 * A short sentence about the last user action's result, shown in a role="status" region. Written
 * with the engine's words (primary/replica); the view translates them to the chosen vocabulary.
 */
export interface StatusMessage {
  readonly text: string;
  readonly tone: StatusTone;
}

/** Problems found in a link, file or message, each as "path: what is wrong". */
export interface LoadReport {
  readonly title: string;
  readonly problems: readonly string[];
}

export interface EngineSlice {
  readonly snapshot: Snapshot;
  readonly presetName: PresetName;
  readonly scenarioName: string;
  /** The scenario came from a link, file or host page rather than from the preset named above. */
  readonly imported: boolean;
  /** What was wrong with the last link, file or message that tried to load a run. */
  readonly loadReport: LoadReport | null;
  /** The settings the running simulation was built with. */
  readonly settings: LabSettings;
  /** The engine's last events, oldest first (at most EVENTS_KEPT). */
  readonly events: readonly EngineEvent[];
  readonly backups: readonly Backup[];
  /** Acknowledged writes later lost in a failover, newest last (at most LOST_KEPT). */
  readonly lostWrites: readonly OperationRecord[];
  /** The message of the last engine call that threw, if the user has not acted since. */
  readonly error: string | null;
  readonly status: StatusMessage | null;
}

export const EVENTS_KEPT = 50;
export const LOST_KEPT = 20;

export type EngineMirror = Omit<EngineSlice, 'error' | 'status' | 'loadReport'>;

export function createEngineSlice(
  initial: EngineMirror & { readonly loadReport?: LoadReport | null },
): EngineSlice {
  return { loadReport: null, ...initial, error: null, status: null };
}
