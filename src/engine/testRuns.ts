/**
 * Random runs for the engine's property tests (and the store's): scenarios across every mode and
 * topology, and the operator and client steps a person could take, each applied as the lab would.
 */
import fc from 'fast-check';
import type { ConfigureOptions, ScenarioInput, Simulation } from './index.ts';

export type Step =
  | { readonly at: number; readonly kind: 'write'; readonly node: number; readonly key: string }
  | { readonly at: number; readonly kind: 'read'; readonly node: number; readonly key: string }
  | {
      readonly at: number;
      readonly kind: 'kill' | 'restart' | 'promote' | 'backup' | 'rewind';
      readonly node: number;
    }
  | { readonly at: number; readonly kind: 'cut'; readonly node: number }
  | { readonly at: number; readonly kind: 'heal' }
  | {
      readonly at: number;
      readonly kind: 'workload';
      readonly writes: number;
      readonly reads: number;
      /** The newer options: a Zipf law, a read ratio, sessions. */
      readonly mix?: 'plain' | 'zipf' | 'sessions';
    }
  | { readonly at: number; readonly kind: 'burst'; readonly factor: number }
  | { readonly at: number; readonly kind: 'regionCut'; readonly region: number }
  | { readonly at: number; readonly kind: 'remoteWrite'; readonly node: number; readonly region: number }
  | { readonly at: number; readonly kind: 'rename'; readonly node: number }
  | { readonly at: number; readonly kind: 'stop' }
  | { readonly at: number; readonly kind: 'latency'; readonly node: number; readonly ms: number }
  | { readonly at: number; readonly kind: 'add'; readonly node: number }
  | { readonly at: number; readonly kind: 'disk'; readonly node: number; readonly factor: number }
  | { readonly at: number; readonly kind: 'fixDisk'; readonly node: number }
  | { readonly at: number; readonly kind: 'configure'; readonly options: ConfigureOptions };

export const scenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    masters: fc.constantFrom(1, 1, 1, 2, 3),
    replicas: fc.integer({ min: 0, max: 4 }),
    cascade: fc.boolean(),
    mode: fc.constantFrom('async' as const, 'sync' as const, 'semi-sync' as const, 'scheduled' as const),
    automatic: fc.boolean(),
    fencing: fc.boolean(),
    resolution: fc.constantFrom('lww' as const, 'siblings' as const),
    latencyMs: fc.integer({ min: 1, max: 120 }),
    jitterMs: fc.integer({ min: 0, max: 30 }),
    flushMs: fc.constantFrom(0, 0, 3),
    seed: fc.nat(10_000),
    /** Regions (0: none), the latency between two, and its jitter. */
    regions: fc.constantFrom(0, 0, 2, 3),
    betweenMs: fc.integer({ min: 20, max: 200 }),
    betweenJitterMs: fc.integer({ min: 0, max: 20 }),
  })
  .map((s) => {
    const multi = s.masters > 1;
    const mode = multi && (s.mode === 'semi-sync' || s.mode === 'scheduled') ? 'async' : s.mode;
    const nodes = [
      ...Array.from({ length: s.masters }, (_, i) => ({ id: `db${i + 1}`, role: 'primary' as const })),
      ...Array.from({ length: s.replicas }, (_, i) => ({
        id: `r${i + 1}`,
        role: 'replica' as const,
        upstream: s.cascade && i > 0 ? `r${i}` : 'db1',
      })),
    ];
    // With regions, nodes are dealt round them (so fewer nodes than regions means fewer regions).
    const count = Math.min(s.regions, nodes.length);
    const regions = Array.from({ length: count }, (_, i) => ({ id: `reg${i}`, name: `Region ${i}` }));
    const between = regions.flatMap((a, i) =>
      regions.slice(i + 1).map((b, j) => ({
        from: a.id,
        to: b.id,
        latencyMs: s.betweenMs + 10 * j,
        jitterMs: s.betweenJitterMs,
      })),
    );
    return {
      seed: s.seed,
      ...(count === 0 ? {} : { regions }),
      nodes: nodes.map((n, i) => (count === 0 ? n : { ...n, region: `reg${i % count}` })),
      replication: {
        mode,
        intervalMs: 150,
        flushMs: s.flushMs,
        ...(mode === 'semi-sync' ? { syncTimeoutMs: 400 } : {}),
      },
      network: { latencyMs: s.latencyMs, jitterMs: s.jitterMs, ...(count === 0 ? {} : { between }) },
      failover:
        s.automatic && !multi
          ? { mode: 'automatic' as const, heartbeatMs: 100, timeoutMs: 300, fencing: s.fencing }
          : { mode: 'manual' as const },
      conflictResolution: s.resolution,
    };
  });

/** Settings changed mid-run: any field may be left out (a group refuses a new mode, changing nothing). */
const configureArb: fc.Arbitrary<ConfigureOptions> = fc.record(
  {
    replication: fc.record(
      {
        mode: fc.constantFrom('async' as const, 'sync' as const, 'semi-sync' as const, 'scheduled' as const),
        syncCount: fc.integer({ min: 1, max: 3 }),
        intervalMs: fc.constantFrom(100, 400),
        ackOn: fc.constantFrom('written' as const, 'received' as const, 'applied' as const),
      },
      { requiredKeys: [] },
    ),
    network: fc.record(
      { latencyMs: fc.integer({ min: 1, max: 120 }), jitterMs: fc.integer({ min: 0, max: 30 }) },
      { requiredKeys: [] },
    ),
    conflictResolution: fc.constantFrom('lww' as const, 'siblings' as const),
    // Started, paused or resumed, retimed (a timeout under twice the heartbeat is refused), the lag limit
    // set or removed, fencing switched: a group refuses automatic failover.
    failover: fc.record(
      {
        mode: fc.constantFrom('manual' as const, 'automatic' as const),
        heartbeatMs: fc.constantFrom(50, 100, 200),
        timeoutMs: fc.constantFrom(150, 300, 600),
        maxLagOnFailover: fc.constantFrom(null, 0, 3),
        fencing: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

export const stepArb = (horizon: number): fc.Arbitrary<Step> => {
  const at = fc.integer({ min: 0, max: horizon });
  const node = fc.nat(10);
  return fc.oneof(
    {
      weight: 5,
      arbitrary: fc.record({
        at,
        kind: fc.constant('write' as const),
        node,
        key: fc.constantFrom('a', 'b', 'c'),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        at,
        kind: fc.constant('read' as const),
        node,
        key: fc.constantFrom('a', 'b', 'c'),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        at,
        kind: fc.constantFrom(
          'kill' as const,
          'restart' as const,
          'promote' as const,
          'backup' as const,
          'rewind' as const,
        ),
        node,
      }),
    },
    { weight: 1, arbitrary: fc.record({ at, kind: fc.constant('cut' as const), node }) },
    { weight: 1, arbitrary: fc.record({ at, kind: fc.constant('heal' as const) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        at,
        kind: fc.constant('workload' as const),
        writes: fc.integer({ min: 0, max: 60 }),
        reads: fc.integer({ min: 0, max: 30 }),
        mix: fc.constantFrom('plain' as const, 'plain' as const, 'zipf' as const, 'sessions' as const),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        at,
        kind: fc.constant('burst' as const),
        factor: fc.integer({ min: 2, max: 10 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ at, kind: fc.constant('regionCut' as const), region: fc.nat(3) }) },
    {
      weight: 1,
      arbitrary: fc.record({ at, kind: fc.constant('remoteWrite' as const), node, region: fc.nat(3) }),
    },
    { weight: 1, arbitrary: fc.record({ at, kind: fc.constant('rename' as const), node }) },
    { weight: 1, arbitrary: fc.record({ at, kind: fc.constant('stop' as const) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        at,
        kind: fc.constant('latency' as const),
        node,
        ms: fc.integer({ min: 0, max: 300 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ at, kind: fc.constant('add' as const), node }) },
    {
      weight: 1,
      arbitrary: fc.record({
        at,
        kind: fc.constant('disk' as const),
        node,
        factor: fc.integer({ min: 2, max: 40 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ at, kind: fc.constant('fixDisk' as const), node }) },
    {
      weight: 1,
      arbitrary: fc.record({ at, kind: fc.constant('configure' as const), options: configureArb }),
    },
  );
};

/** Applies one step; a call the engine refuses is ignored (it changes nothing). */
export function apply(sim: Simulation, step: Step): void {
  const ids = sim.nodes().map((n) => n.id);
  const id = 'node' in step ? (ids[step.node % ids.length] ?? 'db1') : 'db1';
  try {
    switch (step.kind) {
      case 'write':
        sim.write(id, step.key, `v${step.at}`);
        break;
      case 'read':
        sim.read(id, step.key);
        break;
      case 'kill':
        sim.kill(id);
        break;
      case 'restart':
        sim.restart(id);
        break;
      case 'promote':
        sim.promote(id);
        break;
      case 'backup':
        sim.takeBackup(id);
        break;
      case 'rewind':
        sim.rewind(id);
        break;
      case 'cut':
        sim.partition([[id]]);
        break;
      case 'heal':
        sim.heal();
        break;
      case 'workload':
        sim.startWorkload({
          writesPerSec: step.writes,
          readsPerSec: step.reads,
          keys: 3,
          ...(step.mix === 'zipf' ? { keys: 20, keyDistribution: 'zipf' as const, zipfSkew: 1.2 } : {}),
          ...(step.mix === 'sessions' ? { readRatio: 0.7, readYourWrites: true } : {}),
        });
        break;
      case 'burst':
        sim.burst({ factor: step.factor, durationMs: 300 });
        break;
      case 'regionCut': {
        const regions = sim.snapshot().regions;
        sim.partitionRegions([[regions[step.region % Math.max(1, regions.length)]?.id ?? 'none']]);
        break;
      }
      case 'remoteWrite': {
        const regions = sim.snapshot().regions;
        const region = regions[step.region % Math.max(1, regions.length)]?.id;
        sim.write(id, 'a', `r${step.at}`, region === undefined ? {} : { region });
        break;
      }
      case 'rename':
        sim.renameNode(id, `Node ${step.at}`);
        break;
      case 'stop':
        sim.stopWorkload();
        break;
      case 'latency':
        sim.setLatency('db1', id, step.ms);
        break;
      case 'add':
        sim.addNode({ id: `x${step.at}`, upstream: id });
        break;
      case 'disk':
        sim.slowDisk(id, step.factor);
        break;
      case 'fixDisk':
        sim.fixDisk(id);
        break;
      case 'configure':
        sim.configure(step.options);
        break;
    }
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'SimulationError') throw error;
  }
}

/** Everything a user or a test can observe (the snapshot's version counts calls, so it is left out). */
export function observed(sim: Simulation) {
  return {
    now: sim.now(),
    snapshot: { ...sim.snapshot(), version: 0 },
    events: sim.events(),
    messages: sim.messages(),
    history: sim.history(),
    failovers: sim.failovers(),
    conflicts: sim.conflicts(),
    backups: sim.backups(),
    anomalies: sim.check(),
    commands: sim.commands(),
    next: sim.nextEventAt(),
    stats: sim.stats(),
  };
}
