/**
 * (m9) Galera: one of three nodes killed (`kill -9`). The two left keep the Primary Component, but group
 * communication delivers nothing until the view without the dead node is installed: a commit on a survivor
 * right after the kill waits for failure detection, then succeeds; later commits do not wait.
 */
import { galera } from '../../lib/engine.ts';
import { withGalera } from '../../lib/mariadb/galera.ts';
import type { MariaLab } from '../../lib/mariadb/lab.ts';
import { APP_USER } from '../../lib/mariadb/topology.ts';
import { withFigures, type Facts, type Scenario } from '../../lib/scenario.ts';

/**
 * How long the first commit after the kill waits, as a band: not less than `evs.suspect_timeout` (1.5 s,
 * nothing is suspected sooner), not more than `evs.inactive_timeout` plus `evs.install_timeout` (3 s + 3 s).
 * Measured 1.8 and 2.8 s quiet; the engine takes its failure detection, 3 s.
 */
const WAITS_S: readonly [number, number] = [1.5, 6];
/** A commit that does not wait: the shared cluster's take well under a millisecond quiet. */
const NO_WAIT_MS = 500;

const waits = `firstCommitWaits${WAITS_S.join('–')}s`;

const facts = (firstOk: boolean, firstMs: number, nextMs: number, status: string): Facts => ({
  firstCommitSucceeds: firstOk,
  [waits]: firstMs >= WAITS_S[0] * 1000 && firstMs <= WAITS_S[1] * 1000,
  laterCommitWaits: nextMs > NO_WAIT_MS,
  survivorStatus: status,
});

export const galeraStall: Scenario<MariaLab> = {
  id: 'm9',
  title:
    'Galera: one of three nodes killed, a commit right after waits until the view changes, then succeeds',
  reference: facts(true, 2500, 1, 'Primary'),

  server: (lab) =>
    withGalera(
      lab,
      async ([g1, , g3]) => {
        if (g1 === undefined || g3 === undefined) throw new Error('three nodes expected');
        const app = await g1.connect(APP_USER);
        const timed = async (): Promise<{ ok: boolean; ms: number }> => {
          const start = performance.now();
          const ok = await app.query('update cal.t set v = v + 1 where id = 1').then(
            () => true,
            () => false,
          );
          return { ok, ms: performance.now() - start };
        };
        try {
          await timed();
          await g3.crash();
          const first = await timed();
          const next = await timed();
          const status = await g1.status('wsrep_cluster_status');
          return withFigures(
            facts(first.ok, first.ms, next.ms, status),
            `first commit after the kill ${Math.round(first.ms)} ms, the next ${next.ms.toFixed(1)} ms (client's view)`,
          );
        } finally {
          app.destroy();
        }
      },
      { spends: true },
    ),

  engine() {
    const sim = galera(0.05);
    sim.kill('g3');
    const commit = (): { ok: boolean; ms: number } => {
      const write = sim.write('g1', 'k', 'v');
      while (sim.op(write.id)?.status === 'pending' && sim.now() < 60_000) sim.advance(1);
      const op = sim.op(write.id);
      return { ok: op?.status === 'ok', ms: (op?.endedAt ?? Infinity) - (op?.startedAt ?? 0) };
    };
    const first = commit();
    const next = commit();
    const status = sim.node('g1').quorum ? 'Primary' : 'non-Primary';
    return withFigures(
      facts(first.ok, first.ms, next.ms, status),
      `first commit after the kill ${Math.round(first.ms)} ms, the next ${next.ms.toFixed(2)} ms (simulated)`,
    );
  },
};
