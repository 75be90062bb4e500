import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../index.ts';
import { cluster } from '../testing.ts';

const reach = (sim: Simulation, opId: number): Record<string, string> =>
  Object.fromEntries(sim.writeReach(opId).map((r) => [r.nodeId, r.state]));

/** db1 acknowledges balance = 200 and dies before shipping it; db2 is promoted and writes on. */
function lostInFailover(replication: Parameters<typeof cluster>[1]) {
  const sim = createSimulation(cluster(2, replication, { latencyMs: 50 }));
  sim.advance(200);
  const op = sim.write('db1', 'balance', '200');
  sim.advance(5);
  sim.kill('db1');
  sim.promote('db2');
  sim.write('db2', 'balance', '300');
  sim.advance(500);
  return { sim, op };
}

describe('writeReach', () => {
  it('follows a write from the master to each slave: missing, received (not replayed), applied', () => {
    const scenario = cluster(2, {}, { latencyMs: 50 });
    // db3 replays a second after commit, like recovery_min_apply_delay = 1s.
    const sim = createSimulation({
      ...scenario,
      nodes: scenario.nodes.map((n) => (n.id === 'db3' ? { ...n, applyDelayMs: 1000 } : n)),
    });
    sim.advance(200);
    const op = sim.write('db1', 'balance', '100');
    sim.advance(5);
    expect(reach(sim, op.id)).toEqual({ db1: 'applied', db2: 'missing', db3: 'missing' });
    sim.advance(200);
    expect(reach(sim, op.id)).toEqual({ db1: 'applied', db2: 'applied', db3: 'received' });
    sim.advance(1500);
    expect(reach(sim, op.id)).toEqual({ db1: 'applied', db2: 'applied', db3: 'applied' });
  });

  it('shows a write lost in a failover as missing on the new timeline, and on the old master once it is rewound', () => {
    const { sim, op } = lostInFailover({});
    expect(reach(sim, op.id)).toMatchObject({ db2: 'missing', db3: 'missing' });
    sim.restart('db1');
    sim.runUntilIdle(10_000);
    expect(sim.node('db1').role).toBe('replica');
    // The old master was rewound (use_pg_rewind) onto db2's timeline: its copy is gone too.
    expect(reach(sim, op.id)).toEqual({ db1: 'missing', db2: 'missing', db3: 'missing' });
  });

  it('shows a diverged old master still holding a lost write until pg_rewind replaces that tail', () => {
    const { sim, op } = lostInFailover({ autoRewind: false });
    sim.restart('db1');
    sim.runUntilIdle(10_000);
    expect(reach(sim, op.id)).toEqual({ db1: 'applied', db2: 'missing', db3: 'missing' });
    sim.rewind('db1');
    sim.runUntilIdle(10_000);
    expect(reach(sim, op.id)).toEqual({ db1: 'missing', db2: 'missing', db3: 'missing' });
  });

  it('between masters counts a write as arrived once a node has seen it, even where it lost to a later one', () => {
    const sim = createSimulation({
      seed: 3,
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'db2', role: 'primary' },
        { id: 'r1', role: 'replica', upstream: 'db1' },
        { id: 'r2', role: 'replica', upstream: 'db2' },
      ],
      network: { latencyMs: 50, jitterMs: 0 },
    });
    sim.advance(200);
    const first = sim.write('db1', 'colour', 'red');
    const second = sim.write('db2', 'colour', 'blue');
    sim.advance(5);
    expect(reach(sim, first.id)).toEqual({ db1: 'applied', db2: 'missing', r1: 'missing', r2: 'missing' });
    sim.runUntilIdle(10_000);
    expect(sim.conflicts()).toHaveLength(1);
    for (const op of [first, second]) {
      expect(reach(sim, op.id)).toEqual({ db1: 'applied', db2: 'applied', r1: 'applied', r2: 'applied' });
    }
  });

  it('has nothing to say about a read, a failed write or an unknown id', () => {
    const sim = createSimulation(cluster(1));
    sim.advance(100);
    const read = sim.read('db2', 'k');
    const failed = sim.write('db2', 'k', 'v');
    expect(failed.status).toBe('failed');
    expect(sim.writeReach(read.id)).toEqual([]);
    expect(sim.writeReach(failed.id)).toEqual([]);
    expect(sim.writeReach(9999)).toEqual([]);
  });
});
