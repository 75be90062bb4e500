/** The replay cost estimate bounds the engine's real work, so refusing by it refuses what would freeze. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, presets, type ScenarioInput } from '../engine/index.ts';
import { replayCost } from './replayCost.ts';
import { replayRun, type RunCommand, type RunRecord } from './run.ts';

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 25);

const scenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    replicas: fc.integer({ min: 0, max: 12 }),
    masters: fc.integer({ min: 1, max: 3 }),
    mode: fc.constantFrom('async' as const, 'sync' as const, 'semi-sync' as const, 'scheduled' as const),
    automatic: fc.boolean(),
    heartbeatMs: fc.integer({ min: 10, max: 2000 }),
    latencyMs: fc.integer({ min: 0, max: 200 }),
    jitterMs: fc.integer({ min: 0, max: 50 }),
    seed: fc.nat(1000),
    regions: fc.boolean(),
  })
  .filter((s) => s.masters === 1 || (s.mode !== 'semi-sync' && s.mode !== 'scheduled' && !s.automatic))
  .map((s) => {
    const nodes = [
      ...Array.from({ length: s.masters }, (_, i) => ({ id: `m${i + 1}`, role: 'primary' as const })),
      ...Array.from({ length: s.replicas }, (_, i) => ({
        id: `r${i + 1}`,
        role: 'replica' as const,
        upstream: i === 0 ? 'm1' : `r${Math.floor((i + 1) / 2)}`,
      })),
    ];
    // Two regions when there are two nodes to put in them: clients there send requests across.
    const regional = s.regions && nodes.length > 1;
    return {
      seed: s.seed,
      ...(regional
        ? {
            regions: [
              { id: 'eu', name: 'Europe' },
              { id: 'us', name: 'US' },
            ],
          }
        : {}),
      nodes: regional ? nodes.map((n, i) => ({ ...n, region: i % 2 === 0 ? 'eu' : 'us' })) : nodes,
      replication: { mode: s.mode, intervalMs: 200 },
      network: {
        latencyMs: s.latencyMs,
        jitterMs: s.jitterMs,
        ...(regional ? { between: [{ from: 'eu', to: 'us', latencyMs: 80, jitterMs: 5 }] } : {}),
      },
      failover: s.automatic
        ? { mode: 'automatic' as const, heartbeatMs: s.heartbeatMs, timeoutMs: s.heartbeatMs * 3 }
        : { mode: 'manual' as const },
    };
  });

const commandArb = (at: number): fc.Arbitrary<RunCommand> =>
  fc.oneof(
    fc
      .record({
        writesPerSec: fc.integer({ min: 0, max: 300 }),
        readsPerSec: fc.integer({ min: 0, max: 300 }),
      })
      .map((w) => ({ at, type: 'startWorkload', args: [w] })),
    fc
      .record({
        opsPerSec: fc.integer({ min: 0, max: 600 }),
        readRatio: fc.double({ min: 0, max: 1, noNaN: true }),
      })
      .map((w) => ({ at, type: 'startWorkload', args: [{ ...w, readYourWrites: true }] })),
    fc
      .record({ factor: fc.integer({ min: 2, max: 20 }), durationMs: fc.integer({ min: 1, max: 3000 }) })
      .map((b) => ({ at, type: 'burst', args: [b] })),
    fc.constant({ at, type: 'stopWorkload', args: [] }),
    fc.constant({ at, type: 'write', args: ['m1', 'k', 'v'] }),
    fc.constant({ at, type: 'kill', args: ['m1'] }),
    fc.constant({ at, type: 'restart', args: ['m1'] }),
    fc.constant({ at, type: 'promote', args: ['r1'] }),
    // Settings that pace background work, changed in the run (a group refuses automatic failover).
    fc.integer({ min: 10, max: 2000 }).map((heartbeatMs) => ({
      at,
      type: 'configure',
      args: [{ failover: { mode: 'automatic', heartbeatMs, timeoutMs: heartbeatMs * 3 } }],
    })),
    fc.constant({ at, type: 'configure', args: [{ failover: { mode: 'manual' } }] }),
    fc.constant({ at, type: 'configure', args: [{ replication: { mode: 'scheduled', intervalMs: 50 } }] }),
  );

const runArb: fc.Arbitrary<RunRecord> = fc
  .tuple(
    scenarioArb,
    fc.array(fc.integer({ min: 0, max: 4000 }), { maxLength: 6 }),
    fc.integer({ min: 0, max: 4000 }),
  )
  .chain(([scenario, times, extra]) => {
    const sorted = [...times].sort((a, b) => a - b);
    return fc.tuple(...sorted.map(commandArb)).map((commands) => ({
      scenario,
      commands,
      time: (sorted.at(-1) ?? 0) + extra,
    }));
  });

describe('the replay cost estimate', () => {
  it('bounds the tasks the engine really runs', () => {
    fc.assert(
      fc.property(runArb, (run) => {
        const replayed = replayRun(run);
        fc.pre(replayed.ok);
        const estimate = replayCost(parseScenario(run.scenario), run.commands, run.time);
        expect(estimate.tasks).toBeGreaterThanOrEqual(replayed.value.stats().tasksRun);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('counts the heartbeats of a failover manager started in the run, paused or not', () => {
    const manual = parseScenario(presets['master-slave']);
    const automatic = parseScenario({
      ...presets['master-slave'],
      failover: { mode: 'automatic', heartbeatMs: 10, timeoutMs: 30 },
    });
    const start = (mode: string): RunCommand => ({
      at: 0,
      type: 'configure',
      args: [{ failover: { mode, heartbeatMs: 10, timeoutMs: 30 } }],
    });
    const pause: RunCommand = { at: 0, type: 'configure', args: [{ failover: { mode: 'manual' } }] };
    const from = replayCost(automatic, [], 60_000).tasks;
    expect(replayCost(manual, [start('automatic')], 60_000).tasks).toBeGreaterThanOrEqual(from);
    expect(replayCost(manual, [start('automatic'), pause], 60_000).tasks).toBeGreaterThanOrEqual(from);
    expect(replayCost(manual, [], 60_000).tasks).toBeLessThan(from / 10);
  });

  it('weights work by the node count', () => {
    const small = parseScenario({ nodes: [{ id: 'a', role: 'primary' }] });
    const big = parseScenario({
      nodes: [
        { id: 'a', role: 'primary' },
        ...Array.from({ length: 63 }, (_, i) => ({ id: `r${i}`, role: 'replica' as const, upstream: 'a' })),
      ],
    });
    const start = [{ at: 0, type: 'startWorkload', args: [{ writesPerSec: 10 }] }];
    expect(replayCost(big, start, 10_000).cost).toBeGreaterThan(50 * replayCost(small, start, 10_000).cost);
  });
});
