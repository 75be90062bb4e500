/** The only bridge to the engine: owns the Simulation, implements LabActions, mirrors snapshots. */
import {
  ScenarioError,
  createSimulation,
  dict,
  parseScenario,
  presets,
  type ConflictRecord,
  type Metrics,
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
  type LabState,
  type LabStore,
} from './labStore.ts';
import { fieldProblem } from './fields.ts';
import { errorMessage, writeStatus } from './opText.ts';
import type { PresetName } from './presetName.ts';
import { recordRun, startReplay, type Replay, type RunRecord } from './run.ts';
import {
  NO_WORKLOAD,
  conflictResolutionOf,
  mergeSettings,
  failoverOf,
  networkOf,
  replicationOf,
  scenarioFor,
  settingsOfRun,
  workloadRuns,
  type LabSettings,
} from './settings.ts';
import { SeriesRecorder, advanceRecorded } from './series/series.ts';
import {
  EVENTS_KEPT,
  FAILOVERS_KEPT,
  LOST_KEPT,
  type EngineMirror,
  type LoadReport,
  type OpReach,
} from './slices/engineSlice.ts';
import { clampSpeed } from './slices/playbackSlice.ts';

const REPLAY_FAILED = 'The run in this link could not be replayed, so the default scenario opened instead.';

type Patch = { -readonly [K in keyof LabState]?: LabState[K] };

function initialSettings(options: LabOptions): LabSettings {
  return {
    replication: { ...replicationOf(options.preset), ...options.replication },
    network: { ...networkOf(options.preset), ...options.network },
    failover: { ...failoverOf(options.preset), ...options.failover },
    workload: { ...NO_WORKLOAD, ...options.workload },
    conflictResolution: conflictResolutionOf(options.preset),
  };
}

/** Starts `input` (a scenario with the lab's settings applied) and the lab's background workload. */
function startSimulation(input: ScenarioInput, settings: LabSettings): Simulation {
  const sim = createSimulation(input);
  if (workloadRuns(settings.workload)) sim.startWorkload(settings.workload);
  return sim;
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

function mirror(
  sim: Simulation,
  preset: PresetName,
  settings: LabSettings,
  recorder: SeriesRecorder,
  base: ScenarioInput = presets[preset],
  imported = false,
): EngineMirror {
  return {
    snapshot: sim.snapshot(),
    presetName: preset,
    scenarioName: base.name ?? 'Untitled scenario',
    scenario: base,
    imported,
    settings,
    events: sim.events().slice(-EVENTS_KEPT),
    backups: sim.backups(),
    ...lostMirror(sim),
    failovers: sim.failovers().slice(-FAILOVERS_KEPT),
    ...conflictMirror(sim.conflicts()),
    series: recorder.series(),
  };
}

/** A recorder that has taken its first sample, at the simulation's start. */
function startRecorder(sim: Simulation): SeriesRecorder {
  const recorder = new SeriesRecorder();
  advanceRecorded(sim, 0, recorder);
  recorder.flush();
  return recorder;
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
  readonly sim: Simulation;
  readonly preset: PresetName;
  readonly settings: LabSettings;
  /** The scenario before settings apply: a preset's, or one loaded from a link or file. */
  readonly base: ScenarioInput;
  /** Exactly what `sim` was created from. */
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

/** Wall time a replay may take before the lab appears (or a load returns), ms; longer ones go on in slices. */
const REPLAY_AT_ONCE_MS = 50;
/** Wall time each later slice of a replay may take, ms: the page stays responsive between them. */
const REPLAY_SLICE_MS = 40;

/**
 * The simulation a lab starts with: `options.run` replayed, or the preset with its settings. A run too
 * long to replay at once starts the preset, and the replay goes on in slices (`pending`).
 */
function firstSimulation(options: LabOptions) {
  const { run } = options;
  let problems: readonly string[] = [];
  let pending: Replay | undefined;
  if (run !== undefined) {
    const replay = startReplay(run);
    if (replay.step(REPLAY_AT_ONCE_MS)) {
      const replayed = replay.result;
      if (replayed?.ok === true) {
        const settings = settingsOfRun(run);
        return { sim: replayed.value, base: run.scenario, settings, input: run.scenario, problems, pending };
      }
      problems = replayed?.problems ?? [];
    } else pending = replay;
  }
  const settings = initialSettings(options);
  const base: ScenarioInput = presets[options.preset];
  const input = scenarioFor(base, settings);
  return { sim: startSimulation(input, settings), base, settings, input, problems, pending };
}

/** Creates the simulation for `options.preset` (or `options.run`) and a store whose actions drive it. */
export function createLab(options: LabOptions): LabStore {
  const first = firstSimulation(options);
  let sim = first.sim;
  /** The scenario the lab runs before settings apply: a preset's, or one loaded from a link or file. */
  let base = first.base;
  /** Exactly what the running simulation was created from, for links and files. */
  let input = first.input;
  const replayed = first.problems.length === 0 && first.pending === undefined ? options.run : undefined;
  const firstPreset = replayed?.preset ?? options.preset;
  const imported = replayed !== undefined && replayed.preset === undefined;
  let recorder = startRecorder(sim);
  let watchedWrite: number | null = null;
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
    ...mirror(sim, firstPreset, first.settings, recorder, base, imported),
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
        const events = sim.events();
        patch.events = events.slice(-EVENTS_KEPT);
        recorder.ingest(events);
        recorder.flush();
        const series = recorder.series();
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
      }
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
    const run: Run = (what, command) => {
      try {
        const status = command(sim);
        sync({ error: null, status });
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
      sim = fresh.sim;
      recorder = startRecorder(sim);
      base = fresh.base;
      input = fresh.input;
      watchedWrite = null;
      set({
        ...mirror(sim, fresh.preset, fresh.settings, recorder, fresh.base, fresh.imported),
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
    ): boolean => {
      const imported = get().imported && from === base;
      try {
        const scenario = scenarioFor(from, next);
        const started = startSimulation(scenario, next);
        startOver({ sim: started, preset, settings: next, base: from, input: scenario, imported }, done);
        return true;
      } catch (error) {
        const message = errorMessage(error);
        set({ error: message, status: { tone: 'error', text: `Loading ${preset} failed: ${message}` } });
        return false;
      }
    };

    /** Puts a replayed run in place of the current one. */
    const adopt = (run: RunRecord, replayed: Simulation, done: string | null): void => {
      const fresh: Fresh = {
        sim: replayed,
        preset: run.preset ?? get().presetName,
        settings: settingsOfRun(run),
        base: run.scenario,
        input: run.scenario,
        imported: run.preset === undefined,
      };
      startOver(fresh, done, { loadReport: null });
    };

    /** Ends a replay: the run in place, or its problems reported and the lab's run kept. */
    const finish = (run: RunRecord, replay: Replay, done: string | null): boolean => {
      const result = replay.result;
      if (result?.ok === true) {
        adopt(run, result.value, done);
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
      replay: Replay,
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
          advanceRecorded(sim, simMs, recorder);
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
        run('Step', (s) => {
          const next = s.nextEventAt();
          if (next === undefined) return { tone: 'info', text: 'Nothing is pending: no event to step to.' };
          advanceRecorded(s, Math.max(0, next - s.now()), recorder);
          return null;
        });
      },
      reset: () => {
        load(get().presetName, get().settings, null);
      },
      loadPreset: (preset) => {
        const current = get().settings;
        load(
          preset,
          {
            ...current,
            replication: replicationOf(preset),
            failover: failoverOf(preset),
            conflictResolution: conflictResolutionOf(preset),
          },
          null,
          presets[preset],
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
      loadRun: (run, done = null) => continueReplay(run, startReplay(run), done),
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
        return recordRun(sim, input, state.imported ? undefined : state.presetName);
      },
      applySettings: (patch) => {
        const next = mergeSettings(get().settings, patch);
        load(get().presetName, next, 'Settings applied: the simulation started over with them.');
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
    if (linked !== undefined && pending !== undefined)
      resume = () => void continueReplay(linked, pending, null, 0);
    return actions;
  });
  // A link's run too long to replay before the first frame goes on once the lab is up.
  resume?.();
  return store;
}
