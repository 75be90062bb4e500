/**
 * (m8) Source-source: two MariaDB servers, each a replica of the other (GTID, their own gtid_domain_id).
 * Concurrent updates of one row apply in arrival order on each, so the two diverge with no error; an insert
 * of one key on both stops each one's applier (SQL thread) with the duplicate-key error 1062.
 */
import { join } from 'node:path';
import { waitUntil } from '../../lib/cluster.ts';
import type { MariaLab } from '../../lib/mariadb/lab.ts';
import { MariaServer } from '../../lib/mariadb/server.ts';
import { withFigures, type Facts, type Outcome, type Scenario } from '../../lib/scenario.ts';
import { createSimulation } from '../../../src/engine/index.ts';

/** The row both sides update, and the id both sides insert. */
const ROW = 1;
const DUP = 7;
/** How long each applier is given to stop (it stops within milliseconds of the other's insert arriving). */
const STOP_WITHIN_MS = 20_000;
/**
 * Last_SQL_Error names the binary log file and position of the event, which differ run to run: both are
 * replaced by `…` before comparing, and so is the table the engine does not model (`cal.t`).
 */
function normalize(lastSqlError: string): string {
  return lastSqlError
    .replace(/on table [^;]+;/, 'on table …;')
    .replace(/master log [^,]+, end_log_pos \d+/, 'master log …, end_log_pos …');
}

/** Two servers, a and b, each following the other by GTID; the table `cal.t` created on a and replicated. */
async function withSourceSource<T>(
  lab: MariaLab,
  body: (a: MariaServer, b: MariaServer) => Promise<T>,
): Promise<T> {
  const dir = join(lab.root, 'm8-source-source');
  lab.mkdir(dir);
  const started: MariaServer[] = [];
  try {
    // gtid_strict_mode is off in source-source: each server's binary log holds the other's domain too.
    const a = await MariaServer.create(lab, dir, 'a', ['gtid_domain_id=1', 'gtid_strict_mode=OFF']);
    started.push(a);
    const b = await MariaServer.create(lab, dir, 'b', ['gtid_domain_id=2', 'gtid_strict_mode=OFF']);
    started.push(b);
    await a.q('create database cal');
    await a.q('create table cal.t (id int primary key, v int)');
    await a.q(`insert into cal.t values (${ROW}, 0)`);
    await b.follow(a);
    await b.caughtUpWith(a);
    await a.follow(b);
    await a.caughtUpWith(b);
    return await body(a, b);
  } finally {
    for (const server of started) await server.crash();
  }
}

/** Whether a statement succeeded (its error, if any, is the outcome). */
function succeeds(statement: Promise<unknown>): Promise<boolean> {
  return statement.then(
    () => true,
    () => false,
  );
}

async function rowValue(server: MariaServer, id: number): Promise<string> {
  return server.value(`select v from cal.t where id = ${id}`);
}

/** Each server's applier, once it has stopped (or the wait times out). */
async function stoppedApplier(server: MariaServer): Promise<{ errno: string; error: string }> {
  await waitUntil(
    `${server.name}: Slave_SQL_Running=No`,
    async () => (await server.slaveStatus('Slave_SQL_Running')) === 'No',
    STOP_WITHIN_MS,
  );
  return {
    errno: await server.slaveStatus('Last_SQL_Errno'),
    error: await server.slaveStatus('Last_SQL_Error'),
  };
}

export const sourceSource: Scenario<MariaLab> = {
  id: 'm8',
  title: 'source-source: concurrent updates diverge silently; a duplicate insert stops both appliers (1062)',
  reference: {
    updatesBothSucceed: true,
    diverged: true,
    appliersRunAfterUpdates: true,
    insertsBothSucceed: true,
    aStopped: true,
    bStopped: true,
    lastSqlErrno: 1062,
    lastSqlError:
      "Could not execute Write_rows_v1 event on table …; Duplicate entry '7' for key 'PRIMARY', Error_code: 1062; handler error HA_ERR_FOUND_DUPP_KEY; the event's master log …, end_log_pos …",
    secondInsertError: "ERROR 1062 (23000): Duplicate entry '7' for key 'PRIMARY'",
    runsAfterSkip: true,
    keepsOwnRowAfterSkip: true,
  },

  server: (lab) =>
    withSourceSource(lab, async (a, b) => {
      // Both updates commit locally before either arrives at the other: each side applies the other's last.
      await a.q('stop slave io_thread');
      await b.q('stop slave io_thread');
      const [ua, ub] = await Promise.all([
        succeeds(a.q(`update cal.t set v = 1 where id = ${ROW}`)),
        succeeds(b.q(`update cal.t set v = 2 where id = ${ROW}`)),
      ]);
      const updatesBothSucceed = ua && ub;
      await a.q('start slave io_thread');
      await b.q('start slave io_thread');
      await a.caughtUpWith(b);
      await b.caughtUpWith(a);
      const [va, vb] = [await rowValue(a, ROW), await rowValue(b, ROW)];
      const running = async (s: MariaServer) => (await s.slaveStatus('Slave_SQL_Running')) === 'Yes';
      const appliersRunAfterUpdates = (await running(a)) && (await running(b));

      // The same key inserted on both, each before the other's arrives.
      await a.q('stop slave io_thread');
      await b.q('stop slave io_thread');
      const insertsBothSucceed =
        (await succeeds(a.q(`insert into cal.t values (${DUP}, 1)`))) &&
        (await succeeds(b.q(`insert into cal.t values (${DUP}, 2)`)));
      // A second insert of that key on a, which now holds it: the client's own error.
      let secondInsertError = 'it succeeded';
      try {
        await a.q(`insert into cal.t values (${DUP}, 3)`);
      } catch (error) {
        const { errno, sqlState, sqlMessage } = error as {
          errno?: number;
          sqlState?: string;
          sqlMessage?: string;
        };
        secondInsertError = `ERROR ${errno ?? 0} (${sqlState ?? ''}): ${sqlMessage ?? ''}`;
      }
      await a.q('start slave io_thread');
      await b.q('start slave io_thread');
      const [sa, sb] = await Promise.all([stoppedApplier(a), stoppedApplier(b)]);
      // The operator skips the failed event on a: its applier runs again, and a keeps its own row.
      await a.q('set global sql_slave_skip_counter = 1');
      await a.q('start slave sql_thread');
      await b.q(`insert into cal.t values (${DUP + 1}, 8)`);
      await a.caughtUpWith(b);
      const runsAfterSkip = await running(a);
      const keepsOwnRowAfterSkip = (await rowValue(a, DUP)) === '1';
      const facts: Facts = {
        updatesBothSucceed,
        diverged: va !== vb,
        appliersRunAfterUpdates,
        insertsBothSucceed,
        aStopped: sa.errno !== '0',
        bStopped: sb.errno !== '0',
        lastSqlErrno: Number(sa.errno === sb.errno ? sa.errno : -1),
        lastSqlError: normalize(sa.error) === normalize(sb.error) ? normalize(sa.error) : 'the two differ',
        secondInsertError,
        runsAfterSkip,
        keepsOwnRowAfterSkip,
      };
      return withFigures(facts, `a: v=${va}, b: v=${vb}; a's Last_SQL_Error: ${sa.error}`);
    }),

  engine(): Facts | Outcome {
    const sim = createSimulation({
      seed: 7,
      system: 'mariadb',
      nodes: [
        { id: 'a', role: 'primary' },
        { id: 'b', role: 'primary' },
      ],
      network: { latencyMs: 1, jitterMs: 0 },
      conflictResolution: 'none',
    });
    sim.write('a', String(ROW), '0');
    sim.runUntilIdle();
    // Both commit before either arrives at the other (the servers' I/O threads were stopped meanwhile).
    const updates = [sim.write('a', String(ROW), '1'), sim.write('b', String(ROW), '2')];
    sim.runUntilIdle();
    const ok = (id: number) => sim.op(id)?.status === 'ok';
    const [va, vb] = [sim.node('a').data[String(ROW)], sim.node('b').data[String(ROW)]];
    const running = () => sim.nodes().every((n) => n.stoppedAppliers.length === 0);
    const appliersRunAfterUpdates = running();

    const key = String(DUP);
    const inserts = [sim.write('a', key, '1', { insert: true }), sim.write('b', key, '2', { insert: true })];
    const second = sim.write('a', key, '3', { insert: true });
    sim.runUntilIdle();
    const [sa] = sim.node('a').stoppedAppliers;
    const [sb] = sim.node('b').stoppedAppliers;
    const secondOp = sim.op(second.id);
    sim.skipEvent('a');
    sim.write('b', String(DUP + 1), '8');
    sim.runUntilIdle();
    const runsAfterSkip =
      sim.node('a').stoppedAppliers.length === 0 && sim.node('a').data[String(DUP + 1)] === '8';
    const facts: Facts = {
      updatesBothSucceed: updates.every((op) => ok(op.id)),
      diverged: va !== vb,
      appliersRunAfterUpdates,
      insertsBothSucceed: inserts.every((op) => ok(op.id)),
      aStopped: sa !== undefined,
      bStopped: sb !== undefined,
      lastSqlErrno: sa !== undefined && sa.errno === sb?.errno ? sa.errno : -1,
      lastSqlError:
        sa !== undefined && normalize(sa.error) === normalize(sb?.error ?? '')
          ? normalize(sa.error)
          : 'the two differ',
      // The engine's error names the node first ("a: ERROR 1062 ..."), as its every refusal does.
      secondInsertError:
        secondOp?.status === 'failed' ? (secondOp.error ?? '').replace(/^a: /, '') : 'it succeeded',
      runsAfterSkip,
      keepsOwnRowAfterSkip: sim.node('a').data[key] === '1',
    };
    return withFigures(
      facts,
      `a: v=${va ?? '—'}, b: v=${vb ?? '—'}; a's Last_SQL_Error: ${sa?.error ?? '—'}`,
    );
  },
};
