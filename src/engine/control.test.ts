import { describe, expect, it } from 'vitest';
import { SimulationError } from './api.ts';
import { MAX_NODES } from './scenario/schema.ts';
import { createSimulation } from './index.ts';
import { cluster } from './testing.ts';

function started(...args: Parameters<typeof cluster>) {
  const sim = createSimulation(cluster(...args));
  sim.advance(100);
  return sim;
}

describe('a replica taken offline', () => {
  it('catches up from the retained log when it returns, through catchingUp to streaming', () => {
    const sim = started(2);
    sim.kill('db2');
    for (let i = 0; i < 20; i++) sim.write('db1', `k${i}`, `${i}`);
    sim.runUntilIdle();
    sim.restart('db2');
    sim.advance(1);
    expect(sim.node('db2').state).toBe('replica.connecting');
    sim.runUntilIdle();
    expect(sim.node('db2').appliedLsn).toBe(20);
    expect(sim.node('db2').state).toBe('replica.streaming');
    expect(sim.events().some((e) => e.type === 'catching-up' && e.nodeId === 'db2')).toBe(true);
    expect(sim.events().some((e) => e.type === 'resync-started' && e.nodeId === 'db2')).toBe(false);
  });

  it('needs a full resync (a snapshot copy) when the entries it needs were already recycled', () => {
    const sim = started(1, { retainEntries: 5 });
    sim.write('db1', 'first', '0');
    sim.runUntilIdle();
    sim.kill('db2');
    for (let i = 0; i < 20; i++) sim.write('db1', `k${i}`, `${i}`);
    sim.runUntilIdle();
    sim.restart('db2');
    sim.runUntilIdle();
    expect(
      sim.events().some((e) => e.type === 'resync-started' && e.nodeId === 'db2' && e.reason === 'retention'),
    ).toBe(true);
    expect(sim.node('db2').data).toEqual(sim.node('db1').data);
    expect(sim.node('db2').state).toBe('replica.streaming');
  });

  it('replays what it had received but not applied after a crash', () => {
    const sim = createSimulation({
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'db2', role: 'replica', upstream: 'db1', applyRate: 10 },
      ],
      network: { latencyMs: 10, jitterMs: 0 },
    });
    sim.advance(100);
    for (let i = 0; i < 5; i++) sim.write('db1', `k${i}`, `${i}`);
    sim.advance(30);
    sim.kill('db2');
    expect(sim.node('db2').receivedLsn).toBe(5);
    expect(sim.node('db2').appliedLsn).toBeLessThan(5);
    sim.kill('db1');
    sim.restart('db2');
    sim.runUntilIdle();
    expect(sim.node('db2').appliedLsn).toBe(5);
  });
});

describe('backups and provisioning', () => {
  it('takes a backup from a replica at its applied position without sending anything to the primary', () => {
    const sim = started(2);
    sim.write('db1', 'a', '1');
    sim.runUntilIdle();
    const before = sim.snapshot().messages.length;
    const backup = sim.takeBackup('db2');
    expect(backup).toMatchObject({ nodeId: 'db2', lsn: 1, data: { a: '1' } });
    expect(sim.snapshot().messages.length).toBe(before);
    expect(sim.backups()).toHaveLength(1);
  });

  it('seeds a new replica from a backup; it streams only what came after', () => {
    const sim = started(1);
    sim.write('db1', 'a', '1');
    sim.runUntilIdle();
    const backup = sim.takeBackup('db2');
    sim.write('db1', 'b', '2');
    sim.runUntilIdle();
    const added = sim.addNode({ id: 'db9', upstream: 'db2', fromBackup: backup.id });
    expect(added.data).toEqual({ a: '1' });
    sim.runUntilIdle();
    expect(sim.node('db9').data).toEqual({ a: '1', b: '2' });
    expect(sim.events().some((e) => e.type === 'resync-started' && e.nodeId === 'db9')).toBe(false);
  });

  it('provisions a new primary from a backup when none is left; writes after the backup are lost', () => {
    const sim = started(1);
    sim.write('db1', 'a', '1');
    sim.runUntilIdle();
    const backup = sim.takeBackup('db2');
    const after = sim.write('db1', 'b', '2');
    sim.advance(2);
    sim.kill('db2');
    sim.kill('db1');
    sim.addNode({ id: 'fresh', role: 'primary', fromBackup: backup.id });
    expect(sim.metrics().readOnly).toBe(false);
    expect(sim.op(after.id)?.lost).toBe(true);
    expect(sim.node('db2').upstream).toBe('fresh');
    sim.restart('db2');
    sim.runUntilIdle();
    expect(sim.node('db2').data).toEqual({ a: '1' });
  });

  it('refuses a second primary while one is up, and names the problem', () => {
    const sim = started(1);
    expect(() => sim.addNode({ id: 'p2', role: 'primary' })).toThrow(SimulationError);
    expect(() => sim.addNode({ id: 'db2', upstream: 'db1' })).toThrow(/already exists/);
    expect(() => sim.addNode({ id: 'x', upstream: 'nope' })).toThrow(/unknown node "nope"/);
  });

  it('refuses a node beyond the scenario’s cap, however many are asked for', () => {
    const sim = started(2);
    for (let i = sim.nodes().length; i < MAX_NODES; i++) sim.addNode({ id: `r${i}`, upstream: 'db1' });
    expect(sim.nodes()).toHaveLength(MAX_NODES);
    expect(() => sim.addNode({ id: 'one-more', upstream: 'db1' })).toThrow(/already has 64 nodes/);
    expect(sim.nodes()).toHaveLength(MAX_NODES);
    expect(sim.commands().filter((c) => c.type === 'addNode')).toHaveLength(MAX_NODES - 3);
    sim.removeNode('r10');
    sim.addNode({ id: 'after-removal', upstream: 'db1' });
    expect(sim.nodes()).toHaveLength(MAX_NODES);
  });
});

describe('re-pointing and removing', () => {
  it('re-points a replica under another replica (a cascade) and it keeps receiving', () => {
    const sim = started(2);
    sim.repoint('db3', 'db2');
    sim.write('db1', 'a', '1');
    sim.runUntilIdle();
    expect(sim.node('db3').upstream).toBe('db2');
    expect(sim.node('db3').data).toEqual({ a: '1' });
  });

  it('refuses a re-point that would make a cycle', () => {
    const sim = started(2, {}, { cascade: { db3: 'db2' } });
    expect(() => {
      sim.repoint('db2', 'db3');
    }).toThrow(/cycle/);
    expect(sim.node('db2').upstream).toBe('db1');
  });

  it('removes a replica and hands its replicas to its upstream', () => {
    const sim = started(2, {}, { cascade: { db3: 'db2' } });
    sim.removeNode('db2');
    expect(sim.nodes().map((n) => n.id)).toEqual(['db1', 'db3']);
    expect(sim.node('db3').upstream).toBe('db1');
    sim.write('db1', 'a', '1');
    sim.runUntilIdle();
    expect(sim.node('db3').data).toEqual({ a: '1' });
  });

  it('refuses to remove a primary that still has replicas', () => {
    const sim = started(1);
    expect(() => {
      sim.removeNode('db1');
    }).toThrow(/promote/);
  });
});

describe('commands and determinism', () => {
  it('records every mutating call with its simulated time', () => {
    const sim = started(1);
    sim.write('db1', 'a', '1');
    sim.advance(50);
    sim.kill('db2');
    expect(sim.commands().map((c) => [c.type, c.at])).toEqual([
      ['write', 100],
      ['kill', 150],
    ]);
  });

  it('does not record a call that failed validation', () => {
    const sim = started(1);
    expect(() => {
      sim.kill('nope');
    }).toThrow(SimulationError);
    expect(sim.commands()).toHaveLength(0);
  });

  it('gives the same event trace for the same scenario, seed and commands', () => {
    const run = () => {
      const sim = createSimulation(cluster(3, {}, { jitterMs: 20, seed: 11 }));
      sim.startWorkload({ writesPerSec: 50, readsPerSec: 50, keys: 5 });
      sim.advance(1500);
      sim.kill('db1');
      sim.advance(200);
      sim.promote('db3');
      sim.advance(1500);
      return JSON.stringify([sim.events(), sim.history()]);
    };
    expect(run()).toBe(run());
  });

  it('gives a different trace for a different seed', () => {
    const run = (seed: number) => {
      const sim = createSimulation(cluster(2, {}, { jitterMs: 20, seed }));
      sim.startWorkload({ writesPerSec: 50, readsPerSec: 50, keys: 5 });
      sim.advance(1000);
      return JSON.stringify(sim.events());
    };
    expect(run(1)).not.toBe(run(2));
  });
});

describe('the workload', () => {
  it('issues writes and reads at roughly the requested rates, routed to replicas', () => {
    const sim = started(2);
    sim.startWorkload({ writesPerSec: 100, readsPerSec: 200, keys: 10, readRouting: 'replicas' });
    sim.advance(10_000);
    const ops = sim.history();
    const writes = ops.filter((o) => o.kind === 'write').length;
    const reads = ops.filter((o) => o.kind === 'read');
    expect(writes).toBeGreaterThan(850);
    expect(writes).toBeLessThan(1150);
    expect(reads.length).toBeGreaterThan(1700);
    expect(reads.every((o) => o.nodeId !== 'db1')).toBe(true);
    expect(sim.node('db2').load).toBeGreaterThan(50);
    expect(sim.node('db1').load).toBeLessThan(150);
  });
});
