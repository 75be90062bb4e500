/**
 * Engine slice: the mirrored snapshot, recent events, backups, failovers, lost writes, conflicts, chart series,
 * the inspected operation and the last action's outcome.
 */
import type {
  Backup,
  ConflictRecord,
  EngineEvent,
  FailoverRecord,
  OperationRecord,
  ScenarioInput,
  Snapshot,
  WriteReach,
} from '../../engine/index.ts';
import type { NodeConflicts } from '../conflicts.ts';
import type { Series } from '../series/series.ts';
import type { PresetName } from '../presetName.ts';
import type { LabSettings } from '../settings.ts';
import type { Marker } from '../timeline/markers.ts';

/** One branch of the run: the original, or a future the user made by acting in the past. */
export interface BranchView {
  /** "A", "B"...: the original run is A. */
  readonly id: string;
  /** What differs, e.g. "B: promoted db3 at 12.40 s". */
  readonly label: string;
  /** Where it left the branch it came from, simulated ms; null for the original run. */
  readonly forkedAt: number | null;
  /** Its furthest instant, simulated ms (for the branch shown while live, its time when last switched). */
  readonly end: number;
}

/** What the timeline shows: the branch, how far it goes, its markers, and whether the lab shows its present. */
export interface TimelineView {
  /** The lab shows the branch's furthest instant (the present), which the simulation moves on from. */
  readonly live: boolean;
  /** The earliest instant a seek reaches, simulated ms. */
  readonly start: number;
  /** The branch's furthest instant while the lab shows the past; while live, `simTime` is. */
  readonly end: number;
  /** The branch's markers, oldest first. */
  readonly markers: readonly Marker[];
  /** Every branch kept, the original first. */
  readonly branches: readonly BranchView[];
  /** The id of the branch shown. */
  readonly branch: string;
}

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

/** A run (from a link, a file or a host page) being replayed a slice at a time. */
export interface ReplayProgress {
  /** From 0 to 1, in simulated time. */
  readonly progress: number;
  /** The simulated time the replay has reached and the run's, ms. */
  readonly at: number;
  readonly of: number;
}

export interface EngineSlice {
  readonly snapshot: Snapshot;
  readonly presetName: PresetName;
  readonly scenarioName: string;
  /** The scenario the run started from (a preset's, a lesson's or an imported one), before the settings. */
  readonly scenario: ScenarioInput;
  /** The scenario came from a link, file or host page rather than from the preset named above. */
  readonly imported: boolean;
  /** What was wrong with the last link, file or message that tried to load a run. */
  readonly loadReport: LoadReport | null;
  /** A replay still under way (the lab shows its progress and a Cancel button); null otherwise. */
  readonly replaying: ReplayProgress | null;
  /** The settings the running simulation was built with. */
  readonly settings: LabSettings;
  /** The engine's last events, oldest first (at most EVENTS_KEPT). */
  readonly events: readonly EngineEvent[];
  readonly backups: readonly Backup[];
  /** Acknowledged writes later lost in a failover, newest last (at most LOST_KEPT). */
  readonly lostWrites: readonly OperationRecord[];
  /** Per node: how many acknowledged writes it took and then lost (all of them, not only the kept ones). */
  readonly lostByNode: Readonly<Record<string, number>>;
  /** The newest failovers (automatic, or a manual promotion), oldest first (at most FAILOVERS_KEPT). */
  readonly failovers: readonly FailoverRecord[];
  /** Multi-primary conflicts, each once, newest last (at most CONFLICTS_KEPT). */
  readonly conflicts: readonly ConflictRecord[];
  /** Per node: how many of the engine's retained conflicts it took part in, and when the latest was. */
  readonly conflictsByNode: Readonly<Record<string, NodeConflicts>>;
  /** Changes whenever the engine's conflict ledger does (see ledgerSignature). */
  readonly conflictLedger: string;
  /** The charts' series, sampled every BUCKET_MS of simulated time (a new object per sample). */
  readonly series: Series;
  /** The timeline: markers, branches, and whether the past is shown. */
  readonly timeline: TimelineView;
  /** The operation the user picked (from the event log or a ledger), as the engine records it now. */
  readonly inspectedOp: OperationRecord | null;
  /** Where the inspected write has arrived, by node id (null when no committed write is inspected). */
  readonly opReach: OpReach | null;
  /** The message of the last engine call that threw, if the user has not acted since. */
  readonly error: string | null;
  readonly status: StatusMessage | null;
}

export const EVENTS_KEPT = 400;
export const LOST_KEPT = 200;
/** The failover ledger keeps the newest (the engine's count, `metrics.failovers`, stays exact). */
export const FAILOVERS_KEPT = 100;

export type OpReach = Readonly<Record<string, WriteReach['state']>>;

export type EngineMirror = Omit<
  EngineSlice,
  'error' | 'status' | 'inspectedOp' | 'opReach' | 'loadReport' | 'replaying'
>;

export function createEngineSlice(
  initial: EngineMirror & { readonly loadReport?: LoadReport | null },
): EngineSlice {
  return {
    loadReport: null,
    ...initial,
    replaying: null,
    error: null,
    status: null,
    inspectedOp: null,
    opReach: null,
  };
}

/** The furthest instant of the branch shown: `simTime` while live. */
export function timelineEnd(state: { readonly timeline: TimelineView; readonly simTime: number }): number {
  return state.timeline.live ? state.simTime : state.timeline.end;
}
