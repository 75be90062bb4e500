import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import { cluster } from '../testing.ts';
import type { Simulation } from '../api.ts';
import { releasableLsn, type SyncRule } from './syncStandbys.ts';

/** db1 with direct standbys db2..db(n+1) under `synchronous_standby_names = names`, streams open. */
function listed(replicas: number, names: string, options: Parameters<typeof cluster>[2] = {}): Simulation {
  const sim = createSimulation(cluster(replicas, { synchronousStandbyNames: names }, options));
  sim.advance(100);
  return sim;
}

const states = (sim: Simulation): string =>
  sim
    .nodes()
    .filter((n) => n.role === 'replica')
    .map((n) => `${n.id}=${n.syncState}`)
    .join(' ');

/** Writes once and runs `ms`; whether the write was acknowledged by then. */
function commits(sim: Simulation, ms = 1000): boolean {
  const op = sim.write('db1', `k${sim.now()}`, 'v');
  sim.advance(ms);
  return sim.op(op.id)?.status === 'ok';
}

describe('synchronous_standby_names', () => {
  it('shows FIRST 1 (db2, db3) as db2 sync, db3 potential, and an unlisted standby async', () => {
    expect(states(listed(3, 'FIRST 1 (db2, db3)'))).toBe('db2=sync db3=potential db4=async');
  });

  it('waits under FIRST for the standby of highest priority, not for a faster potential one', () => {
    const sim = listed(2, 'FIRST 1 (db2, db3)');
    sim.setLatency('db1', 'db2', 200);
    sim.advance(1000);
    const op = sim.write('db1', 'k', 'v');
    sim.advance(100);
    expect(sim.node('db3').receivedLsn).toBe(1);
    expect(sim.op(op.id)?.status).toBe('pending');
    sim.advance(400);
    expect(sim.op(op.id)?.status).toBe('ok');
  });

  it('promotes the potential standby to sync when the sync one goes down, so commits go on', () => {
    const sim = listed(2, 'FIRST 1 (db2, db3)');
    sim.kill('db2');
    expect(states(sim)).toBe('db2=potential db3=sync');
    expect(commits(sim)).toBe(true);
  });

  it('keeps a reconnecting standby potential until it has caught up, so commits need not wait for it', () => {
    // 200 entries/s of outbound capacity, 500 a batch: a backlog of 1,200 takes about 6 s to send.
    const sim = createSimulation(
      cluster(2, { synchronousStandbyNames: 'FIRST 1 (db2, db3)', shipRate: 200 }),
    );
    sim.advance(100);
    sim.kill('db2');
    for (let i = 0; i < 1200; i++) sim.write('db1', `k${String(i % 10)}`, String(i));
    sim.advance(10_000);
    sim.restart('db2');
    sim.advance(200);
    // PostgreSQL picks sync standbys among walsenders in the `streaming` state; db2 is in `catchup`.
    expect(states(sim)).toBe('db2=potential db3=sync');
    const op = sim.write('db1', 'during', 'catch-up');
    sim.advance(3000);
    expect(sim.op(op.id)?.status).toBe('ok');
    expect(sim.node('db2').receivedLsn).toBeLessThan(sim.op(op.id)?.lsn ?? 0);
    sim.advance(10_000);
    expect(states(sim)).toBe('db2=sync db3=potential');
  });

  it('blocks FIRST 1 (db2) while db2 is down, whatever the unlisted standbys confirm', () => {
    const sim = listed(2, 'FIRST 1 (db2)');
    sim.kill('db2');
    expect(states(sim)).toBe('db2=sync db3=async');
    expect(commits(sim, 3000)).toBe(false);
    sim.restart('db2');
    sim.runUntilIdle();
    expect(sim.metrics().blockedWrites).toBe(0);
  });

  it('needs n standbys under FIRST n: the first n connected in list order are sync', () => {
    const sim = listed(3, 'FIRST 2 (db2, db3, db4)');
    expect(states(sim)).toBe('db2=sync db3=sync db4=potential');
    sim.kill('db3');
    expect(states(sim)).toBe('db2=sync db3=potential db4=sync');
    expect(commits(sim)).toBe(true);
    sim.kill('db4');
    expect(commits(sim, 3000)).toBe(false);
  });

  it('commits under ANY 2 (db2, db3, db4) with one standby down and blocks with two down', () => {
    const sim = listed(3, 'ANY 2 (db2, db3, db4)');
    expect(states(sim)).toBe('db2=quorum db3=quorum db4=quorum');
    sim.kill('db2');
    expect(commits(sim)).toBe(true);
    sim.kill('db3');
    expect(commits(sim, 3000)).toBe(false);
  });

  it('never counts a cascaded standby: naming only it blocks commits, and it stays async', () => {
    const sim = listed(2, 'FIRST 1 (db3)', { cascade: { db3: 'db2' } });
    expect(sim.node('db3').syncState).toBe('async');
    expect(commits(sim, 3000)).toBe(false);
  });

  it('lets "*" stand for every direct standby', () => {
    const sim = listed(2, 'ANY 2 (*)');
    expect(states(sim)).toBe('db2=quorum db3=quorum');
    sim.kill('db3');
    expect(commits(sim, 3000)).toBe(false);
  });

  it('is ignored in async mode, like synchronous_commit = local', () => {
    const sim = createSimulation(cluster(1, { mode: 'async', synchronousStandbyNames: 'FIRST 1 (db2)' }));
    sim.advance(100);
    sim.kill('db2');
    expect(sim.node('db2').syncState).toBe('async');
    expect(commits(sim, 100)).toBe(true);
  });

  it('gives way to syncCount in semi-sync mode, which counts any k direct standbys', () => {
    const sim = createSimulation(
      cluster(2, { mode: 'semi-sync', syncCount: 1, synchronousStandbyNames: 'FIRST 1 (db2)' }),
    );
    sim.advance(100);
    sim.kill('db2');
    expect(states(sim)).toBe('db2=quorum db3=quorum');
    expect(commits(sim)).toBe(true);
    expect(sim.snapshot().replication.synchronousStandbyNames).toBeUndefined();
  });

  it('appears in the snapshot as PostgreSQL spells it', () => {
    expect(listed(2, 'any 1 (db2,db3)').snapshot().replication.synchronousStandbyNames).toBe(
      'ANY 1 (db2, db3)',
    );
  });

  it('keeps the older spelling: sync mode waits for every sync replica, semi-sync for syncCount of them', () => {
    const sync = createSimulation(cluster(2, { mode: 'sync' }));
    const semi = createSimulation(cluster(2, { mode: 'semi-sync', syncCount: 1 }));
    sync.advance(100);
    semi.advance(100);
    expect(states(sync)).toBe('db2=sync db3=sync');
    expect(states(semi)).toBe('db2=quorum db3=quorum');
    sync.kill('db3');
    semi.kill('db3');
    expect(commits(sync, 3000)).toBe(false);
    expect(commits(semi)).toBe(true);
  });
});

describe('releasableLsn', () => {
  const positionsArb = fc.array(fc.option(fc.nat({ max: 50 }), { nil: undefined }), {
    minLength: 1,
    maxLength: 6,
  });

  /** A rule over fake members whose confirmed positions are `positions` (undefined: not connected). */
  function ruleOf(method: 'first' | 'any', num: number, positions: readonly (number | undefined)[]) {
    const rule: SyncRule<number> = { method, num, members: positions.map((_, i) => i) };
    return releasableLsn(rule, (member) => positions[member]);
  }

  it('releases under ANY n exactly up to the highest position n connected standbys all hold', () => {
    fc.assert(
      fc.property(positionsArb, fc.integer({ min: 1, max: 6 }), (positions, num) => {
        const lsn = ruleOf('any', num, positions);
        const connected = positions.filter((p) => p !== undefined);
        const holding = (at: number) => connected.filter((p) => p >= at).length;
        if (connected.length < num) expect(lsn).toBe(-1);
        else {
          expect(holding(lsn)).toBeGreaterThanOrEqual(num);
          expect(holding(lsn + 1)).toBeLessThan(num);
        }
      }),
    );
  });

  it('releases under FIRST n only what each of the first n connected standbys holds', () => {
    fc.assert(
      fc.property(positionsArb, fc.integer({ min: 1, max: 6 }), (positions, num) => {
        const lsn = ruleOf('first', num, positions);
        const chosen = positions.filter((p) => p !== undefined).slice(0, num);
        if (chosen.length < num) expect(lsn).toBe(-1);
        else expect(lsn).toBe(Math.min(...chosen));
        // Never more than ANY n over the same standbys would release.
        expect(lsn).toBeLessThanOrEqual(ruleOf('any', num, positions));
      }),
    );
  });
});
