/**
 * (m3) Semi-sync with its only replica gone: a commit waits `rpl_semi_sync_master_timeout` and then
 * succeeds, semi-sync switches OFF, later commits do not wait, and it switches ON when the replica returns.
 */
import { waitFor } from '../../lib/cluster.ts';
import { replica, simulate } from '../../lib/engine.ts';
import type { MariaLab } from '../../lib/mariadb/lab.ts';
import { timedInsert, withSemiSyncReplica } from '../../lib/mariadb/topology.ts';
import { withFigures, type Scenario } from '../../lib/scenario.ts';
import type { Simulation } from '../../../src/engine/index.ts';

/** `rpl_semi_sync_master_timeout`, ms (the server's default is 10 s: too long to wait for here). */
export const SEMI_SYNC_TIMEOUT_MS = 1000;
/** A commit that took this share of the timeout waited for it; one that took half of it did not. */
const WAITED = 0.9;
const DID_NOT_WAIT = 0.5;

/** The engine's primary as `Rpl_semi_sync_master_status` reads. */
export function semiSyncStatus(sim: Simulation): 'ON' | 'OFF' {
  return sim.metrics().syncDegraded ? 'OFF' : 'ON';
}

/** A simulation of a semi-sync primary with one semi-sync replica `r1` (`applyDelayMs` optional). */
export function semiSyncSimulation(applyDelayMs?: number): Simulation {
  return simulate(
    [{ ...replica('r1'), ...(applyDelayMs === undefined ? {} : { applyDelayMs }) }],
    { mode: 'semi-sync', syncCount: 1, ackOn: 'received', syncTimeoutMs: SEMI_SYNC_TIMEOUT_MS },
    'mariadb',
  );
}

const facts = (
  status: string,
  first: number | undefined,
  statusAfter: string,
  later: number,
  back: string,
) => ({
  statusBefore: status,
  firstCommitSucceeds: first !== undefined,
  firstCommitWaitsTimeout: first !== undefined && first >= WAITED * SEMI_SYNC_TIMEOUT_MS,
  statusAfterTimeout: statusAfter,
  laterCommitWaits: later >= DID_NOT_WAIT * SEMI_SYNC_TIMEOUT_MS,
  statusWhenReplicaReturns: back,
});

export const semiSyncFallback: Scenario<MariaLab> = {
  id: 'm3',
  title: `semi-sync, replica gone: waits ${SEMI_SYNC_TIMEOUT_MS} ms once, OFF, ON when it returns`,
  reference: {
    statusBefore: 'ON',
    firstCommitSucceeds: true,
    firstCommitWaitsTimeout: true,
    statusAfterTimeout: 'OFF',
    laterCommitWaits: false,
    statusWhenReplicaReturns: 'ON',
  },

  server: (lab) =>
    withSemiSyncReplica(
      lab,
      'm3-semi-sync-fallback',
      { timeoutMs: SEMI_SYNC_TIMEOUT_MS },
      async (primary, r1) => {
        const status = (): Promise<string> => primary.status('Rpl_semi_sync_master_status');
        const before = await status();
        await r1.stop();
        const first = await timedInsert(primary, 1).catch(() => undefined);
        const after = await status();
        const later = await timedInsert(primary, 2);
        const noTx = await primary.status('Rpl_semi_sync_master_no_tx');
        await r1.start();
        await r1.q('start slave');
        await waitFor(async () => (await status()) === 'ON', 20_000);
        const back = await status();
        return withFigures(
          facts(before, first, after, later, back),
          `commit with the replica gone ${first?.toFixed(0) ?? 'failed'} ms, the next ${later.toFixed(0)} ms ` +
            `(client's view); Rpl_semi_sync_master_no_tx ${noTx}`,
        );
      },
    ),

  engine() {
    const sim = semiSyncSimulation();
    sim.runUntilIdle();
    const before = semiSyncStatus(sim);
    sim.kill('r1');
    const first = sim.write('primary', 'k1', '1');
    sim.advance(3 * SEMI_SYNC_TIMEOUT_MS);
    const firstOp = sim.op(first.id);
    const firstMs =
      firstOp?.status === 'ok' && firstOp.endedAt !== undefined
        ? firstOp.endedAt - firstOp.startedAt
        : undefined;
    const after = semiSyncStatus(sim);
    const next = sim.write('primary', 'k2', '2');
    sim.advance(3 * SEMI_SYNC_TIMEOUT_MS);
    const nextOp = sim.op(next.id);
    const laterMs = nextOp?.endedAt === undefined ? Infinity : nextOp.endedAt - nextOp.startedAt;
    sim.restart('r1');
    sim.runUntilIdle();
    return withFigures(
      facts(before, firstMs, after, laterMs, semiSyncStatus(sim)),
      `commit with the replica gone ${firstMs ?? 'failed'} ms, the next ${laterMs} ms (simulated)`,
    );
  },
};
