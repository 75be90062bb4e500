/** Property tests for multi-primary groups: convergence, causality and conflict records under random faults. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  SimulationError,
  type ConflictResolution,
  type NodeView,
  type Simulation,
  type VersionVector,
} from '../index.ts';
import { dominates } from './versions.ts';

interface Setup {
  readonly masters: number;
  readonly replicas: readonly number[];
  readonly mode: 'async' | 'sync';
  readonly resolution: ConflictResolution;
  readonly latencyMs: number;
  readonly seed: number;
}

type Step =
  | { readonly kind: 'write'; readonly pick: number; readonly key: number }
  | { readonly kind: 'kill' | 'restart'; readonly pick: number }
  | { readonly kind: 'latency'; readonly a: number; readonly b: number; readonly ms: number }
  | { readonly kind: 'partition'; readonly sides: readonly number[] }
  | { readonly kind: 'heal' }
  | { readonly kind: 'advance'; readonly ms: number }
  /** Failover settings: a group refuses automatic failover (changing nothing) and takes the rest. */
  | { readonly kind: 'failover'; readonly automatic: boolean; readonly fencing: boolean };

const setupArb: fc.Arbitrary<Setup> = fc.record({
  masters: fc.integer({ min: 2, max: 4 }),
  replicas: fc.array(fc.nat({ max: 3 }), { maxLength: 3 }),
  mode: fc.constantFrom('async' as const, 'sync' as const),
  resolution: fc.constantFrom('lww' as const, 'siblings' as const),
  latencyMs: fc.integer({ min: 0, max: 200 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ kind: fc.constant('write' as const), pick: fc.nat(7), key: fc.nat(2) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('kill' as const), pick: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), pick: fc.nat(7) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('latency' as const),
      a: fc.nat(7),
      b: fc.nat(7),
      ms: fc.integer({ min: 0, max: 400 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('partition' as const),
      sides: fc.array(fc.nat(1), { minLength: 8, maxLength: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('heal' as const) }) },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 1500 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('failover' as const),
      automatic: fc.boolean(),
      fencing: fc.boolean(),
    }),
  },
);

function build(setup: Setup, jitterMs = setup.latencyMs / 4): Simulation {
  const nodes = Array.from({ length: setup.masters }, (_, i) => ({
    id: `m${i + 1}`,
    role: 'primary' as const,
  }));
  const replicas = setup.replicas.map((up, i) => ({
    id: `r${i + 1}`,
    role: 'replica' as const,
    upstream: `m${(up % setup.masters) + 1}`,
  }));
  return createSimulation({
    seed: setup.seed,
    nodes: [...nodes, ...replicas],
    replication: { mode: setup.mode },
    network: { latencyMs: setup.latencyMs, jitterMs },
    conflictResolution: setup.resolution,
  });
}

function apply(sim: Simulation, step: Step, counter: { value: number }): void {
  const nodes = sim.nodes();
  const at = (pick: number) => (nodes[pick % nodes.length] as NodeView).id;
  try {
    switch (step.kind) {
      case 'write': {
        const masters = nodes.filter((n) => n.role === 'primary');
        sim.write(
          (masters[step.pick % masters.length] as NodeView).id,
          `k${step.key}`,
          `v${counter.value++}`,
        );
        break;
      }
      case 'kill':
        sim.kill(at(step.pick));
        break;
      case 'restart':
        sim.restart(at(step.pick));
        break;
      case 'latency':
        sim.setLatency(at(step.a), at(step.b), step.ms);
        break;
      case 'partition': {
        const sides = [0, 1].map((side) => nodes.filter((_, i) => step.sides[i] === side).map((n) => n.id));
        sim.partition(sides.filter((g) => g.length > 0));
        break;
      }
      case 'heal':
        sim.heal();
        break;
      case 'advance':
        sim.advance(step.ms);
        break;
      case 'failover':
        sim.configure({
          failover: { ...(step.automatic ? { mode: 'automatic' } : {}), fencing: step.fencing },
        });
        break;
    }
  } catch (error) {
    if (!(error instanceof SimulationError)) throw error;
  }
}

function settle(sim: Simulation): void {
  if (sim.snapshot().network.partitioned) sim.heal();
  for (const node of sim.nodes()) if (node.status === 'down') sim.restart(node.id);
  for (let i = 0; i < 3; i++) {
    sim.advance(5000);
    sim.runUntilIdle();
  }
}

/** Builds the group, runs the steps (calling `observe` after each), then heals, restarts and settles it. */
function runSettled(setup: Setup, steps: readonly Step[], observe?: (sim: Simulation) => void): Simulation {
  const sim = build(setup);
  const counter = { value: 1 };
  for (const step of steps) {
    apply(sim, step, counter);
    observe?.(sim);
  }
  settle(sim);
  observe?.(sim);
  return sim;
}

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

describe('multi-primary groups under random writes, latencies, kills, restarts and partitions', () => {
  it('converge: once healed, restarted and idle, every master and replica holds the same data and siblings', () => {
    fc.assert(
      fc.property(setupArb, fc.array(stepArb, { maxLength: 40 }), (setup, steps) => {
        const sim = runSettled(setup, steps);
        const [first, ...rest] = sim.nodes();
        for (const node of rest) {
          expect({ id: node.id, data: node.data, siblings: node.siblings }).toEqual({
            id: node.id,
            data: first?.data,
            siblings: first?.siblings,
          });
        }
        expect(sim.check().filter((a) => a.kind === 'divergence')).toEqual([]);
        // Automatic failover is refused for a group: no manager ever starts.
        expect(sim.snapshot().failover).toBeNull();
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it("never move a key's version vector backwards on any node", () => {
    fc.assert(
      fc.property(setupArb, fc.array(stepArb, { maxLength: 40 }), (setup, steps) => {
        const seen = new Map<string, VersionVector>();
        const observe = (sim: Simulation) => {
          for (const node of sim.nodes()) {
            for (const [key, vv] of Object.entries(node.vectors)) {
              const id = `${node.id}/${key}`;
              const before = seen.get(id);
              if (before !== undefined)
                expect(
                  dominates(vv, before),
                  `${id} went from ${JSON.stringify(before)} to ${JSON.stringify(vv)}`,
                ).toBe(true);
              seen.set(id, vv);
            }
          }
        };
        runSettled(setup, steps, observe);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('name a winner that is one of the versions in every conflict record, and siblings only among them', () => {
    fc.assert(
      fc.property(setupArb, fc.array(stepArb, { maxLength: 40 }), (setup, steps) => {
        const sim = runSettled(setup, steps);
        for (const record of sim.conflicts()) {
          const ids = record.versions.map((v) => v.opId);
          expect(record.versions.length).toBeGreaterThanOrEqual(record.strategy === 'certification' ? 1 : 2);
          if (record.winner !== null) expect(ids).toContain(record.winner.opId);
          if (record.strategy === 'siblings') {
            expect(record.winner).toBeNull();
            expect(record.siblings.length).toBeGreaterThanOrEqual(2);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('in sync mode never acknowledges two concurrent writes to one key', () => {
    fc.assert(
      fc.property(
        setupArb.map((s) => ({ ...s, mode: 'sync' as const })),
        fc.array(stepArb, { maxLength: 40 }),
        (setup, steps) => {
          const sim = runSettled(setup, steps);
          expect(sim.conflicts().filter((c) => c.strategy !== 'certification')).toEqual([]);
          expect(sim.metrics().overwrittenWrites).toBe(0);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

type HealthyStep =
  | { readonly kind: 'write'; readonly pick: number; readonly key: number }
  | { readonly kind: 'latency'; readonly a: number; readonly b: number; readonly ms: number }
  | { readonly kind: 'advance'; readonly ms: number };

/** Slow links: one-way latency up to 2 s with up to 0.5 s of jitter, and links slowed further on the way. */
const slowSetupArb = fc.record({
  masters: fc.integer({ min: 2, max: 4 }),
  replicas: fc.array(fc.nat({ max: 3 }), { maxLength: 2 }),
  mode: fc.constantFrom('async' as const, 'sync' as const),
  resolution: fc.constantFrom('lww' as const, 'siblings' as const),
  latencyMs: fc.integer({ min: 0, max: 2000 }),
  jitterMs: fc.integer({ min: 0, max: 500 }),
  seed: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
});

const healthyStepArb: fc.Arbitrary<HealthyStep> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant('write' as const), pick: fc.nat(7), key: fc.nat(3) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('latency' as const),
      a: fc.nat(7),
      b: fc.nat(7),
      ms: fc.integer({ min: 0, max: 2000 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ kind: fc.constant('advance' as const), ms: fc.integer({ min: 0, max: 3000 }) }),
  },
);

/** Long enough after the last write for any subscription to (re)open and every write to travel two hops. */
const QUIET_MS = 30_000;

describe('a healthy multi-primary group over slow links (no kills, no partitions)', () => {
  it('converges: once writes stop, every master and replica holds every acknowledged key, alike', () => {
    fc.assert(
      fc.property(
        slowSetupArb,
        fc.array(healthyStepArb, { maxLength: 30 }),
        ({ jitterMs, ...setup }, steps) => {
          const sim = build(setup, jitterMs);
          const nodes = sim.nodes();
          const masters = nodes.filter((n) => n.role === 'primary');
          const at = (pick: number) => (nodes[pick % nodes.length] as NodeView).id;
          let counter = 0;
          for (const step of steps) {
            if (step.kind === 'write') {
              const master = (masters[step.pick % masters.length] as NodeView).id;
              sim.write(master, `k${step.key}`, `v${counter++}`);
            } else if (step.kind === 'latency') {
              if (at(step.a) !== at(step.b)) sim.setLatency(at(step.a), at(step.b), step.ms);
            } else sim.advance(step.ms);
          }
          sim.advance(QUIET_MS);
          const acknowledged = sim.history().filter((op) => op.kind === 'write' && op.status === 'ok');
          if (setup.mode === 'async') expect(acknowledged).toHaveLength(counter);
          const keys = [...new Set(acknowledged.map((op) => op.key))].sort();
          const [first] = sim.nodes();
          expect(Object.keys(first?.data ?? {}).sort()).toEqual(keys);
          for (const node of sim.nodes()) {
            expect({ id: node.id, state: node.state, data: node.data, siblings: node.siblings }).toEqual({
              id: node.id,
              state: node.role === 'primary' ? 'primary.serving' : 'replica.streaming',
              data: first?.data,
              siblings: first?.siblings,
            });
          }
          expect(sim.history().filter((op) => op.status === 'pending')).toEqual([]);
          expect(sim.check().filter((a) => a.kind === 'divergence')).toEqual([]);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
