import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import type { Simulation } from '../api.ts';
import type { OperationRecord } from '../types.ts';
import { PROMOTION_MS, safetyMarginMs } from './managerMachine.ts';

const HEARTBEAT_MS = 1000;
const TIMEOUT_MS = 3000;

/** db1 primary with replicas db2..; automatic failover with Patroni-like timers. */
function automatic(
  replicas: number,
  options: {
    mode?: 'async' | 'sync';
    fencing?: boolean;
    maxLagOnFailover?: number;
    latencyMs?: number;
    jitterMs?: number;
    timeoutMs?: number;
  } = {},
): Simulation {
  const nodes: ScenarioInput['nodes'] = [{ id: 'db1', role: 'primary' }];
  for (let i = 2; i <= replicas + 1; i++) nodes.push({ id: `db${i}`, role: 'replica', upstream: 'db1' });
  const sim = createSimulation({
    seed: 5,
    nodes,
    replication: { mode: options.mode ?? 'async' },
    network: { latencyMs: options.latencyMs ?? 10, jitterMs: options.jitterMs ?? 0 },
    failover: {
      mode: 'automatic',
      heartbeatMs: HEARTBEAT_MS,
      timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
      fencing: options.fencing ?? false,
      ...(options.maxLagOnFailover === undefined ? {} : { maxLagOnFailover: options.maxLagOnFailover }),
    },
  });
  sim.advance(100);
  return sim;
}

/** Long enough for any failover: the timeout, the safety margin, the promotion and a heartbeat. */
const FAILOVER_MS = TIMEOUT_MS + HEARTBEAT_MS + safetyMarginMs(TIMEOUT_MS) + PROMOTION_MS + 500;

const primaries = (sim: Simulation) =>
  sim
    .nodes()
    .filter((n) => n.role === 'primary' && n.status === 'up')
    .map((n) => n.id);

describe('when the primary stops sending heartbeats', () => {
  it('suspects it, then promotes the most advanced replica and re-points the rest to it', () => {
    const sim = automatic(3);
    sim.kill('db2');
    sim.kill('db4');
    for (let i = 0; i < 5; i++) sim.write('db1', `k${i}`, `${i}`);
    sim.advance(50);
    sim.kill('db1');
    sim.restart('db2');
    sim.restart('db4');
    sim.advance(2000);
    expect(sim.snapshot().failover?.state).toBe('suspecting');
    sim.advance(FAILOVER_MS);
    expect(primaries(sim)).toEqual(['db3']);
    expect(sim.node('db2').upstream).toBe('db3');
    expect(sim.node('db4').upstream).toBe('db3');
    expect(sim.snapshot().failover).toMatchObject({ state: 'watching', leader: 'db3' });
    expect(sim.events().map((e) => e.type)).toEqual(
      expect.arrayContaining(['primary-suspected', 'failover-started', 'promoted']),
    );
    sim.runUntilIdle();
    expect(sim.node('db2').data).toEqual(sim.node('db3').data);
  });

  it('skips a replica more than maxLagOnFailover entries behind, and waits while none is eligible', () => {
    const sim = automatic(1, { maxLagOnFailover: 2 });
    sim.kill('db2');
    for (let i = 0; i < 5; i++) sim.write('db1', `k${i}`, `${i}`);
    sim.advance(HEARTBEAT_MS);
    sim.kill('db1');
    sim.restart('db2');
    sim.advance(FAILOVER_MS);
    expect(primaries(sim)).toEqual([]);
    expect(sim.snapshot().failover?.state).toBe('electing');
    expect(sim.events().some((e) => e.type === 'failover-no-candidate')).toBe(true);
  });

  it('does nothing while heartbeats keep arriving', () => {
    const sim = automatic(2);
    sim.advance(5 * TIMEOUT_MS);
    expect(primaries(sim)).toEqual(['db1']);
    expect(sim.failovers()).toEqual([]);
    expect(sim.snapshot().messages.some((m) => m.kind === 'heartbeat')).toBe(false);
    sim.advance(HEARTBEAT_MS - (sim.now() % HEARTBEAT_MS) + 1);
    expect(sim.snapshot().messages.filter((m) => m.kind === 'heartbeat')).toHaveLength(1);
  });
});

describe('acknowledged writes across an automatic failover', () => {
  it('loses none with sync replication', () => {
    const sim = automatic(2, { mode: 'sync', latencyMs: 20 });
    const ops: OperationRecord[] = [];
    for (let i = 0; i < 20; i++) {
      ops.push(sim.write('db1', `k${i % 4}`, `v${i}`));
      sim.advance(7);
    }
    sim.kill('db1');
    sim.advance(FAILOVER_MS);
    const acknowledged = ops.map((op) => sim.op(op.id)).filter((op) => op?.status === 'ok');
    expect(acknowledged.length).toBeGreaterThan(10);
    expect(sim.metrics().lostWrites).toBe(0);
    // The new primary holds every acknowledged write, or a later one (unacknowledged writes may survive too).
    const primary = sim.node(primaries(sim)[0] ?? '');
    const index = (value: string | undefined) => Number(value?.slice(1) ?? -1);
    for (let k = 0; k < 4; k++) {
      const last = acknowledged.filter((op) => op?.key === `k${k}`).at(-1);
      expect(index(primary.data[`k${k}`])).toBeGreaterThanOrEqual(index(last?.value));
    }
  });

  it('loses exactly the unreplicated tail with async replication, and records its window', () => {
    const sim = automatic(2, { latencyMs: 50 });
    sim.write('db1', 'a', '1');
    sim.runUntilIdle();
    // The primary's link to its replicas breaks just before it dies: what it wrote since never left it.
    sim.partition([['db1'], ['db2', 'db3']]);
    const tail = [sim.write('db1', 'b', '2')];
    sim.advance(5);
    tail.push(sim.write('db1', 'c', '3'));
    sim.advance(5);
    sim.kill('db1');
    sim.advance(FAILOVER_MS);
    sim.heal();
    const lost = sim.history().filter((op) => op.lost === true);
    expect(lost.map((op) => op.id)).toEqual(tail.map((op) => op.id));
    const [record] = sim.failovers();
    expect(record).toMatchObject({ trigger: 'automatic', oldPrimary: 'db1', lostWrites: 2 });
    expect(record?.lostOpIds).toEqual(tail.map((op) => op.id));
    expect(record?.lostWindow).toEqual({
      from: sim.op(tail[0]?.id ?? 0)?.endedAt,
      to: sim.op(tail[1]?.id ?? 0)?.endedAt,
    });
    expect(sim.metrics().lastFailover?.id).toBe(record?.id);
  });
});

describe('recovery time', () => {
  it('is about the timeout plus the promotion, measured to the first acknowledged write', () => {
    const sim = automatic(2);
    sim.advance(HEARTBEAT_MS - (sim.now() % HEARTBEAT_MS) + 20);
    const killedAt = sim.now();
    sim.kill('db1');
    while (sim.failovers()[0]?.firstWriteAt == null && sim.now() < killedAt + 3 * FAILOVER_MS) {
      const primary = primaries(sim)[0];
      if (primary !== undefined) sim.write(primary, 'k', `${sim.now()}`);
      sim.advance(10);
    }
    const record = sim.failovers()[0];
    expect(record?.failedAt).toBe(killedAt);
    const rto = record?.rtoMs ?? 0;
    expect(rto).toBeGreaterThanOrEqual(TIMEOUT_MS + PROMOTION_MS - 20);
    expect(rto).toBeLessThanOrEqual(TIMEOUT_MS + safetyMarginMs(TIMEOUT_MS) + PROMOTION_MS + 30);
  });

  it('is recorded for a manual promotion too', () => {
    const sim = automatic(2);
    sim.kill('db1');
    sim.advance(500);
    sim.promote('db3');
    sim.write('db3', 'k', 'v');
    sim.advance(10);
    expect(sim.failovers()[0]).toMatchObject({ trigger: 'manual', newPrimary: 'db3', rtoMs: 501 });
    expect(sim.snapshot().failover?.leader).toBe('db3');
  });
});

describe('a primary partitioned away from the manager without fencing', () => {
  function splitBrain() {
    const sim = automatic(2);
    sim.write('db1', 'a', '1');
    sim.runUntilIdle();
    sim.partition([['db1'], ['db2', 'db3']]);
    const minority: OperationRecord[] = [];
    for (let t = 0; t < FAILOVER_MS; t += 250) {
      minority.push(sim.write('db1', 'b', `old-${t}`));
      sim.advance(250);
    }
    return { sim, minority };
  }

  it('promotes a replica on the majority side while the old primary keeps accepting writes: a split brain', () => {
    const { sim, minority } = splitBrain();
    expect(primaries(sim).sort()).toEqual(['db1', 'db2']);
    expect(minority.every((op) => sim.op(op.id)?.status === 'ok')).toBe(true);
    expect(sim.metrics().splitBrain).toBe(true);
    expect(sim.events().some((e) => e.type === 'split-brain')).toBe(true);
    expect(sim.failovers()[0]?.splitBrain).toBe(true);
    sim.write('db2', 'b', 'new');
    sim.advance(10);
    sim.write('db1', 'b', 'old-again');
    sim.advance(10);
    expect(sim.check().filter((a) => a.kind === 'split-brain')).toMatchObject([{ nodeIds: ['db1', 'db2'] }]);
  });

  it('demotes and rewinds the old primary on heal, and lists its writes as lost', () => {
    const { sim, minority } = splitBrain();
    sim.heal();
    sim.advance(2 * HEARTBEAT_MS);
    sim.runUntilIdle();
    expect(primaries(sim)).toEqual(['db2']);
    expect(sim.metrics().splitBrain).toBe(false);
    expect(sim.node('db1')).toMatchObject({ role: 'replica', upstream: 'db2' });
    expect(sim.node('db1').data).toEqual(sim.node('db2').data);
    expect(sim.events().some((e) => e.type === 'rewound' && e.nodeId === 'db1')).toBe(true);
    const ids = minority.map((op) => op.id);
    expect(ids.every((id) => sim.op(id)?.lost === true)).toBe(true);
    expect(sim.failovers()[0]?.lostOpIds).toEqual(expect.arrayContaining(ids));
  });

  it('loses them as soon as the deposed primary dies, without waiting for a restart that may never come', () => {
    const { sim, minority } = splitBrain();
    sim.kill('db1');
    const ids = minority.map((op) => op.id);
    expect(ids.every((id) => sim.op(id)?.lost === true)).toBe(true);
    expect(sim.failovers()[0]?.lostOpIds).toEqual(expect.arrayContaining(ids));
    expect(
      sim
        .check()
        .filter((a) => a.kind === 'lost-write')
        .map((a) => a.opIds[0]),
    ).toEqual(expect.arrayContaining(ids));
  });

  it('loses them too when the old primary restarts instead, still cut off', () => {
    const { sim, minority } = splitBrain();
    sim.kill('db1');
    sim.restart('db1');
    expect(sim.node('db1').role).toBe('replica');
    expect(sim.failovers()[0]?.lostOpIds).toEqual(expect.arrayContaining(minority.map((op) => op.id)));
  });
});

describe('with fencing', () => {
  it('accepts no write on the minority side once the manager could promote', () => {
    const sim = automatic(2, { fencing: true });
    sim.partition([['db1'], ['db2', 'db3']]);
    const minority: OperationRecord[] = [];
    for (let t = 0; t < FAILOVER_MS; t += 50) {
      minority.push(sim.write('db1', 'b', `old-${t}`));
      sim.advance(50);
    }
    const fenced = sim.events().find((e) => e.type === 'fenced');
    const promoted = sim.events().find((e) => e.type === 'promoted');
    expect(fenced?.at).toBeLessThan(promoted?.at ?? 0);
    const accepted = minority.map((op) => sim.op(op.id)).filter((op) => op?.status === 'ok');
    expect(Math.max(...accepted.map((op) => op?.endedAt ?? 0))).toBeLessThan(promoted?.at ?? 0);
    expect(sim.op(minority.at(-1)?.id ?? 0)?.error).toMatch(/read-only/);
    expect(sim.metrics().splitBrain).toBe(false);
    sim.heal();
    sim.advance(2 * HEARTBEAT_MS);
    sim.runUntilIdle();
    expect(primaries(sim)).toEqual(['db2']);
    expect(sim.check().filter((a) => a.kind === 'split-brain')).toEqual([]);
  });

  it('renews the lease when the partition heals before the manager promotes', () => {
    const sim = automatic(2, { fencing: true });
    // Cut just after the heartbeat at 1000 ms was answered: the lease runs to 4000 ms, the manager waits longer.
    sim.advance(1020 - sim.now());
    sim.partition([['db1'], ['db2', 'db3']]);
    sim.advance(3990 - sim.now());
    sim.heal();
    sim.advance(100);
    expect(sim.events().filter((e) => e.type === 'fenced' || e.type === 'unfenced')).toMatchObject([
      { type: 'fenced', at: 4000 },
      { type: 'unfenced', at: 4020 },
    ]);
    expect(sim.node('db1').state).toBe('primary.serving');
    sim.advance(2 * TIMEOUT_MS);
    expect(sim.failovers()).toEqual([]);
  });
});

describe('where the manager lives during a partition', () => {
  it('stays with the primary when the primary is on the larger side', () => {
    const sim = automatic(3);
    sim.partition([['db1', 'db2', 'db3'], ['db4']]);
    sim.advance(2 * FAILOVER_MS);
    expect(primaries(sim)).toEqual(['db1']);
  });

  it('sits on the side without the primary on a tie', () => {
    const sim = automatic(3);
    sim.partition([
      ['db1', 'db2'],
      ['db3', 'db4'],
    ]);
    sim.advance(FAILOVER_MS);
    expect(sim.snapshot().failover?.leader).toMatch(/db3|db4/);
  });
});

describe('over slow links (one-way 1000–2000 ms, jitter 200 ms)', () => {
  const JITTER_MS = 200;
  const types = (sim: Simulation, from = 0) =>
    sim
      .events()
      .filter((e) => e.at >= from)
      .map((e) => `${e.type}${'nodeId' in e ? ` ${e.nodeId}` : ''}`);

  it.each([1000, 2000])(
    'at %i ms never fails over a healthy primary, and replaces a dead one exactly once',
    (latencyMs) => {
      const sim = automatic(2, { latencyMs, jitterMs: JITTER_MS });
      sim.advance(30_000);
      expect(sim.failovers()).toEqual([]);
      expect(sim.nodes().map((n) => n.state)).toEqual([
        'primary.serving',
        'replica.streaming',
        'replica.streaming',
      ]);
      sim.kill('db1');
      sim.advance(30_000);
      expect(sim.failovers()).toHaveLength(1);
      const [leader = ''] = primaries(sim);
      const follower = leader === 'db2' ? 'db3' : 'db2';
      expect(sim.node(follower)).toMatchObject({ upstream: leader, state: 'replica.streaming' });
      sim.write(leader, 'k', 'after');
      sim.advance(10_000);
      expect(sim.node(follower).data.k).toBe('after');
      expect(sim.failovers()).toHaveLength(1);
    },
  );

  it('suspects only the dead primary: the new leader renews its lock at once, not at the next tick', () => {
    const sim = automatic(2, { latencyMs: 1000, jitterMs: JITTER_MS });
    sim.advance(10_000);
    sim.kill('db1');
    const killedAt = sim.now();
    sim.advance(20_000);
    const after = types(sim, killedAt).filter((t) =>
      /^(primary-suspected|failover-started|promoted)/.test(t),
    );
    expect(after).toEqual(['primary-suspected db1', 'failover-started db1', 'promoted db2']);
    expect(sim.snapshot().failover).toMatchObject({ state: 'watching', leader: 'db2' });
  });

  // Patroni demotes a primary whose leader-lock update fails or outlasts retry_timeout, and asks for
  // loop_wait + 2 × retry_timeout ≤ ttl: a slow link to the consensus store needs a longer ttl.
  describe('with fencing, the lease holds only while a heartbeat round trip plus heartbeatMs is under timeoutMs', () => {
    const writes = (sim: Simulation) => {
      const ops: OperationRecord[] = [];
      for (let t = 0; t < 10_000; t += 100) {
        ops.push(sim.write('db1', 'k', `${t}`));
        sim.advance(100);
      }
      return ops.map((op) => sim.op(op.id)?.status);
    };

    it('at 1000 ms the primary turns read-only between renewals, and writes fail intermittently', () => {
      const sim = automatic(2, { latencyMs: 1000, jitterMs: JITTER_MS, fencing: true });
      sim.advance(10_000);
      const statuses = writes(sim);
      expect(statuses).toContain('ok');
      expect(statuses).toContain('failed');
      expect(types(sim)).toEqual(expect.arrayContaining(['fenced db1', 'unfenced db1']));
      expect(sim.failovers()).toEqual([]);
    });

    it('at 2000 ms a round trip outlasts the lease itself: the primary stays read-only', () => {
      const sim = automatic(2, { latencyMs: 2000, jitterMs: JITTER_MS, fencing: true });
      sim.advance(10_000);
      expect(writes(sim).every((s) => s === 'failed')).toBe(true);
      expect(types(sim).filter((t) => t === 'fenced db1')).toHaveLength(1);
      expect(types(sim)).not.toContain('unfenced db1');
    });

    it('a timeout longer than the round trip plus a heartbeat keeps the primary writable at 2000 ms', () => {
      const sim = automatic(2, { latencyMs: 2000, jitterMs: JITTER_MS, fencing: true, timeoutMs: 6000 });
      sim.advance(10_000);
      expect(writes(sim).every((s) => s === 'ok')).toBe(true);
      expect(types(sim)).not.toContain('fenced db1');
    });
  });
});
