/**
 * (m4) Semi-sync acknowledges once the replica has *received* the transaction (written to its relay log),
 * not applied it: with the replica's applier held back (`MASTER_DELAY`), a read on it right after the
 * acknowledged commit is stale, and the row appears once the delay has passed. Asked at both wait points.
 */
import { waitFor } from '../../lib/cluster.ts';
import type { MariaLab } from '../../lib/mariadb/lab.ts';
import { countRange, timedInsert, withSemiSyncReplica } from '../../lib/mariadb/topology.ts';
import { withFigures, type Facts, type Scenario } from '../../lib/scenario.ts';
import { SEMI_SYNC_TIMEOUT_MS, semiSyncSimulation, semiSyncStatus } from './semiSyncFallback.ts';

/** The replica's `MASTER_DELAY`, s (the engine's `applyDelayMs`): the read right after the commit comes well before. */
const DELAY_S = 3;
/** `rpl_semi_sync_master_wait_point`: MariaDB's default first. The engine has no such setting. */
const WAIT_POINTS = ['AFTER_COMMIT', 'AFTER_SYNC'] as const;

interface Commit {
  readonly acked: boolean;
  readonly ms: number;
  readonly status: string;
  readonly staleRightAfter: boolean;
  readonly later: boolean;
}

const factsOf = (point: string, c: Commit): Facts => ({
  [`${point}: acknowledgedBySemiSync`]: c.acked,
  [`${point}: commitWaitsTimeout`]: c.ms >= 0.9 * SEMI_SYNC_TIMEOUT_MS,
  [`${point}: statusAfterCommit`]: c.status,
  [`${point}: replicaReadRightAfterIsStale`]: c.staleRightAfter,
  [`${point}: replicaHasItAfterDelay`]: c.later,
});

const expected = (point: string): Facts =>
  factsOf(point, { acked: true, ms: 0, status: 'ON', staleRightAfter: true, later: true });

export const semiSyncStale: Scenario<MariaLab> = {
  id: 'm4',
  title: 'semi-sync acks on receipt: a read on the replica right after can be stale',
  reference: Object.assign({}, ...WAIT_POINTS.map(expected)) as Facts,

  server: (lab) =>
    withSemiSyncReplica(
      lab,
      'm4-semi-sync-stale',
      { timeoutMs: SEMI_SYNC_TIMEOUT_MS, delayS: DELAY_S },
      async (primary, r1) => {
        const yes = async (): Promise<number> => Number(await primary.status('Rpl_semi_sync_master_yes_tx'));
        let facts: Facts = {};
        const figures: string[] = [];
        for (const [i, point] of WAIT_POINTS.entries()) {
          await primary.q(`set global rpl_semi_sync_master_wait_point = ${point}`);
          const yesBefore = await yes();
          const ms = await timedInsert(primary, i + 1);
          const staleRightAfter = (await countRange(r1, i + 1, i + 1)) === 0;
          const acked = (await yes()) === yesBefore + 1;
          const status = await primary.status('Rpl_semi_sync_master_status');
          const later = await waitFor(
            async () => (await countRange(r1, i + 1, i + 1)) === 1,
            DELAY_S * 1000 + 15_000,
            200,
          );
          facts = { ...facts, ...factsOf(point, { acked, ms, status, staleRightAfter, later }) };
          figures.push(`${point}: commit ${ms.toFixed(0)} ms`);
        }
        return withFigures(facts, `MASTER_DELAY ${DELAY_S} s; ${figures.join(', ')} (client's view)`);
      },
    ),

  engine() {
    // The engine has no wait point: semi-sync acknowledges on receipt (`ackOn: 'received'`), its answer for both.
    const sim = semiSyncSimulation(DELAY_S * 1000);
    sim.runUntilIdle();
    const write = sim.write('primary', 'k1', '1');
    sim.advance(50);
    const op = sim.op(write.id);
    const ms = op?.endedAt === undefined ? Infinity : op.endedAt - op.startedAt;
    const status = semiSyncStatus(sim);
    const acked = op?.status === 'ok' && op.waitedForSync === true && status === 'ON';
    const read = sim.read('r1', 'k1');
    sim.advance(DELAY_S * 1000 + 1000);
    const commit = {
      acked,
      ms,
      status,
      staleRightAfter: sim.op(read.id)?.value === undefined,
      later: sim.node('r1').data['k1'] === '1',
    };
    return withFigures(
      Object.assign({}, ...WAIT_POINTS.map((point) => factsOf(point, commit))) as Facts,
      `applyDelayMs ${DELAY_S * 1000}; commit ${ms} ms (simulated)`,
    );
  },
};
