/** (c) Promotion starts a new timeline, and a standby that is not ahead follows onto it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countKeys, replica, simulate } from '../lib/engine.ts';
import { insertRange, receivesWithin, withCluster, type Scenario } from '../lib/scenario.ts';

const HISTORY_LINE = /^1\t[0-9A-F]+\/[0-9A-F]+\tno recovery target specified$/;

export const timeline: Scenario = {
  id: 'c',
  title: 'promotion starts a new timeline',
  reference: {
    timelineBefore: 1,
    timelineAfter: 2,
    historyForksFromTimeline1: true,
    otherStandbyFollows: true,
  },

  server: (lab) =>
    withCluster(lab, { name: 'c-timeline', standbys: ['s1', 's2'] }, async (pg) => {
      await insertRange(pg, 'primary', 1, 10);
      const before = await pg.timeline('primary');
      await pg.replayedBy('primary', 2);
      await pg.stop('primary', 'immediate');
      await pg.q('s1', 'select pg_promote()');
      const after = await pg.timeline('s1');
      const history = readFileSync(join(pg.dataDir('s1'), 'pg_wal', '00000002.history'), 'utf8').trim();
      // A row on the new timeline; PostgreSQL does not repoint standbys: the operator does (ALTER SYSTEM).
      await insertRange(pg, 's1', 11, 11);
      await pg.repoint('s2', 's1');
      const follows = await receivesWithin(pg, 's2', 11, 11, 20_000);
      return {
        timelineBefore: before,
        timelineAfter: after,
        historyForksFromTimeline1: HISTORY_LINE.test(history),
        otherStandbyFollows: follows,
      };
    }),

  engine() {
    const sim = simulate([replica('s1'), replica('s2')]);
    for (let i = 1; i <= 10; i++) sim.write('primary', `k${i}`, String(i));
    sim.runUntilIdle();
    const before = sim.node('primary').timeline;
    sim.kill('primary');
    sim.promote('s1');
    sim.runUntilIdle();
    const after = sim.node('s1').timeline;
    const promoted = sim.events().find((e) => e.type === 'promoted');
    sim.write('s1', 'k11', '11');
    sim.runUntilIdle();
    return {
      timelineBefore: before,
      timelineAfter: after,
      historyForksFromTimeline1: promoted?.type === 'promoted' && promoted.timeline === before + 1,
      otherStandbyFollows: countKeys(sim, 's2', 11, 11) === 1,
    };
  },
};
