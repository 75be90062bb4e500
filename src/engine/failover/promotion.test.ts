import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import { cluster } from '../testing.ts';

function started(...args: Parameters<typeof cluster>) {
  const sim = createSimulation(cluster(...args));
  sim.advance(100);
  return sim;
}

describe('when the primary goes down', () => {
  it('puts the system in read-only mode: every write fails, reads keep working on the replicas', () => {
    const sim = started(2);
    sim.write('db1', 'k', 'v');
    sim.runUntilIdle();
    sim.kill('db1');
    expect(sim.metrics().readOnly).toBe(true);
    expect(sim.events().some((e) => e.type === 'read-only')).toBe(true);
    for (const node of ['db1', 'db2', 'db3']) {
      const op = sim.write(node, 'x', '1');
      expect(op.status).toBe('failed');
      expect(op.error).toMatch(/read-only/);
    }
    expect(sim.read('db2', 'k').value).toBe('v');
  });

  it('fails a write that was waiting for synchronous confirmation, without acknowledging it', () => {
    const sim = started(1, { mode: 'sync' });
    sim.kill('db2');
    const op = sim.write('db1', 'k', 'v');
    sim.advance(10);
    sim.kill('db1');
    expect(sim.op(op.id)?.status).toBe('failed');
  });
});

describe('promoting a replica after an async primary failed', () => {
  function failover() {
    const sim = started(2, {}, { latencyMs: 50 });
    sim.write('db1', 'a', '1');
    sim.runUntilIdle();
    const tail = [sim.write('db1', 'b', '2'), sim.write('db1', 'c', '3')];
    sim.advance(10);
    sim.kill('db1');
    sim.promote('db2');
    return { sim, tail };
  }

  it('starts a new timeline on the promoted node and makes it writable', () => {
    const { sim } = failover();
    expect(sim.node('db2').role).toBe('primary');
    expect(sim.node('db2').timeline).toBe(2);
    expect(sim.metrics().readOnly).toBe(false);
    const op = sim.write('db2', 'd', '4');
    sim.advance(5);
    expect(sim.op(op.id)?.status).toBe('ok');
  });

  it('marks the acknowledged writes the promoted node never received as lost, and says why', () => {
    const { sim, tail } = failover();
    for (const op of tail) {
      const record = sim.op(op.id);
      expect(record?.status).toBe('ok');
      expect(record?.lost).toBe(true);
      expect(record?.lostReason).toMatch(/asynchronous/);
    }
    expect(sim.metrics().lostWrites).toBe(2);
    expect(sim.events().some((e) => e.type === 'writes-lost')).toBe(true);
  });

  it('re-points the other replicas of the failed primary to the new one', () => {
    const { sim } = failover();
    expect(sim.node('db3').upstream).toBe('db2');
    sim.write('db2', 'd', '4');
    sim.runUntilIdle();
    expect(sim.node('db3').data.d).toBe('4');
    expect(sim.node('db3').timeline).toBe(2);
  });

  it('rewinds the old primary when it restarts: its divergent tail is discarded and it follows the new primary', () => {
    const { sim } = failover();
    sim.write('db2', 'd', '4');
    sim.restart('db1');
    sim.runUntilIdle();
    const old = sim.node('db1');
    expect(old.role).toBe('replica');
    expect(old.upstream).toBe('db2');
    expect(old.data).toEqual(sim.node('db2').data);
    expect(old.data.b).toBeUndefined();
    expect(sim.events().find((e) => e.type === 'rewound' && e.nodeId === 'db1')).toMatchObject({
      discardedFrom: 2,
      discardedTo: 3,
      timeline: 2,
    });
  });

  it('does not report stale reads for values that were lost', () => {
    const { sim } = failover();
    expect(sim.read('db2', 'b').stale).toBeUndefined();
  });
});

describe('promoting a synchronous replica', () => {
  it('loses no acknowledged write', () => {
    const sim = started(2, { mode: 'sync' }, { latencyMs: 50 });
    const ops = [sim.write('db1', 'a', '1'), sim.write('db1', 'b', '2')];
    sim.advance(30);
    const late = sim.write('db1', 'c', '3');
    sim.advance(20);
    sim.kill('db1');
    sim.promote('db2');
    sim.runUntilIdle();
    for (const op of ops) expect(sim.op(op.id)?.lost).toBeUndefined();
    expect(sim.op(late.id)?.status).not.toBe('ok');
    expect(sim.metrics().lostWrites).toBe(0);
  });
});

describe('a replica that received more than the promoted one', () => {
  it('is rewound before it can follow the new timeline', () => {
    const sim = createSimulation({
      seed: 3,
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'near', role: 'replica', upstream: 'db1' },
        { id: 'far', role: 'replica', upstream: 'db1' },
      ],
      network: { latencyMs: 10, jitterMs: 0 },
    });
    sim.advance(100);
    sim.kill('far');
    sim.write('db1', 'a', '1');
    sim.runUntilIdle();
    sim.kill('db1');
    sim.restart('far');
    sim.promote('far');
    sim.runUntilIdle();
    expect(sim.node('near').upstream).toBe('far');
    expect(sim.node('near').data).toEqual({});
    expect(sim.events().some((e) => e.type === 'rewound' && e.nodeId === 'near')).toBe(true);
  });
});

describe('manual promotion while the primary is still up', () => {
  it('demotes the old primary to a replica of the new one', () => {
    const sim = started(2);
    sim.write('db1', 'a', '1');
    sim.runUntilIdle();
    sim.promote('db3');
    sim.runUntilIdle();
    expect(sim.node('db1').role).toBe('replica');
    expect(sim.node('db1').upstream).toBe('db3');
    expect(
      sim
        .nodes()
        .filter((n) => n.role === 'primary')
        .map((n) => n.id),
    ).toEqual(['db3']);
    expect(sim.node('db1').data).toEqual({ a: '1' });
  });
});

describe('without automatic rewind (no use_pg_rewind)', () => {
  it('keeps a diverged old primary read-only and off the stream until rewind() runs', () => {
    const sim = createSimulation({
      ...cluster(2, { autoRewind: false }, { latencyMs: 50 }),
    });
    sim.advance(100);
    sim.write('db1', 'a', '1');
    sim.runUntilIdle();
    sim.write('db1', 'b', '2');
    sim.advance(10);
    sim.kill('db1');
    sim.promote('db2');
    sim.write('db2', 'c', '3');
    sim.restart('db1');
    sim.advance(3000);
    const old = sim.node('db1');
    expect(old.needsRewind).toBe(true);
    expect(old.state).toBe('replica.connecting');
    expect(old.data.b).toBe('2');
    expect(sim.write('db1', 'x', '1').error).toMatch(/25006/);
    expect(sim.events().some((e) => e.type === 'rewind-needed' && e.nodeId === 'db1')).toBe(true);
    sim.rewind('db1');
    sim.runUntilIdle();
    expect(sim.node('db1').needsRewind).toBe(false);
    expect(sim.node('db1').state).toBe('replica.streaming');
    expect(sim.node('db1').data).toEqual(sim.node('db2').data);
  });

  it('refuses to rewind a node that has not diverged', () => {
    const sim = createSimulation(cluster(1, { autoRewind: false }));
    expect(() => {
      sim.rewind('db2');
    }).toThrow(/nothing to rewind/);
  });
});

describe('a manual promotion while the old primary is cut off', () => {
  it('leaves the old primary writable on its side of the cut: two primaries, flagged as a split brain', () => {
    const sim = started(2);
    sim.partition([['db1'], ['db2', 'db3']]);
    sim.promote('db2');
    expect(sim.node('db1').role).toBe('primary');
    expect(sim.node('db3').upstream).toBe('db2');
    const stray = sim.write('db1', 'k', 'old-side');
    sim.advance(10);
    expect(sim.op(stray.id)?.status).toBe('ok');
    expect(sim.metrics().splitBrain).toBe(true);
    // Someone stops the old primary; back up, it follows the new timeline and its stray write is gone.
    sim.heal();
    sim.kill('db1');
    expect(sim.op(stray.id)?.lost).toBe(true);
    sim.restart('db1');
    sim.runUntilIdle();
    expect(sim.node('db1')).toMatchObject({ role: 'replica', upstream: 'db2' });
    expect(sim.metrics().splitBrain).toBe(false);
  });

  it('still switches over an old primary it can reach: demoted to a replica of the new one', () => {
    const sim = started(2);
    sim.promote('db2');
    expect(sim.node('db1')).toMatchObject({ role: 'replica', upstream: 'db2' });
  });
});

describe('a MariaDB primary killed, a replica promoted, then the old one restarted', () => {
  function restartedOldPrimary() {
    const sim = createSimulation({ ...cluster(2), system: 'mariadb' });
    sim.advance(100);
    sim.write('db1', 'k', 'v');
    sim.runUntilIdle();
    sim.kill('db1');
    sim.promote('db2');
    sim.write('db2', 'after', '1');
    sim.runUntilIdle();
    sim.restart('db1');
    sim.runUntilIdle();
    return sim;
  }

  it('comes back writable, replicating from no one, as a plain server starts', () => {
    const sim = restartedOldPrimary();
    expect(sim.node('db1')).toMatchObject({ role: 'primary', state: 'primary.serving' });
    expect(sim.node('db1').upstream).toBeUndefined();
    const op = sim.write('db1', 'x', '1');
    sim.runUntilIdle();
    expect(sim.op(op.id)?.status).toBe('ok');
    expect(sim.node('db1').data['after']).toBeUndefined();
    expect(sim.node('db3').upstream).toBe('db2');
  });

  it('says so: a second writable server beside the new primary, a split brain', () => {
    const sim = restartedOldPrimary();
    expect(sim.metrics().splitBrain).toBe(true);
    const events = sim.events().map((e) => e.type);
    expect(events).not.toContain('demoted');
    expect(sim.events().find((e) => e.type === 'writable' && e.nodeId === 'db1')).toMatchObject({
      besides: 'db2',
    });
    expect(sim.events().find((e) => e.type === 'split-brain')).toMatchObject({ nodeIds: ['db1', 'db2'] });
  });

  it('follows the new primary when pointed at it (CHANGE MASTER TO): read-only, streaming, no split brain', () => {
    const sim = restartedOldPrimary();
    sim.repoint('db1', 'db2');
    sim.runUntilIdle();
    expect(sim.node('db1')).toMatchObject({ role: 'replica', upstream: 'db2', state: 'replica.streaming' });
    expect(sim.node('db1').data['after']).toBe('1');
    expect(sim.metrics().splitBrain).toBe(false);
    expect(sim.write('db1', 'y', '1').error).toMatch(/ERROR 1290/);
  });

  it('is refused with error 1236 when it has a transaction the new primary lacks: MariaDB rewinds nothing', () => {
    const sim = restartedOldPrimary();
    sim.write('db1', 'only-here', '1');
    sim.runUntilIdle();
    sim.repoint('db1', 'db2');
    sim.runUntilIdle();
    expect(sim.node('db1')).toMatchObject({ role: 'replica', needsRewind: true });
    expect(sim.node('db1').data['after']).toBeUndefined();
    expect(sim.node('db1').data['only-here']).toBe('1');
    expect(sim.events().find((e) => e.type === 'rewind-needed')).toMatchObject({
      nodeId: 'db1',
      from: 'db2',
    });
  });

  it('cannot be pointed at a replica, nor can a PostgreSQL primary be pointed anywhere', () => {
    const sim = restartedOldPrimary();
    expect(() => {
      sim.repoint('db1', 'db3');
    }).toThrow(/db1 is a primary: only replicas have an upstream/);
    const pg = createSimulation(cluster(2));
    pg.advance(100);
    expect(() => {
      pg.repoint('db1', 'db2');
    }).toThrow(/db1 is a primary: only replicas have an upstream/);
  });
});
