/** (h) An old primary that diverged comes back read-only, never streams until rewound; pg_rewind drops its divergent rows. */
import { waitFor } from '../lib/cluster.ts';
import { countKeys, replica, simulate, writeRange } from '../lib/engine.ts';
import { countRange, insertRange, withCluster, type Scenario } from '../lib/scenario.ts';

const DIVERGENT = 5;
const NEW_ROWS = 3;

export const divergedPrimary: Scenario = {
  id: 'h',
  title: 'diverged old primary: read-only, needs rewind',
  reference: {
    comesBackReadOnly: true,
    servesDivergentRows: DIVERGENT,
    streamsBeforeRewind: false,
    streamsAfterRewind: true,
    rowsAfterRewind: `divergent 0, new ${NEW_ROWS}`,
  },

  postgres: (lab) =>
    withCluster(lab, { name: 'h-diverged', standbys: ['s1'] }, async (pg) => {
      await insertRange(pg, 'primary', 1, 10);
      await pg.replayedBy('primary', 1);
      await pg.repoint('s1', undefined);
      await waitFor(async () => (await pg.replicationState('primary', 's1')) === '', 5000);
      await insertRange(pg, 'primary', 101, 100 + DIVERGENT);
      await pg.stop('primary', 'immediate');
      await pg.q('s1', 'select pg_promote()');
      await insertRange(pg, 's1', 201, 200 + NEW_ROWS);
      // The old primary restarts as a standby of the new one, without a rewind.
      pg.follow('primary', 's1');
      await pg.start('primary');
      const write = await pg.psql('primary', 'insert into t values (999)');
      const divergent = await countRange(pg, 'primary', 101, 100 + DIVERGENT);
      const streamsBefore = await pg.streamsWithin('s1', 'primary', 3000);
      await pg.stop('primary');
      // Right after a promotion the source's control file still names the old timeline until a checkpoint.
      await pg.q('s1', 'checkpoint');
      const rewind = await pg.rewind('primary', 's1');
      if (rewind.code !== 0) throw new Error(`pg_rewind failed: ${rewind.stderr}`);
      pg.follow('primary', 's1');
      await pg.start('primary');
      const streamsAfter = await pg.streamsWithin('s1', 'primary', 10_000);
      await pg.replayedBy('s1', 1);
      const left = await countRange(pg, 'primary', 101, 100 + DIVERGENT);
      const arrived = await countRange(pg, 'primary', 201, 200 + NEW_ROWS);
      return {
        comesBackReadOnly: write.code !== 0 && write.stderr.includes('25006'),
        servesDivergentRows: divergent,
        streamsBeforeRewind: streamsBefore,
        streamsAfterRewind: streamsAfter,
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
    sim.advance(3000);
    const streamsBeforeRewind = sim.node('primary').state === 'replica.streaming';
    sim.rewind('primary');
    sim.advance(3000);
    sim.runUntilIdle();
    return {
      comesBackReadOnly:
        sim.op(write.id)?.status === 'failed' && (sim.op(write.id)?.error ?? '').includes('25006'),
      servesDivergentRows: divergent,
      streamsBeforeRewind,
      streamsAfterRewind: sim.node('primary').state === 'replica.streaming',
      rowsAfterRewind: `divergent ${countKeys(sim, 'primary', 101, 100 + DIVERGENT)}, new ${countKeys(sim, 'primary', 201, 200 + NEW_ROWS)}`,
    };
  },
};
