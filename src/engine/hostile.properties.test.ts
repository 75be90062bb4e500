/**
 * Hostile input at the engine's door: keys and node ids that are names of object members, and calls with
 * arguments that must be refused before they change anything.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ADVANCE_MS,
  MAX_KEY_LENGTH,
  createSimulation,
  SimulationError,
  type ScenarioInput,
  type Simulation,
} from './index.ts';

/** Every member name of a plain object: the names a `{}` used as a map would answer for itself. */
const MEMBER_NAMES = Object.getOwnPropertyNames(Object.prototype);
const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 40);

const keyArb = fc.oneof(
  fc.constantFrom(...MEMBER_NAMES),
  fc.string({ maxLength: MAX_KEY_LENGTH }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
/** Node ids the scenario format accepts, member names first. */
const idArb = fc.oneof(fc.constantFrom(...MEMBER_NAMES), fc.stringMatching(/^[A-Za-z0-9_.-]{1,32}$/));

function masterAndReplicas(ids: readonly string[]): ScenarioInput {
  const [primary = 'db1', ...replicas] = ids;
  return {
    seed: 3,
    nodes: [
      { id: primary, role: 'primary' },
      ...replicas.map((id) => ({ id, role: 'replica' as const, upstream: primary })),
    ],
    network: { latencyMs: 5, jitterMs: 2 },
  };
}

describe('keys that are names of object members', () => {
  it('are stored, replicated and read like any other key', () => {
    fc.assert(
      fc.property(fc.uniqueArray(keyArb, { minLength: 1, maxLength: 12 }), (keys) => {
        const sim = createSimulation(masterAndReplicas(['db1', 'db2', 'db3']));
        sim.advance(100);
        keys.forEach((key, i) => sim.write('db1', key, `v${i}`));
        sim.runUntilIdle();
        for (const node of sim.nodes()) {
          expect(Object.keys(node.data).sort()).toEqual([...keys].sort());
          keys.forEach((key, i) => {
            expect(Object.hasOwn(node.data, key)).toBe(true);
            expect(node.data[key]).toBe(`v${i}`);
          });
          expect(Object.keys(node.siblings)).toEqual([]);
        }
        keys.forEach((key, i) => {
          expect(sim.read('db3', key).value).toBe(`v${i}`);
        });
        expect(sim.check()).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never read as present before they are written', () => {
    const sim = createSimulation(masterAndReplicas(['db1', 'db2']));
    sim.advance(100);
    for (const name of MEMBER_NAMES) {
      const read = sim.read('db2', name);
      expect(read.status).toBe('ok');
      expect(read.value).toBeUndefined();
      expect(sim.node('db2').data[name]).toBeUndefined();
    }
  });
});

describe('region ids that are names of object members', () => {
  it('place nodes, time links and route clients like any other region', () => {
    fc.assert(
      fc.property(fc.uniqueArray(idArb, { minLength: 2, maxLength: 3 }), keyArb, (regions, key) => {
        const [home = 'a', ...away] = regions;
        const sim = createSimulation({
          seed: 3,
          regions: regions.map((id) => ({ id, name: id })),
          nodes: [
            { id: 'db1', role: 'primary', region: home },
            ...away.map((region, i) => ({ id: `r${i}`, role: 'replica' as const, upstream: 'db1', region })),
          ],
          network: {
            latencyMs: 1,
            jitterMs: 0,
            between: regions.flatMap((a, i) =>
              regions.slice(i + 1).map((b) => ({ from: a, to: b, latencyMs: 30 })),
            ),
          },
        });
        sim.advance(200);
        const write = sim.write('db1', key, 'x', { region: away[0] ?? home });
        sim.runUntilIdle();
        expect((sim.op(write.id)?.endedAt ?? 0) - write.startedAt).toBe(61);
        expect(sim.snapshot().regions.map((r) => r.id)).toEqual(regions);
        for (const node of sim.nodes()) expect(node.data[key]).toBe('x');
        sim.partitionRegions([[home]]);
        expect(sim.snapshot().between.every((b) => b.cut === (b.from === home || b.to === home))).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('are refused when unknown, whatever their name', () => {
    const sim = createSimulation(masterAndReplicas(['db1', 'db2']));
    for (const name of MEMBER_NAMES) {
      expect(() => sim.write('db1', 'k', 'v', { region: name })).toThrow(SimulationError);
      expect(() => {
        sim.partitionRegions([[name]]);
      }).toThrow(SimulationError);
    }
    expect(sim.commands()).toEqual([]);
  });
});

describe('node ids that are names of object members', () => {
  it('replicate in master-slave without anomalies', () => {
    fc.assert(
      fc.property(fc.uniqueArray(idArb, { minLength: 2, maxLength: 5 }), keyArb, (ids, key) => {
        const sim = createSimulation(masterAndReplicas(ids));
        sim.advance(100);
        sim.write(ids[0] ?? '', key, 'x');
        sim.runUntilIdle();
        for (const node of sim.nodes()) expect(node.data[key]).toBe('x');
        expect(sim.check()).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('in a multi-primary group, conflict only when writes really were concurrent', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(idArb, { minLength: 2, maxLength: 3 }),
        fc.array(fc.tuple(fc.nat(), keyArb), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('lww' as const, 'siblings' as const),
        (ids, writes, conflictResolution) => {
          const sim = createSimulation({
            seed: 5,
            nodes: ids.map((id) => ({ id, role: 'primary' as const })),
            network: { latencyMs: 20 },
            conflictResolution,
          });
          sim.advance(200);
          // One write at a time, each seen everywhere before the next: nothing is concurrent.
          writes.forEach(([pick, key], i) => {
            sim.write(ids[pick % ids.length] ?? '', key, `v${i}`);
            sim.runUntilIdle();
          });
          expect(sim.conflicts()).toEqual([]);
          expect(sim.metrics().conflicts).toBe(0);
          for (const node of sim.nodes()) {
            expect(Object.keys(node.siblings)).toEqual([]);
            for (const [, key] of writes) {
              const vv = node.vectors[key];
              expect(vv).toBeDefined();
              for (const origin of Object.keys(vv ?? {})) expect(ids).toContain(origin);
            }
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('keep concurrent versions of a member-named key as siblings', () => {
    const sim = createSimulation({
      seed: 5,
      nodes: [
        { id: 'constructor', role: 'primary' },
        { id: '__proto__', role: 'primary' },
      ],
      network: { latencyMs: 50 },
      conflictResolution: 'siblings',
    });
    sim.advance(300);
    sim.write('constructor', 'toString', 'red');
    sim.write('__proto__', 'toString', 'blue');
    sim.runUntilIdle();
    for (const node of sim.nodes()) {
      expect(new Map(Object.entries(node.siblings)).get('toString')).toEqual(['blue', 'red']);
      const vv = new Map(Object.entries(node.vectors)).get('toString') ?? {};
      expect(Object.keys(vv).sort()).toEqual(['__proto__', 'constructor']);
    }
    expect(sim.conflicts()).toHaveLength(1);
  });
});

/** Everything observable, to prove a refused call changed nothing. */
function observe(sim: Simulation): string {
  return JSON.stringify({
    snapshot: sim.snapshot(),
    history: sim.history(),
    commands: sim.commands(),
    events: sim.events().length,
    metrics: sim.metrics(),
    backups: sim.backups(),
  });
}

describe('calls the engine refuses', () => {
  const refusals: [string, (sim: Simulation) => unknown][] = [
    [
      'a write with an unknown commit level',
      (s) => s.write('db1', 'k', 'v', { synchronousCommit: 'bogus' as 'on' }),
    ],
    ['a write with an unknown option', (s) => s.write('db1', 'k', 'v', { colour: 'red' } as never)],
    ['a write whose options are not an object', (s) => s.write('db1', 'k', 'v', 'on' as never)],
    ['a write with a number as key', (s) => s.write('db1', 42 as never, 'v')],
    ['a write with an object as value', (s) => s.write('db1', 'k', { toString: () => 'v' } as never)],
    ['a write with null as value', (s) => s.write('db1', 'k', null as never)],
    ['a write with a key too long', (s) => s.write('db1', 'k'.repeat(MAX_KEY_LENGTH + 1), 'v')],
    ['a write to an unknown node', (s) => s.write('db9', 'k', 'v')],
    ['a write to a node named by a number', (s) => s.write(1 as never, 'k', 'v')],
    ['a read with a number as key', (s) => s.read('db2', 7 as never)],
    ['a read with a commit level', (s) => s.read('db2', 'k', { synchronousCommit: 'on' })],
    ['a read with an empty session', (s) => s.read('db2', 'k', { session: '' })],
    [
      'advancing by 1e308 ms',
      (s) => {
        s.advance(1e308);
      },
    ],
    [
      'advancing by more than the maximum',
      (s) => {
        s.advance(MAX_ADVANCE_MS + 1);
      },
    ],
    [
      'advancing by NaN',
      (s) => {
        s.advance(Number.NaN);
      },
    ],
    [
      'advancing by a string',
      (s) => {
        s.advance('10' as never);
      },
    ],
    [
      'running until idle for 1e9 ms',
      (s) => {
        s.runUntilIdle(1e9);
      },
    ],
    [
      'advancing at most 0 tasks',
      (s) => {
        s.advance(10, { maxTasks: 0 });
      },
    ],
    [
      'advancing at most 1.5 tasks',
      (s) => {
        s.advance(10, { maxTasks: 1.5 });
      },
    ],
    [
      'advancing with an unknown option',
      (s) => {
        s.advance(10, { maxEvents: 5 } as never);
      },
    ],
    [
      'a workload with an unknown read routing',
      (s) => {
        s.startWorkload({ readRouting: 'nearest' as 'any' });
      },
    ],
    [
      'a workload with an unknown field',
      (s) => {
        s.startWorkload({ writesPerSecond: 5 } as never);
      },
    ],
    [
      'a workload with a rate as text',
      (s) => {
        s.startWorkload({ writesPerSec: '5' as never });
      },
    ],
    ['a node whose id is a number', (s) => s.addNode({ id: 5 as never, upstream: 'db1' })],
    [
      'a node with an unknown role',
      (s) => s.addNode({ id: 'db9', role: 'witness' as 'replica', upstream: 'db1' }),
    ],
    ['a node with an unknown option', (s) => s.addNode({ id: 'db9', upstream: 'db1', zone: 'a' } as never)],
    ['a node without options', (s) => s.addNode(undefined as never)],
    ['a cancel of a non-number', (s) => s.cancel('1' as never)],
    ['a resolve with a number as value', (s) => s.resolve('db1', 'k', 3 as never)],
  ];

  for (const [name, call] of refusals) {
    it(`refuses ${name} with a SimulationError and changes nothing`, () => {
      const sim = createSimulation(masterAndReplicas(['db1', 'db2']));
      sim.startWorkload({ writesPerSec: 50, readsPerSec: 50 });
      sim.advance(500);
      const before = observe(sim);
      expect(() => call(sim)).toThrow(SimulationError);
      expect(observe(sim)).toBe(before);
    });
  }

  it('refuses the node after the 64th, from addNode', () => {
    const sim = createSimulation(masterAndReplicas(Array.from({ length: 60 }, (_, i) => `db${i + 1}`)));
    for (let i = 61; i <= 64; i++) sim.addNode({ id: `db${i}`, upstream: 'db1' });
    const before = observe(sim);
    expect(() => sim.addNode({ id: 'db65', upstream: 'db1' })).toThrow(/already has 64 nodes/);
    expect(observe(sim)).toBe(before);
    expect(sim.nodes()).toHaveLength(64);
  });

  it('runs a whole hour in one advance, and longer in several', () => {
    const sim = createSimulation(masterAndReplicas(['db1', 'db2']));
    sim.advance(MAX_ADVANCE_MS);
    sim.advance(MAX_ADVANCE_MS);
    expect(sim.now()).toBe(2 * MAX_ADVANCE_MS);
  });
});

describe('an advance bounded by tasks', () => {
  it('stops early where it is, and bounded advances add up to the same run as one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 100, max: 5000 }), (maxTasks, ms) => {
        const whole = createSimulation(masterAndReplicas(['db1', 'db2', 'db3']));
        whole.startWorkload({ writesPerSec: 80, readsPerSec: 40 });
        whole.advance(ms);
        const bounded = createSimulation(masterAndReplicas(['db1', 'db2', 'db3']));
        bounded.startWorkload({ writesPerSec: 80, readsPerSec: 40 });
        let calls = 0;
        const done = () => bounded.now() === ms && (bounded.nextEventAt() ?? Infinity) > ms;
        while (!done()) {
          const before = bounded.stats().tasksRun;
          bounded.advance(ms - bounded.now(), { maxTasks });
          expect(bounded.stats().tasksRun - before).toBeLessThanOrEqual(maxTasks);
          calls++;
        }
        expect(bounded.events()).toEqual(whole.events());
        expect(bounded.history()).toEqual(whole.history());
        expect(calls).toBeGreaterThan(whole.stats().tasksRun / maxTasks - 1);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
