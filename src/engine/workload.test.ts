import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  restoreSimulation,
  SimulationError,
  type ScenarioInput,
  type Simulation,
} from './index.ts';
import { createRandom } from './random.ts';
import { cluster } from './testing.ts';
import { zipfCdf, zipfIndex } from './zipf.ts';

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 30);

/** The share of picks the `top` most popular of `n` keys get under Zipf(s): H(top, s) / H(n, s). */
function zipfShare(n: number, skew: number, top: number): number {
  let head = 0;
  let all = 0;
  for (let k = 1; k <= n; k++) {
    all += k ** -skew;
    if (k <= top) head += k ** -skew;
  }
  return head / all;
}

/** Primary and a replica in Europe, a replica in US East and one in Asia. */
const threeRegions: ScenarioInput = {
  seed: 11,
  regions: [
    { id: 'eu', name: 'Europe' },
    { id: 'us', name: 'US East' },
    { id: 'ap', name: 'Asia' },
  ],
  nodes: [
    { id: 'eu1', role: 'primary', region: 'eu' },
    { id: 'eu2', role: 'replica', upstream: 'eu1', region: 'eu' },
    { id: 'us1', role: 'replica', upstream: 'eu1', region: 'us' },
    { id: 'ap1', role: 'replica', upstream: 'us1', region: 'ap' },
  ],
  network: {
    latencyMs: 1,
    jitterMs: 0.5,
    between: [
      { from: 'eu', to: 'us', latencyMs: 40, jitterMs: 4 },
      { from: 'eu', to: 'ap', latencyMs: 110, jitterMs: 10 },
      { from: 'us', to: 'ap', latencyMs: 90, jitterMs: 8 },
    ],
  },
};

const regionOf = (sim: Simulation, id: string) => sim.node(id).region;

describe('Zipf key popularity', () => {
  it('picks the hottest keys as often as the law says', () => {
    for (const [n, s] of [
      [100, 1],
      [1000, 1.2],
      [10, 0.5],
    ] as const) {
      const cdf = zipfCdf(n, s);
      const random = createRandom(5);
      const draws = 40_000;
      const counts = new Array<number>(n).fill(0);
      for (let i = 0; i < draws; i++) {
        const key = zipfIndex(cdf, random.next());
        counts[key] = (counts[key] ?? 0) + 1;
      }
      // Within 4 standard deviations of a binomial share (about 0.01 here).
      for (const top of [1, 3]) {
        const expected = zipfShare(n, s, top);
        const got = counts.slice(0, top).reduce((a, b) => a + b, 0) / draws;
        expect(Math.abs(got - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / draws));
      }
    }
  });

  it('is uniform at skew 0 and always picks a key', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (n, s, u) => {
          const i = zipfIndex(zipfCdf(n, s), u);
          expect(i).toBeGreaterThanOrEqual(0);
          expect(i).toBeLessThan(n);
        },
      ),
      { numRuns: NUM_RUNS * 10 },
    );
    const flat = zipfCdf(4, 0);
    expect([...flat]).toEqual([0.25, 0.5, 0.75, 1]);
  });

  it("gives the workload's writes the expected hot-key share", () => {
    const sim = createSimulation(cluster(1, {}, { latencyMs: 1 }));
    sim.startWorkload({
      writesPerSec: 400,
      readsPerSec: 0,
      keys: 50,
      keyDistribution: 'zipf',
      zipfSkew: 1.1,
    });
    sim.advance(10_000);
    const writes = sim.history().filter((op) => op.kind === 'write');
    expect(writes.length).toBeGreaterThan(3500);
    const hot = writes.filter((op) => op.key === 'k0').length / writes.length;
    const expected = zipfShare(50, 1.1, 1);
    expect(Math.abs(hot - expected)).toBeLessThan(4 * Math.sqrt((expected * (1 - expected)) / writes.length));
  });
});

describe('the read/write mix', () => {
  it('splits a total rate by readRatio', () => {
    const sim = createSimulation(cluster(2, {}, { latencyMs: 1 }));
    sim.startWorkload({ opsPerSec: 200, readRatio: 0.9 });
    sim.advance(20_000);
    const ops = sim.history();
    const reads = ops.filter((op) => op.kind === 'read').length / ops.length;
    expect(ops.length).toBeGreaterThan(3600);
    expect(ops.length).toBeLessThan(4400);
    expect(reads).toBeGreaterThan(0.88);
    expect(reads).toBeLessThan(0.92);
  });

  it('keeps writesPerSec and readsPerSec as they were: the same seed gives the same run', () => {
    const run = (options: Parameters<Simulation['startWorkload']>[0]) => {
      const sim = createSimulation(cluster(2, {}, { latencyMs: 3, jitterMs: 1 }));
      sim.startWorkload(options);
      sim.advance(5000);
      return sim.history();
    };
    const plain = run({ writesPerSec: 20, readsPerSec: 30 });
    expect(run({ writesPerSec: 20, readsPerSec: 30, keyDistribution: 'uniform' })).toEqual(plain);
    expect(plain.filter((op) => op.clientRegion !== undefined)).toEqual([]);
  });

  it("merges startWorkload's options over the scenario's workload", () => {
    const sim = createSimulation({
      ...cluster(1),
      workload: { readRatio: 0.5, keyDistribution: 'zipf', keys: 20 },
    });
    sim.startWorkload({ opsPerSec: 10 });
    expect(sim.snapshot().workload).toEqual({
      writesPerSec: 5,
      readsPerSec: 5,
      keys: 20,
      readRouting: 'replicas',
      readRatio: 0.5,
      keyDistribution: 'zipf',
      opsPerSec: 10,
    });
  });

  it('refuses options out of range, and changes nothing', () => {
    const sim = createSimulation(cluster(1));
    for (const bad of [
      { readRatio: 2 },
      { zipfSkew: -1 },
      { keyDistribution: 'pareto' },
      { clientsPerRegion: 0.5 },
      { opsPerSec: 1e9 },
      { readYourWrites: 'yes' },
    ])
      expect(() => {
        sim.startWorkload(bad as never);
      }).toThrow(SimulationError);
    expect(sim.snapshot().workload).toBeNull();
  });
});

describe('clients in regions', () => {
  it('read from their nearest replica and write to the primary, paying the trip', () => {
    const sim = createSimulation(threeRegions);
    sim.startWorkload({ opsPerSec: 100, readRatio: 0.8, clientsPerRegion: 2 });
    sim.advance(10_000);
    const ops = sim.history().filter((op) => op.status === 'ok');
    const reads = ops.filter((op) => op.kind === 'read');
    expect(new Set(reads.map((op) => op.clientRegion))).toEqual(new Set(['eu', 'us', 'ap']));
    for (const op of reads) expect(regionOf(sim, op.nodeId)).toBe(op.clientRegion);
    const writes = ops.filter((op) => op.kind === 'write');
    expect(writes.every((op) => op.nodeId === 'eu1')).toBe(true);
    const latency = (region: string) => {
      const mine = writes.filter((op) => op.clientRegion === region);
      return mine.reduce((sum, op) => sum + (op.endedAt ?? 0) - op.startedAt, 0) / mine.length;
    };
    // A round trip to Europe, plus the commit: about 2 ms from Europe, 84 from US East, 230 from Asia.
    expect(latency('eu')).toBeLessThan(5);
    expect(latency('us')).toBeGreaterThan(80);
    expect(latency('us')).toBeLessThan(90);
    expect(latency('ap')).toBeGreaterThan(220);
    expect(latency('ap')).toBeLessThan(242);
  });

  it('read from the primary nearest them when routing says primary', () => {
    const sim = createSimulation(threeRegions);
    sim.startWorkload({ writesPerSec: 0, readsPerSec: 50, readRouting: 'primary' });
    sim.advance(2000);
    expect(new Set(sim.history().map((op) => op.nodeId))).toEqual(new Set(['eu1']));
  });

  it('write to their nearest master in a multi-primary group', () => {
    const sim = createSimulation({
      ...threeRegions,
      regions: threeRegions.regions?.slice(0, 2) ?? [],
      nodes: [
        { id: 'eu1', role: 'primary', region: 'eu' },
        { id: 'us1', role: 'primary', region: 'us' },
      ],
      network: { latencyMs: 1, between: [{ from: 'eu', to: 'us', latencyMs: 40 }] },
    });
    sim.startWorkload({ writesPerSec: 50, readsPerSec: 0 });
    sim.advance(4000);
    const writes = sim.history();
    expect(writes.length).toBeGreaterThan(100);
    for (const op of writes) expect(regionOf(sim, op.nodeId)).toBe(op.clientRegion);
    sim.kill('us1');
    sim.advance(2000);
    const after = sim.history().filter((op) => op.startedAt > 4000 && op.status === 'ok');
    expect(after.some((op) => op.clientRegion === 'us' && op.nodeId === 'eu1')).toBe(true);
  });
});

describe('read-your-writes sessions', () => {
  /** A replica in each region, Europe's and US East's replaying 300 ms late: sessions would often miss their writes. */
  const lagging: ScenarioInput = {
    ...threeRegions,
    nodes: [
      { id: 'eu1', role: 'primary', region: 'eu' },
      { id: 'eu2', role: 'replica', upstream: 'eu1', region: 'eu', applyDelayMs: 300 },
      { id: 'us1', role: 'replica', upstream: 'eu1', region: 'us', applyDelayMs: 300 },
      { id: 'ap1', role: 'replica', upstream: 'eu1', region: 'ap' },
    ],
  };

  it("route a session's read to a node that has applied its last write, else the primary", () => {
    const sim = createSimulation(lagging);
    sim.startWorkload({ opsPerSec: 20, readRatio: 0.8, keys: 3, readYourWrites: true });
    sim.advance(30_000);
    const anomalies = sim.check().filter((a) => a.kind === 'read-your-writes');
    expect(anomalies).toEqual([]);
    const reads = sim.history().filter((op) => op.kind === 'read');
    expect(reads.every((op) => op.session !== undefined)).toBe(true);
    // Europe's clients fall back to the primary while eu2 lags; Asia's replica keeps up.
    expect(reads.some((op) => op.clientRegion === 'eu' && op.nodeId === 'eu1')).toBe(true);
    expect(reads.some((op) => op.clientRegion === 'eu' && op.nodeId === 'eu2')).toBe(true);
    expect(reads.some((op) => op.clientRegion === 'ap' && op.nodeId === 'ap1')).toBe(true);
  });

  it('would miss their writes if reads went to the nearest replica regardless', () => {
    const sim = createSimulation(lagging);
    sim.startWorkload({ opsPerSec: 20, readRatio: 0.8, keys: 3 });
    sim.advance(30_000);
    // Without sessions the same reads go to the lagging replicas: stale reads show it.
    expect(sim.metrics().staleReads).toBeGreaterThan(0);
  });
});

describe('a burst', () => {
  it('runs the workload ten times as fast for five seconds, then as before', () => {
    const sim = createSimulation(cluster(1, {}, { latencyMs: 1 }));
    sim.startWorkload({ writesPerSec: 20, readsPerSec: 0 });
    sim.advance(5000);
    sim.burst();
    expect(sim.snapshot().burst).toEqual({ factor: 10, until: 10_000 });
    sim.advance(5000);
    expect(sim.snapshot().burst).toBeNull();
    sim.advance(5000);
    const count = (from: number, to: number) =>
      sim.history().filter((op) => op.startedAt >= from && op.startedAt < to).length;
    expect(count(0, 5000)).toBeGreaterThan(70);
    expect(count(0, 5000)).toBeLessThan(130);
    expect(count(5000, 10_000)).toBeGreaterThan(850);
    expect(count(5000, 10_000)).toBeLessThan(1150);
    expect(count(10_000, 15_000)).toBeLessThan(130);
    expect(sim.commands().map((c) => c.type)).toEqual(['startWorkload', 'burst']);
    expect(sim.events().some((e) => e.type === 'workload-burst' && e.factor === 10)).toBe(true);
  });

  it('takes its factor and duration, and needs a running workload', () => {
    const sim = createSimulation(cluster(1));
    expect(() => {
      sim.burst();
    }).toThrow(/no workload is running/);
    sim.startWorkload({});
    expect(() => {
      sim.burst({ factor: 1 });
    }).toThrow(SimulationError);
    expect(() => {
      sim.burst({ durationMs: 0 });
    }).toThrow(SimulationError);
    sim.burst({ factor: 3, durationMs: 2000 });
    expect(sim.snapshot().burst).toEqual({ factor: 3, until: 2000 });
    sim.stopWorkload();
    expect(sim.snapshot().burst).toBeNull();
  });
});

describe('the workload through save and restore', () => {
  it('continues a burst, its sessions and its Zipf keys exactly', () => {
    const sim = createSimulation(threeRegions);
    sim.startWorkload({
      opsPerSec: 80,
      readRatio: 0.6,
      keyDistribution: 'zipf',
      zipfSkew: 1.3,
      readYourWrites: true,
    });
    sim.advance(3000);
    sim.burst({ factor: 4, durationMs: 3000 });
    sim.advance(1500);
    const copies = [sim.fork(), restoreSimulation(JSON.parse(JSON.stringify(sim.save())))];
    for (const s of [sim, ...copies]) s.advance(4000);
    for (const copy of copies) {
      expect(copy.history()).toEqual(sim.history());
      expect(copy.snapshot().burst).toEqual(sim.snapshot().burst);
      expect(copy.events()).toEqual(sim.events());
    }
  });
});
