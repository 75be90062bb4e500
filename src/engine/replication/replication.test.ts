import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import { cluster, startedCluster } from '../testing.ts';

const started = startedCluster;

describe('a primary with two async replicas', () => {
  it('ships a write to both replicas after the network latency, and not before', () => {
    const sim = started(2);
    sim.write('db1', 'balance', '100');
    sim.advance(9);
    expect(sim.node('db1').data.balance).toBe('100');
    expect(sim.node('db2').data.balance).toBeUndefined();
    expect(sim.node('db3').data.balance).toBeUndefined();
    sim.advance(3);
    expect(sim.node('db2').data.balance).toBe('100');
    expect(sim.node('db3').data.balance).toBe('100');
  });

  it('acknowledges an async write after the local flush alone', () => {
    const sim = started(2);
    const op = sim.write('db1', 'k', 'v');
    sim.advance(1);
    expect(sim.op(op.id)?.status).toBe('ok');
    expect(sim.op(op.id)?.endedAt).toBe(101);
  });

  it('rejects a write on a replica as read-only, like a hot standby (SQLSTATE 25006)', () => {
    const sim = started(2);
    const op = sim.write('db2', 'k', 'v');
    expect(op.status).toBe('failed');
    expect(op.error).toContain('read-only');
    expect(op.error).toContain('25006');
  });

  it('assigns each committed write the next LSN and tracks received and applied positions', () => {
    const sim = started(1);
    for (let i = 0; i < 5; i++) sim.write('db1', `k${i}`, `${i}`);
    sim.runUntilIdle();
    expect(sim.node('db1').lastLsn).toBe(5);
    expect(sim.node('db2').receivedLsn).toBe(5);
    expect(sim.node('db2').appliedLsn).toBe(5);
    expect(
      sim
        .history()
        .filter((o) => o.kind === 'write')
        .map((o) => o.lsn),
    ).toEqual([1, 2, 3, 4, 5]);
  });

  it('reports a read from a replica that has not applied the write yet as stale, with the expected value', () => {
    const sim = started(2, {}, { latencyMs: 200 });
    sim.write('db1', 'balance', '100');
    sim.advance(5);
    const read = sim.read('db2', 'balance');
    expect(read.stale).toBe(true);
    expect(read.expected).toBe('100');
    expect(sim.metrics().staleReads).toBe(1);
    sim.runUntilIdle();
    expect(sim.read('db2', 'balance').stale).toBeUndefined();
  });

  it('lets a slow replica fall behind: its lag in entries and milliseconds grows under load', () => {
    const sim = createSimulation({
      seed: 1,
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'fast', role: 'replica', upstream: 'db1' },
        { id: 'slow', role: 'replica', upstream: 'db1', applyRate: 50 },
      ],
      network: { latencyMs: 10, jitterMs: 0 },
    });
    sim.advance(100);
    sim.startWorkload({ writesPerSec: 200, readsPerSec: 0, keys: 10 });
    sim.advance(2000);
    const slow = sim.node('slow').lag;
    const fast = sim.node('fast').lag;
    expect(slow.entries).toBeGreaterThan(100);
    expect(slow.ms).toBeGreaterThan(1000);
    expect(fast.entries).toBeLessThan(20);
    sim.stopWorkload();
    sim.runUntilIdle(120_000);
    expect(sim.node('slow').lag).toEqual({ entries: 0, ms: 0 });
  });
});

describe('a delayed replica (recovery_min_apply_delay)', () => {
  it('receives entries at once but replays each only after the delay', () => {
    const sim = createSimulation({
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'delayed', role: 'replica', upstream: 'db1', applyDelayMs: 1000 },
      ],
      network: { latencyMs: 10, jitterMs: 0 },
    });
    sim.advance(100);
    sim.write('db1', 'table', 'dropped');
    sim.advance(500);
    expect(sim.node('delayed').receivedLsn).toBe(1);
    expect(sim.node('delayed').data.table).toBeUndefined();
    sim.advance(510);
    expect(sim.node('delayed').data.table).toBe('dropped');
  });
});

describe('fan-out from one primary', () => {
  function meanLag(replicas: number, cascade: Record<string, string> = {}): number {
    const sim = createSimulation(cluster(replicas, { shipRate: 4000 }, { cascade }));
    sim.advance(200);
    sim.startWorkload({ writesPerSec: 400, readsPerSec: 0, keys: 100 });
    let total = 0;
    let samples = 0;
    for (let t = 0; t < 40; t++) {
      sim.advance(50);
      for (const n of sim.nodes()) {
        if (n.role === 'replica') {
          total += n.lag.ms;
          samples++;
        }
      }
    }
    return total / samples;
  }

  it('raises every replica’s lag as more direct replicas share the primary’s outbound capacity', () => {
    const one = meanLag(1);
    const four = meanLag(4);
    const eight = meanLag(8);
    expect(four).toBeGreaterThan(one);
    expect(eight).toBeGreaterThan(four);
  });

  it('relieves the primary when replicas cascade from other replicas', () => {
    const flat = meanLag(8);
    const cascaded = meanLag(8, { db4: 'db2', db5: 'db2', db6: 'db2', db7: 'db3', db8: 'db3', db9: 'db3' });
    const directLag = (() => {
      const sim = createSimulation(
        cluster(
          8,
          { shipRate: 4000 },
          { cascade: { db4: 'db2', db5: 'db2', db6: 'db2', db7: 'db3', db8: 'db3', db9: 'db3' } },
        ),
      );
      sim.advance(200);
      sim.startWorkload({ writesPerSec: 400, readsPerSec: 0, keys: 100 });
      sim.advance(2000);
      return sim.node('db2').lag.ms;
    })();
    expect(directLag).toBeLessThan(flat);
    expect(cascaded).toBeGreaterThan(0);
  });
});

describe('cascading replication', () => {
  it('relays entries through the intermediate replica, so the leaf applies no sooner than its upstream received', () => {
    const sim = started(2, {}, { cascade: { db3: 'db2' } });
    sim.write('db1', 'k', 'v');
    sim.advance(12);
    expect(sim.node('db2').data.k).toBe('v');
    expect(sim.node('db3').data.k).toBeUndefined();
    sim.advance(12);
    expect(sim.node('db3').data.k).toBe('v');
  });

  it('never counts a cascaded replica toward synchronous commit', () => {
    const sim = started(2, { mode: 'sync' }, { cascade: { db3: 'db2' } });
    expect(sim.node('db2').sync).toBe(true);
    expect(sim.node('db3').sync).toBe(false);
    sim.kill('db3');
    const op = sim.write('db1', 'k', 'v');
    sim.advance(50);
    expect(sim.op(op.id)?.status).toBe('ok');
  });

  it('keeps the leaf streaming what the intermediate still has when the primary dies', () => {
    const sim = started(2, {}, { cascade: { db3: 'db2' } });
    sim.write('db1', 'k', 'v');
    sim.advance(11);
    sim.kill('db1');
    sim.runUntilIdle();
    expect(sim.node('db3').data.k).toBe('v');
  });
});

describe('a slow link', () => {
  it('still connects when the round trip is longer than the reconnect interval', () => {
    const sim = createSimulation(cluster(2, {}, { latencyMs: 1000, jitterMs: 50 }));
    sim.advance(5000);
    expect(sim.nodes().map((n) => n.state)).toEqual([
      'primary.serving',
      'replica.streaming',
      'replica.streaming',
    ]);
    sim.write('db1', 'k', 'v');
    sim.advance(2000);
    expect(sim.node('db3').data).toEqual({ k: 'v' });
  });
});
