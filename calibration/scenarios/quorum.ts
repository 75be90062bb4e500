/** (f) `ANY 1 (s1, s2)`: both are quorum; it commits with one down, blocks with both, and one back releases it. */
import { waitFor } from '../lib/cluster.ts';
import { replica, simulate } from '../lib/engine.ts';
import { withCluster, type Scenario } from '../lib/scenario.ts';
import { cancelCommit, returnsWithin, startCommit } from '../lib/syncProbe.ts';

export const quorum: Scenario = {
  id: 'f',
  title: 'ANY 1 (s1, s2): one down commits, both down blocks',
  reference: {
    syncStates: 's1=quorum s2=quorum',
    oneDownCommits: true,
    bothDownBlocks: true,
    oneBackReleases: true,
  },

  server: (lab) =>
    withCluster(lab, { name: 'f-quorum', standbys: ['s1', 's2'] }, async (pg) => {
      await pg.q('primary', "alter system set synchronous_standby_names = 'ANY 1 (s1, s2)'");
      await pg.q('primary', 'select pg_reload_conf()');
      const states = async (): Promise<string> =>
        pg.q(
          'primary',
          "select string_agg(application_name || '=' || sync_state, ' ' order by application_name) from pg_stat_replication",
        );
      await waitFor(async () => (await states()) === 's1=quorum s2=quorum', 3000);
      const syncStates = await states();
      await pg.stop('s1');
      const one = await startCommit(pg, 'primary', 'insert into t values (1)', 'probe1');
      if (one.blocked) await cancelCommit(pg, 'primary', 'probe1', one);
      const oneDownCommits = !one.blocked && (await one.done).code === 0;
      await pg.stop('s2');
      const both = await startCommit(pg, 'primary', 'insert into t values (2)', 'probe2');
      await pg.start('s2');
      const released = both.blocked && (await returnsWithin(both, 10_000));
      return { syncStates, oneDownCommits, bothDownBlocks: both.blocked, oneBackReleases: released };
    }),

  engine() {
    const sim = simulate([replica('s1'), replica('s2')], { synchronousStandbyNames: 'ANY 1 (s1, s2)' });
    sim.runUntilIdle();
    const syncStates = ['s1', 's2'].map((id) => `${id}=${sim.node(id).syncState}`).join(' ');
    sim.kill('s1');
    const one = sim.write('primary', 'k1', '1');
    sim.advance(3000);
    sim.kill('s2');
    const both = sim.write('primary', 'k2', '2');
    sim.advance(3000);
    const bothDownBlocks = sim.op(both.id)?.status === 'pending';
    sim.restart('s2');
    sim.runUntilIdle();
    return {
      syncStates,
      oneDownCommits: sim.op(one.id)?.status === 'ok',
      bothDownBlocks,
      oneBackReleases: sim.op(both.id)?.status === 'ok',
    };
  },
};
