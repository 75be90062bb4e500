/** (d) A standby cut off while K commits are acknowledged, then promoted, misses exactly those K. */
import { waitUntil } from '../lib/cluster.ts';
import { promoteCutOff } from '../lib/engine.ts';
import { countRange, insertRange, receivesWithin, withCluster, type Scenario } from '../lib/scenario.ts';

const K = 20;
/** A row written on the promoted standby's new timeline: s2 follows it only if this row arrives. */
const NEW_ROW = 1000;
/** How long s2 is watched for that row (a follower has it in about a second). */
const REFUSED_FOR_MS = 5000;
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

  server: (lab) =>
    withCluster(lab, { name: 'd-forced-loss', standbys: ['s1', 's2'] }, async (pg) => {
      await insertRange(pg, 'primary', 1, 100);
      await pg.replayedBy('primary', 2);
      await pg.repoint('s1', undefined);
      await waitUntil(
        's1 disconnects',
        async () => (await pg.replicationState('primary', 's1')) === '',
        20_000,
      );
      const acknowledged = await insertRange(pg, 'primary', 101, 100 + K);
      await pg.replayedBy('primary', 1);
      await pg.stop('primary', 'immediate');
      await pg.q('s1', 'select pg_promote()');
      const missing = K - (await countRange(pg, 's1', 101, 100 + K));
      const kept = (await countRange(pg, 's2', 101, 100 + K)) === K;
      await insertRange(pg, 's1', NEW_ROW, NEW_ROW);
      await pg.repoint('s2', 's1');
      const follows = await receivesWithin(pg, 's2', NEW_ROW, NEW_ROW, REFUSED_FOR_MS);
      // Not following must be PostgreSQL's refusal of a standby that is ahead, not a connection problem.
      if (!follows)
        await waitUntil(
          's2 logs that the new timeline forked before its position',
          () => Promise.resolve(FORKED.test(pg.serverLog('s2'))),
          20_000,
        );
      return {
        acknowledged,
        missingOnPromoted: missing,
        otherStandbyKeepsThem: kept,
        otherStandbyFollows: follows,
      };
    }),

  engine() {
    // Bare PostgreSQL: nothing rewinds a diverged standby until the operator runs pg_rewind.
    return promoteCutOff('postgresql', ['s1', 's2'], K, NEW_ROW, 'Standby');
  },
};
