/** The only bridge to the engine: owns the Simulation, implements LabActions, mirrors snapshots. */
import { createSimulation, presets, type ScenarioInput, type Simulation } from '../engine/index.ts';
import { createNodeCommands, type Run } from './commands.ts';
import {
  createLabStore,
  type LabActions,
  type LabOptions,
  type LabState,
  type LabStore,
} from './labStore.ts';
import { errorMessage, writeStatus } from './opText.ts';
import type { PresetName } from './presetName.ts';
import {
  NO_WORKLOAD,
  mergeSettings,
  networkOf,
  replicationOf,
  scenarioFor,
  workloadRuns,
  type LabSettings,
} from './settings.ts';
import { EVENTS_KEPT, LOST_KEPT, type EngineMirror } from './slices/engineSlice.ts';
import { clampSpeed } from './slices/playbackSlice.ts';

type Patch = { -readonly [K in keyof LabState]?: LabState[K] };

function initialSettings(options: LabOptions): LabSettings {
  return {
    replication: { ...replicationOf(options.preset), ...options.replication },
    network: { ...networkOf(options.preset), ...options.network },
    workload: { ...NO_WORKLOAD, ...options.workload },
  };
}

/** Starts `base` with the lab's settings applied, and the lab's background workload. */
function startSimulation(base: ScenarioInput, settings: LabSettings): Simulation {
  const sim = createSimulation(scenarioFor(base, settings));
  if (workloadRuns(settings.workload)) sim.startWorkload(settings.workload);
  return sim;
}

function lostWritesOf(sim: Simulation) {
  return sim
    .history()
    .filter((op) => op.lost === true)
    .slice(-LOST_KEPT);
}

function mirror(
  sim: Simulation,
  preset: PresetName,
  settings: LabSettings,
  base: ScenarioInput = presets[preset],
): EngineMirror {
  return {
    snapshot: sim.snapshot(),
    presetName: preset,
    scenarioName: base.name ?? presets[preset].name,
    settings,
    events: sim.events().slice(-EVENTS_KEPT),
    backups: sim.backups(),
    lostWrites: lostWritesOf(sim),
  };
}

/** Creates the simulation for `options.preset` and a store whose actions drive it. */
export function createLab(options: LabOptions): LabStore {
  const settings = initialSettings(options);
  /** The scenario the lab runs before settings apply: a preset's, or one a lesson loaded. */
  let base: ScenarioInput = presets[options.preset];
  let sim = startSimulation(base, settings);
  let watchedWrite: number | null = null;

  return createLabStore(mirror(sim, options.preset, settings), options, (set, get) => {
    /** Copies the engine's state into the store, only where something changed. */
    const sync = (extra: Patch = {}): void => {
      const snapshot = sim.snapshot();
      const state = get();
      const patch: Patch = { ...extra };
      if (snapshot.time !== state.simTime) patch.simTime = snapshot.time;
      if (snapshot.version !== state.snapshot.version) {
        patch.snapshot = snapshot;
        patch.events = sim.events().slice(-EVENTS_KEPT);
        if (snapshot.metrics.lostWrites !== state.snapshot.metrics.lostWrites) {
          patch.lostWrites = lostWritesOf(sim);
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

    const load = (
      preset: PresetName,
      next: LabSettings,
      done: string | null,
      from: ScenarioInput = base,
    ): boolean => {
      try {
        const started = startSimulation(from, next);
        sim = started;
        base = from;
        watchedWrite = null;
        set({
          ...mirror(started, preset, next, from),
          simTime: started.now(),
          selectedId: null,
          selectedLink: null,
          error: null,
          status: done === null ? null : { tone: 'info', text: done },
        });
        return true;
      } catch (error) {
        const message = errorMessage(error);
        set({ error: message, status: { tone: 'error', text: `Loading ${preset} failed: ${message}` } });
        return false;
      }
    };

    const commands = createNodeCommands({
      run,
      get,
      watchWrite: (opId) => {
        watchedWrite = opId;
      },
    });

    const actions: LabActions = {
      ...commands,
      tick: (simMs) => {
        if (simMs <= 0) return;
        try {
          sim.advance(simMs);
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
          s.advance(Math.max(0, next - s.now()));
          return null;
        });
      },
      reset: () => {
        load(get().presetName, get().settings, null);
      },
      loadPreset: (preset) => {
        const current = get().settings;
        load(preset, { ...current, replication: replicationOf(preset) }, null, presets[preset]);
      },
      loadScenario: (scenario, { preset, workload }) => {
        const next: LabSettings = {
          replication: replicationOf(scenario),
          network: networkOf(scenario),
          workload: { ...NO_WORKLOAD, ...workload },
        };
        return load(preset, next, null, { ...scenario, replication: { ...scenario.replication } });
      },
      applySettings: (patch) => {
        const next = mergeSettings(get().settings, patch);
        load(get().presetName, next, 'Settings applied: the simulation started over with them.');
      },
      dismissStatus: () => {
        set({ status: null, error: null });
      },
    };
    return actions;
  });
}
