/** (d) A standby cut off while K commits are acknowledged, then promoted, misses exactly those K. */
import { waitFor } from '../lib/cluster.ts';
import { countKeys, replica, simulate, writeRange } from '../lib/engine.ts';
import { countRange, insertRange, withCluster, type Scenario } from '../lib/scenario.ts';

const K = 20;
const FORKED =
  /new timeline \d+ forked off current database system timeline \d+ before current recovery point/;

export const forcedLoss: Scenario = {
  id: 'd',
  title: `cut-off standby promoted misses exactly K=${K}`,
  reference: {
    acknowledged: K,
    missingOnPromoted: K,
    otherStandbyKeepsThem: true,
    otherStandbyFollows: false,
  },

  postgres: (lab) =>
    withCluster(lab, { name: 'd-forced-loss', standbys: ['s1', 's2'] }, async (pg) => {
      await insertRange(pg, 'primary', 1, 100);
      await pg.replayedBy('primary', 2);
      await pg.repoint('s1', undefined);
      await waitFor(async () => (await pg.replicationState('primary', 's1')) === '', 5000);
      const acknowledged = await insertRange(pg, 'primary', 101, 100 + K);
      await pg.replayedBy('primary', 1);
      await pg.stop('primary', 'immediate');
      await pg.q('s1', 'select pg_promote()');
      const missing = K - (await countRange(pg, 's1', 101, 100 + K));
      const kept = (await countRange(pg, 's2', 101, 100 + K)) === K;
      await pg.repoint('s2', 's1');
      const follows = await pg.streamsWithin('s1', 's2', 4000);
      if (!follows && !FORKED.test(pg.serverLog('s2')))
        throw new Error('s2 did not stream, for no logged reason');
      return {
        acknowledged,
        missingOnPromoted: missing,
        otherStandbyKeepsThem: kept,
        otherStandbyFollows: follows,
      };
    }),

  engine() {
    // Bare PostgreSQL: nothing rewinds a diverged standby until the operator runs pg_rewind.
    const sim = simulate([replica('s1'), replica('s2')], { autoRewind: false });
    writeRange(sim, 'primary', 1, 100);
    sim.runUntilIdle();
    sim.partition([['primary', 's2'], ['s1']]);
    const acknowledged = writeRange(sim, 'primary', 101, 100 + K);
    sim.runUntilIdle();
    sim.kill('primary');
    sim.heal();
    sim.promote('s1');
    const missing = K - countKeys(sim, 's1', 101, 100 + K);
    const kept = countKeys(sim, 's2', 101, 100 + K) === K;
    sim.runUntilIdle();
    const s2 = sim.node('s2');
    const follows = s2.state === 'replica.streaming' && s2.timeline === sim.node('s1').timeline;
    return {
      acknowledged,
      missingOnPromoted: missing,
      otherStandbyKeepsThem: kept,
      otherStandbyFollows: follows,
    };
  },
};
