/**
 * (m2) A replica cut off (its I/O thread stopped) while K commits are acknowledged, promoted after the
 * primary is killed, misses exactly those K; the replica that had them cannot follow it (error 1236).
 */
import { waitFor, waitUntil } from '../../lib/cluster.ts';
import { promoteCutOff } from '../../lib/engine.ts';
import type { MariaLab } from '../../lib/mariadb/lab.ts';
import { countRange, insertRange, withTopology } from '../../lib/mariadb/topology.ts';
import { withFigures, type Scenario } from '../../lib/scenario.ts';

const K = 20;
/** A row written on the promoted replica: r2 follows it only if this row arrives. */
const NEW_ROW = 1000;
/** How long r2 is watched for that row (a follower has it well within a second). */
const REFUSED_FOR_MS = 5000;
/** MariaDB's refusal of a replica whose GTID position the new primary's binary log does not hold. */
const NOT_IN_BINLOG = /Got fatal error 1236 .*which is not in the master's binlog/;

export const forcedLoss: Scenario<MariaLab> = {
  id: 'm2',
  title: `cut-off replica promoted misses exactly K=${K}`,
  reference: {
    acknowledged: K,
    missingOnPromoted: K,
    otherReplicaKeepsThem: true,
    otherReplicaFollows: false,
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
      await r2.follow(r1);
      const follows = await waitFor(
        async () => (await countRange(r2, NEW_ROW, NEW_ROW)) === 1,
        REFUSED_FOR_MS,
        200,
      );
      let refusal = 'none';
      // Not following must be the server's refusal, not a connection problem.
      if (!follows)
        await waitUntil(
          'r2 is refused with error 1236',
          async () => {
            refusal = await r2.slaveStatus('Last_IO_Error');
            return NOT_IN_BINLOG.test(refusal);
          },
          20_000,
        );
      return withFigures(
        { acknowledged, missingOnPromoted, otherReplicaKeepsThem, otherReplicaFollows: follows },
        `r2's Last_IO_Error: ${refusal}`,
      );
    }),

  engine() {
    // MariaDB rewinds nothing: the replica that had the rows is left as it is.
    return promoteCutOff('mariadb', ['r1', 'r2'], K, NEW_ROW, 'Replica');
  },
};
