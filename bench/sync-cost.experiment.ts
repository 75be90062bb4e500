/**
 * What synchronous replication costs and buys, measured: write latency and the writes lost in one failover
 * for async, semi-sync (ANY 1) and sync at 1, 20 and 80 ms one-way latency. One seeded workload runs on a
 * primary with two replicas. The failover: at 20 s the primary is cut off from its replicas and the failover
 * manager (a partition); with fencing it turns read-only when its lease runs out, the manager (Patroni,
 * default timings) promotes the most advanced replica, and at 40 s the cut heals and the old primary rejoins,
 * rewound. A cut rather than a kill: a killed primary's batches on the wire still arrive, and async ships at
 * commit, so a crash loses next to nothing; what async loses is what a cut-off primary acknowledged.
 * Each cell is one side of a comparison (`measure`), with the same commands. Run: npm run experiment:sync-cost
 */
import { measure, type CompareCommand, type CompareSide, type ScenarioInput } from '../src/engine/index.ts';
import { fmt, table } from './table.ts';

export const MODES = [
  { name: 'async', replication: { mode: 'async' } },
  { name: 'semi-sync (ANY 1)', replication: { mode: 'semi-sync', syncCount: 1 } },
  { name: 'sync (both)', replication: { mode: 'sync' } },
] as const satisfies readonly { name: string; replication: ScenarioInput['replication'] }[];
export const LATENCIES_MS = [1, 20, 80] as const;

const SEED = 42;
const WRITES_PER_SEC = 50;
const READS_PER_SEC = 10;
const CUT_AT_MS = 20_000;
const HEAL_AT_MS = 40_000;
/** The workload stops before the end, so a write still waiting then is one that could not complete. */
const STOP_AT_MS = 55_000;
const DURATION_MS = 60_000;

export const COMMANDS: readonly CompareCommand[] = [
  { at: 0, type: 'startWorkload', args: [{ writesPerSec: WRITES_PER_SEC, readsPerSec: READS_PER_SEC }] },
  { at: CUT_AT_MS, type: 'partition', args: [[[{ role: 'primary' }]]] },
  { at: HEAL_AT_MS, type: 'heal', args: [] },
  { at: STOP_AT_MS, type: 'stopWorkload', args: [] },
];

export function scenario(replication: ScenarioInput['replication'], latencyMs: number): ScenarioInput {
  return {
    seed: SEED,
    nodes: [
      { id: 'db1', role: 'primary' },
      { id: 'db2', role: 'replica', upstream: 'db1' },
      { id: 'db3', role: 'replica', upstream: 'db1' },
    ],
    replication,
    network: { latencyMs, jitterMs: latencyMs / 5 },
    failover: { mode: 'automatic', fencing: true },
  };
}

export function cell(replication: ScenarioInput['replication'], latencyMs: number): CompareSide {
  return measure(scenario(replication, latencyMs), { commands: COMMANDS, durationMs: DURATION_MS });
}

function main(): void {
  console.log(
    [
      `Write latency and lost writes: a primary and two replicas, ${WRITES_PER_SEC} writes/s and ${READS_PER_SEC} reads/s, seed ${SEED}, ${DURATION_MS / 1000} s simulated`,
      `(the workload stops at ${STOP_AT_MS / 1000} s). At ${CUT_AT_MS / 1000} s the primary is cut off; automatic failover with fencing; healed at ${HEAL_AT_MS / 1000} s.`,
      "p50/p99: the engine's percentiles of acknowledged writes (its last 2,000). Lost: acknowledged writes lost.",
      'RTO: from the cut to the new primary’s first acknowledged write. Blocked: writes that waited for confirmation',
      'and never got it. Failed: writes refused or failed. Acked/s: acknowledged writes per simulated second.\n',
    ].join('\n'),
  );
  const rows = MODES.flatMap(({ name, replication }) =>
    LATENCIES_MS.map((latencyMs) => {
      const { figures, simulation } = cell(replication, latencyMs);
      const failover = figures.lastFailover;
      const rto =
        failover === null
          ? 'no failover'
          : failover.rtoMs === null
            ? 'not recovered'
            : `${fmt(failover.rtoMs)} ms`;
      return [
        name,
        `${latencyMs} ms`,
        fmt(figures.writeLatency.p50, 1),
        fmt(figures.writeLatency.p99, 1),
        fmt(figures.lostWrites),
        rto,
        fmt(figures.blockedWrites),
        fmt(simulation.metrics().failedWrites),
        fmt(figures.throughput, 1),
      ];
    }),
  );
  table(['mode', 'one-way', 'p50 ms', 'p99 ms', 'lost', 'RTO', 'blocked', 'failed', 'acked/s'], rows);
}

main();
