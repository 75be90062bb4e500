/**
 * (m2) A replica cut off (its I/O thread stopped) while K commits are acknowledged, promoted after the
 * primary is killed, misses exactly those K; the replica that had them cannot follow it (error 1236). The
 * old primary, restarted, comes back writable (nothing in its configuration makes it read-only: a second
 * writable server), and pointed at the new primary it cannot follow it either.
 */
import { waitFor, waitUntil } from '../../lib/cluster.ts';
import { countKeys, promoteCutOff } from '../../lib/engine.ts';
import type { MariaLab } from '../../lib/mariadb/lab.ts';
import type { MariaServer } from '../../lib/mariadb/server.ts';
import { APP_USER, countRange, insertRange, withTopology } from '../../lib/mariadb/topology.ts';
import { withFigures, type Scenario } from '../../lib/scenario.ts';

const K = 20;
/** A row written on the promoted replica: r2 follows it only if this row arrives. */
const NEW_ROW = 1000;
/** How long r2 is watched for that row (a follower has it well within a second). */
const REFUSED_FOR_MS = 5000;
/** MariaDB's refusal of a replica whose GTID position the new primary's binary log does not hold. */
const NOT_IN_BINLOG = /Got fatal error 1236 .*which is not in the master's binlog/;
/** A row the restarted old primary takes from the account without SUPER, if it is writable. */
const OLD_PRIMARY_ROW = 2000;

/**
 * Whether `server`, pointed at `upstream` (`CHANGE MASTER`, `use_gtid`), receives `NEW_ROW`; when it does
 * not, waits for the I/O thread's 1236 and returns it (never a connection problem taken for a refusal).
 */
async function followsOrRefused(
  server: MariaServer,
  upstream: MariaServer,
  useGtid: 'slave_pos' | 'current_pos',
): Promise<{ follows: boolean; refusal: string }> {
  await server.follow(upstream, '', useGtid);
  const follows = await waitFor(
    async () => (await countRange(server, NEW_ROW, NEW_ROW)) === 1,
    REFUSED_FOR_MS,
    200,
  );
  let refusal = 'none';
  if (!follows)
    await waitUntil(
      `${server.name} is refused with error 1236`,
      async () => {
        refusal = await server.slaveStatus('Last_IO_Error');
        return NOT_IN_BINLOG.test(refusal);
      },
      20_000,
    );
  return { follows, refusal };
}
export const forcedLoss: Scenario<MariaLab> = {
  id: 'm2',
  title: `cut-off replica promoted misses exactly K=${K}; the old primary returns writable`,
  reference: {
    acknowledged: K,
    missingOnPromoted: K,
    otherReplicaKeepsThem: true,
    otherReplicaFollows: false,
    oldPrimaryComesBackWritable: true,
    oldPrimaryFollows: false,
  },

  server: (lab) =>
    withTopology(lab, { name: 'm2-forced-loss', replicas: ['r1', 'r2'] }, async ({ primary, replica }) => {
      const [r1, r2] = [replica('r1'), replica('r2')];
      await insertRange(primary, 1, 100);
      await r1.caughtUpWith(primary);
      await r2.caughtUpWith(primary);
      await r1.q('stop slave io_thread');
      await r1.ioRunning('No');
      const acknowledged = await insertRange(primary, 101, 100 + K);
      await r2.caughtUpWith(primary);
      await primary.crash();
      // Promotion as an operator does it: replication off and forgotten, writes allowed.
      await r1.q('stop slave');
      await r1.q('reset slave all');
      await r1.q('set global read_only = 0');
      const missingOnPromoted = K - (await countRange(r1, 101, 100 + K));
      const otherReplicaKeepsThem = (await countRange(r2, 101, 100 + K)) === K;
      await insertRange(r1, NEW_ROW, NEW_ROW);
      const other = await followsOrRefused(r2, r1, 'slave_pos');
      // The old primary restarted as it was configured; an ordinary account writes on it if it is writable.
      await primary.start();
      const readOnly = await primary.value('select @@read_only');
      const app = await primary.connect(APP_USER);
      const writable = await app
        .query(`insert into cal.t values (${OLD_PRIMARY_ROW}, ${OLD_PRIMARY_ROW})`)
        .then(
          () => true,
          () => false,
        );
      app.destroy();
      // Pointed at the new primary from its own binary log's position, as a former primary should be.
      const old = await followsOrRefused(primary, r1, 'current_pos');
      return withFigures(
        {
          acknowledged,
          missingOnPromoted,
          otherReplicaKeepsThem,
          otherReplicaFollows: other.follows,
          oldPrimaryComesBackWritable: readOnly === '0' && writable,
          oldPrimaryFollows: old.follows,
        },
        `r2's Last_IO_Error: ${other.refusal}; the restarted old primary: @@read_only ${readOnly}, ` +
          `app's insert ${writable ? 'committed' : 'refused'}, Last_IO_Error: ${old.refusal}`,
      );
    }),

  engine() {
    // MariaDB rewinds nothing: the replica that had the rows is left as it is, and the old primary
    // restarts as a primary replicating from no one; pointed at the new primary (CHANGE MASTER TO), as the
    // server was, it is refused.
    return promoteCutOff('mariadb', ['r1', 'r2'], K, NEW_ROW, 'Replica', (sim) => {
      sim.restart('primary');
      const write = sim.write('primary', `k${OLD_PRIMARY_ROW}`, String(OLD_PRIMARY_ROW));
      sim.runUntilIdle();
      sim.repoint('primary', 'r1');
      sim.runUntilIdle();
      return {
        oldPrimaryComesBackWritable: sim.op(write.id)?.status === 'ok',
        oldPrimaryFollows: countKeys(sim, 'primary', NEW_ROW, NEW_ROW) === 1,
      };
    });
  },
};
