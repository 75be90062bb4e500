/**
 * (e) `FIRST 1 (s1)`: s1 is sync and s2 async (under `FIRST 1 (s1, s2)`, s2 is potential); with s1 down
 * commits block, `local` still commits, and a cancel returns success with a warning.
 */
import { waitFor } from '../lib/cluster.ts';
import type { Simulation } from '../../src/engine/index.ts';
import { replica, simulate } from '../lib/engine.ts';
import { countRange, withCluster, type Scenario } from '../lib/scenario.ts';
import { cancelCommit, cancelledAfterLocalCommit, returnsWithin, startCommit } from '../lib/syncProbe.ts';

export const firstSync: Scenario = {
  id: 'e',
  title: 'FIRST 1 (s1), s1 down: blocks; local commits; cancel warns',
  reference: {
    syncStates: 's1=sync s2=async',
    priorityStates: 's1=sync s2=potential',
    blocks: true,
    blockedRowVisible: false,
    localCommits: true,
    cancelReturnsSuccessWithWarning: true,
    releasedWhenS1Returns: true,
  },
  server: (lab) =>
    withCluster(lab, { name: 'e-first-sync', standbys: ['s1', 's2'] }, async (pg) => {
      const states = async (): Promise<string> =>
        pg.q(
          'primary',
          "select string_agg(application_name || '=' || sync_state, ' ' order by application_name) from pg_stat_replication",
        );
      await pg.q('primary', "alter system set synchronous_standby_names = 'FIRST 1 (s1, s2)'");
      await pg.q('primary', 'select pg_reload_conf()');
      await waitFor(async () => (await states()) === 's1=sync s2=potential', 3000);
      const priorityStates = await states();
      await pg.q('primary', "alter system set synchronous_standby_names = 'FIRST 1 (s1)'");
      await pg.q('primary', 'select pg_reload_conf()');
      await waitFor(async () => (await states()) === 's1=sync s2=async', 3000);
      const syncStates = await states();
      await pg.stop('s1');
      const blocked = await startCommit(pg, 'primary', 'insert into t values (1)', 'probe1');
      const visible = (await countRange(pg, 'primary', 1, 1)) === 1;
      const local = await pg.psql(
        'primary',
        'set synchronous_commit = local; insert into t values (2)',
        5000,
      );
      const cancelled = await cancelCommit(pg, 'primary', 'probe1', blocked);
      const again = await startCommit(pg, 'primary', 'insert into t values (3)', 'probe2');
      await pg.start('s1');
      const released = again.blocked && (await returnsWithin(again, 10_000));
      return {
        syncStates,
        priorityStates,
        blocks: blocked.blocked,
        blockedRowVisible: visible,
        localCommits: local.code === 0 && !local.timedOut && local.stdout.includes('INSERT 0 1'),
        cancelReturnsSuccessWithWarning: cancelledAfterLocalCommit(cancelled),
        releasedWhenS1Returns: released,
      };
    }),

  engine() {
    const states = (sim: Simulation): string =>
      ['s1', 's2'].map((id) => `${id}=${sim.node(id).syncState}`).join(' ');
    const priority = simulate([replica('s1'), replica('s2')], {
      synchronousStandbyNames: 'FIRST 1 (s1, s2)',
    });
    priority.runUntilIdle();
    const sim = simulate([replica('s1'), replica('s2')], { synchronousStandbyNames: 'FIRST 1 (s1)' });
    sim.runUntilIdle();
    const syncStates = states(sim);
    sim.kill('s1');
    const op = sim.write('primary', 'k1', '1');
    sim.advance(3000);
    const blocks = sim.op(op.id)?.status === 'pending';
    const visible = sim.read('primary', 'k1').value !== undefined;
    // SET LOCAL synchronous_commit = local: this transaction does not wait for s1.
    const local = sim.write('primary', 'k2', '2', { synchronousCommit: 'local' });
    sim.advance(50);
    const localCommits = sim.op(local.id)?.status === 'ok';
    // A blocked commit cancelled by the client: success, with the "committed locally" warning.
    const blocked = sim.write('primary', 'k3', '3');
    sim.advance(500);
    const cancelled = sim.cancel(blocked.id);
    const cancelWarns =
      cancelled.status === 'ok' && /might not have been replicated/.test(cancelled.warning ?? '');
    sim.restart('s1');
    sim.runUntilIdle();
    return {
      syncStates,
      priorityStates: states(priority),
      blocks,
      blockedRowVisible: visible,
      localCommits,
      cancelReturnsSuccessWithWarning: cancelWarns,
      releasedWhenS1Returns: sim.op(op.id)?.status === 'ok',
    };
  },
};
