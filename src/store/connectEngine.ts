/** The only bridge to the engine: owns the Simulation, implements LabActions, mirrors snapshots. */
import {
  DEFAULTS,
  ScenarioError,
  createSimulation,
  dict,
  parseScenario,
  standbyNamesLoaded,
  persistenceLoaded,
  loadPresetData,
  presetScenario,
  type ConflictRecord,
  type Metrics,
  type MessageRecord,
  type OperationRecord,
  type ScenarioInput,
  type Simulation,
} from '../engine/index.ts';
import { createNodeCommands, type Run } from './commands.ts';
import { CONFLICTS_KEPT, NO_CONFLICTS, conflictsByNode, ledgerSignature, resolverFor } from './conflicts.ts';
import {
  createLabStore,
  type LabActions,
  type LabOptions,
  type SeekPreview,
  type LabState,
  type SpaceTimeData,
  type LabStore,
} from './labStore.ts';
import { fieldProblem } from './fields.ts';
import { errorMessage, writeStatus } from './opText.ts';
import type { PresetName } from './presetName.ts';
import { loadPartsFor, recordRun, startReplay, type Replay, type RunRecord } from './run.ts';
import { BRANCHES_KEPT, ORIGINAL_BRANCH, branchId, branchLabel } from './timeline/branches.ts';
import { formatSeconds } from './timeline/markers.ts';
import { loadConfigureParts } from './timeline/settingWords.ts';
import { Track } from './timeline/track.ts';
import {
  NO_WORKLOAD,
  conflictResolutionOf,
  mergeSettings,
  failoverOf,
  networkOf,
  replicationOf,
  scenarioFor,
  configureOptionsFor,
  settingsAfter,
  presetSettings,
  workloadOf,
  type LabDefaults,
  settingsOfRun,
  workloadRuns,
  type LabSettings,
  type SettingsPatch,
} from './settings.ts';
import {
  EVENTS_KEPT,
  FAILOVERS_KEPT,
  LOST_KEPT,
  type BranchView,
  type EngineMirror,
  type LoadReport,
  type OpReach,
  type TimelineView,
} from './slices/engineSlice.ts';
import { clampSpeed } from './slices/playbackSlice.ts';

const REPLAY_FAILED = 'The run in this link could not be replayed, so the default scenario opened instead.';

type Patch = { -readonly [K in keyof LabState]?: LabState[K] };

/** The network and workload the lab gives a preset that has none of its own. */
function labDefaults(options: LabOptions): LabDefaults {
  return {
    network: {
      latencyMs: DEFAULTS.latencyMs,
      jitterMs: DEFAULTS.jitterMs,
      ...options.network,
    },
    workload: { ...NO_WORKLOAD, ...options.workload },
  };
}

function initialSettings(options: LabOptions): LabSettings {
  // A preset with a network or workload of its own (regions) keeps them over the lab's defaults.
  const preset = presetSettings(options.preset, {
    replication: replicationOf(options.preset),
    failover: failoverOf(options.preset),
    conflictResolution: conflictResolutionOf(options.preset),
    ...labDefaults(options),
  });
  return {
    ...preset,
    replication: { ...preset.replication, ...options.replication },
    failover: { ...preset.failover, ...options.failover },
  };
}

/** Whether checkpoints can be taken: the engine's save and restore, loaded after the first frame. */
function checkpointsReady(): boolean {
  if (persistenceLoaded()) return true;
  void import('./timeline/persistence.ts').then(({ loadPersistence }) => loadPersistence());
  return false;
}

/** The head of a new run of `input`, checkpointed from its creation. */
function headOf(sim: Simulation, input: ScenarioInput): Track {
  return Track.head(sim, () => createSimulation(input), checkpointsReady);
}

/**
 * Starts `input` (a scenario with the lab's settings applied) and the lab's background workload, with
 * its first chart sample taken.
 */
function startSimulation(input: ScenarioInput, settings: LabSettings): Track {
  const sim = createSimulation(input);
  const track = headOf(sim, input);
  if (workloadRuns(settings.workload)) sim.startWorkload(settings.workload);
  track.advance(0);
  return track;
}

/** The lost writes' ledger (the newest) and, per node, how many writes it acknowledged and lost. */
function lostMirror(sim: Simulation): Pick<EngineMirror, 'lostWrites' | 'lostByNode'> {
  const lost = sim.history().filter((op) => op.lost === true);
  const lostByNode = dict<number>();
  for (const op of lost) lostByNode[op.nodeId] = (lostByNode[op.nodeId] ?? 0) + 1;
  return { lostWrites: lost.slice(-LOST_KEPT), lostByNode };
}

type ConflictMirror = Pick<EngineMirror, 'conflicts' | 'conflictsByNode' | 'conflictLedger'>;

function conflictMirror(all: readonly ConflictRecord[], signature = ledgerSignature(all)): ConflictMirror {
  return {
    conflicts: all.slice(-CONFLICTS_KEPT),
    conflictsByNode: conflictsByNode(all),
    conflictLedger: signature,
  };
}

/** The ledger again, only if it changed since `signature` (a new conflict, a detection elsewhere, a merge). */
function changedConflicts(sim: Simulation, count: number, signature: string): ConflictMirror | null {
  if (count === 0 && signature === NO_CONFLICTS) return null;
  const all = sim.conflicts();
  const next = ledgerSignature(all);
  return next === signature ? null : conflictMirror(all, next);
}

/** What the store shows of `shown`'s simulation: everything that changes as it runs or is sought. */
function shownMirror(
  shown: Track,
): Omit<EngineMirror, 'presetName' | 'scenarioName' | 'scenario' | 'imported' | 'settings' | 'timeline'> {
  const sim = shown.sim;
  return {
    snapshot: sim.snapshot(),
    events: shown.events.slice(-EVENTS_KEPT),
    backups: sim.backups(),
    ...lostMirror(sim),
    failovers: sim.failovers().slice(-FAILOVERS_KEPT),
    ...conflictMirror(sim.conflicts()),
    series: shown.recorder.series(),
  };
}

function mirror(
  shown: Track,
  preset: PresetName,
  settings: LabSettings,
  timeline: TimelineView,
  base: ScenarioInput = presetScenario(preset),
  imported = false,
): EngineMirror {
  return {
    ...shownMirror(shown),
    presetName: preset,
    scenarioName: base.name ?? 'Untitled scenario',
    scenario: base,
    imported,
    settings: settingsAfter(settings, shown.sim.commands(), workloadOf(base)),
    timeline,
  };
}

/**
 * Why `patch` cannot change the run in place and starts it over, or null when it can: a multi-primary
 * group keeps the replication mode it formed with. (Failover settings change in the run: the engine
 * starts, pauses or resumes the failover manager.)
 */
function startsOver(state: LabState, patch: SettingsPatch): string | null {
  const mode = patch.replication?.mode;
  if (
    state.snapshot.replication.multiPrimary &&
    mode !== undefined &&
    mode !== state.settings.replication.mode
  )
    return 'a group of masters keeps the replication mode it formed with';
  return null;
}

/** A branch kept: its head and how the timeline names it. */
interface Branch extends Omit<BranchView, 'end'> {
  readonly head: Track;
}

/** The timeline of a lab that shows `shown` of the branch `current` (one of `branches`). */
function timelineOf(branches: readonly Branch[], current: Branch, shown: Track): TimelineView {
  return {
    live: shown === current.head,
    start: current.head.start(),
    end: current.head.sim.now(),
    markers: current.head.markers,
    branches: branches.map(({ id, label, forkedAt, head }) => ({ id, label, forkedAt, end: head.sim.now() })),
    branch: current.id,
  };
}

/** Whether the failover records may have changed: a new one, more writes lost, a recovery, a split brain. */
function failoversChanged(before: Metrics, after: Metrics): boolean {
  return (
    before.failovers !== after.failovers ||
    before.lostWrites !== after.lostWrites ||
    before.splitBrain !== after.splitBrain ||
    before.lastFailover?.rtoMs !== after.lastFailover?.rtoMs
  );
}

/** A simulation to put in place of the running one, with what the store shows about it. */
interface Fresh {
  readonly track: Track;
  readonly preset: PresetName;
  readonly settings: LabSettings;
  /** The scenario before settings apply: a preset's, or one loaded from a link or file. */
  readonly base: ScenarioInput;
  /** Exactly what `track` was created from. */
  readonly input: ScenarioInput;
  /** Whether the scenario came from outside (a file, a link) rather than a preset. */
  readonly imported: boolean;
}

/** A fresh run starts with nothing selected, picked or failed. */
const NOTHING_PICKED = {
  selectedId: null,
  selectedLink: null,
  selectedOpId: null,
  selectedConflictId: null,
  inspectedOp: null,
  opReach: null,
  error: null,
} as const;

/** Where a write has arrived, by node id; null for anything but a committed write. */
function reachOf(sim: Simulation, opId: number): OpReach | null {
  const reach = sim.writeReach(opId);
  return reach.length === 0 ? null : dict(reach.map((r) => [r.nodeId, r.state]));
}

function sameReach(a: OpReach | null, b: OpReach | null): boolean {
  if (a === null || b === null) return a === b;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** Whether two copies of an operation record say the same about its outcome. */
function sameOutcome(a: OperationRecord | null, b: OperationRecord | null): boolean {
  return (
    a?.id === b?.id &&
    a?.status === b?.status &&
    a?.endedAt === b?.endedAt &&
    a?.lost === b?.lost &&
    a?.overwrittenByConflict === b?.overwrittenByConflict
  );
}

/**
 * Engine tasks a scrub's preview replays at most (about 5 ms on the 2-core machine): past it, a drag shows
 * the checkpoint's instant before the pointer, and the exact one when it ends.
 */
const PREVIEW_TASKS = 1_500;

/** Wall time a replay may take before the lab appears (or a load returns), ms; longer ones go on in slices. */
const REPLAY_AT_ONCE_MS = 50;
/** Wall time each later slice of a replay may take, ms: the page stays responsive between them. */
const REPLAY_SLICE_MS = 40;

/** A replay that samples, marks and checkpoints the run it makes (`track`), for time travel over it. */
interface TrackedReplay extends Replay {
  readonly track: Track;
}

function replayWithTrack(run: RunRecord): TrackedReplay {
  let track: Track | undefined;
  const replay = startReplay(run, undefined, (sim) => {
    track = headOf(sim, run.scenario);
    return track.replayHooks();
  });
  if (track === undefined) throw new Error('the replay made no simulation');
  const made = track;
  return {
    step: (budgetMs) => replay.step(budgetMs),
    get progress() {
      return replay.progress;
    },
    get result() {
      return replay.result;
    },
    track: made,
  };
}

/**
 * The simulation a lab starts with: `options.run` replayed, or the preset with its settings. A run too
 * long to replay at once starts the preset, and the replay goes on in slices (`pending`).
 */
function firstSimulation(options: LabOptions) {
  const { run } = options;
  let problems: readonly string[] = [];
  let pending: TrackedReplay | undefined;
  if (run !== undefined) {
    const replay = replayWithTrack(run);
    if (replay.step(REPLAY_AT_ONCE_MS)) {
      const replayed = replay.result;
      if (replayed?.ok === true) {
        const settings = settingsOfRun(run);
        return { track: replay.track, base: run.scenario, settings, input: run.scenario, problems, pending };
      }
      problems = replayed?.problems ?? [];
    } else pending = replay;
  }
  const settings = initialSettings(options);
  const base: ScenarioInput = presetScenario(options.preset);
  const input = scenarioFor(base, settings);
  return { track: startSimulation(input, settings), base, settings, input, problems, pending };
}

/**
 * Loads the engine's parts `createLab(options)` needs for its first simulation that the first frame leaves
 * out (see `loadPartsFor`), or null when it needs none.
 */
export function loadPartsForLab(options: LabOptions): Promise<void> | null {
  const data = loadPresetData(options.preset);
  if (data !== null) return data.then(() => loadPartsForLab(options) ?? undefined);
  const preset = loadPartsFor({
    scenario: scenarioFor(presetScenario(options.preset), initialSettings(options)),
  });
  const run = options.run === undefined ? null : loadPartsFor(options.run);
  return preset === null && run === null ? null : Promise.all([preset, run]).then(() => undefined);
}

/**
 * Creates the simulation for `options.preset` (or `options.run`) and a store whose actions drive it.
 * The engine's parts it needs must be loaded first (`loadPartsForLab`).
 */
export function createLab(options: LabOptions): LabStore {
  const first = firstSimulation(options);
  /** The branch shown, its head, and the instant shown (the head itself while live). */
  let branches: Branch[] = [{ ...ORIGINAL_BRANCH, head: first.track }];
  let branchesMade = 1;
  let current: Branch = branches[0] as Branch;
  let shown: Track = first.track;
  /** The shown simulation and its charts' recorder (`shown`'s). */
  let sim = shown.sim;
  /** The scenario the lab runs before settings apply: a preset's, or one loaded from a link or file. */
  let base = first.base;
  /** The settings the run started with; the shown instant's are these changed by its commands. */
  let startSettings = first.settings;
  /** The simulation and command count the store's settings were last worked out for. */
  let settingsOf: Simulation | undefined = first.track.sim;
  let settingsCounted = first.track.sim.commands().length;
  let spaceTimeCache:
    { readonly sim: Simulation; readonly key: string; readonly data: SpaceTimeData } | undefined;
  /** Exactly what the running simulation was created from, for links and files. */
  let input = first.input;
  const replayed = first.problems.length === 0 && first.pending === undefined ? options.run : undefined;
  const firstPreset = replayed?.preset ?? options.preset;
  const imported = replayed !== undefined && replayed.preset === undefined;
  let watchedWrite: number | null = null;
  /** The preset last asked for, so one whose data arrives late does not replace a later choice. */
  let presetAsked: PresetName | undefined;
  /** The replay under way, if any, and whether the lab was playing when it began. */
  let replaying: { readonly wasPlaying: boolean; readonly stop: () => void } | undefined;
  let resume: (() => void) | undefined;
  /** Who waits for which operation of the running simulation to settle (`onSettled`). */
  const settling = new Map<number, Set<(op: OperationRecord | null) => void>>();
  /** Tells everyone waiting on an operation that has settled; with `gone`, tells everyone: the run ended. */
  const settle = (gone = false): void => {
    if (settling.size === 0) return;
    const done: [Set<(op: OperationRecord | null) => void>, OperationRecord | null][] = [];
    for (const [opId, waiting] of settling) {
      const op = gone ? undefined : sim.op(opId);
      if (!gone && op?.status === 'pending') continue;
      settling.delete(opId);
      done.push([waiting, op ?? null]);
    }
    for (const [waiting, op] of done) for (const settled of waiting) settled(op);
  };

  const report: LoadReport | null =
    first.problems.length > 0
      ? { title: REPLAY_FAILED, problems: [...first.problems, ...(options.report?.problems ?? [])] }
      : (options.report ?? null);
  const initial = {
    ...mirror(shown, firstPreset, first.settings, timelineOf(branches, current, shown), base, imported),
    loadReport: report,
  };
  const store = createLabStore(initial, options, (set, get) => {
    /** Copies the engine's state into the store, only where something changed. */
    const sync = (extra: Patch = {}): void => {
      const snapshot = sim.snapshot();
      const state = get();
      const patch: Patch = { ...extra };
      if (snapshot.time !== state.simTime) patch.simTime = snapshot.time;
      if (snapshot.version !== state.snapshot.version) {
        patch.snapshot = snapshot;
        patch.events = shown.events.slice(-EVENTS_KEPT);
        const series = shown.recorder.series();
        if (series !== state.series) patch.series = series;
        if (snapshot.metrics.lostWrites !== state.snapshot.metrics.lostWrites) {
          Object.assign(patch, lostMirror(sim));
        }
        if (failoversChanged(state.snapshot.metrics, snapshot.metrics))
          patch.failovers = sim.failovers().slice(-FAILOVERS_KEPT);
        const conflicts = changedConflicts(sim, snapshot.metrics.conflicts, state.conflictLedger);
        if (conflicts !== null) Object.assign(patch, conflicts);
        if (state.selectedOpId !== null) {
          const op = sim.op(state.selectedOpId) ?? null;
          if (!sameOutcome(op, state.inspectedOp)) patch.inspectedOp = op;
          const reach = reachOf(sim, state.selectedOpId);
          if (!sameReach(reach, state.opReach)) patch.opReach = reach;
        }
        const backups = sim.backups();
        if (backups.length !== state.backups.length) patch.backups = backups;
        Object.assign(patch, settingsChanged());
      }
      if (current.head.markers !== state.timeline.markers) patch.timeline = timeline();
      if (watchedWrite !== null) {
        const op = sim.op(watchedWrite);
        if (op !== undefined && op.status !== 'pending') {
          patch.status = writeStatus(op);
          watchedWrite = null;
        }
      }
      if (Object.keys(patch).length > 0) set(patch);
      settle();
    };

    /** Runs a user command; a thrown SimulationError becomes a visible message, never a crash. */
    const timeline = (): TimelineView => timelineOf(branches, current, shown);

    /**
     * The settings at the instant shown, when they changed: a run changes them with `configure` and its
     * workload commands, so they are looked at again only when the shown run's commands did.
     */
    const settingsChanged = (): Patch => {
      const commands = sim.commands();
      if (commands.length === settingsCounted && sim === settingsOf) return {};
      settingsCounted = commands.length;
      settingsOf = sim;
      const settings = settingsAfter(startSettings, commands, workloadOf(base));
      return JSON.stringify(settings) === JSON.stringify(get().settings) ? {} : { settings };
    };

    /** Shows `track` (the head, or an instant sought from it): everything the store mirrors follows. */
    const show = (track: Track, extra: Patch = {}): void => {
      settle(true);
      shown = track;
      sim = track.sim;
      watchedWrite = null;
      const state = get();
      const nodes = new Set(sim.nodes().map((n) => n.id));
      const op = state.selectedOpId === null ? undefined : sim.op(state.selectedOpId);
      set({
        ...shownMirror(track),
        simTime: sim.now(),
        timeline: timeline(),
        ...settingsChanged(),
        ...(state.selectedId !== null && !nodes.has(state.selectedId) ? { selectedId: null } : {}),
        ...(state.selectedLink !== null &&
        !(nodes.has(state.selectedLink.from) && nodes.has(state.selectedLink.to))
          ? { selectedLink: null }
          : {}),
        ...(op === undefined
          ? { selectedOpId: null, inspectedOp: null, opReach: null }
          : { inspectedOp: op, opReach: reachOf(sim, op.id) }),
        ...extra,
      });
    };

    /**
     * The shown instant, sought from the past, took a command the branch never had: it becomes the head
     * of a new branch, and the branch it left keeps its future.
     */
    const fork = (): string => {
      const from = current;
      const at = sim.now();
      shown.branchFrom(from.head);
      const id = branchId(branchesMade++);
      const command = sim.commands().at(-1);
      const label =
        command === undefined ? `${id}: a branch at ${formatSeconds(at)}` : branchLabel(id, command, at);
      current = { id, label, forkedAt: at, head: shown };
      branches.push(current);
      // The oldest branch other than the new one and the one it left goes first.
      while (branches.length > BRANCHES_KEPT) {
        const drop = branches.findIndex((b) => b !== current && b !== from);
        branches.splice(drop, 1);
      }
      branches = [...branches];
      return label;
    };

    const run: Run = (what, command) => {
      const past = shown !== current.head;
      const before = past ? sim.commands().length : 0;
      try {
        const status = command(sim);
        shown.noted();
        const changed = settingsChanged();
        if (past && sim.commands().length > before) {
          const label = fork();
          const text = `New branch ${label}; the future you left is kept (Branch).`;
          sync({
            ...changed,
            error: null,
            timeline: timeline(),
            status: status === null ? { tone: 'info', text } : { ...status, text: `${text} ${status.text}` },
          });
        } else sync({ ...changed, error: null, status });
      } catch (error) {
        const message = errorMessage(error);
        sync({ error: message, status: { tone: 'error', text: `${what} failed: ${message}.` } });
      }
    };

    /**
     * The lab's one start-over (a reset, a preset, settings, a scenario, a replayed run): whoever waits on
     * the old run hears it ended, and the store mirrors `fresh` with nothing picked.
     */
    const startOver = (fresh: Fresh, done: string | null, extra: Patch = {}): void => {
      settle(true);
      shown = fresh.track;
      sim = shown.sim;
      current = { ...ORIGINAL_BRANCH, head: shown };
      branches = [current];
      branchesMade = 1;
      base = fresh.base;
      startSettings = fresh.settings;
      settingsOf = undefined;
      input = fresh.input;
      watchedWrite = null;
      set({
        ...mirror(shown, fresh.preset, fresh.settings, timeline(), fresh.base, fresh.imported),
        simTime: sim.now(),
        ...NOTHING_PICKED,
        status: done === null ? null : { tone: 'info', text: done },
        ...extra,
      });
    };

    const load = (
      preset: PresetName,
      next: LabSettings,
      done: string | null,
      from: ScenarioInput = base,
      waited = false,
    ): boolean => {
      const imported = get().imported && from === base;
      try {
        const scenario = scenarioFor(from, next);
        const loading = waited ? null : loadPartsFor({ scenario });
        if (loading !== null) {
          // A part of the engine it needs (automatic failover) is still on its way: the lab keeps its run
          // until it is in. The scenario is checked now, so a bad one is refused at once (but for names of
          // synchronous standbys while their parser is on its way: checked once it is in).
          if (standbyNamesLoaded()) parseScenario(scenario);
          void loading.then(() => load(preset, next, done, from, true));
          return true;
        }
        const started = startSimulation(scenario, next);
        startOver({ track: started, preset, settings: next, base: from, input: scenario, imported }, done);
        return true;
      } catch (error) {
        const message = errorMessage(error);
        set({ error: message, status: { tone: 'error', text: `Loading ${preset} failed: ${message}` } });
        return false;
      }
    };

    /** Puts a replayed run in place of the current one. */
    const adopt = (run: RunRecord, replayed: Track, done: string | null): void => {
      const fresh: Fresh = {
        track: replayed,
        preset: run.preset ?? get().presetName,
        settings: settingsOfRun(run),
        base: run.scenario,
        input: run.scenario,
        imported: run.preset === undefined,
      };
      startOver(fresh, done, { loadReport: null });
    };

    /** Ends a replay: the run in place, or its problems reported and the lab's run kept. */
    const finish = (run: RunRecord, replay: TrackedReplay, done: string | null): boolean => {
      const result = replay.result;
      if (result?.ok === true) {
        adopt(run, replay.track, done);
        if (run.at !== undefined) seek(run.at);
        return true;
      }
      set({
        loadReport: { title: 'The run could not be replayed.', problems: result?.problems ?? [] },
      });
      return false;
    };

    /**
     * Replays at once what fits in REPLAY_AT_ONCE_MS, the rest in slices between which the page
     * paints and listens (a progress bar and Cancel show meanwhile). A new load supersedes one under way.
     */
    const continueReplay = (
      run: RunRecord,
      replay: TrackedReplay,
      done: string | null,
      atOnceMs = REPLAY_AT_ONCE_MS,
    ): Promise<boolean> => {
      if (replaying !== undefined) {
        replaying.stop();
        replaying = undefined;
      }
      if (replay.step(atOnceMs)) {
        set({ replaying: null });
        return Promise.resolve(finish(run, replay, done));
      }
      return new Promise((resolve) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const progress = () => ({ progress: replay.progress, at: replay.progress * run.time, of: run.time });
        const current = {
          wasPlaying: get().playing,
          stop: () => {
            if (timer !== undefined) clearTimeout(timer);
            resolve(false);
          },
        };
        replaying = current;
        set({ playing: false, replaying: progress() });
        const slice = () => {
          timer = undefined;
          if (replaying !== current) return;
          if (!replay.step(REPLAY_SLICE_MS)) {
            set({ replaying: progress() });
            timer = setTimeout(slice, 0);
            return;
          }
          replaying = undefined;
          set({ replaying: null, playing: current.wasPlaying });
          resolve(finish(run, replay, done));
        };
        timer = setTimeout(slice, 0);
      });
    };

    /** The instant of the branch's next command after the one shown, if the past is shown. */
    const nextCommandAt = (): number =>
      current.head.sim.commands()[sim.commands().length]?.at ?? Number.POSITIVE_INFINITY;

    /** Plays the past forward to `to`, as the branch ran it; at the branch's end the lab is live again. */
    const forward = (to: number): void => {
      const head = current.head;
      if (to >= head.sim.now()) show(head);
      else shown.follow(head, to);
    };

    /**
     * Shows the branch at `t` (ms), paused. Past the end shows the end, saying so; a time that is no
     * number of ms from the start is refused with a message, and nothing changes. False when refused.
     */
    const seek = (t: unknown, options: SeekPreview = {}): boolean => {
      const head = current.head;
      const start = head.start();
      const end = head.sim.now();
      if (typeof t !== 'number' || !Number.isFinite(t) || t < start) {
        const what = typeof t === 'string' ? JSON.stringify(t) : String(t);
        set({
          status: {
            tone: 'error',
            text: `Cannot show ${what}: a time is a number of simulated ms from ${start} to ${Math.floor(end)} (the run's end).`,
          },
        });
        return false;
      }
      const patch: Patch = { playing: false };
      if (t > end)
        patch.status = {
          tone: 'info',
          text: `${formatSeconds(t)} is past the run's end: showing its end, ${formatSeconds(end)}.`,
        };
      if (t >= end) show(head, patch);
      else show(head.seek(t, options.preview === true ? { maxTasks: PREVIEW_TASKS } : {}), patch);
      return true;
    };

    const commands = createNodeCommands({
      run,
      get,
      watchWrite: (opId) => {
        watchedWrite = opId;
      },
      follow: (opId) => {
        set({ selectedOpId: opId, inspectedOp: sim.op(opId) ?? null, opReach: reachOf(sim, opId) });
      },
    });

    const actions: LabActions = {
      ...commands,
      tick: (simMs) => {
        if (simMs <= 0) return;
        try {
          if (shown === current.head) shown.advance(simMs);
          else forward(sim.now() + simMs);
          sync();
        } catch (error) {
          const message = errorMessage(error);
          sync({ playing: false, error: message, status: { tone: 'error', text: message } });
        }
      },
      play: () => {
        set({ playing: true });
      },
      pause: () => {
        set({ playing: false });
      },
      togglePlay: () => {
        set((s) => ({ playing: !s.playing }));
      },
      setSpeed: (speed) => {
        set({ speed: clampSpeed(speed) });
      },
      stepToNextEvent: () => {
        set({ playing: false });
        if (shown !== current.head) {
          const next = Math.min(sim.nextEventAt() ?? Infinity, nextCommandAt());
          forward(Number.isFinite(next) ? next : current.head.sim.now());
          sync();
          return;
        }
        run('Step', (s) => {
          const next = s.nextEventAt();
          if (next === undefined) return { tone: 'info', text: 'Nothing is pending: no event to step to.' };
          shown.advance(Math.max(0, next - s.now()));
          return null;
        });
      },
      seek: (t, options) => {
        seek(t, options);
      },
      goLive: () => {
        if (shown !== current.head) show(current.head);
      },
      stepBack: () => {
        set({ playing: false });
        const now = sim.now();
        const events = shown.events;
        let at: number | undefined;
        for (let i = events.length - 1; i >= 0; i--) {
          const event = events[i];
          if (event !== undefined && event.at < now) {
            at = event.at;
            break;
          }
        }
        const start = current.head.start();
        if (now <= start) {
          set({
            status: { tone: 'info', text: 'This is the start of the run: there is no earlier instant.' },
          });
          return;
        }
        seek(Math.max(start, at ?? start));
      },
      seekMarker: (direction) => {
        set({ playing: false });
        const now = sim.now();
        const markers = current.head.markers;
        const target = direction < 0 ? markers.findLast((m) => m.at < now) : markers.find((m) => m.at > now);
        if (target === undefined) {
          set({
            status: {
              tone: 'info',
              text: direction < 0 ? 'No marker before this instant.' : 'No marker after this instant.',
            },
          });
          return;
        }
        seek(target.at);
      },
      switchBranch: (id) => {
        const branch = branches.find((b) => b.id === id);
        if (branch === undefined || branch === current) return;
        const t = sim.now();
        current = branch;
        if (t >= branch.head.sim.now()) show(branch.head);
        else seek(t);
      },
      reset: () => {
        load(get().presetName, get().settings, null);
      },
      loadPreset: (preset) => {
        presetAsked = preset;
        const data = loadPresetData(preset);
        if (data !== null) {
          // Its data is on its way (a regional preset): the lab keeps its run until it is in, unless
          // another preset is asked for meanwhile.
          void data.then(() => {
            if (presetAsked === preset) get().actions.loadPreset(preset);
          });
          return;
        }
        const { settings, presetName } = get();
        load(
          preset,
          presetSettings(preset, settings, labDefaults(options), presetName),
          null,
          presetScenario(preset),
        );
      },
      loadScenario: (scenario, { preset, workload }) => {
        const next: LabSettings = {
          replication: replicationOf(scenario),
          network: networkOf(scenario),
          failover: failoverOf(scenario),
          workload: { ...NO_WORKLOAD, ...workload },
          conflictResolution: conflictResolutionOf(scenario),
        };
        return load(preset, next, null, { ...scenario, replication: { ...scenario.replication } });
      },
      loadRun: (run, done = null) => {
        const loading = loadPartsFor(run);
        if (loading === null) return continueReplay(run, replayWithTrack(run), done);
        return loading.then(() => continueReplay(run, replayWithTrack(run), done));
      },
      cancelReplay: () => {
        if (replaying === undefined) return;
        replaying.stop();
        set({
          replaying: null,
          playing: replaying.wasPlaying,
          status: { tone: 'info', text: 'Replay cancelled: the lab kept the run it had.' },
        });
        replaying = undefined;
      },
      showLoadReport: (loadReport) => {
        set({ loadReport });
      },
      currentRun: () => {
        const state = get();
        const recorded = recordRun(current.head.sim, input, state.imported ? undefined : state.presetName);
        return shown === current.head ? recorded : { ...recorded, at: sim.now() };
      },
      spaceTime: (from, to) => {
        // One fetch per state of the shown run and window: the diagram asks every frame while it plays.
        // Each part is made when first read (a frame of the diagram reads the messages of one stretch
        // and the operations of another).
        const key = `${sim.now()}|${sim.snapshot().version}|${from}|${to}`;
        if (spaceTimeCache?.sim === sim && spaceTimeCache.key === key) return spaceTimeCache.data;
        const of = sim;
        let messages: readonly MessageRecord[] | undefined;
        let operations: readonly OperationRecord[] | undefined;
        const data: SpaceTimeData = {
          get messages() {
            return (messages ??= of.messages({ from, to }));
          },
          get operations() {
            return (operations ??= of.history().filter((op) => {
              const at = op.endedAt ?? op.startedAt;
              return at >= from && at <= to;
            }));
          },
        };
        spaceTimeCache = { sim, key, data };
        return data;
      },
      readShown: (read) => read(sim),
      applySettings: (patch) => {
        const next = mergeSettings(get().settings, patch);
        load(get().presetName, next, 'Settings applied: the simulation started over with them.');
      },
      changeSettings: function changeSettings(patch) {
        const state = get();
        const next = mergeSettings(state.settings, patch);
        const restart = startsOver(state, patch);
        if (restart !== null) {
          if (shown === current.head) {
            load(
              state.presetName,
              next,
              `Settings applied: the simulation started over with them (${restart}).`,
            );
            return;
          }
          const text = `${restart}: go Live to change them, and the run starts over with them.`;
          set({ error: text, status: { tone: 'error', text: `Changing the settings failed: ${text}` } });
          return;
        }
        const options = configureOptionsFor(state.settings, next);
        const workload = JSON.stringify(next.workload) !== JSON.stringify(state.settings.workload);
        if (options === null && !workload) return;
        const loading = options === null ? null : loadConfigureParts();
        if (loading !== null) {
          // The Settings panel loads the engine's `configure` with its body; a change before that waits for it.
          void loading.then(
            () => {
              changeSettings(patch);
            },
            (error: unknown) => {
              const text = `Changing the settings failed: ${errorMessage(error)}`;
              set({ error: errorMessage(error), status: { tone: 'error', text } });
            },
          );
          return;
        }
        run('Changing the settings', (s) => {
          if (options !== null) s.configure(options);
          if (workload) {
            if (workloadRuns(next.workload)) s.startWorkload(next.workload);
            else s.stopWorkload();
          }
          return {
            tone: 'info',
            text: `Settings applied at ${formatSeconds(s.now())}: the run carries on with them.`,
          };
        });
      },
      settingsProblems: (patch) => {
        try {
          parseScenario(scenarioFor(base, mergeSettings(get().settings, patch)));
          return [];
        } catch (error) {
          return error instanceof ScenarioError ? error.problems : [errorMessage(error)];
        }
      },
      resolveConflict: (conflictId, value) => {
        run(`Resolving conflict #${conflictId}`, (s) => {
          const problem = fieldProblem('value', value);
          if (problem !== null) throw new Error(`value: ${problem}`);
          const record = s.conflicts().find((c) => c.id === conflictId);
          if (record === undefined) throw new Error(`there is no conflict #${conflictId}`);
          const where = resolverFor(s.nodes(), record);
          if ('problem' in where) throw new Error(where.problem);
          s.resolve(where.nodeId, record.key, value);
          return {
            tone: 'info',
            text: `${where.nodeId} is merging the siblings of ${record.key} into "${value}": a write that has seen them all, which replicates to the other primaries.`,
          };
        });
      },
      dismissStatus: () => {
        set({ status: null, error: null });
      },
      onSettled: (opId, settled) => {
        const waiting = settling.get(opId) ?? new Set();
        settling.set(opId, waiting);
        waiting.add(settled);
        settle();
        return () => {
          waiting.delete(settled);
          if (waiting.size === 0 && settling.get(opId) === waiting) settling.delete(opId);
        };
      },
      inspectOp: (opId) => {
        const op = opId === null ? undefined : sim.op(opId);
        if (op === undefined) {
          set({ selectedOpId: null, inspectedOp: null, opReach: null });
          return;
        }
        set({
          selectedOpId: op.id,
          inspectedOp: op,
          opReach: reachOf(sim, op.id),
          selectedId: op.nodeId,
          selectedLink: null,
        });
      },
    };
    const { run: linked } = options;
    const { pending } = first;
    // Finishing a replay clears the banner; the link's own problems (ignored options, a bad `at`) stay up.
    if (linked !== undefined && pending !== undefined)
      resume = () =>
        void continueReplay(linked, pending, null, 0).then((loaded) => {
          if (loaded && report !== null) set({ loadReport: report });
        });
    return actions;
  });
  // A link's run replayed before the first frame opens at the instant it showed (a longer one, on `finish`).
  if (replayed?.at !== undefined) store.getState().actions.seek(replayed.at);
  // A link's run too long to replay before the first frame goes on once the lab is up.
  resume?.();
  return store;
}
