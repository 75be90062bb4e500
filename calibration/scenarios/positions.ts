/** (b) Replication positions are ordered sent ≥ write ≥ flush ≥ replay, and lag clears when idle. */
import { replica, simulate } from '../lib/engine.ts';
import { waitFor } from '../lib/cluster.ts';
import { withCluster, type Scenario } from '../lib/scenario.ts';

const ORDERED =
  'select bool_and(sent_lsn >= write_lsn and write_lsn >= flush_lsn and flush_lsn >= replay_lsn) from pg_stat_replication';
const CAUGHT_UP =
  'select count(*) = 2 and bool_and(sent_lsn = pg_current_wal_lsn() and replay_lsn = pg_current_wal_lsn() ' +
  'and write_lsn = sent_lsn and flush_lsn = sent_lsn) from pg_stat_replication';
const LAG_CLEARED =
  'select bool_and(write_lag is null and flush_lag is null and replay_lag is null) from pg_stat_replication';

export const positions: Scenario = {
  id: 'b',
  title: 'positions ordered, lag clears when idle',
  reference: { orderedInEverySample: true, caughtUpWhenIdle: true, lagClearsWhenIdle: true },

  server: (lab) =>
    withCluster(lab, { name: 'b-positions', standbys: ['s1', 's2'] }, async (pg) => {
      // A burst of single-row commits in one session, sampled from another while it runs.
      const burst = Array.from({ length: 3000 }, (_, i) => `insert into t values (${i + 1});`).join('\n');
      const load = { done: false };
      const finished = pg.psql('primary', burst, 30_000).finally(() => {
        load.done = true;
      });
      let samples = 0;
      let ordered = true;
      while (!load.done || samples < 5) {
        ordered &&= (await pg.q('primary', ORDERED)) === 't';
        samples++;
      }
      await finished;
      const caughtUp = await waitFor(async () => (await pg.q('primary', CAUGHT_UP)) === 't', 5000);
      const cleared = await waitFor(async () => (await pg.q('primary', LAG_CLEARED)) === 't', 10_000, 250);
      return { orderedInEverySample: ordered, caughtUpWhenIdle: caughtUp, lagClearsWhenIdle: cleared };
    }),

  engine() {
    const sim = simulate([replica('s1'), replica('s2')]);
    sim.runUntilIdle();
    let ordered = true;
    for (let i = 1; i <= 3000; i++) {
      sim.write('primary', `k${i}`, String(i));
      sim.advance(0.3);
      const last = sim.node('primary').lastLsn;
      for (const id of ['s1', 's2']) {
        const node = sim.node(id);
        ordered &&= last >= node.receivedLsn && node.receivedLsn >= node.appliedLsn;
      }
    }
    sim.runUntilIdle();
    const last = sim.node('primary').lastLsn;
    const standbys = ['s1', 's2'].map((id) => sim.node(id));
    return {
      orderedInEverySample: ordered,
      caughtUpWhenIdle: standbys.every((n) => n.receivedLsn === last && n.appliedLsn === last),
      lagClearsWhenIdle: standbys.every((n) => n.lag.ms === 0 && n.lag.entries === 0),
    };
  },
};
