/**
 * Compare mode's coordinator: two lab stores (A, the run the lab had; B, a variant) on one clock and one
 * command stream. Invariant: every node command given on either side reaches both, its nodes mapped by
 * role (`nodeRefOf` there, `resolveNodeRef` here), and a side that cannot apply it refuses it with the
 * reason while the other carries on; time (play, speed, step, seek) moves both to the same instant.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CompareFigures, CompareKit, Difference, LagSamples } from '../../engine/index.ts';
import type { LabActions, LabStore, NodeCommands } from '../labStore.ts';
import type { LinkRef } from '../slices/uiSlice.ts';
import { formatSeconds } from '../timeline/markers.ts';

export type Side = 'A' | 'B';

/** A command a side refused, at which instant, and why (the other side carried on). */
export interface SideRefusal {
  readonly at: number;
  readonly what: string;
  readonly reason: string;
}

export interface CompareState {
  readonly refusals: { readonly [S in Side]: readonly SideRefusal[] };
}

/** Refusals kept per side (the newest). */
export const REFUSALS_KEPT = 20;
/** How often replica lag is sampled on both sides, simulated ms (as `compare()` does by default). */
export const LAG_SAMPLE_MS = 100;
/** Lag samples kept per side: an hour at one every 100 ms. */
const SAMPLES_KEPT = 36_000;

export interface Comparison {
  readonly a: LabStore;
  readonly b: LabStore;
  readonly state: StoreApi<CompareState>;
  /** Both sides' figures at the instant shown, and their differences (the engine's `compareFigures`). */
  readonly figures: () => {
    readonly a: CompareFigures;
    readonly b: CompareFigures;
    readonly differences: readonly Difference[];
  };
  /** Gives both stores their own actions back. */
  readonly close: () => void;
}

/** Cumulative lag samples taken at each instant, oldest first (a seek reads the last one at or before it). */
interface LagTrack {
  readonly at: number[];
  readonly lag: LagSamples[];
}

function lagAt(track: LagTrack, t: number, none: LagSamples): LagSamples {
  for (let i = track.at.length - 1; i >= 0; i--)
    if ((track.at[i] ?? Infinity) <= t) return track.lag[i] ?? none;
  return none;
}

/** Node commands that name one node first; the rest of their arguments go as they are. */
const NODE_FIRST = [
  'write',
  'read',
  'kill',
  'restart',
  'promote',
  'addReplica',
  'renameNode',
  'removeNode',
  'takeBackup',
  'isolate',
  'slowDisk',
  'fixDisk',
  'skipEvent',
  'resync',
] as const;

/** Commands that name no node. */
const NO_NODE = [
  'heal',
  'startWorkload',
  'stopWorkload',
  'burst',
  'cutRegions',
  'restoreBackup',
  'provisionPrimary',
] as const;

const WORDS: { readonly [K in keyof NodeCommands]: string } = {
  write: 'Write',
  writeNext: 'Write',
  read: 'Read',
  kill: 'Kill',
  restart: 'Restart',
  promote: 'Promote',
  addReplica: 'Add a replica',
  renameNode: 'Rename',
  cutRegions: 'Cut between regions',
  burst: 'Burst',
  removeNode: 'Remove',
  takeBackup: 'Backup',
  restoreBackup: 'Restore a backup',
  provisionPrimary: 'Provision a primary',
  repoint: 'Re-point',
  isolate: 'Isolate',
  slowDisk: 'Slow disk',
  fixDisk: 'Fix disk',
  skipEvent: 'Skip event',
  resync: 'Resync',
  cutLink: 'Cut the link',
  heal: 'Heal',
  setLinkLatency: 'Set the latency',
  partition: 'Partition',
  startWorkload: 'Start the workload',
  stopWorkload: 'Stop the workload',
};

/** A reference that names nothing on the other side: that side refuses the command. */
class Unmapped extends Error {}

/**
 * Puts `a` and `b` on one clock and one command stream until `close()`: each store's actions are replaced
 * by ones that drive both (node commands mapped by role; settings, loads and inspection stay per side).
 * B should start where A does (both at time 0, one seed and workload). `kit` is the engine's `loadCompare()`.
 */
export function startComparison(a: LabStore, b: LabStore, kit: CompareKit): Comparison {
  const { NO_LAG_SAMPLES, compareFigures, differences, nodeRefOf, resolveNodeRef, sampleLag } = kit;
  const own = { A: a.getState().actions, B: b.getState().actions };
  const stores = { A: a, B: b };
  const other = (side: Side): Side => (side === 'A' ? 'B' : 'A');
  const state = createStore<CompareState>()(() => ({ refusals: { A: [], B: [] } }));
  const lags: { [S in Side]: LagTrack } = { A: { at: [], lag: [] }, B: { at: [], lag: [] } };

  const refuse = (side: Side, what: string, reason: string): void => {
    const at = stores[side].getState().simTime;
    const { refusals } = state.getState();
    state.setState({
      refusals: { ...refusals, [side]: [...refusals[side], { at, what, reason }].slice(-REFUSALS_KEPT) },
    });
  };

  /** Runs `call` on one side and records a refusal if its store reports one (a thrown engine error). */
  const onSide = (side: Side, what: string, call: (actions: LabActions) => void): void => {
    const store = stores[side];
    store.setState({ error: null });
    call(own[side]);
    const { error } = store.getState();
    if (error !== null) refuse(side, what, error);
  };

  /** The node on side `to` that plays the part `nodeId` plays on side `from`. */
  const mapNode = (from: Side, to: Side, nodeId: string): string => {
    const ref = own[from].readShown((sim) =>
      sim.nodes().some((n) => n.id === nodeId) ? nodeRefOf(sim, nodeId) : nodeId,
    );
    const resolved = own[to].readShown((sim) => resolveNodeRef(sim, ref));
    if (!resolved.ok) throw new Unmapped(resolved.reason);
    return resolved.id;
  };

  /**
   * A node command given on `origin`: applied there, then on the other side with its nodes mapped (the
   * mapping is worked out before either side changes, so "the primary" means the same on both).
   */
  const both =
    <K extends keyof NodeCommands>(
      origin: Side,
      name: K,
      map: (node: (id: string) => string, args: Parameters<NodeCommands[K]>) => Parameters<NodeCommands[K]>,
    ) =>
    (...args: Parameters<NodeCommands[K]>): ReturnType<NodeCommands[K]> => {
      const to = other(origin);
      const what = WORDS[name];
      let mapped: Parameters<NodeCommands[K]> | string;
      try {
        mapped = map((id) => mapNode(origin, to, id), args);
      } catch (error) {
        if (!(error instanceof Unmapped)) throw error;
        mapped = error.message;
      }
      let result: unknown;
      onSide(origin, what, (actions) => {
        result = (actions[name] as (...a: unknown[]) => unknown)(...args);
      });
      if (typeof mapped === 'string') {
        const reason = mapped;
        stores[to].setState({
          error: reason,
          status: { tone: 'error', text: `${what} refused on ${to}: ${reason}.` },
        });
        refuse(to, what, reason);
      } else {
        const call = mapped;
        onSide(to, what, (actions) => {
          (actions[name] as (...a: unknown[]) => unknown)(...call);
        });
      }
      return result as ReturnType<NodeCommands[K]>;
    };

  const link = (node: (id: string) => string, l: LinkRef): LinkRef => ({
    from: node(l.from),
    to: node(l.to),
  });

  const nodeCommands = (origin: Side): NodeCommands => {
    const out: Record<string, unknown> = {};
    for (const name of NODE_FIRST)
      out[name] = both(origin, name, (node, [id, ...rest]) => [node(id), ...rest] as never);
    for (const name of NO_NODE) out[name] = both(origin, name, (_node, args) => args);
    return {
      ...(out as Pick<NodeCommands, (typeof NODE_FIRST)[number] | (typeof NO_NODE)[number]>),
      writeNext: both(origin, 'writeNext', (node, [id]) => (id === undefined ? [] : [node(id)])),
      repoint: both(origin, 'repoint', (node, [id, upstream]) => [node(id), node(upstream)]),
      cutLink: both(origin, 'cutLink', (node, [l]) => [link(node, l)]),
      setLinkLatency: both(origin, 'setLinkLatency', (node, [l, ms]) => [link(node, l), ms]),
      partition: both(origin, 'partition', (node, [groups]) => [groups.map((g) => g.map(node))]),
    };
  };

  /** Samples both sides' replica lag at `t` (dropping samples of a future this instant replaces). */
  const sample = (t: number): void => {
    for (const side of ['A', 'B'] as const) {
      const track = lags[side];
      while ((track.at.at(-1) ?? -Infinity) >= t) {
        track.at.pop();
        track.lag.pop();
      }
      const lag = own[side].readShown((sim) => sampleLag(track.lag.at(-1) ?? NO_LAG_SAMPLES, sim));
      track.at.push(t);
      track.lag.push(lag);
      if (track.at.length > SAMPLES_KEPT) {
        track.at.shift();
        track.lag.shift();
      }
    }
  };

  /** Moves B to A's instant: ahead along its run, or back by a seek; live when A is. */
  const align = (): void => {
    const { simTime, timeline, playing, speed } = a.getState();
    const bState = b.getState();
    if (timeline.live && !bState.timeline.live) own.B.goLive();
    const bTime = b.getState().simTime;
    if (bTime < simTime) own.B.tick(simTime - bTime);
    else if (bTime > simTime) own.B.seek(simTime);
    if (bState.playing !== playing || bState.speed !== speed) b.setState({ playing, speed });
  };

  /** Advances both sides by `simMs`, stopping at every lag sample instant on the way. */
  const tick = (simMs: number): void => {
    if (simMs <= 0) return;
    const end = a.getState().simTime + simMs;
    for (;;) {
      const now = a.getState().simTime;
      const next = (Math.floor(now / LAG_SAMPLE_MS + 1e-9) + 1) * LAG_SAMPLE_MS;
      if (next > end) break;
      own.A.tick(next - now);
      own.B.tick(next - b.getState().simTime);
      if (a.getState().simTime < next - 1e-6) {
        // A stopped (an error): B follows it there.
        align();
        return;
      }
      sample(next);
    }
    const now = a.getState().simTime;
    if (end > now) own.A.tick(end - now);
    align();
  };

  /** An action on A that moves its clock: B follows to the same instant. */
  const thenAlign =
    <Args extends unknown[]>(call: (...args: Args) => void) =>
    (...args: Args): void => {
      call(...args);
      align();
    };

  /** A start-over on one side (a reset, a preset, settings): the other starts over too, on one clock. */
  const startedOver = (side: Side, always = false): void => {
    const here = stores[side].getState().simTime;
    const there = stores[other(side)].getState().simTime;
    if (!always && here >= there) return;
    if (here < there) own[other(side)].reset();
    lags.A = { at: [], lag: [] };
    lags.B = { at: [], lag: [] };
    state.setState({ refusals: { A: [], B: [] } });
  };

  const perSide = (side: Side): LabActions => {
    const mine = own[side];
    return {
      ...mine,
      ...nodeCommands(side),
      tick,
      play: () => {
        own.A.play();
        own.B.play();
      },
      pause: () => {
        own.A.pause();
        own.B.pause();
      },
      togglePlay: thenAlign(own.A.togglePlay),
      setSpeed: thenAlign(own.A.setSpeed),
      stepToNextEvent: thenAlign(own.A.stepToNextEvent),
      seek: (t, options) => {
        own.A.seek(t, options);
        align();
      },
      goLive: () => {
        own.A.goLive();
        own.B.goLive();
        align();
      },
      stepBack: thenAlign(own.A.stepBack),
      seekMarker: thenAlign(own.A.seekMarker),
      switchBranch: (id) => {
        own.A.switchBranch(id);
        own.B.switchBranch(id);
        align();
      },
      reset: () => {
        own.A.reset();
        own.B.reset();
        startedOver('A', true);
      },
      loadPreset: (name) => {
        mine.loadPreset(name);
        startedOver(side);
      },
      applySettings: (patch) => {
        mine.applySettings(patch);
        startedOver(side);
      },
      changeSettings: (patch) => {
        mine.changeSettings(patch);
        startedOver(side);
      },
      loadScenario: (scenario, options) => {
        const loaded = mine.loadScenario(scenario, options);
        startedOver(side);
        return loaded;
      },
      loadRun: async (run, done) => {
        const loaded = await mine.loadRun(run, done);
        startedOver(side);
        return loaded;
      },
    };
  };

  a.setState({ actions: perSide('A') });
  b.setState({ actions: perSide('B') });
  align();

  return {
    a,
    b,
    state,
    figures: () => {
      const t = a.getState().simTime;
      const fa = own.A.readShown((sim) => compareFigures(sim, lagAt(lags.A, t, NO_LAG_SAMPLES)));
      const fb = own.B.readShown((sim) => compareFigures(sim, lagAt(lags.B, t, NO_LAG_SAMPLES)));
      return { a: fa, b: fb, differences: differences(fa, fb) };
    },
    close: () => {
      a.setState({ actions: own.A });
      b.setState({ actions: own.B });
    },
  };
}

/** "Kill refused on B at 12.3 s: there is no primary." */
export function refusalText(side: Side, r: SideRefusal): string {
  return `${r.what} refused on ${side} at ${formatSeconds(r.at)}: ${r.reason}`;
}
