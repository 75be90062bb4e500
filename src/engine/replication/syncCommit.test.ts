import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import { startedCluster } from '../testing.ts';

/** A synchronous primary whose one standby replays slowly (20 entries/s), streams open. */
function slowReplayingStandby(ackOn: 'received' | 'applied') {
  const sim = createSimulation({
    nodes: [
      { id: 'db1', role: 'primary' },
      { id: 'db2', role: 'replica', upstream: 'db1', applyRate: 20 },
    ],
    replication: { mode: 'sync', ackOn },
    network: { latencyMs: 10, jitterMs: 0 },
  });
  sim.advance(100);
  return sim;
}

const started = startedCluster;

describe('synchronous replication', () => {
  it('acknowledges a write only after every direct replica confirmed it: one round trip later', () => {
    const sim = started(2, { mode: 'sync' });
    const op = sim.write('db1', 'k', 'v');
    sim.advance(15);
    expect(sim.op(op.id)?.status).toBe('pending');
    expect(sim.metrics().blockedWrites).toBe(1);
    sim.advance(10);
    const done = sim.op(op.id);
    expect(done?.status).toBe('ok');
    expect(done?.waitedForSync).toBe(true);
    expect((done?.endedAt ?? 0) - done!.startedAt).toBeGreaterThanOrEqual(21);
  });

  it('makes write latency visibly higher than async', () => {
    const latency = (mode: 'async' | 'sync') => {
      const sim = started(2, { mode }, { latencyMs: 30 });
      for (let i = 0; i < 20; i++) {
        sim.write('db1', `k${i}`, 'v');
        sim.advance(100);
      }
      return sim.metrics().writeLatency.p50;
    };
    expect(latency('async')).toBeLessThan(5);
    expect(latency('sync')).toBeGreaterThan(60);
  });

  it('releases a commit whose confirmation died with the standby, by the status reply it sends on reconnecting', () => {
    const sim = started(1, { mode: 'sync' }, { latencyMs: 40 });
    const op = sim.write('db1', 'k', 'v');
    // The standby has flushed the entry (40 ms out) but its reply is still on the wire when it crashes.
    sim.advance(45);
    expect(sim.node('db2').receivedLsn).toBe(1);
    sim.kill('db2');
    sim.advance(1000);
    expect(sim.op(op.id)?.status).toBe('pending');
    sim.restart('db2');
    sim.runUntilIdle();
    expect(sim.op(op.id)?.status).toBe('ok');
    expect(sim.read('db1', 'k').value).toBe('v');
  });

  it('blocks commits while a synchronous replica is down, as PostgreSQL does, and releases them when it returns', () => {
    const sim = started(2, { mode: 'sync' });
    sim.kill('db3');
    const op = sim.write('db1', 'k', 'v');
    sim.advance(5000);
    expect(sim.op(op.id)?.status).toBe('pending');
    expect(sim.events().some((e) => e.type === 'write-blocked')).toBe(true);
    // PostgreSQL keeps a commit that waits for its standby invisible to other sessions.
    expect(sim.read('db1', 'k').value).toBeUndefined();
    sim.restart('db3');
    sim.runUntilIdle();
    expect(sim.op(op.id)?.status).toBe('ok');
    expect(sim.read('db1', 'k').value).toBe('v');
  });

  it('does not wait for a replica with sync: false', () => {
    const sim = createSimulation({
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'db2', role: 'replica', upstream: 'db1' },
        { id: 'db3', role: 'replica', upstream: 'db1', sync: false },
      ],
      replication: { mode: 'sync' },
      network: { latencyMs: 10, jitterMs: 0 },
    });
    sim.advance(100);
    sim.kill('db3');
    const op = sim.write('db1', 'k', 'v');
    sim.advance(30);
    expect(sim.op(op.id)?.status).toBe('ok');
  });

  it('falls back to async after syncTimeoutMs, says so, and returns to sync when a replica catches up (MySQL semi-sync)', () => {
    const sim = started(1, { mode: 'semi-sync', syncTimeoutMs: 1000 });
    sim.kill('db2');
    const op = sim.write('db1', 'k', 'v');
    sim.advance(999);
    expect(sim.op(op.id)?.status).toBe('pending');
    sim.advance(5);
    expect(sim.op(op.id)?.status).toBe('ok');
    expect(sim.metrics().syncDegraded).toBe(true);
    expect(sim.node('db1').state).toBe('primary.degraded');
    expect(sim.events().some((e) => e.type === 'sync-degraded')).toBe(true);
    const fast = sim.write('db1', 'k2', 'v');
    sim.advance(2);
    expect(sim.op(fast.id)?.status).toBe('ok');
    sim.restart('db2');
    sim.runUntilIdle();
    expect(sim.events().some((e) => e.type === 'sync-restored')).toBe(true);
    expect(sim.node('db1').state).toBe('primary.serving');
  });
});

describe('semi-sync quorum (PostgreSQL ANY k)', () => {
  it('survives one of three synchronous replicas down with ANY 2, and blocks with two down', () => {
    const sim = started(3, { mode: 'semi-sync', syncCount: 2 });
    sim.kill('db3');
    const first = sim.write('db1', 'a', '1');
    sim.advance(50);
    expect(sim.op(first.id)?.status).toBe('ok');
    sim.kill('db4');
    const second = sim.write('db1', 'b', '2');
    sim.advance(2000);
    expect(sim.op(second.id)?.status).toBe('pending');
  });
});

describe('ack level', () => {
  it('with ackOn applied (remote_apply) a read on the replica right after the acknowledgement sees the write', () => {
    const sim = slowReplayingStandby('applied');
    const op = sim.write('db1', 'k', 'v');
    while (sim.op(op.id)?.status === 'pending') sim.advance(1);
    expect(sim.read('db2', 'k').value).toBe('v');
  });

  it('with ackOn received (on) the same read can still be stale', () => {
    const sim = slowReplayingStandby('received');
    const op = sim.write('db1', 'k', 'v');
    while (sim.op(op.id)?.status === 'pending') sim.advance(1);
    const read = sim.read('db2', 'k');
    expect(read.value).toBeUndefined();
    expect(read.stale).toBe(true);
  });
});

describe('scheduled replication', () => {
  it('ships only at each interval boundary, so replicas see writes in batches', () => {
    const sim = started(1, { mode: 'scheduled', intervalMs: 1000 });
    sim.write('db1', 'a', '1');
    sim.advance(500);
    sim.write('db1', 'b', '2');
    sim.advance(350);
    expect(sim.node('db2').data).toEqual({});
    expect(sim.node('db2').lag.entries).toBe(2);
    sim.advance(200);
    expect(sim.node('db2').data).toEqual({ a: '1', b: '2' });
  });
});

describe('a write’s own commit level (SET LOCAL synchronous_commit)', () => {
  it('commits with local at once while the synchronous replica is down and others wait', () => {
    const sim = startedCluster(1, { mode: 'sync' });
    sim.kill('db2');
    const waiting = sim.write('db1', 'a', '1');
    const local = sim.write('db1', 'b', '2', { synchronousCommit: 'local' });
    sim.advance(50);
    expect(sim.op(local.id)?.status).toBe('ok');
    expect(sim.op(waiting.id)?.status).toBe('pending');
  });

  it('waits for replay with remote_apply even when the scenario acknowledges on receipt', () => {
    const sim = slowReplayingStandby('received');
    const op = sim.write('db1', 'k', 'v', { synchronousCommit: 'remote_apply' });
    while (sim.op(op.id)?.status === 'pending') sim.advance(1);
    expect(sim.read('db2', 'k').value).toBe('v');
  });

  it('rejects an unknown level and names the known ones', () => {
    const sim = startedCluster(1, { mode: 'sync' });
    expect(() => sim.write('db1', 'k', 'v', { synchronousCommit: 'off' as unknown as 'local' })).toThrow(
      /local, remote_write, on, remote_apply/,
    );
  });
});

describe('cancelling a write that waits for its synchronous replica', () => {
  it('completes it with PostgreSQL’s warning, committed locally and visible on the primary', () => {
    const sim = startedCluster(1, { mode: 'sync' });
    sim.kill('db2');
    const op = sim.write('db1', 'k', 'v');
    sim.advance(100);
    expect(sim.read('db1', 'k').value).toBeUndefined();
    const cancelled = sim.cancel(op.id);
    expect(cancelled.status).toBe('ok');
    expect(cancelled.warning).toMatch(/committed locally, but might not have been replicated/);
    expect(sim.read('db1', 'k').value).toBe('v');
    expect(sim.metrics().blockedWrites).toBe(0);
  });

  it('refuses to cancel a write that is not waiting', () => {
    const sim = startedCluster(1);
    const op = sim.write('db1', 'k', 'v');
    sim.advance(5);
    expect(() => sim.cancel(op.id)).toThrow(/not waiting/);
  });
});

describe('commit levels against a standby that takes time to flush', () => {
  it('orders commit latency local < remote_write < on < remote_apply', () => {
    const latencyOf = (synchronousCommit: 'local' | 'remote_write' | 'on' | 'remote_apply') => {
      const sim = createSimulation({
        nodes: [
          { id: 'db1', role: 'primary' },
          { id: 'db2', role: 'replica', upstream: 'db1', applyRate: 1000 },
        ],
        replication: { mode: 'sync', flushMs: 3 },
        network: { latencyMs: 5, jitterMs: 0 },
      });
      sim.advance(100);
      const op = sim.write('db1', 'k', 'v', { synchronousCommit });
      sim.runUntilIdle();
      const done = sim.op(op.id);
      return (done?.endedAt ?? 0) - (done?.startedAt ?? 0);
    };
    const [local, write, on, apply] = (['local', 'remote_write', 'on', 'remote_apply'] as const).map(
      latencyOf,
    );
    expect(local).toBeLessThan(write ?? 0);
    expect(write).toBeLessThan(on ?? 0);
    expect(on).toBeLessThan(apply ?? 0);
  });

  it('loses what a standby wrote but had not flushed when it crashes', () => {
    const sim = createSimulation({
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'db2', role: 'replica', upstream: 'db1' },
      ],
      replication: { flushMs: 50 },
      network: { latencyMs: 5, jitterMs: 0 },
    });
    sim.advance(100);
    sim.write('db1', 'k', 'v');
    sim.advance(10);
    sim.kill('db2');
    expect(sim.node('db2').receivedLsn).toBe(0);
    sim.restart('db2');
    sim.runUntilIdle();
    expect(sim.node('db2').data).toEqual({ k: 'v' });
  });
});

describe('synchronous commit over a slow link (one-way 1000 ms, jitter 200 ms)', () => {
  const slow = { latencyMs: 1000, jitterMs: 200 };
  const commit = (replication: NonNullable<ScenarioInput['replication']>) => {
    const sim = createSimulation({
      seed: 7,
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'db2', role: 'replica', upstream: 'db1' },
      ],
      replication,
      network: slow,
    });
    sim.advance(5000);
    const ops = [0, 1, 2].map((i) => {
      const op = sim.write('db1', `k${i}`, 'v');
      sim.advance(5000);
      return sim.op(op.id);
    });
    const types = sim.events().map((e) => e.type);
    return { sim, ops, latencies: ops.map((op) => (op?.endedAt ?? Infinity) - (op?.startedAt ?? 0)), types };
  };

  it('waits one round trip per write, however long, and never gives up (PostgreSQL has no timeout)', () => {
    const { ops, latencies, types } = commit({ mode: 'sync' });
    expect(ops.map((op) => op?.status)).toEqual(['ok', 'ok', 'ok']);
    for (const ms of latencies) {
      expect(ms).toBeGreaterThanOrEqual(2000);
      expect(ms).toBeLessThanOrEqual(2 * (1000 + 200) + 5);
    }
    expect(types).not.toContain('sync-degraded');
  });

  it('with rpl_semi_sync_source_timeout under the round trip, every write waits the timeout and falls back, as MySQL does', () => {
    const { sim, latencies, types } = commit({ mode: 'sync', syncTimeoutMs: 1500 });
    // Each wait times out; the replica's confirmation, a round trip after the write, restores semi-sync.
    expect(latencies.every((ms) => ms >= 1500 && ms < 1510)).toBe(true);
    expect(types.filter((t) => t === 'sync-degraded')).toHaveLength(3);
    expect(types.filter((t) => t === 'sync-restored')).toHaveLength(3);
    expect(sim.node('db1').state).toBe('primary.serving');
  });

  it('with the default 10 s timeout, writes are semi-synchronous at one round trip each', () => {
    const { latencies, types } = commit({ mode: 'sync', syncTimeoutMs: 10_000 });
    expect(latencies.every((ms) => ms >= 2000 && ms <= 2405)).toBe(true);
    expect(types).not.toContain('sync-degraded');
  });
});
