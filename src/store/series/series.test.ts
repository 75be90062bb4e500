import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  presets,
  type OperationRecord,
  type ScenarioInput,
  type Simulation,
  type WorkloadOptions,
} from '../../engine/index.ts';
import {
  BUCKET_MS,
  LATENCY_WINDOW_MS,
  THROUGHPUT_WINDOW_MS,
  SeriesRecorder,
  advanceRecorded,
  percentile,
  type Series,
} from './series.ts';

const WORKLOAD = { writesPerSec: 20, readsPerSec: 30, keys: 10, readRouting: 'replicas' } as const;

function start(scenario: ScenarioInput, workload: Partial<WorkloadOptions> = WORKLOAD): Simulation {
  const sim = createSimulation({ seed: 11, network: { latencyMs: 40, jitterMs: 10 }, ...scenario });
  sim.startWorkload(workload);
  return sim;
}

/** Runs `sim` for `ms` in frames of the given sizes (cycled), recording as the store does. */
function record(sim: Simulation, ms: number, frames: readonly number[] = [16.7]): Series {
  const recorder = new SeriesRecorder();
  const end = sim.now() + ms;
  for (let i = 0; sim.now() < end; i++) {
    advanceRecorded(sim, Math.min(frames[i % frames.length] ?? 16, end - sim.now()), recorder);
    recorder.ingest(sim.events());
    recorder.flush();
  }
  return recorder.series();
}

const completedIn = (ops: readonly OperationRecord[], from: number, to: number) =>
  ops.filter((op) => op.status === 'ok' && op.endedAt !== undefined && op.endedAt > from && op.endedAt <= to);

describe('chart series from a seeded run', () => {
  it('samples every 250 simulated ms', () => {
    const series = record(start(presets['master-slave']), 3000);
    expect(series.latency.map((p) => p.t)).toEqual(Array.from({ length: 13 }, (_, i) => i * BUCKET_MS));
    expect(series.time).toBe(3000);
  });

  it('gives the same series whatever the frame sizes', () => {
    const smooth = record(start(presets['master-slave']), 6000, [16.7]);
    const jerky = record(start(presets['master-slave']), 6000, [3, 400, 97.5, 1200, 1]);
    const once = record(start(presets['master-slave']), 6000, [6000]);
    expect(jerky).toEqual(smooth);
    expect(once).toEqual(smooth);
  });

  it('has the write-latency percentiles of the acknowledged writes in history()', () => {
    const sim = start(presets['master-slave']);
    const series = record(sim, 8000);
    const writes = sim.history().filter((op) => op.kind === 'write');
    let withWrites = 0;
    for (const point of series.latency) {
      const latencies = completedIn(writes, point.t - LATENCY_WINDOW_MS, point.t)
        .map((op) => (op.endedAt ?? 0) - op.startedAt)
        .sort((a, b) => a - b);
      expect(point.count).toBe(latencies.length);
      expect(point.p50).toBe(percentile(latencies, 50));
      expect(point.p99).toBe(percentile(latencies, 99));
      if (latencies.length > 0) withWrites++;
    }
    expect(withWrites).toBeGreaterThan(20);
  });

  it('has each node’s completed reads and writes per second from history()', () => {
    const sim = start(presets['master-slave']);
    const series = record(sim, 9000);
    const recent = completedIn(sim.history(), series.time - THROUGHPUT_WINDOW_MS, series.time);
    for (const { nodeId, readsPerSec, writesPerSec } of series.throughput) {
      const on = recent.filter((op) => op.nodeId === nodeId);
      expect(readsPerSec).toBe((on.filter((op) => op.kind === 'read').length * 1000) / THROUGHPUT_WINDOW_MS);
      expect(writesPerSec).toBe(
        (on.filter((op) => op.kind === 'write').length * 1000) / THROUGHPUT_WINDOW_MS,
      );
    }
    // Reads go to the slaves, so the master serves writes only: read scaling.
    const byNode = new Map(series.throughput.map((n) => [n.nodeId, n]));
    expect(byNode.get('db1')?.readsPerSec).toBe(0);
    expect(byNode.get('db1')?.writesPerSec).toBeGreaterThan(10);
    expect(byNode.get('db2')?.readsPerSec).toBeGreaterThan(5);
    expect(byNode.get('db3')?.readsPerSec).toBeGreaterThan(5);
  });

  it('has each replica’s lag as the engine reports it at that instant', () => {
    const series = record(start(presets.scheduled), 7000);
    const replay = start(presets.scheduled);
    const db2 = series.lag.find((s) => s.nodeId === 'db2')?.points ?? [];
    expect(db2).toHaveLength(29);
    for (const point of db2) {
      replay.advance(point.t - replay.now());
      expect(point).toEqual({ t: point.t, ...replay.node('db2').lag });
    }
  });

  it('draws a saw-tooth under scheduled replication', () => {
    const series = record(start(presets.scheduled), 12_000);
    const lag = (series.lag.find((s) => s.nodeId === 'db2')?.points ?? []).map((p) => p.ms);
    let drops = 0;
    for (let i = 1; i < lag.length; i++) if ((lag[i - 1] ?? 0) - (lag[i] ?? 0) > 1000) drops++;
    // A batch every 2 s: lag climbs to about 2 s, then falls when the batch is applied.
    expect(drops).toBeGreaterThanOrEqual(5);
    expect(Math.max(...lag)).toBeGreaterThan(1500);
    expect(Math.max(...lag)).toBeLessThan(2600);
  });

  it('shows synchronous writes waiting for a round trip that asynchronous ones skip', () => {
    const p50 = (series: Series) => series.latency.at(-1)?.p50 ?? 0;
    const async = record(start(presets['master-slave']), 5000);
    const sync = record(start({ ...presets['master-slave'], replication: { mode: 'sync' } }), 5000);
    expect(p50(async)).toBeLessThan(10);
    expect(p50(sync)).toBeGreaterThan(70);
  });

  it('counts lost writes as the engine does, from the failover on', () => {
    const sim = start(presets['master-slave'], { writesPerSec: 50, readsPerSec: 0 });
    const recorder = new SeriesRecorder();
    advanceRecorded(sim, 2010, recorder);
    sim.kill('db1');
    sim.promote('db2');
    advanceRecorded(sim, 1000, recorder);
    recorder.ingest(sim.events());
    recorder.flush();
    const counters = recorder.series().counters;
    expect(sim.metrics().lostWrites).toBeGreaterThan(0);
    expect(counters.find((c) => c.t === 2000)?.lostWrites).toBe(0);
    expect(counters.at(-1)).toMatchObject({ t: 3000, lostWrites: sim.metrics().lostWrites });
  });
});
