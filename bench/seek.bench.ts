/**
 * Seek benchmark (`npm run bench:seek`, Node with `--expose-gc`): for (a) ten minutes of the lab's default
 * run and (b) two minutes of the UI bench's 30 nodes with about 2,000 messages in flight, runs forward
 * as the lab does (250 ms of simulated time a step) with and without checkpoints, then seeks to 200
 * seeded random instants. Prints seek times (to the simulation ready at the instant, and with its
 * snapshot taken), checkpoint memory (JSON length and the heap the checkpoints alone hold) and what
 * checkpoints add to the live run, each repeat on its own line with the load average. Asserts nothing.
 * `REPEATS=n` sets the repeats (default 3); `EVERY_TASKS`, `EVERY_MS` and `MAX_CHECKPOINTS` override the
 * checkpoint policy (to choose it), `ONLY=a` or `ONLY=b` runs one case.
 */
import { loadavg } from 'node:os';
import {
  createSimulation,
  presets,
  restoreSimulation,
  type ScenarioInput,
  type Simulation,
} from '../src/engine/index.ts';
import { trackCheckpoints, type CheckpointPolicy, type Checkpoints } from '../src/store/checkpoints.ts';

const STEP_MS = 250;
const SEEKS = 200;
const WARMUP_SEEKS = 20;
const REPEATS = Number(process.env.REPEATS ?? 3);
const MB = 1024 * 1024;

const fromEnv = (name: string): number | undefined =>
  process.env[name] === undefined ? undefined : Number(process.env[name]);
const POLICY: Partial<CheckpointPolicy> = Object.fromEntries(
  Object.entries({
    everyTasks: fromEnv('EVERY_TASKS'),
    everyMs: fromEnv('EVERY_MS'),
    maxCheckpoints: fromEnv('MAX_CHECKPOINTS'),
  }).filter(([, v]) => v !== undefined),
);

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc (npm run bench:seek does)');
const collect = (): void => {
  gc();
  gc();
};

interface Case {
  readonly name: string;
  readonly ms: number;
  readonly start: () => Simulation;
}

/** The lab's first frame (src/app/route.ts): master-slave, 150 ms ±30 links, 3 writes and 2 reads a second. */
const labDefault = (): Simulation => {
  const sim = createSimulation({ ...presets['master-slave'], network: { latencyMs: 150, jitterMs: 30 } });
  sim.startWorkload({ writesPerSec: 3, readsPerSec: 2, keys: 10, readRouting: 'replicas' });
  return sim;
};

/** The UI bench's lab (bench/ui, bench/engine.bench.ts): 30 nodes in two levels, 1 s links; 60 writes/s fill them. */
const uiBench = (): Simulation => {
  const nodes: ScenarioInput['nodes'] = [{ id: 'db1', role: 'primary' }];
  for (let i = 0; nodes.length < 30; i++) {
    const upstream = i < 12 ? 'db1' : (nodes[1 + (i % 6)]?.id ?? 'db1');
    nodes.push({ id: `db${nodes.length + 1}`, role: 'replica', upstream });
  }
  const sim = createSimulation({ seed: 7, nodes, network: { latencyMs: 1000, jitterMs: 50 } });
  sim.startWorkload({ writesPerSec: 60, readsPerSec: 0, keys: 100 });
  return sim;
};

const CASES: readonly Case[] = [
  { name: '(a) default preset and workload, 10 min', ms: 600_000, start: labDefault },
  { name: '(b) 30 nodes, ~2,000 in flight, 2 min', ms: 120_000, start: uiBench },
].filter((c) => process.env.ONLY === undefined || c.name.startsWith(`(${process.env.ONLY})`));

/** mulberry32: seeded instants, the same every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sorted = (xs: readonly number[]): number[] => [...xs].sort((a, b) => a - b);
const pct = (xs: readonly number[], p: number): number =>
  sorted(xs)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const f = (n: number, digits = 1): string => n.toFixed(digits);
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/**
 * Runs the case forward as the lab does; with `checkpoints`, noting them after every step. Returns the
 * wall ms and the messages in flight on average (looked at every 5 simulated s, in both runs alike).
 */
function runForward(
  sim: Simulation,
  ms: number,
  checkpoints?: Checkpoints,
): { wallMs: number; inFlight: number } {
  let inFlight = 0;
  let looks = 0;
  const started = performance.now();
  while (sim.now() < ms) {
    sim.advance(Math.min(STEP_MS, ms - sim.now()));
    checkpoints?.note();
    if (sim.now() % 5000 === 0) {
      inFlight += sim.snapshot().messages.length;
      looks++;
    }
  }
  return { wallMs: performance.now() - started, inFlight: inFlight / Math.max(1, looks) };
}

/** How many, their JSON length, and a restore's median time (of the last five). */
function describeCheckpoints(checkpoints: Checkpoints): {
  count: number;
  jsonBytes: number;
  restoreMs: number;
} {
  const list = checkpoints.list();
  const restoreTimes = list.slice(-5).map((cp) => {
    const t0 = performance.now();
    restoreSimulation(cp.saved);
    return performance.now() - t0;
  });
  return {
    count: list.length,
    jsonBytes: list.reduce((sum, cp) => sum + JSON.stringify(cp.saved).length, 0),
    restoreMs: pct(restoreTimes, 50),
  };
}

/** Seeks to SEEKS seeded instants (after WARMUP_SEEKS): wall ms to the simulation, with its snapshot, and CPU ms. */
function seekAll(checkpoints: Checkpoints, seed: number): { seek: number[]; ready: number[]; cpu: number[] } {
  const next = random(seed);
  const end = checkpoints.end();
  for (let i = 0; i < WARMUP_SEEKS; i++) checkpoints.seek(next() * end);
  const seek: number[] = [];
  const ready: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const t = next() * end;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const sim = checkpoints.seek(t);
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    sim.snapshot();
    const t2 = performance.now();
    seek.push(t1 - t0);
    ready.push(t2 - t0);
    cpu.push((c1.user + c1.system) / 1000);
  }
  return { seek, ready, cpu };
}

/** Runs `live` forward with checkpoints, measures them and seeks; they are garbage once it returns. */
function withCheckpoints(c: Case, live: Simulation, repeat: number) {
  const checkpoints = trackCheckpoints(live, POLICY);
  const forward = runForward(live, c.ms, checkpoints);
  const described = describeCheckpoints(checkpoints);
  collect();
  const heapWith = process.memoryUsage().heapUsed;
  return {
    ...forward,
    ...described,
    heapWith,
    spacing: checkpoints.policy(),
    ...seekAll(checkpoints, repeat + 1),
  };
}

function measure(c: Case, repeat: number): void {
  const loadBefore = load();
  // The same run twice, without then with checkpoints: what they add to the live run.
  collect();
  const plainMs = runForward(c.start(), c.ms).wallMs;
  collect();
  const live = c.start();
  const m = withCheckpoints(c, live, repeat);
  collect();
  // What the checkpoints alone hold: the live simulation is still referenced (below), they are not.
  const heapBytes = m.heapWith - process.memoryUsage().heapUsed;
  const { seek, ready, cpu, wallMs: trackedMs, count } = m;

  console.log(
    `  #${repeat + 1}  load ${loadBefore} → ${load()}  in flight ~${f(m.inFlight, 0)}  at ${f(live.now() / 1000, 0)} s\n` +
      `      seek ms: median ${f(pct(seek, 50))}  p95 ${f(pct(seek, 95))}  max ${f(Math.max(...seek))}` +
      `   with snapshot: median ${f(pct(ready, 50))}  p95 ${f(pct(ready, 95))}  max ${f(Math.max(...ready))}` +
      `\n      CPU ms of a seek (this process, GC threads included): median ${f(pct(cpu, 50))}  p95 ${f(pct(cpu, 95))}` +
      `   a restore of a late checkpoint: ${f(m.restoreMs)} ms\n` +
      `      checkpoints ${count} (every ${m.spacing.everyTasks} tasks or ${f(m.spacing.everyMs / 1000, 0)} s)` +
      `  memory: heap ${f(heapBytes / MB)} MB, JSON ${f(m.jsonBytes / MB)} MB\n` +
      `      live run ${f(plainMs, 0)} ms without, ${f(trackedMs, 0)} ms with checkpoints` +
      ` (${trackedMs >= plainMs ? '+' : ''}${f(((trackedMs - plainMs) / plainMs) * 100)}%,` +
      ` ${f((trackedMs - plainMs) / count)} ms a checkpoint)`,
  );
}

console.log(
  `Seek benchmark: ${SEEKS} seeded seeks after ${WARMUP_SEEKS} warm-up ones, ${REPEATS} repeats; ` +
    `live runs step ${STEP_MS} ms of simulated time.\n`,
);
for (const c of CASES) {
  console.log(c.name);
  runForward(c.start(), 20_000); // warms the JIT, so neither measured run pays for compiling
  for (let r = 0; r < REPEATS; r++) measure(c, r);
  console.log('');
}
