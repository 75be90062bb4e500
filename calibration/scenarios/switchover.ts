/** (i) A clean switchover: the old primary and the other standby follow the promoted one without a rewind. */
import { countKeys, replica, simulate, writeRange } from '../lib/engine.ts';
import { countRange, insertRange, receivesWithin, withCluster, type Scenario } from '../lib/scenario.ts';

export const switchover: Scenario = {
  id: 'i',
  title: 'clean switchover needs no rewind',
  reference: { oldPrimaryFollowsWithoutRewind: true, otherStandbyFollows: true, rowsEverywhere: 12 },

  server: (lab) =>
    withCluster(lab, { name: 'i-switchover', standbys: ['s1', 's2'] }, async (pg) => {
      await insertRange(pg, 'primary', 1, 10);
      await pg.replayedBy('primary', 2);
      await pg.stop('primary', 'fast');
      await pg.q('s1', 'select pg_promote()');
      // The new timeline's rows: a node that follows s1 receives them.
      await insertRange(pg, 's1', 11, 12);
      pg.follow('primary', 's1');
      await pg.start('primary');
      await pg.repoint('s2', 's1');
      const oldFollows = await receivesWithin(pg, 'primary', 11, 12, 20_000);
      const otherFollows = await receivesWithin(pg, 's2', 11, 12, 20_000);
      const counts = await Promise.all(['s1', 'primary', 's2'].map((n) => countRange(pg, n, 1, 12)));
      return {
        // No pg_rewind was run: receiving the new timeline is the whole answer.
        oldPrimaryFollowsWithoutRewind: oldFollows,
        otherStandbyFollows: otherFollows,
        rowsEverywhere: counts.every((c) => c === counts[0]) ? (counts[0] ?? 0) : -1,
      };
    }),

  engine() {
    const sim = simulate([replica('s1'), replica('s2')]);
    writeRange(sim, 'primary', 1, 10);
    sim.runUntilIdle();
    // The engine has no clean shutdown; once idle, a kill loses nothing, as a fast shutdown would not.
    sim.kill('primary');
    sim.promote('s1');
    writeRange(sim, 's1', 11, 12);
    sim.restart('primary');
    sim.runUntilIdle();
    const counts = ['s1', 'primary', 's2'].map((n) => countKeys(sim, n, 1, 12));
    const rewound = sim
      .events()
      .some((e) => (e.type === 'rewound' || e.type === 'resync-started') && e.nodeId !== 's1');
    return {
      oldPrimaryFollowsWithoutRewind: countKeys(sim, 'primary', 11, 12) === 2 && !rewound,
      otherStandbyFollows: countKeys(sim, 's2', 11, 12) === 2,
      rowsEverywhere: counts.every((c) => c === counts[0]) ? (counts[0] ?? 0) : -1,
    };
  },
};
