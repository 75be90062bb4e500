import { describe, expect, it } from 'vitest';
import { SimulationError } from '../api.ts';
import { startedCluster } from '../testing.ts';
import { REPLICATION_TIMEOUT_MS } from '../timing.ts';

const started = startedCluster;

describe('a partition between the primary and a replica', () => {
  it('drops messages across the cut, so the replica keeps serving stale reads', () => {
    const sim = started(2);
    sim.partition([['db1', 'db2'], ['db3']]);
    sim.write('db1', 'k', 'v');
    sim.advance(500);
    expect(sim.node('db2').data.k).toBe('v');
    expect(sim.node('db3').data.k).toBeUndefined();
    const read = sim.read('db3', 'k');
    expect(read.status).toBe('ok');
    expect(read.stale).toBe(true);
    expect(sim.snapshot().links.find((l) => l.to === 'db3')?.cut).toBe(true);
  });

  it('catches the replica up after the heal, even when the cut was shorter than the connection timeout', () => {
    const sim = started(2);
    sim.partition([['db1', 'db2'], ['db3']]);
    sim.write('db1', 'k', 'v');
    sim.advance(200);
    sim.heal();
    sim.runUntilIdle();
    expect(sim.node('db3').data).toEqual(sim.node('db1').data);
  });

  it('times the connection out during a long cut; the replica retries and catches up after the heal', () => {
    const sim = started(2);
    sim.partition([['db3'], ['db1', 'db2']]);
    sim.advance(REPLICATION_TIMEOUT_MS + 100);
    expect(sim.node('db3').state).toBe('replica.connecting');
    for (let i = 0; i < 5; i++) sim.write('db1', `k${i}`, `${i}`);
    sim.advance(2000);
    sim.heal();
    sim.advance(1500);
    sim.runUntilIdle();
    expect(sim.node('db3').state).toBe('replica.streaming');
    expect(sim.node('db3').appliedLsn).toBe(5);
  });

  it('blocks synchronous commits whose confirmations cannot cross the cut, until the heal', () => {
    const sim = started(1, { mode: 'sync' });
    sim.partition([['db1'], ['db2']]);
    const op = sim.write('db1', 'k', 'v');
    sim.advance(1000);
    expect(sim.op(op.id)?.status).toBe('pending');
    sim.heal();
    sim.advance(1500);
    sim.runUntilIdle();
    expect(sim.op(op.id)?.status).toBe('ok');
  });

  it('rejects groups that name unknown nodes or repeat one, and changes nothing', () => {
    const sim = started(2);
    expect(() => {
      sim.partition([['db1'], ['nope']]);
    }).toThrow(/unknown node "nope"/);
    expect(() => {
      sim.partition([['db1'], ['db1', 'db2']]);
    }).toThrow(SimulationError);
    expect(sim.snapshot().network.partitioned).toBe(false);
    expect(() => {
      sim.heal();
    }).toThrow(/not partitioned/);
  });
});

describe('a slow link', () => {
  it('delays only the messages on that link, in both directions', () => {
    const sim = started(2);
    sim.setLatency('db1', 'db3', 500);
    sim.write('db1', 'k', 'v');
    sim.advance(50);
    expect(sim.node('db2').data.k).toBe('v');
    expect(sim.node('db3').data.k).toBeUndefined();
    sim.advance(500);
    expect(sim.node('db3').data.k).toBe('v');
    expect(sim.snapshot().links.find((l) => l.to === 'db3')?.latencyMs).toBe(500);
  });

  it('makes synchronous commit as slow as its slowest synchronous replica', () => {
    const sim = started(2, { mode: 'sync' });
    sim.setLatency('db1', 'db3', 200);
    const op = sim.write('db1', 'k', 'v');
    sim.runUntilIdle();
    const done = sim.op(op.id);
    expect((done?.endedAt ?? 0) - (done?.startedAt ?? 0)).toBeGreaterThanOrEqual(400);
  });
});
