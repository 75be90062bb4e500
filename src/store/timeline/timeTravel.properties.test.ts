/**
 * Time travel in the lab's store: after a seek to t the lab shows exactly what it showed live at t
 * (snapshot, metrics, ledgers, event log rows, charts), and acting in the past forks a branch without
 * changing the one it left.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLab } from '../connectEngine.ts';
import type { LabState, LabStore } from '../labStore.ts';
import { PRESET_NAMES, type PresetName } from '../presetName.ts';

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 12);

/** Everything the lab's panels read from the engine slice, as the user sees it. */
function shownState(state: LabState) {
  return {
    simTime: state.simTime,
    snapshot: { ...state.snapshot, version: 0 },
    events: state.events,
    backups: state.backups,
    lostWrites: state.lostWrites,
    lostByNode: { ...state.lostByNode },
    failovers: state.failovers,
    conflicts: state.conflicts,
    conflictsByNode: { ...state.conflictsByNode },
    series: state.series,
    settings: state.settings,
  };
}

type Action =
  | {
      readonly kind: 'write' | 'kill' | 'restart' | 'promote' | 'isolate' | 'slowDisk';
      readonly node: number;
    }
  | { readonly kind: 'heal' | 'workload' | 'stopWorkload' }
  | {
      readonly kind: 'settings';
      readonly mode: 'async' | 'sync' | 'semi-sync';
      readonly latencyMs: number;
      readonly failover: 'manual' | 'automatic';
    };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('write', 'write', 'kill', 'restart', 'promote', 'isolate', 'slowDisk'),
    node: fc.nat(5),
  }),
  fc.record({ kind: fc.constantFrom('heal', 'workload', 'stopWorkload') }),
  fc.record({
    kind: fc.constant('settings' as const),
    mode: fc.constantFrom('async' as const, 'sync' as const, 'semi-sync' as const),
    latencyMs: fc.constantFrom(20, 80),
    failover: fc.constantFrom('manual' as const, 'automatic' as const),
  }),
);

function act(store: LabStore, action: Action): void {
  const { actions, snapshot } = store.getState();
  if (action.kind === 'settings') {
    // Changed in the run; a group's mode would start it over and it refuses automatic failover, so a
    // group gets a new latency only.
    const { multiPrimary } = snapshot.replication;
    actions.changeSettings({
      ...(multiPrimary ? {} : { replication: { mode: action.mode }, failover: { mode: action.failover } }),
      network: { latencyMs: action.latencyMs },
    });
    return;
  }
  if (!('node' in action)) {
    if (action.kind === 'heal') actions.heal();
    else if (action.kind === 'workload') actions.startWorkload({ writesPerSec: 4, readsPerSec: 4 });
    else actions.stopWorkload();
    return;
  }
  const node = snapshot.nodes[action.node % snapshot.nodes.length]?.id ?? 'db1';
  if (action.kind === 'write') actions.writeNext(node);
  else actions[action.kind](node);
}

interface Plan {
  readonly preset: PresetName;
  readonly frames: readonly number[];
  /** Per frame index, what the user does after it. */
  readonly acts: readonly (readonly [number, Action])[];
  readonly count: number;
}

const planArb: fc.Arbitrary<Plan> = fc.record({
  preset: fc.constantFrom(...PRESET_NAMES),
  frames: fc.array(fc.constantFrom(16.67, 33.4, 7.1, 250, 101.01, 600), { minLength: 1, maxLength: 4 }),
  acts: fc.array(fc.tuple(fc.nat(120), actionArb), { maxLength: 10 }),
  count: fc.integer({ min: 20, max: 120 }),
});

/** Runs the plan live, frame by frame, noting what the lab showed after every frame's actions. */
function runLive(plan: Plan) {
  const store = createLab({
    preset: plan.preset,
    playing: false,
    workload: { writesPerSec: 5, readsPerSec: 5 },
  });
  const seen = new Map<number, ReturnType<typeof shownState>>();
  for (let frame = 0; frame < plan.count; frame++) {
    store.getState().actions.tick(plan.frames[frame % plan.frames.length] ?? 16.67);
    for (const [at, action] of plan.acts) if (at === frame) act(store, action);
    seen.set(store.getState().simTime, shownState(store.getState()));
  }
  return { store, seen };
}

describe('time travel in the lab', () => {
  it('shows after a seek to t exactly what it showed live at t', () => {
    fc.assert(
      fc.property(planArb, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (plan, picks) => {
        const { store, seen } = runLive(plan);
        const times = [...seen.keys()];
        for (const pick of picks) {
          const t = times[pick % times.length] ?? 0;
          store.getState().actions.seek(t);
          expect(store.getState().timeline.live).toBe(t === times.at(-1));
          expect(shownState(store.getState())).toEqual(seen.get(t));
        }
        store.getState().actions.goLive();
        expect(shownState(store.getState())).toEqual(seen.get(times.at(-1) ?? 0));
      }),
      { numRuns: NUM_RUNS },
    );
  }, 300_000);

  it('previews a scrub at an instant the run showed, at or before the one asked', () => {
    fc.assert(
      fc.property(planArb, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (plan, picks) => {
        const { store, seen } = runLive(plan);
        const times = [...seen.keys()];
        for (const pick of picks) {
          const t = times[pick % times.length] ?? 0;
          store.getState().actions.seek(t, { preview: true });
          const shownAt = store.getState().simTime;
          expect(shownAt).toBeLessThanOrEqual(t);
          // A checkpoint's instant is one the run stopped at: what it showed there, exactly.
          expect(shownState(store.getState())).toEqual(seen.get(shownAt));
        }
      }),
      { numRuns: NUM_RUNS },
    );
  }, 300_000);

  it('plays the past forward as the run went, and is live again at its end', () => {
    fc.assert(
      fc.property(planArb, fc.nat(), (plan, pick) => {
        const { store, seen } = runLive(plan);
        const times = [...seen.keys()];
        const from = times[pick % times.length] ?? 0;
        store.getState().actions.seek(from);
        // Forward in the run's own frames from there: every instant it showed, it shows again.
        for (const t of times.filter((x) => x > from)) {
          store.getState().actions.tick(t - store.getState().simTime);
          expect(shownState(store.getState())).toEqual(seen.get(t));
        }
        expect(store.getState().timeline.live).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  }, 300_000);

  it('forks when the user acts in the past, and never changes the branch it left', () => {
    fc.assert(
      fc.property(planArb, fc.nat(), actionArb, fc.nat(), (plan, pick, action, later) => {
        const { store, seen } = runLive(plan);
        const times = [...seen.keys()];
        const end = times.at(-1) ?? 0;
        const at = times[pick % times.length] ?? 0;
        const commands = store.getState().actions.currentRun().commands;
        store.getState().actions.seek(at);
        act(store, action);
        const { timeline } = store.getState();
        if (at === end) {
          // At the present nothing forks: the action is the run's next command.
          expect(timeline.branches).toHaveLength(1);
          return;
        }
        if (timeline.branches.length === 1) {
          // Refused before the engine took it (a node already down...), or settings as they were:
          // nothing changed, nothing forked.
          if (action.kind !== 'settings') expect(store.getState().status?.tone).toBe('error');
          expect(store.getState().actions.currentRun().commands).toEqual(commands);
          return;
        }
        expect(timeline.branches.map((b) => b.id)).toEqual(['A', 'B']);
        expect(timeline.branch).toBe('B');
        expect(timeline.live).toBe(true);
        expect(timeline.branches[1]?.forkedAt).toBe(at);
        store.getState().actions.tick(500);
        // The new branch's past before the fork is the old one's.
        const before = times.filter((t) => t < at);
        const t = before[later % Math.max(1, before.length)];
        if (t !== undefined) {
          store.getState().actions.seek(t);
          expect(shownState(store.getState())).toEqual(seen.get(t));
        }
        // The branch it left is as it was, to its end.
        store.getState().actions.switchBranch('A');
        expect(store.getState().timeline.branch).toBe('A');
        store.getState().actions.goLive();
        expect(shownState(store.getState())).toEqual(seen.get(end));
        const u = times[later % times.length] ?? 0;
        store.getState().actions.seek(u);
        expect(shownState(store.getState())).toEqual(seen.get(u));
      }),
      { numRuns: NUM_RUNS },
    );
  }, 300_000);
});
