/** (h) An old primary that diverged comes back read-only, never follows until rewound; pg_rewind drops its divergent rows. */
import { waitUntil } from '../lib/cluster.ts';
import { countKeys, replica, simulate, writeRange } from '../lib/engine.ts';
import { countRange, insertRange, receivesWithin, withCluster, type Scenario } from '../lib/scenario.ts';

const DIVERGENT = 5;
const NEW_ROWS = 3;
/** How long the diverged node is watched for the new timeline's rows (a follower has them in about a second). */
const REFUSED_FOR_MS = 5000;

export const divergedPrimary: Scenario = {
  id: 'h',
  title: 'diverged old primary: read-only, needs rewind',
  reference: {
    comesBackReadOnly: true,
    servesDivergentRows: DIVERGENT,
    followsBeforeRewind: false,
    followsAfterRewind: true,
    rowsAfterRewind: `divergent 0, new ${NEW_ROWS}`,
  },

  server: (lab) =>
    withCluster(lab, { name: 'h-diverged', standbys: ['s1'] }, async (pg) => {
      await insertRange(pg, 'primary', 1, 10);
      await pg.replayedBy('primary', 1);
      await pg.repoint('s1', undefined);
      await waitUntil(
        's1 disconnects',
        async () => (await pg.replicationState('primary', 's1')) === '',
        20_000,
      );
      await insertRange(pg, 'primary', 101, 100 + DIVERGENT);
      await pg.stop('primary', 'immediate');
      await pg.q('s1', 'select pg_promote()');
      // The new timeline's rows: a node that follows s1 receives them.
      await insertRange(pg, 's1', 201, 200 + NEW_ROWS);
      // The old primary restarts as a standby of the new one, without a rewind.
      pg.follow('primary', 's1');
      await pg.start('primary');
      const write = await pg.psql('primary', 'insert into t values (999)');
      const divergent = await countRange(pg, 'primary', 101, 100 + DIVERGENT);
      const followsBefore = await receivesWithin(pg, 'primary', 201, 200 + NEW_ROWS, REFUSED_FOR_MS);
      await pg.stop('primary');
      // Right after a promotion the source's control file still names the old timeline until a checkpoint.
      await pg.q('s1', 'checkpoint');
      const rewind = await pg.rewind('primary', 's1');
      if (rewind.code !== 0) throw new Error(`pg_rewind failed: ${rewind.stderr}`);
      pg.follow('primary', 's1');
      await pg.start('primary');
      const followsAfter = await receivesWithin(pg, 'primary', 201, 200 + NEW_ROWS, 20_000);
      const left = await countRange(pg, 'primary', 101, 100 + DIVERGENT);
      const arrived = await countRange(pg, 'primary', 201, 200 + NEW_ROWS);
      return {
        comesBackReadOnly: write.code !== 0 && write.stderr.includes('25006'),
        servesDivergentRows: divergent,
        followsBeforeRewind: followsBefore,
        followsAfterRewind: followsAfter,
        rowsAfterRewind: `divergent ${left}, new ${arrived}`,
      };
    }),

  engine() {
    // Bare PostgreSQL: nothing rewinds a diverged server until the operator runs pg_rewind.
    const sim = simulate([replica('s1')], { autoRewind: false });
    writeRange(sim, 'primary', 1, 10);
    sim.runUntilIdle();
    sim.partition([['primary'], ['s1']]);
    writeRange(sim, 'primary', 101, 100 + DIVERGENT);
    sim.kill('primary');
    sim.heal();
    sim.promote('s1');
    writeRange(sim, 's1', 201, 200 + NEW_ROWS);
    sim.runUntilIdle();
    sim.restart('primary');
    const write = sim.write('primary', 'k999', '999');
    const divergent = countKeys(sim, 'primary', 101, 100 + DIVERGENT);
    const follows = (): boolean => countKeys(sim, 'primary', 201, 200 + NEW_ROWS) === NEW_ROWS;
    sim.advance(REFUSED_FOR_MS);
    const followsBeforeRewind = follows();
    sim.rewind('primary');
    sim.advance(3000);
    sim.runUntilIdle();
    return {
      comesBackReadOnly:
        sim.op(write.id)?.status === 'failed' && (sim.op(write.id)?.error ?? '').includes('25006'),
      servesDivergentRows: divergent,
      followsBeforeRewind,
      followsAfterRewind: follows(),
      rowsAfterRewind: `divergent ${countKeys(sim, 'primary', 101, 100 + DIVERGENT)}, new ${countKeys(sim, 'primary', 201, 200 + NEW_ROWS)}`,
    };
  },
};
