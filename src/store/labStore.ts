/** The one lab store: engine, playback and UI slices plus the actions that drive the engine. */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  MessageRecord,
  OperationRecord,
  ScenarioInput,
  Simulation,
  WorkloadOptions,
} from '../engine/index.ts';
import type { PresetName } from './presetName.ts';
import type { RunRecord } from './run.ts';
import type { LabSettings, SettingsPatch } from './settings.ts';
import {
  createEngineSlice,
  type EngineMirror,
  type EngineSlice,
  type LoadReport,
} from './slices/engineSlice.ts';
import { createPlaybackSlice, type PlaybackSlice } from './slices/playbackSlice.ts';
import {
  createUiSlice,
  type LinkRef,
  type ThemeSetting,
  type UiSlice,
  type VocabularyName,
} from './slices/uiSlice.ts';

/** Operator and client commands on nodes and links (implemented in commands.ts). */
export interface NodeCommands {
  /**
   * A client write: the operation as the engine recorded it when issued (it may already have failed: a
   * replica is read-only), or null when it never reached the engine (a key or value the lab refuses, an
   * unknown node); the status line says why either way.
   */
  readonly write: (
    nodeId: string,
    key: string,
    value: string,
    options?: { readonly insert?: boolean },
  ) => OperationRecord | null;
  /** Writes the next numbered key (user1 = hello1...) to `nodeId`, or to the first primary that is up. */
  readonly writeNext: (nodeId?: string) => void;
  /** Reads `key` (default: the last key the user wrote) on `nodeId`. */
  readonly read: (nodeId: string, key?: string) => void;
  readonly kill: (nodeId: string) => void;
  readonly restart: (nodeId: string) => void;
  readonly promote: (nodeId: string) => void;
  /** Adds a new replica streaming from `upstream`, with a fresh id in its style (in `region`, else upstream's). */
  readonly addReplica: (upstream: string, region?: string) => void;
  /** Gives a node a label people read (at most 32 characters; '' gives it its id back); its id stays. */
  readonly renameNode: (nodeId: string, label: string) => void;
  readonly removeNode: (nodeId: string) => void;
  readonly takeBackup: (nodeId: string) => void;
  /** Provisions a new node from a backup, streaming from the current primary. */
  readonly restoreBackup: (backupId: string) => void;
  /** Provisions a new primary from a backup, when none is up (a new timeline from the backup's LSN). */
  readonly provisionPrimary: (backupId: string) => void;
  readonly repoint: (nodeId: string, upstream: string) => void;
  /** Cuts the network between `regionIds` (one side) and every other region (`partitionRegions`). */
  readonly cutRegions: (regionIds: readonly string[]) => void;
  /** Partitions `nodeId` away from every other node. */
  readonly isolate: (nodeId: string) => void;
  /** Slows a node's disk tenfold (its fsyncs and replay), or gives it its normal disk back. */
  readonly slowDisk: (nodeId: string) => void;
  readonly fixDisk: (nodeId: string) => void;
  /** Source-source: restarts a stopped applier past its failed event, or re-copies the node from its source. */
  readonly skipEvent: (nodeId: string) => void;
  readonly resync: (nodeId: string) => void;
  /** Cuts a replication link: the downstream and its subtree lose the rest of the cluster. */
  readonly cutLink: (link: LinkRef) => void;
  readonly heal: () => void;
  readonly setLinkLatency: (link: LinkRef, ms: number) => void;
  /** Cuts every link between nodes in different groups (nodes in no group form one more group). */
  readonly partition: (groups: readonly (readonly string[])[]) => void;
  /** Starts (or changes) the background client workload without starting over. */
  readonly startWorkload: (options: Partial<WorkloadOptions>) => void;
  readonly stopWorkload: () => void;
  /** The running workload ten times as fast for five seconds (a recorded `burst`). */
  readonly burst: () => void;
}

/** A scrub's seek: `preview` may show an instant a little before the one asked (the last checkpoint's) when
 * the exact one would take long to replay; the drag's end seeks exactly. */
/** What the space-time diagram draws of a window of the shown run. */
export interface SpaceTimeData {
  readonly messages: readonly MessageRecord[];
  readonly operations: readonly OperationRecord[];
}

export interface SeekPreview {
  readonly preview?: boolean;
}

/** Everything the view may ask of the engine. Only connectEngine.ts (and its commands) implement these. */
export interface LabActions extends NodeCommands {
  /** Advances simulated time by `simMs` (the animation loop calls this every frame while playing). */
  readonly tick: (simMs: number) => void;
  readonly play: () => void;
  readonly pause: () => void;
  readonly togglePlay: () => void;
  readonly setSpeed: (speed: number) => void;
  /** Pauses and runs the simulation up to its next pending event. */
  readonly stepToNextEvent: () => void;
  /**
   * Shows the run's branch at simulated time `t` (ms), paused: every panel as it was live then. Past the
   * end shows the end (the status says so); a negative or non-numeric time is refused with a message.
   */
  readonly seek: (t: number, options?: SeekPreview) => void;
  /** Shows the branch's present again (the instant it moves on from). */
  readonly goLive: () => void;
  /** Pauses and shows the instant of the previous event in the log. */
  readonly stepBack: () => void;
  /** Pauses and shows the previous (-1) or next (1) marker's instant. */
  readonly seekMarker: (direction: -1 | 1) => void;
  /** Shows another branch, at the same instant when it reaches it (else at its end). */
  readonly switchBranch: (id: string) => void;
  /** Starts the current preset over, with the same settings. */
  readonly reset: () => void;
  /** Loads a preset: its nodes and replication settings, keeping network and workload settings. */
  readonly loadPreset: (name: PresetName) => void;
  /** Rebuilds the simulation from the current preset with changed settings (a Reset; lessons use it). */
  readonly applySettings: (patch: SettingsPatch) => void;
  /**
   * The Settings panel's change: in the run from the instant shown (a recorded `configure` or workload
   * command; in the past it forks a branch), or, for what a run cannot change in place (a group's
   * replication mode), a start-over while live and a refusal naming why in the past.
   */
  readonly changeSettings: (patch: SettingsPatch) => void;
  /** What the engine would refuse in the scenario `patch` makes (without applying it): "path: problem" each. */
  readonly settingsProblems: (patch: SettingsPatch) => readonly string[];
  /**
   * Merges the siblings of a conflict into `value` (Riak's resolution), on an up primary that holds them:
   * a recorded `resolve` command.
   */
  readonly resolveConflict: (conflictId: number, value: string) => void;
  /**
   * Starts `scenario` over (a lesson's), listed under `preset`; its replication and network become the
   * lab's settings, so Reset and the Settings panel carry on from it. False when the engine refuses it.
   */
  readonly loadScenario: (
    scenario: ScenarioInput,
    options: { readonly preset: PresetName; readonly workload?: Partial<WorkloadOptions> },
  ) => boolean;
  readonly dismissStatus: () => void;
  /**
   * Calls `settled` once operation `opId` of the running simulation is no longer pending (at once if it
   * is not), with the record as it ended; with null if the lab starts over first (a reset, a preset, a
   * loaded run), since that operation is then gone. Returns a function that stops waiting.
   */
  readonly onSettled: (opId: number, settled: (op: OperationRecord | null) => void) => () => void;
  /** Picks a client operation to inspect (its node is selected too); null clears the pick. */
  readonly inspectOp: (opId: number | null) => void;
  /**
   * Replays a validated run (from a link, a file or a host page) in place of the current one. A short
   * replay is done before this returns; a long one goes on a slice at a time (`replaying` shows how far),
   * and the lab keeps its run until it is done. Resolves false, with the problems in `loadReport`, when
   * the engine refuses a command, and false when the replay is cancelled or superseded.
   */
  readonly loadRun: (run: RunRecord, done?: string | null) => Promise<boolean>;
  /** Stops a replay under way; the lab keeps the run it had. */
  readonly cancelReplay: () => void;
  /** Shows (or, with null, dismisses) problems found in a link, file or message. */
  readonly showLoadReport: (report: LoadReport | null) => void;
  /** The run so far: scenario, command log and time, enough to reproduce it exactly. */
  readonly currentRun: () => RunRecord;
  /**
   * The shown run's message records and client operations that overlap [from, to] in simulated ms (what
   * the space-time diagram draws): messages sent by `to` and not settled before `from`, operations that
   * ended (or, pending, began) within it.
   */
  readonly spaceTime: (from: number, to: number) => SpaceTimeData;
  /**
   * `read` of the shown simulation, for headless readers (the comparison's figures, a lesson looking for
   * what the learner did in its command log): it must only read (a change would bypass the store and its command log).
   */
  readonly readShown: <T>(read: (sim: Simulation) => T) => T;
}

export type LabState = EngineSlice & PlaybackSlice & UiSlice & { readonly actions: LabActions };
export type LabStore = StoreApi<LabState>;

/** How a lab starts: which preset, whether it plays, and settings that differ from the preset's. */
export interface LabOptions {
  readonly preset: PresetName;
  readonly playing: boolean;
  readonly speed?: number;
  readonly workload?: Partial<WorkloadOptions>;
  readonly network?: Partial<LabSettings['network']>;
  readonly replication?: Partial<LabSettings['replication']>;
  readonly failover?: Partial<LabSettings['failover']>;
  readonly theme?: ThemeSetting;
  readonly vocabulary?: VocabularyName;
  /** A recorded run to replay instead of starting `preset` (a share link's). */
  readonly run?: RunRecord;
  /** Problems already found in the link the lab was opened with, shown in a banner. */
  readonly report?: LoadReport;
  readonly presenting?: boolean;
}

/** Builds the store from its slices; `makeActions` closes over the engine (see connectEngine). */
export function createLabStore(
  engine: EngineMirror & { readonly loadReport?: LoadReport | null },
  options: LabOptions,
  makeActions: (set: LabStore['setState'], get: LabStore['getState']) => LabActions,
): LabStore {
  return createStore<LabState>()((set, get) => ({
    ...createEngineSlice(engine),
    ...createPlaybackSlice({
      playing: options.playing,
      ...(options.speed === undefined ? {} : { speed: options.speed }),
      simTime: engine.snapshot.time,
    }),
    ...createUiSlice(set, {
      ...(options.theme === undefined ? {} : { theme: options.theme }),
      ...(options.vocabulary === undefined ? {} : { vocabulary: options.vocabulary }),
      ...(options.presenting === undefined ? {} : { presenting: options.presenting }),
    }),
    actions: makeActions(set, get),
  }));
}
