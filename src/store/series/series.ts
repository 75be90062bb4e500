/**
 * Chart series derived from the engine's own records, bucketed by simulated time: every BUCKET_MS of
 * simulated time closes a sample. Lag and counters are read from the engine at the bucket's end; write
 * latency and throughput come from the events up to it. Same run, same series, whatever the frame rate.
 */
import type { EngineEvent, Metrics, NodeId, NodeView, SimTime, Simulation } from '../../engine/index.ts';

/** One sample per 250 simulated ms: four a simulated second. */
export const BUCKET_MS = 250;
/** How much simulated time the series keep. */
export const WINDOW_MS = 30_000;
/** Write-latency percentiles at a sample cover the acknowledgements of the second before it. */
export const LATENCY_WINDOW_MS = 1_000;
/** Throughput per node is the rate over the last five simulated seconds. */
export const THROUGHPUT_WINDOW_MS = 5_000;

const KEPT_SAMPLES = WINDOW_MS / BUCKET_MS + 1;

export interface LagPoint {
  readonly t: SimTime;
  readonly ms: number;
  readonly entries: number;
}

/** One replica's lag behind its primary over time (`NodeView.lag` at each sample). */
export interface LagSeries {
  readonly nodeId: NodeId;
  readonly points: readonly LagPoint[];
}

/** Acknowledged-write latency over the LATENCY_WINDOW_MS before `t`; null when nothing was acknowledged. */
export interface LatencyPoint {
  readonly t: SimTime;
  readonly p50: number | null;
  readonly p99: number | null;
  readonly count: number;
}

/** The engine's anomaly counters at `t` (blocked writes is a gauge: writes waiting right then). */
export interface CounterPoint {
  readonly t: SimTime;
  readonly conflicts: number;
  readonly lostWrites: number;
  readonly staleReads: number;
  readonly blockedWrites: number;
}

export type CounterName = Exclude<keyof CounterPoint, 't'>;

/** Completed client operations per simulated second on one node, over THROUGHPUT_WINDOW_MS. */
export interface NodeThroughput {
  readonly nodeId: NodeId;
  readonly readsPerSec: number;
  readonly writesPerSec: number;
}

export interface Series {
  /** The last sample's time; -1 before the first. */
  readonly time: SimTime;
  readonly bucketMs: number;
  readonly lag: readonly LagSeries[];
  readonly latency: readonly LatencyPoint[];
  readonly counters: readonly CounterPoint[];
  readonly throughput: readonly NodeThroughput[];
}

export const EMPTY_SERIES: Series = {
  time: -1,
  bucketMs: BUCKET_MS,
  lag: [],
  latency: [],
  counters: [],
  throughput: [],
};

/** What a sample takes from the engine at its instant: replicas' lag and the counters. */
interface PendingSample {
  readonly t: SimTime;
  readonly nodeIds: readonly NodeId[];
  readonly lag: readonly { readonly nodeId: NodeId; readonly ms: number; readonly entries: number }[];
  readonly counters: CounterPoint;
}

interface Completion {
  readonly at: SimTime;
  readonly nodeId: NodeId;
  readonly kind: 'read' | 'write';
  /** For a write, its latency. */
  readonly ms: number;
}

/** The percentile the engine's metrics use: the smallest value with at least p% of samples at or below it. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? null;
}

/**
 * Accumulates samples. The caller takes `sample()` at each bucket's end (the engine's state at that
 * instant), feeds events with `ingest()` (any time after they happened), then `flush()`es: samples
 * are completed once their events are in.
 */
export class SeriesRecorder {
  private lastSeq = -1;
  private lastSample: SimTime = -1;
  private completions: Completion[] = [];
  private pending: PendingSample[] = [];
  private readonly lagByNode = new Map<NodeId, LagPoint[]>();
  private latency: LatencyPoint[] = [];
  private counters: CounterPoint[] = [];
  private throughput: NodeThroughput[] = [];
  private cached: Series = EMPTY_SERIES;
  private dirty = false;

  /** An independent copy, as it stands: what a checkpoint keeps so a seek can carry the charts on from it. */
  clone(): SeriesRecorder {
    const copy = new SeriesRecorder();
    copy.lastSeq = this.lastSeq;
    copy.lastSample = this.lastSample;
    copy.completions = this.completions.slice();
    copy.pending = this.pending.slice();
    for (const [nodeId, points] of this.lagByNode) copy.lagByNode.set(nodeId, points.slice());
    copy.latency = this.latency.slice();
    copy.counters = this.counters.slice();
    copy.throughput = this.throughput;
    copy.cached = this.cached;
    copy.dirty = this.dirty;
    return copy;
  }

  /** The time the next sample is due: the first multiple of BUCKET_MS after the last sample. */
  get nextSampleAt(): SimTime {
    return (Math.floor(this.lastSample / BUCKET_MS) + 1) * BUCKET_MS;
  }

  /** Records the engine's state at sample time `t` (call it with the simulation standing at `t`). */
  sample(t: SimTime, nodes: readonly NodeView[], metrics: Metrics): void {
    if (t <= this.lastSample) return;
    this.lastSample = t;
    this.pending.push({
      t,
      nodeIds: nodes.map((n) => n.id),
      lag: nodes
        .filter((n) => n.role === 'replica')
        .map((n) => ({ nodeId: n.id, ms: n.lag.ms, entries: n.lag.entries })),
      counters: {
        t,
        conflicts: metrics.conflicts,
        lostWrites: metrics.lostWrites,
        staleReads: metrics.staleReads,
        blockedWrites: metrics.blockedWrites,
      },
    });
  }

  /** Takes the events not seen yet (the engine's retained events, oldest first). */
  ingest(events: readonly EngineEvent[]): void {
    let start = events.length;
    while (start > 0 && (events[start - 1]?.seq ?? -1) > this.lastSeq) start--;
    for (let i = start; i < events.length; i++) {
      const event = events[i] as EngineEvent;
      if (event.type === 'write-acknowledged') {
        this.completions.push({ at: event.at, nodeId: event.nodeId, kind: 'write', ms: event.latencyMs });
      } else if (event.type === 'read') {
        this.completions.push({ at: event.at, nodeId: event.nodeId, kind: 'read', ms: 0 });
      }
      this.lastSeq = event.seq;
    }
  }

  /** Completes every pending sample from the events ingested so far. */
  flush(): void {
    for (const sample of this.pending) this.complete(sample);
    this.pending = [];
    const oldest = this.lastSample - Math.max(LATENCY_WINDOW_MS, THROUGHPUT_WINDOW_MS);
    if (this.completions.length > 0 && (this.completions[0]?.at ?? 0) <= oldest) {
      this.completions = this.completions.filter((c) => c.at > oldest);
    }
  }

  /** The series as of the last completed sample; the same object until another sample completes. */
  series(): Series {
    if (!this.dirty) return this.cached;
    this.dirty = false;
    this.cached = {
      time: this.latency.at(-1)?.t ?? -1,
      bucketMs: BUCKET_MS,
      lag: [...this.lagByNode]
        .filter(([, points]) => points.length > 0)
        .map(([nodeId, points]) => ({ nodeId, points: [...points] })),
      latency: [...this.latency],
      counters: [...this.counters],
      throughput: this.throughput,
    };
    return this.cached;
  }

  private complete(sample: PendingSample): void {
    const { t } = sample;
    const from = t - KEPT_SAMPLES * BUCKET_MS;
    for (const { nodeId, ms, entries } of sample.lag) {
      const points = this.lagByNode.get(nodeId) ?? [];
      points.push({ t, ms, entries });
      this.lagByNode.set(nodeId, points);
    }
    for (const [nodeId, points] of this.lagByNode) {
      const drop = points.findIndex((p) => p.t > from);
      if (drop !== 0) points.splice(0, drop < 0 ? points.length : drop);
      if (points.length === 0) this.lagByNode.delete(nodeId);
    }

    const latencies: number[] = [];
    const reads = new Map<NodeId, number>();
    const writes = new Map<NodeId, number>();
    for (const c of this.completions) {
      if (c.at > t || c.at <= t - THROUGHPUT_WINDOW_MS) continue;
      const counts = c.kind === 'read' ? reads : writes;
      counts.set(c.nodeId, (counts.get(c.nodeId) ?? 0) + 1);
      if (c.kind === 'write' && c.at > t - LATENCY_WINDOW_MS) latencies.push(c.ms);
    }
    latencies.sort((a, b) => a - b);
    this.latency.push({
      t,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      count: latencies.length,
    });
    this.counters.push(sample.counters);
    if (this.latency.length > KEPT_SAMPLES) this.latency.shift();
    if (this.counters.length > KEPT_SAMPLES) this.counters.shift();

    const nodeIds = [...new Set([...sample.nodeIds, ...reads.keys(), ...writes.keys()])];
    this.throughput = nodeIds.sort(byNodeId).map((nodeId) => ({
      nodeId,
      readsPerSec: ((reads.get(nodeId) ?? 0) * 1000) / THROUGHPUT_WINDOW_MS,
      writesPerSec: ((writes.get(nodeId) ?? 0) * 1000) / THROUGHPUT_WINDOW_MS,
    }));
    this.dirty = true;
  }
}

const collator = new Intl.Collator('en', { numeric: true });
const byNodeId = (a: string, b: string): number => collator.compare(a, b);

/**
 * Advances `sim` by `ms`, stopping at every sample time on the way to let `recorder` read the engine
 * there. Advancing in steps runs the same events as one advance: the scheduler runs in time order.
 */
export function advanceRecorded(sim: Simulation, ms: number, recorder: SeriesRecorder): void {
  const target = sim.now() + ms;
  sampleUpTo(sim, target, recorder);
  sim.advanceTo(target);
}

/**
 * Brings `sim` to exactly `at` (when it is behind), sampling on the way. Each stop lands on its instant
 * exactly, so a run advanced in frames and a seek from a checkpoint sample at the same instants.
 */
export function recordTo(sim: Simulation, at: SimTime, recorder: SeriesRecorder): void {
  sampleUpTo(sim, at, recorder);
  if (sim.now() < at) sim.advanceTo(at);
}

/** Takes every sample due up to `at`, advancing `sim` to each sample's instant exactly. */
function sampleUpTo(sim: Simulation, at: SimTime, recorder: SeriesRecorder): void {
  for (let t = recorder.nextSampleAt; t <= at; t = recorder.nextSampleAt) {
    if (t > sim.now()) sim.advanceTo(t);
    recorder.sample(Math.max(t, sim.now()), sim.nodes(), sim.metrics());
  }
}
