/**
 * Call-pattern benchmark (`npm run bench:calls`): prints figures, asserts nothing. The same 60 simulated
 * seconds of one primary, ten replicas and 1,000 writes per second, driven three ways: by the engine's own
 * workload, by a script that calls `write` then `advance(1)` every simulated millisecond, and by a script
 * that issues the writes 100 at a time. The gap between them is the cost of a public call.
 * `npm run bench:calls -- script` runs one pattern (workload, script, batched, workload-1ms).
 */
import { fmt, table } from './table.ts';
import { createSimulation, type ScenarioInput, type Simulation } from '../src/engine/index.ts';

const SIMULATED_MS = 60_000;
const KEYS = 1000;

const scenario: ScenarioInput = {
  name: 'primary and 10 direct replicas',
  seed: 7,
  nodes: [
    { id: 'p', role: 'primary' },
    ...Array.from({ length: 10 }, (_, i) => ({ id: `r${i + 1}`, role: 'replica' as const, upstream: 'p' })),
  ],
};

/** Keys and values made up front, so the figures time the engine, not the script's string building. */
const keys = Array.from({ length: KEYS }, (_, i) => `k${i}`);
const values = Array.from({ length: SIMULATED_MS }, (_, i) => `v${i + 1}`);

interface Pattern {
  readonly label: string;
  readonly run: (sim: Simulation) => void;
}

const patterns: Record<string, Pattern> = {
  workload: {
    label: 'workload, advance(1000) each simulated s',
    run: (sim) => {
      sim.startWorkload({ writesPerSec: 1000, readsPerSec: 0, keys: KEYS, readRouting: 'primary' });
      for (let t = 0; t < SIMULATED_MS; t += 1000) sim.advance(1000);
    },
  },
  script: {
    label: 'script: write then advance(1), each ms',
    run: (sim) => {
      for (let t = 0; t < SIMULATED_MS; t++) {
        sim.write('p', keys[t % KEYS] as string, values[t] as string);
        sim.advance(1);
      }
    },
  },
  batched: {
    label: 'script: 100 writes then advance(100)',
    run: (sim) => {
      for (let t = 0; t < SIMULATED_MS; t += 100) {
        for (let i = t; i < t + 100; i++) sim.write('p', keys[i % KEYS] as string, values[i] as string);
        sim.advance(100);
      }
    },
  },
  'workload-1ms': {
    label: 'workload, advance(1) each ms',
    run: (sim) => {
      sim.startWorkload({ writesPerSec: 1000, readsPerSec: 0, keys: KEYS, readRouting: 'primary' });
      for (let t = 0; t < SIMULATED_MS; t++) sim.advance(1);
    },
  },
};

/** Wall ms of one run of `pattern` on a fresh simulation, and the work it did: writes, messages, tasks. */
function measure(pattern: Pattern): { wallMs: number; writes: number; messages: number; tasks: number } {
  const sim = createSimulation(scenario);
  const started = performance.now();
  pattern.run(sim);
  const wallMs = performance.now() - started;
  const { messagesSent, tasksRun } = sim.stats();
  return { wallMs, writes: sim.metrics().writes, messages: messagesSent, tasks: tasksRun };
}

const only = process.argv.slice(2);
const chosen = only.length === 0 ? Object.keys(patterns) : only;
console.log('Call patterns: 1 primary, 10 direct replicas, 1,000 writes/s for 60 simulated s\n');
const rows: string[][] = [];
for (const name of chosen) {
  const pattern = patterns[name];
  if (pattern === undefined)
    throw new Error(`unknown pattern "${name}" (${Object.keys(patterns).join(', ')})`);
  // The first run in a fresh process also pays for JIT compilation; the second shows steady state.
  const cold = measure(pattern);
  const warm = measure(pattern);
  rows.push([
    pattern.label,
    `${fmt(SIMULATED_MS / cold.wallMs, 1)}×`,
    `${fmt(SIMULATED_MS / warm.wallMs, 1)}×`,
    fmt(warm.wallMs),
    fmt(warm.writes),
    fmt(warm.messages),
    fmt(warm.tasks),
  ]);
}
table(['pattern', 'first run', 'second run', 'second ms', 'writes', 'messages', 'tasks'], rows);
