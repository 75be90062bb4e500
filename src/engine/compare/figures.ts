/**
 * A comparison's figures, as pure functions of one side's simulation (plus its lag samples), and the
 * difference between two sides: the lab's live table and `compare()` compute them with the same code.
 * Invariant: every figure the engine already has is the engine's (`metrics()`, `failovers()`), unchanged.
 */
import type { Simulation } from '../api.ts';
import type { NodeId } from '../types.ts';

/** One replica's lag as sampled: how many samples, their sum and their largest, in simulated ms. */
export interface LagTally {
  readonly nodeId: NodeId;
  readonly samples: number;
  readonly totalMs: number;
  readonly maxMs: number;
}

/** Lag samples per replica, in the order each was first sampled (topology order). Plain data. */
export type LagSamples = readonly LagTally[];

export const NO_LAG_SAMPLES: LagSamples = Object.freeze([]);

/**
 * `samples` with one more sample of every replica that is up now (its `lag.ms`, PostgreSQL's `replay_lag`):
 * a down replica reports no lag, as `pg_stat_replication` lists only connected standbys.
 */
export function sampleLag(samples: LagSamples, sim: Simulation): LagSamples {
  const next = [...samples];
  for (const node of sim.nodes()) {
    if (node.role !== 'replica' || node.status !== 'up') continue;
    const i = next.findIndex((t) => t.nodeId === node.id);
    const tally = next[i] ?? { nodeId: node.id, samples: 0, totalMs: 0, maxMs: 0 };
    const sampled = {
      nodeId: node.id,
      samples: tally.samples + 1,
      totalMs: tally.totalMs + node.lag.ms,
      maxMs: Math.max(tally.maxMs, node.lag.ms),
    };
    if (i < 0) next.push(sampled);
    else next[i] = sampled;
  }
  return next;
}

export interface ReplicaLag {
  readonly nodeId: NodeId;
  readonly meanMs: number;
  readonly maxMs: number;
}

/** One side's figures at its simulation's current instant. */
export interface CompareFigures {
  /** The engine's acknowledged-write latency percentiles (its last 2,000 acknowledged writes), ms. */
  readonly writeLatency: { readonly p50: number; readonly p99: number };
  /** Each sampled replica's mean and largest lag, and the largest of all (null: no replica was sampled). */
  readonly lag: { readonly replicas: readonly ReplicaLag[]; readonly maxMs: number | null };
  /** Acknowledged writes lost in failovers (`metrics().lostWrites`). */
  readonly lostWrites: number;
  /** Reads that returned older data than the latest acknowledged write (`metrics().staleReads`). */
  readonly staleReads: number;
  /**
   * Writes that waited for synchronous confirmation (replicas' in sync and semi-sync modes, peers'
   * certification in a sync group) and were not acknowledged: still waiting now (the engine's
   * `metrics().blockedWrites`, outside a certifying group), or failed while waiting (their primary went
   * down, was demoted or fenced; a certification lost or without quorum). A wait cancelled with
   * `cancel()` ends in success and does not count. Counted over the retained history (the newest 10,000
   * operations, a waiting one always kept).
   */
  readonly blockedWrites: number;
  /** Conflicts between concurrent writes (`metrics().conflicts`). */
  readonly conflicts: number;
  /** Acknowledged writes per simulated second since the start (lost ones included: they were acknowledged). */
  readonly throughput: number;
  /** The latest failover's recovery time (null until a first write is acknowledged) and writes lost. */
  readonly lastFailover: { readonly rtoMs: number | null; readonly lostWrites: number } | null;
}

/** The figures of `sim` now, its replicas' lag from `lag` (see `sampleLag`). */
export function compareFigures(sim: Simulation, lag: LagSamples): CompareFigures {
  const metrics = sim.metrics();
  let pendingWrites = 0;
  let blockedWrites = 0;
  for (const op of sim.history()) {
    if (op.kind !== 'write') continue;
    if (op.status === 'pending') pendingWrites++;
    if (op.waitedForSync === true && op.status !== 'ok') blockedWrites++;
  }
  // Pending operations are never dropped from the history, so this count is exact however long the run.
  const acknowledged = metrics.writes - metrics.failedWrites - pendingWrites;
  const replicas = lag.map((t) => ({ nodeId: t.nodeId, meanMs: t.totalMs / t.samples, maxMs: t.maxMs }));
  const last = metrics.lastFailover;
  return {
    writeLatency: metrics.writeLatency,
    lag: { replicas, maxMs: replicas.length === 0 ? null : Math.max(...replicas.map((r) => r.maxMs)) },
    lostWrites: metrics.lostWrites,
    staleReads: metrics.staleReads,
    blockedWrites,
    conflicts: metrics.conflicts,
    throughput: sim.now() <= 0 ? 0 : acknowledged / (sim.now() / 1000),
    lastFailover: last === null ? null : { rtoMs: last.rtoMs, lostWrites: last.lostWrites },
  };
}

/**
 * The figures a comparison lists, each once (`data-metric` in the lab's table); the per-replica rows
 * follow them, one pair per replica position.
 */
export const COMPARE_METRICS = [
  'write-p50',
  'write-p99',
  'lag-max',
  'lost-writes',
  'stale-reads',
  'blocked-writes',
  'conflicts',
  'rto',
  'throughput',
  'failover-lost-writes',
] as const;
export const REPLICA_METRICS = ['replica-lag-mean', 'replica-lag-max'] as const;
export type CompareMetric = (typeof COMPARE_METRICS)[number] | (typeof REPLICA_METRICS)[number];

export type Unit = 'ms' | 'writes' | 'reads' | 'conflicts' | 'writes/s';

/**
 * Which side is better on one figure; `incomparable` when only one side has it (a failover on one side
 * only, a replica position one side lacks). A failover not recovered yet is worse than a recovered one.
 */
export type Better = 'a' | 'b' | 'same' | 'incomparable';

export interface Difference {
  readonly metric: CompareMetric;
  /** For a per-replica row: the replica's position (from 0) among each side's sampled replicas. */
  readonly replica?: number;
  readonly unit: Unit;
  /** Each side's figure; null where that side has none. */
  readonly a: number | null;
  readonly b: number | null;
  readonly better: Better;
}

interface MetricRule {
  readonly unit: Unit;
  /** Throughput is better higher; everything else (latency, lag, losses, anomalies, recovery) lower. */
  readonly higherIsBetter?: true;
  readonly of: (figures: CompareFigures) => number | null;
  /** What `better` compares, where it is not the figure itself. */
  readonly rank?: (figures: CompareFigures) => number | null;
}

/** A failover not recovered yet ranks below any recovered one; no failover at all has no rank. */
const recoveryRank = (f: CompareFigures): number | null =>
  f.lastFailover === null ? null : (f.lastFailover.rtoMs ?? Number.POSITIVE_INFINITY);

const RULES: { readonly [M in (typeof COMPARE_METRICS)[number]]: MetricRule } = {
  'write-p50': { unit: 'ms', of: (f) => f.writeLatency.p50 },
  'write-p99': { unit: 'ms', of: (f) => f.writeLatency.p99 },
  'lag-max': { unit: 'ms', of: (f) => f.lag.maxMs },
  'lost-writes': { unit: 'writes', of: (f) => f.lostWrites },
  'stale-reads': { unit: 'reads', of: (f) => f.staleReads },
  'blocked-writes': { unit: 'writes', of: (f) => f.blockedWrites },
  conflicts: { unit: 'conflicts', of: (f) => f.conflicts },
  rto: { unit: 'ms', of: (f) => f.lastFailover?.rtoMs ?? null, rank: recoveryRank },
  throughput: { unit: 'writes/s', higherIsBetter: true, of: (f) => f.throughput },
  'failover-lost-writes': { unit: 'writes', of: (f) => f.lastFailover?.lostWrites ?? null },
};

function better(a: number | null, b: number | null, higherIsBetter: boolean): Better {
  if (a === null || b === null) return a === b ? 'same' : 'incomparable';
  if (a === b) return 'same';
  return a > b === higherIsBetter ? 'a' : 'b';
}

type Pair = readonly [a: number | null, b: number | null];

function row(
  metric: CompareMetric,
  unit: Unit,
  figures: Pair,
  ranks = figures,
  higherIsBetter = false,
): Difference {
  const [a, b] = figures;
  return { metric, unit, a, b, better: better(ranks[0], ranks[1], higherIsBetter) };
}

/** Every figure of side `a` beside side `b`'s, with which is better; replicas are matched by position. */
export function differences(a: CompareFigures, b: CompareFigures): Difference[] {
  const rows = COMPARE_METRICS.map((metric) => {
    const { unit, of, rank = of, higherIsBetter } = RULES[metric];
    return row(metric, unit, [of(a), of(b)], [rank(a), rank(b)], higherIsBetter);
  });
  const replicas = Math.max(a.lag.replicas.length, b.lag.replicas.length);
  for (let i = 0; i < replicas; i++) {
    const ra = a.lag.replicas[i];
    const rb = b.lag.replicas[i];
    rows.push(
      { ...row('replica-lag-mean', 'ms', [ra?.meanMs ?? null, rb?.meanMs ?? null]), replica: i },
      { ...row('replica-lag-max', 'ms', [ra?.maxMs ?? null, rb?.maxMs ?? null]), replica: i },
    );
  }
  return rows;
}
