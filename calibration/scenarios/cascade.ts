/** (g) A cascaded standby is invisible to the primary, cannot be synchronous, and starves while its upstream is down. */
import { waitFor } from '../lib/cluster.ts';
import { countKeys, replica, simulate } from '../lib/engine.ts';
import { countRange, insertRange, withCluster, type Scenario } from '../lib/scenario.ts';
import { cancelCommit, startCommit } from '../lib/syncProbe.ts';

const APPS =
  "select coalesce(string_agg(application_name, ' ' order by application_name), '') from pg_stat_replication";

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
  server: (lab) =>
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
    const topology = [replica('s1'), replica('s3', 's1')];
    // synchronous_standby_names = 'FIRST 1 (s3)': s3 is not connected to the primary, so it never confirms.
    const named = simulate(topology, { synchronousStandbyNames: 'FIRST 1 (s3)' });
    named.runUntilIdle();
    const op = named.write('primary', 'k1', '1');
    named.advance(3000);
    const namedAsSyncBlocks = named.op(op.id)?.status === 'pending';
    named.cancel(op.id);
    // The rest runs with the list reset, as on the server.
    const sim = simulate(topology);
    sim.runUntilIdle();
    const primarySees = sim.node('primary').downstream.join(' ');
    const upstreamSees = sim.node('s1').downstream.join(' ');
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
