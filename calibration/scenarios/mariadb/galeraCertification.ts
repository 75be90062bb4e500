/**
 * (m5) Galera: two transactions update one row on two nodes and commit together. Exactly one commits;
 * the other fails certification with MariaDB's deadlock error (1213, 40001); no committed update is lost.
 * Two transactions updating one row on one node both commit: the later waits for the earlier's row lock,
 * and a write-set is certified only against other nodes' write-sets.
 */
import { galera } from '../../lib/engine.ts';
import { waitFor } from '../../lib/cluster.ts';
import { clientError, NO_ERROR, printedError } from '../../lib/mariadb/errors.ts';
import { withGalera } from '../../lib/mariadb/galera.ts';
import type { MariaLab } from '../../lib/mariadb/lab.ts';
import { APP_USER } from '../../lib/mariadb/topology.ts';
import { withFigures, type Facts, type Scenario } from '../../lib/scenario.ts';

const facts = (
  committed: number,
  failure: Facts,
  committedEverywhere: boolean,
  sameNodeBothCommit: boolean,
): Facts => ({
  committed,
  ...failure,
  committedUpdateOnEveryNode: committedEverywhere,
  sameNodeBothCommit,
});

export const galeraCertification: Scenario<MariaLab> = {
  id: 'm5',
  title: 'Galera: two nodes update one row at once, one fails certification (1213)',
  reference: facts(
    1,
    {
      errno: 1213,
      sqlstate: '40001',
      message: 'Deadlock found when trying to get lock; try restarting transaction',
    },
    true,
    true,
  ),

  server: (lab) =>
    withGalera(lab, async ([g1, g2, g3]) => {
      if (g1 === undefined || g2 === undefined || g3 === undefined) throw new Error('three nodes expected');
      // Both transactions hold their update before either commits; then both commits go out together.
      const [a, b] = [await g1.connect(APP_USER), await g2.connect(APP_USER)];
      try {
        for (const session of [a, b]) await session.query('begin');
        await a.query('update cal.t set v = v + 1 where id = 1');
        await b.query('update cal.t set v = v + 10 where id = 1');
        const outcomes = await Promise.allSettled([a.query('commit'), b.query('commit')]);
        const [first, second] = outcomes;
        const committed = outcomes.filter((o) => o.status === 'fulfilled').length;
        const rejected = outcomes.find((o) => o.status === 'rejected');
        const expected = (first.status === 'fulfilled' ? 1 : 0) + (second.status === 'fulfilled' ? 10 : 0);
        const everywhere = await waitFor(
          async () => {
            for (const node of [g1, g2, g3])
              if (Number(await node.value('select v from cal.t where id = 1')) !== expected) return false;
            return true;
          },
          10_000,
          200,
        );
        // Two sessions on g1: the second's update waits for the first's row lock, then both commit.
        const c = await g1.connect(APP_USER);
        let sameNode = false;
        try {
          for (const session of [a, c]) await session.query('begin');
          await a.query('update cal.t set v = v + 100 where id = 1');
          const waiting = c.query('update cal.t set v = v + 1000 where id = 1');
          const both = await Promise.allSettled([a.query('commit'), waiting.then(() => c.query('commit'))]);
          sameNode = both.every((o) => o.status === 'fulfilled');
        } finally {
          c.destroy();
        }
        return withFigures(
          facts(
            committed,
            rejected === undefined ? NO_ERROR : clientError(rejected.reason),
            everywhere,
            sameNode,
          ),
          `committed on ${first.status === 'fulfilled' ? 'g1' : ''}${second.status === 'fulfilled' ? 'g2' : ''}; v = ${expected} on every node`,
        );
      } finally {
        a.destroy();
        b.destroy();
      }
    }),

  engine() {
    const sim = galera(1);
    const ops = [sim.write('g1', 'k', '1'), sim.write('g2', 'k', '10')];
    sim.runUntilIdle();
    const records = ops.map((op) => sim.op(op.id));
    const won = records.find((r) => r?.status === 'ok');
    const lost = records.find((r) => r?.status === 'failed');
    const everywhere =
      won !== undefined && ['g1', 'g2', 'g3'].every((id) => sim.node(id).data['k'] === won.value);
    // The second is issued while the first is still being certified, as the second session's update was.
    const sameNode = [sim.write('g1', 'k', '100')];
    sim.advance(1);
    sameNode.push(sim.write('g1', 'k', '1000'));
    sim.runUntilIdle();
    return withFigures(
      facts(
        records.filter((r) => r?.status === 'ok').length,
        lost === undefined ? NO_ERROR : printedError(lost.error ?? ''),
        everywhere,
        sameNode.every((op) => sim.op(op.id)?.status === 'ok'),
      ),
      `committed on ${won?.nodeId ?? 'none'}`,
    );
  },
};
