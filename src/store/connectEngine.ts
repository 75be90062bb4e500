/** The only bridge to the engine: owns the Simulation, implements LabActions, mirrors snapshots. */
import { createSimulation, presets, type Simulation } from '../engine/index.ts';
import {
  createLabStore,
  type LabActions,
  type LabOptions,
  type LabState,
  type LabStore,
} from './labStore.ts';
import { errorMessage, readStatus, writeStatus } from './opText.ts';
import type { PresetName } from './presetName.ts';
import { EVENTS_KEPT, type StatusMessage } from './slices/engineSlice.ts';
import { clampSpeed } from './slices/playbackSlice.ts';

type Patch = { -readonly [K in keyof LabState]?: LabState[K] };

function startSimulation(preset: PresetName, options: LabOptions): Simulation {
  const sim = createSimulation(presets[preset]);
  if (options.workload !== undefined) sim.startWorkload(options.workload);
  return sim;
}

function mirror(sim: Simulation, preset: PresetName) {
  return {
    snapshot: sim.snapshot(),
    presetName: preset,
    scenarioName: presets[preset].name,
    events: sim.events().slice(-EVENTS_KEPT),
  };
}

/** Creates the simulation for `options.preset` and a store whose actions drive it. */
export function createLab(options: LabOptions): LabStore {
  let sim = startSimulation(options.preset, options);
  let watchedWrite: number | null = null;
  let writeCount = 0;
  let lastKey: string | null = null;

  return createLabStore(mirror(sim, options.preset), options, (set, get) => {
    /** Copies the engine's state into the store, only where something changed. */
    const sync = (extra: Patch = {}): void => {
      const snapshot = sim.snapshot();
      const state = get();
      const patch: Patch = { ...extra };
      if (snapshot.time !== state.simTime) patch.simTime = snapshot.time;
      if (snapshot.version !== state.snapshot.version) {
        patch.snapshot = snapshot;
        patch.events = sim.events().slice(-EVENTS_KEPT);
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
    const attempt = (what: string, command: () => StatusMessage | null): void => {
      try {
        const status = command();
        sync({ error: null, status });
      } catch (error) {
        const message = errorMessage(error);
        sync({ error: message, status: { tone: 'error', text: `${what} failed: ${message}` } });
      }
    };

    const load = (preset: PresetName): void => {
      try {
        const next = startSimulation(preset, options);
        sim = next;
        watchedWrite = null;
        set({ ...mirror(next, preset), simTime: next.now(), selectedId: null, error: null, status: null });
      } catch (error) {
        const message = errorMessage(error);
        set({ error: message, status: { tone: 'error', text: `Loading ${preset} failed: ${message}` } });
      }
    };

    const write = (nodeId: string, key: string, value: string): void => {
      attempt(`Write to ${nodeId}`, () => {
        const op = sim.write(nodeId, key, value);
        lastKey = key;
        watchedWrite = op.status === 'pending' ? op.id : null;
        return writeStatus(op);
      });
    };

    const actions: LabActions = {
      tick: (simMs) => {
        if (simMs <= 0) return;
        try {
          sim.advance(simMs);
          sync();
        } catch (error) {
          sync({
            playing: false,
            error: errorMessage(error),
            status: { tone: 'error', text: errorMessage(error) },
          });
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
        attempt('Step', () => {
          const next = sim.nextEventAt();
          if (next === undefined) return { tone: 'info', text: 'Nothing is pending: no event to step to.' };
          sim.advance(Math.max(0, next - sim.now()));
          return null;
        });
      },
      reset: () => {
        load(get().presetName);
      },
      loadPreset: load,
      write,
      writeNext: (nodeId) => {
        const nodes = get().snapshot.nodes;
        const primary =
          nodes.find((n) => n.role === 'primary' && n.status === 'up') ??
          nodes.find((n) => n.role === 'primary');
        const target = nodeId ?? primary?.id;
        if (target === undefined) {
          set({ status: { tone: 'error', text: 'There is no node to write to.' } });
          return;
        }
        writeCount += 1;
        write(target, `user${writeCount}`, `hello${writeCount}`);
      },
      read: (nodeId, key) => {
        attempt(`Read on ${nodeId}`, () => {
          const op = sim.read(nodeId, key ?? lastKey ?? 'k0');
          return readStatus(op, sim.node(nodeId));
        });
      },
      kill: (nodeId) => {
        attempt(`Killing ${nodeId}`, () => {
          sim.kill(nodeId);
          return { tone: 'info', text: `${nodeId} is down.` };
        });
      },
      restart: (nodeId) => {
        attempt(`Restarting ${nodeId}`, () => {
          sim.restart(nodeId);
          return { tone: 'info', text: `${nodeId} is restarting.` };
        });
      },
      promote: (nodeId) => {
        attempt(`Promoting ${nodeId}`, () => {
          sim.promote(nodeId);
          return { tone: 'ok', text: `${nodeId} was promoted and now accepts writes.` };
        });
      },
      dismissStatus: () => {
        set({ status: null, error: null });
      },
    };
    return actions;
  });
}
