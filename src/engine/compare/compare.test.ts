import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compare,
  compareFigures,
  createSimulation,
  measure,
  NO_LAG_SAMPLES,
  sampleLag,
  ScenarioError,
  SimulationError,
  type CompareCommand,
  type ScenarioInput,
  type Simulation,
} from '../index.ts';

/** A primary `${prefix}1` and `replicas` replicas of it, `${prefix}2`...; one seed for every side. */
function scenario(
  prefix: string,
  replicas: number,
  replication: ScenarioInput['replication'] = {},
  failover: ScenarioInput['failover'] = { mode: 'automatic' },
): ScenarioInput {
  return {
    seed: 11,
    nodes: [
      { id: `${prefix}1`, role: 'primary' },
      ...Array.from({ length: replicas }, (_, i) => ({
        id: `${prefix}${i + 2}`,
        role: 'replica' as const,
        upstream: `${prefix}1`,
      })),
    ],
    replication,
    network: { latencyMs: 20, jitterMs: 5 },
    failover,
  };
}

const A = scenario('db', 3);
const B = scenario('pg', 2, { mode: 'sync' });

const up = (sim: Simulation, role: 'primary' | 'replica') =>
  sim.nodes().filter((n) => n.role === role && n.status === 'up');
/** The up primary, found by hand (not with the resolver under test). */
const primaryOf = (sim: Simulation): string => up(sim, 'primary')[0]?.id ?? 'none';

const COMMANDS: readonly CompareCommand[] = [
  { at: 0, type: 'startWorkload', args: [{ writesPerSec: 20, readsPerSec: 10 }] },
  { at: 500, type: 'write', args: [{ role: 'primary' }, 'k', 'v'] },
  { at: 800, type: 'read', args: [{ role: 'replica', index: 0 }, 'k'] },
  { at: 2000, type: 'partition', args: [[[{ role: 'primary' }], [{ role: 'replica', index: 0 }]]] },
  { at: 2600, type: 'heal', args: [] },
  { at: 4000, type: 'kill', args: [{ role: 'primary' }] },
  { at: 9000, type: 'write', args: [{ role: 'primary' }, 'k', 'after'] },
];
const DURATION_MS = 10_000;

/** The same run made by hand: each command's node found by hand at its time, on one simulation alone. */
function alone(input: ScenarioInput): Simulation {
  const sim = createSimulation(input);
  const replica = (i: number) => sim.nodes().filter((n) => n.role === 'replica')[i]?.id ?? 'none';
  const steps: ((s: Simulation) => unknown)[] = [
    (s) => {
      s.startWorkload({ writesPerSec: 20, readsPerSec: 10 });
    },
    (s) => s.write(primaryOf(s), 'k', 'v'),
    (s) => s.read(replica(0), 'k'),
    (s) => {
      s.partition([[primaryOf(s)], [replica(0)]]);
    },
    (s) => {
      s.heal();
    },
    (s) => {
      s.kill(primaryOf(s));
    },
    (s) => s.write(primaryOf(s), 'k', 'after'),
  ];
  COMMANDS.forEach((command, i) => {
    sim.advanceTo(command.at);
    steps[i]?.(sim);
  });
  sim.advanceTo(DURATION_MS);
  return sim;
}

/** What a run did: its events, operations, failovers, nodes and metrics. */
const trace = (sim: Simulation) => ({
  events: sim.events(),
  history: sim.history(),
  failovers: sim.failovers(),
  nodes: sim.nodes(),
  metrics: sim.metrics(),
});

describe('a comparison', () => {
  const result = compare(A, B, { commands: COMMANDS, durationMs: DURATION_MS });

  it('gives each side exactly the run it makes alone with the same commands', () => {
    expect(result.a.refused).toEqual([]);
    expect(result.b.refused).toEqual([]);
    expect(trace(result.a.simulation)).toEqual(trace(alone(A)));
    expect(trace(result.b.simulation)).toEqual(trace(alone(B)));
  });

  it('runs both sides to the end, on one clock', () => {
    expect(result.a.simulation.now()).toBe(DURATION_MS);
    expect(result.b.simulation.now()).toBe(DURATION_MS);
  });

  it("reports each side's figures as its engine does", () => {
    for (const side of [result.a, result.b]) {
      const metrics = side.simulation.metrics();
      expect(side.figures.writeLatency).toEqual(metrics.writeLatency);
      expect(side.figures.lostWrites).toBe(metrics.lostWrites);
      expect(side.figures.staleReads).toBe(metrics.staleReads);
      expect(side.figures.conflicts).toBe(metrics.conflicts);
      expect(side.figures.lastFailover).toEqual({
        rtoMs: metrics.lastFailover?.rtoMs,
        lostWrites: metrics.lastFailover?.lostWrites,
      });
      expect(side.figures).toEqual(compareFigures(side.simulation, side.lag));
    }
  });

  it('kills each side its own primary when told to kill the primary', () => {
    const killed = (sim: Simulation) =>
      sim.events().flatMap((e) => (e.type === 'node-down' ? [e.nodeId] : []));
    expect(killed(result.a.simulation)).toEqual(['db1']);
    expect(killed(result.b.simulation)).toEqual(['pg1']);
  });

  it('samples the lag of every replica that is up, every 100 ms', () => {
    const samples = result.a.lag.map((t) => [t.nodeId, t.samples]);
    // db1 is the primary, killed at 4 s; one replica is promoted in its place and sampled no more.
    expect(samples.map(([id]) => id)).toEqual(['db2', 'db3', 'db4']);
    expect(Math.max(...samples.map(([, n]) => Number(n)))).toBe(DURATION_MS / 100);
    for (const replica of result.a.figures.lag.replicas) {
      expect(replica.meanMs).toBeGreaterThanOrEqual(0);
      expect(replica.maxMs).toBeGreaterThanOrEqual(replica.meanMs);
    }
  });
});

describe('when a command cannot apply on one side', () => {
  const commands: readonly CompareCommand[] = [
    ...COMMANDS.slice(0, 2),
    { at: 600, type: 'kill', args: [{ role: 'replica', index: 2 }] },
    { at: 700, type: 'promote', args: ['db3'] },
    ...COMMANDS.slice(2),
  ];
  const result = compare(A, B, { commands, durationMs: DURATION_MS });

  it('is refused there with the reason, and nowhere else', () => {
    expect(result.a.refused).toEqual([]);
    expect(result.b.refused.map(({ index, at, reason }) => ({ index, at, reason }))).toEqual([
      {
        index: 2,
        at: 600,
        reason: 'there is no replica 2 (counted from 0): there are 2 replicas (pg2, pg3)',
      },
      { index: 3, at: 700, reason: 'unknown node "db3"' },
    ]);
    expect(result.b.refused[0]?.command).toEqual(commands[2]);
  });

  it('leaves that side as it would be without the command', () => {
    expect(trace(result.b.simulation)).toEqual(trace(alone(B)));
  });

  it('lets the other side carry on with it', () => {
    const a = result.a.simulation;
    expect(a.events().some((e) => e.type === 'node-down' && e.nodeId === 'db4')).toBe(true);
    expect(a.failovers().map((f) => [f.trigger, f.newPrimary])).toContainEqual(['manual', 'db3']);
  });
});

describe('cancelling a write', () => {
  it('cancels the write the named command issued on each side, whatever its id there', () => {
    const sync = (prefix: string, replicas: number) =>
      scenario(prefix, replicas, { mode: 'sync' }, { mode: 'manual' });
    const result = compare(sync('db', 3), sync('pg', 2), {
      durationMs: 1000,
      commands: [
        { at: 100, type: 'read', args: ['db3', 'k'] }, // only A has db3: its op ids run one ahead
        { at: 100, type: 'kill', args: [{ role: 'replica', index: 0 }] },
        { at: 200, type: 'write', args: [{ role: 'primary' }, 'k', 'v'] },
        { at: 500, type: 'cancel', args: [{ command: 2 }] },
      ],
    });
    for (const [side, id] of [
      [result.a, 2],
      [result.b, 1],
    ] as const) {
      const op = side.simulation.op(id);
      expect([op?.kind, op?.status, op?.warning]).toEqual(['write', 'ok', expect.stringMatching(/cancel/)]);
      expect(side.refused.map((r) => r.index)).toEqual(side === result.a ? [] : [0]);
    }
  });
});

describe('blocked writes and throughput', () => {
  const durationMs = 5000;
  const run = (commands: readonly CompareCommand[]) =>
    measure(scenario('db', 1, { mode: 'sync' }, { mode: 'manual' }), { commands, durationMs });
  const workload: CompareCommand = {
    at: 0,
    type: 'startWorkload',
    args: [{ writesPerSec: 20, readsPerSec: 0 }],
  };

  it('counts the writes waiting for a sync replica that is down, as the engine does', () => {
    const side = run([workload, { at: 2000, type: 'kill', args: [{ role: 'replica', index: 0 }] }]);
    const metrics = side.simulation.metrics();
    expect(metrics.blockedWrites).toBeGreaterThan(20);
    expect(side.figures.blockedWrites).toBe(metrics.blockedWrites);
  });

  it('counts the writes that failed while waiting, when their primary went down', () => {
    const side = run([
      workload,
      { at: 2000, type: 'kill', args: [{ role: 'replica', index: 0 }] },
      { at: 4000, type: 'kill', args: [{ role: 'primary' }] },
    ]);
    const failedWaiting = side.simulation
      .history()
      .filter((op) => op.waitedForSync === true && op.status === 'failed');
    expect(side.simulation.metrics().blockedWrites).toBe(0);
    expect(failedWaiting.length).toBeGreaterThan(20);
    expect(side.figures.blockedWrites).toBe(failedWaiting.length);
  });

  it('gives throughput as acknowledged writes per simulated second', () => {
    const side = run([workload]);
    const acknowledged = side.simulation.history().filter((op) => op.kind === 'write' && op.status === 'ok');
    expect(side.figures.throughput).toBe(acknowledged.length / (durationMs / 1000));
    expect(side.figures.blockedWrites).toBe(side.simulation.metrics().blockedWrites);
  });
});

describe('lag samples', () => {
  it('leave out replicas that are down, and the simulation unchanged', () => {
    const sim = createSimulation(scenario('db', 2));
    sim.advance(100);
    sim.kill('db3');
    const before = sim.snapshot().version;
    const samples = sampleLag(sampleLag(NO_LAG_SAMPLES, sim), sim);
    expect(samples.map((t) => [t.nodeId, t.samples])).toEqual([['db2', 2]]);
    expect(sim.snapshot().version).toBe(before);
  });
});

describe('a comparison of a configuration with itself', () => {
  it('finds no difference, whatever the seed, mode and commands', () => {
    const step = fc.record({
      at: fc.integer({ min: 0, max: 3000 }),
      command: fc.constantFrom<readonly [CompareCommand['type'], readonly unknown[]]>(
        ['write', [{ role: 'primary' }, 'k', 'v']],
        ['read', [{ role: 'replica', index: 0 }, 'k']],
        ['kill', [{ role: 'primary' }]],
        ['kill', [{ role: 'replica', index: 1 }]],
        ['restart', [{ role: 'replica', index: 0 }]],
        ['promote', [{ role: 'replica', index: 0 }]],
        ['partition', [[[{ role: 'primary' }]]]],
        ['heal', []],
      ),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.constantFrom('async', 'sync', 'semi-sync'),
        fc.array(step, { maxLength: 8 }),
        (seed, mode, steps) => {
          const input = { ...scenario('db', 2, { mode }), seed };
          const commands = [
            { at: 0, type: 'startWorkload', args: [{ writesPerSec: 20 }] },
            ...steps
              .sort((x, y) => x.at - y.at)
              .map((s) => ({ at: s.at, type: s.command[0], args: s.command[1] })),
          ] as CompareCommand[];
          const result = compare(input, input, { commands, durationMs: 3000 });
          expect(result.differences.map((d) => d.better)).toEqual(result.differences.map(() => 'same'));
          expect(result.a.refused).toEqual(result.b.refused);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 25) },
    );
  });
});

describe('bad input', () => {
  const ok = { commands: [], durationMs: 1000 };
  const problem = (run: () => unknown): string => {
    try {
      run();
    } catch (error) {
      if (error instanceof ScenarioError || error instanceof SimulationError) return error.message;
      throw error;
    }
    return 'no error';
  };

  it('names the side and path of every scenario problem', () => {
    const broken = {
      nodes: [
        { id: 'pg1', role: 'primary' },
        { id: 'pg2', role: 'replica', upstream: 'nope' },
      ],
    };
    const message = problem(() => compare(A, broken, ok));
    expect(message).toMatch(/^Invalid scenario: B: nodes\[1\]\.upstream: /);
    expect(problem(() => compare({ nodes: [] }, broken, ok))).toMatch(
      /A: nodes: .*; B: nodes\[1\]\.upstream/,
    );
  });

  it('refuses two seeds', () => {
    expect(problem(() => compare(A, { ...B, seed: 12 }, ok))).toMatch(
      /B: seed: 12, but A's is 11: both sides run on one seed/,
    );
  });

  it.each([
    [{ commands: [], durationMs: -1 }, /durationMs: must be a number of simulated ms from 0, not -1/],
    [{ commands: [], durationMs: 4_000_000 }, /durationMs: at most 3600000 ms \(one simulated hour\)/],
    [{ commands: [], durationMs: Number.NaN }, /durationMs: .* not NaN/],
    [{ commands: [] }, /durationMs: .* not undefined/],
    [{ commands: [], durationMs: 1000, sampleEveryMs: 0 }, /sampleEveryMs: must be a number of ms above 0/],
    [{ commands: [], durationMs: 3_600_000, sampleEveryMs: 1 }, /more than 100000 samples/],
    [{ commands: [], durationMs: 1000, speed: 2 }, /options has an unknown field "speed"/],
    [{ commands: 'kill', durationMs: 1000 }, /commands: must be an array, not "kill"/],
    [
      { commands: [{ at: 0, type: 'explode', args: [] }], durationMs: 1000 },
      /commands\[0\]\.type: must be one of write, read/,
    ],
    [
      { commands: [{ at: 2000, type: 'heal', args: [] }], durationMs: 1000 },
      /commands\[0\]\.at: must be a time from 0 to durationMs \(1000 ms\), not 2000/,
    ],
    [
      {
        commands: [
          { at: 500, type: 'heal', args: [] },
          { at: 100, type: 'heal', args: [] },
        ],
        durationMs: 1000,
      },
      /commands\[1\]\.at: commands come in time order, and 100 ms is before the previous command's 500 ms/,
    ],
    [
      { commands: [{ at: 0, type: 'kill' }], durationMs: 1000 },
      /commands\[0\]\.args: must be an array, not undefined/,
    ],
    [
      { commands: [{ at: 0, type: 'kill', args: [], why: 1 }], durationMs: 1000 },
      /commands\[0\]: has an unknown field "why"/,
    ],
    [
      { commands: [{ at: 0, type: 'kill', args: [] }], durationMs: 1000 },
      /commands\[0\]\.args\[0\]: a node is an id or a role .* not undefined/,
    ],
    [
      { commands: [{ at: 0, type: 'kill', args: [{ role: 'master' }] }], durationMs: 1000 },
      /commands\[0\]\.args\[0\]\.role: must be primary or replica, not "master"/,
    ],
    [
      { commands: [{ at: 0, type: 'kill', args: [{ role: 'replica' }] }], durationMs: 1000 },
      /commands\[0\]\.args\[0\]\.index: a replica is named by its index/,
    ],
    [
      { commands: [{ at: 0, type: 'kill', args: [{ role: 'replica', index: -1 }] }], durationMs: 1000 },
      /\.index: must be a whole number from 0, not -1/,
    ],
    [
      { commands: [{ at: 0, type: 'partition', args: [[{ role: 'primary' }]] }], durationMs: 1000 },
      /commands\[0\]\.args\[0\]\[0\]: must be an array, not object/,
    ],
    [
      { commands: [{ at: 0, type: 'cancel', args: [3] }], durationMs: 1000 },
      /commands\[0\]\.args\[0\]: a write is named by the earlier write command that issued it/,
    ],
    [
      { commands: [{ at: 0, type: 'addNode', args: [{ id: 'x', upstream: 7 }] }], durationMs: 1000 },
      /commands\[0\]\.args\[0\]\.upstream: a node is an id or a role/,
    ],
  ])('refuses %j, naming what is wrong', (options, message) => {
    expect(problem(() => compare(A, B, options as never))).toMatch(message);
  });

  it('leaves the engine to refuse other arguments, on each side', () => {
    const result = compare(A, B, {
      commands: [{ at: 0, type: 'write', args: [{ role: 'primary' }, 'k'.repeat(201), 'v'] }],
      durationMs: 10,
    });
    expect(result.a.refused[0]?.reason).toMatch(/key must be at most 200 characters/);
    expect(result.b.refused[0]?.reason).toBe(result.a.refused[0]?.reason);
  });
});
