/** (g) A cascaded standby is invisible to the primary, cannot be synchronous, and starves while its upstream is down. */
import { waitFor } from '../lib/cluster.ts';
import { countKeys, replica, simulate } from '../lib/engine.ts';
import { countRange, insertRange, withCluster, type Scenario } from '../lib/scenario.ts';
import { cancelCommit, startCommit } from '../lib/syncProbe.ts';

const APPS = "select coalesce(string_agg(application_name, ' ' order by 1), '') from pg_stat_replication";

export const cascade: Scenario = {
  id: 'g',
  title: 'cascaded standby: invisible, never sync, starves',
  reference: {
    primarySees: 's1',
    upstreamSees: 's3',
    namedAsSyncBlocks: true,
    receivesWhileUpstreamDown: false,
    catchesUpWhenUpstreamReturns: true,
  },
  engineNeeds: [
    'synchronous standby lists by name (FIRST n / ANY n): a named standby that is not a direct replica of ' +
      'the primary can never confirm, so commits block; today Cluster.syncCandidates drops it and, with no ' +
      'candidate left, requiredConfirmations is 0 and commits do not wait',
  ],

  postgres: (lab) =>
    withCluster(lab, { name: 'g-cascade', standbys: ['s1'] }, async (pg) => {
      await pg.addStandby('s3', 's1');
      const primarySees = await pg.q('primary', APPS);
      const upstreamSees = await pg.q('s1', APPS);
      await pg.q('primary', "alter system set synchronous_standby_names = 'FIRST 1 (s3)'");
      await pg.q('primary', 'select pg_reload_conf()');
      const commit = await startCommit(pg, 'primary', 'insert into t values (1)', 'probe1');
      if (commit.blocked) await cancelCommit(pg, 'primary', 'probe1', commit);
      await pg.q('primary', 'alter system reset synchronous_standby_names');
      await pg.q('primary', 'select pg_reload_conf()');
      await pg.stop('s1');
      await insertRange(pg, 'primary', 2, 2);
      const receives = await waitFor(async () => (await countRange(pg, 's3', 2, 2)) === 1, 1500, 250);
      await pg.start('s1');
      const catchesUp = await waitFor(async () => (await countRange(pg, 's3', 2, 2)) === 1, 10_000, 250);
      return {
        primarySees,
        upstreamSees,
        namedAsSyncBlocks: commit.blocked,
        receivesWhileUpstreamDown: receives,
        catchesUpWhenUpstreamReturns: catchesUp,
      };
    }),

  engine() {
    // Only s3 counts toward synchronous commit: the engine's spelling of synchronous_standby_names = 's3'.
    const sim = simulate([replica('s1', 'primary', false), replica('s3', 's1', true)], { mode: 'sync' });
    sim.runUntilIdle();
    const primarySees = sim.node('primary').downstream.join(' ');
    const upstreamSees = sim.node('s1').downstream.join(' ');
    const op = sim.write('primary', 'k1', '1');
    sim.advance(3000);
    const namedAsSyncBlocks = sim.op(op.id)?.status === 'pending';
    sim.kill('s1');
    sim.write('primary', 'k2', '2');
    sim.advance(1500);
    const receives = countKeys(sim, 's3', 2, 2) === 1;
    sim.restart('s1');
    // Reconnection retries are background timers that runUntilIdle does not wait for.
    sim.advance(5000);
    sim.runUntilIdle();
    return {
      primarySees,
      upstreamSees,
      namedAsSyncBlocks,
      receivesWhileUpstreamDown: receives,
      catchesUpWhenUpstreamReturns: countKeys(sim, 's3', 2, 2) === 1,
    };
  },
};
