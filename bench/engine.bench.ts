/**
 * Engine benchmark (`npm run bench`): prints figures, asserts nothing. Four parts: the reference workload's
 * speed, a ten-minute run's memory, replication lag against the number of direct replicas, and the cost
 * of saving and restoring a simulation.
 */
import { fmt, table } from './table.ts';
import {
  createSimulation,
  presets,
  restoreSimulation,
  type NodeView,
  type ScenarioInput,
  type Simulation,
} from '../src/engine/index.ts';

const MB = 1024 * 1024;

function star(replicas: number, extra: Partial<ScenarioInput> = {}): ScenarioInput {
  return {
    name: `primary and ${replicas} direct replicas`,
    seed: 7,
    nodes: [
      { id: 'p', role: 'primary' },
      ...Array.from({ length: replicas }, (_, i) => ({
        id: `r${i + 1}`,
        role: 'replica' as const,
        upstream: 'p',
      })),
    ],
    ...extra,
  };
}

/** The same eight replicas as a cascade: the primary feeds two, each of which feeds three. */
function cascade(extra: Partial<ScenarioInput> = {}): ScenarioInput {
  const middle = ['a', 'b'];
  return {
    name: 'primary → 2 → 3 each',
    seed: 7,
    nodes: [
      { id: 'p', role: 'primary' },
      ...middle.map((id) => ({ id, role: 'replica' as const, upstream: 'p' })),
      ...middle.flatMap((up) =>
        [1, 2, 3].map((i) => ({ id: `${up}${i}`, role: 'replica' as const, upstream: up })),
      ),
    ],
    ...extra,
  };
}

const replicasOf = (sim: Simulation): NodeView[] => sim.nodes().filter((n) => n.role === 'replica');
const appliedTotal = (sim: Simulation): number => sim.nodes().reduce((sum, n) => sum + n.appliedLsn, 0);
/** Engine events emitted so far: the last event's sequence number counts every one, retained or not. */
const eventsEmitted = (sim: Simulation): number => (sim.events().at(-1)?.seq ?? -1) + 1;

const REFERENCE_WORKLOAD = {
  writesPerSec: 1000,
  readsPerSec: 0,
  keys: 1000,
  readRouting: 'primary',
} as const;

function runReference(simulatedMs: number): { sim: Simulation; wallMs: number } {
  const sim = createSimulation(star(10));
  sim.startWorkload(REFERENCE_WORKLOAD);
  const started = performance.now();
  for (let t = 0; t < simulatedMs; t += 1000) sim.advance(1000);
  return { sim, wallMs: performance.now() - started };
}

function referenceSpeed(): void {
  const simulatedMs = 60_000;
  // The first run in a fresh process also pays for JIT compilation; the second shows steady state.
  const cold = runReference(simulatedMs);
  const { sim, wallMs } = runReference(simulatedMs);
  const replicas = replicasOf(sim);
  const metrics = sim.metrics();
  console.log('1. Reference workload: 1 primary, 10 direct replicas, 1,000 writes/s for 60 simulated s\n');
  table(
    ['figure', 'value'],
    [
      ['wall time (first run, cold JIT)', `${fmt(cold.wallMs)} ms (${fmt(simulatedMs / cold.wallMs, 1)}×)`],
      ['wall time (second run)', `${fmt(wallMs)} ms`],
      ['simulated / real speed', `${fmt(simulatedMs / wallMs, 1)}× (target ≥ 30×)`],
      ['writes issued', fmt(metrics.writes)],
      ['entries applied (all nodes)', fmt(appliedTotal(sim))],
      ['entries applied per wall second', fmt(appliedTotal(sim) / (wallMs / 1000))],
      ['engine events per wall second', fmt(eventsEmitted(sim) / (wallMs / 1000))],
      ['max lag over replicas at 60 s', `${fmt(Math.max(...replicas.map((r) => r.lag.entries)))} entries`],
      ['', `${fmt(Math.max(...replicas.map((r) => r.lag.ms)), 1)} ms`],
      [
        'write latency p50 / p99',
        `${fmt(metrics.writeLatency.p50, 1)} / ${fmt(metrics.writeLatency.p99, 1)} ms`,
      ],
    ],
  );
}

function tenMinuteMemory(): void {
  const simulatedMs = 10 * 60_000;
  const sim = createSimulation(star(10));
  sim.startWorkload(REFERENCE_WORKLOAD);
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const started = performance.now();
  for (let t = 0; t < simulatedMs; t += 10_000) {
    sim.advance(10_000);
    const usage = process.memoryUsage();
    peakRss = Math.max(peakRss, usage.rss);
    peakHeap = Math.max(peakHeap, usage.heapUsed);
  }
  const wallMs = performance.now() - started;
  const after = process.memoryUsage();
  console.log('2. Ten simulated minutes of the reference workload (memory sampled every simulated 10 s)\n');
  table(
    ['figure', 'value'],
    [
      ['wall time', `${fmt(wallMs)} ms (${fmt(simulatedMs / wallMs, 1)}×)`],
      ['writes issued', fmt(sim.metrics().writes)],
      [
        'RSS before / peak / after',
        `${fmt(before.rss / MB)} / ${fmt(peakRss / MB)} / ${fmt(after.rss / MB)} MB`,
      ],
      [
        'heap used before / peak / after',
        `${fmt(before.heapUsed / MB)} / ${fmt(peakHeap / MB)} / ${fmt(after.heapUsed / MB)} MB`,
      ],
      ['target', 'peak RSS < 300 MB'],
      ['retained events / history', `${fmt(sim.events().length)} / ${fmt(sim.history().length)}`],
    ],
  );
}

interface LagFigures {
  readonly avgEntries: number;
  readonly maxEntries: number;
  readonly avgMs: number;
  readonly maxMs: number;
  readonly avgLeafMs: number;
}

/** Lag of every replica, sampled every 100 simulated ms after a warm-up. */
function measureLag(scenario: ScenarioInput, writesPerSec: number): LagFigures {
  const sim = createSimulation(scenario);
  sim.startWorkload({ writesPerSec, readsPerSec: 0, keys: 1000, readRouting: 'primary' });
  sim.advance(2000);
  let samples = 0;
  let sumEntries = 0;
  let sumMs = 0;
  let maxEntries = 0;
  let maxMs = 0;
  let leafSamples = 0;
  let sumLeafMs = 0;
  for (let t = 0; t < 20_000; t += 100) {
    sim.advance(100);
    for (const replica of replicasOf(sim)) {
      samples++;
      sumEntries += replica.lag.entries;
      sumMs += replica.lag.ms;
      maxEntries = Math.max(maxEntries, replica.lag.entries);
      maxMs = Math.max(maxMs, replica.lag.ms);
      if (replica.downstream.length === 0) {
        leafSamples++;
        sumLeafMs += replica.lag.ms;
      }
    }
  }
  return {
    avgEntries: sumEntries / samples,
    maxEntries,
    avgMs: sumMs / samples,
    maxMs,
    avgLeafMs: sumLeafMs / leafSamples,
  };
}

function lagByFanOut(): void {
  const writesPerSec = 2500;
  console.log(
    `3. Lag against direct replicas: ${fmt(writesPerSec)} writes/s, shipRate 20,000 entries/s shared by a` +
      ' sender’s connections,\n   sampled every 100 simulated ms for 20 s after a 2 s warm-up\n',
  );
  const rows: string[][] = [];
  const row = (label: string, f: LagFigures): string[] => [
    label,
    fmt(f.avgEntries, 1),
    fmt(f.maxEntries),
    fmt(f.avgMs, 1),
    fmt(f.maxMs, 1),
    fmt(f.avgLeafMs, 1),
  ];
  for (const n of [1, 2, 4, 8]) rows.push(row(`${n} direct`, measureLag(star(n), writesPerSec)));
  rows.push(row('8 as cascade 2 → 3 each', measureLag(cascade(), writesPerSec)));
  table(['replicas', 'avg entries', 'max entries', 'avg ms', 'max ms', 'avg ms (leaves)'], rows);
}

const median = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

/** Median wall time of `run` over `times` calls, after two warm-up calls. */
function timed(run: () => unknown, times = 21): number {
  run();
  run();
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    run();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** The UI benchmark's lab (bench/ui): 30 nodes in a two-level tree, 1 s links, writes filling the wire. */
function uiBenchTopology(): Simulation {
  const nodes: ScenarioInput['nodes'] = [{ id: 'db1', role: 'primary' }];
  for (let i = 0; nodes.length < 30; i++) {
    const upstream = i < 12 ? 'db1' : (nodes[1 + (i % 6)]?.id ?? 'db1');
    nodes.push({ id: `db${nodes.length + 1}`, role: 'replica', upstream });
  }
  const sim = createSimulation({ seed: 7, nodes, network: { latencyMs: 1000, jitterMs: 50 } });
  sim.startWorkload({ writesPerSec: 34, readsPerSec: 0, keys: 100 });
  sim.advance(8000);
  return sim;
}

/** The lab's default run (master and two slaves, 150 ms links, 3 writes and 2 reads a second) for 10 minutes. */
function tenMinuteDefault(): Simulation {
  const sim = createSimulation({ ...presets['master-slave'], network: { latencyMs: 150, jitterMs: 30 } });
  sim.startWorkload({ writesPerSec: 3, readsPerSec: 2, keys: 10 });
  sim.advance(600_000);
  return sim;
}

function saveRestoreCost(): void {
  console.log(
    '4. Save and restore (medians of 21 after 2 warm-ups; restore from the saved object and from its JSON)\n',
  );
  const rows: string[][] = [];
  for (const [label, sim] of [
    ['30 nodes, ~2,000 in flight', uiBenchTopology()],
    ['default preset, 10 min', tenMinuteDefault()],
  ] as const) {
    const saved = sim.save();
    const json = JSON.stringify(saved);
    const parsed: unknown = JSON.parse(json);
    rows.push([
      label,
      fmt(sim.snapshot().messages.length),
      fmt(
        timed(() => sim.save()),
        2,
      ),
      fmt(
        timed(() => restoreSimulation(saved)),
        2,
      ),
      fmt(
        timed(() => restoreSimulation(parsed)),
        2,
      ),
      fmt(
        timed(() => sim.fork()),
        2,
      ),
      fmt(json.length / 1024, 0),
    ]);
  }
  table(['run', 'in flight', 'save ms', 'restore ms', 'from JSON ms', 'fork ms', 'JSON KB'], rows);
}

referenceSpeed();
tenMinuteMemory();
lagByFanOut();
saveRestoreCost();
