/** A MariaDB scenario's servers: a primary and its replicas, a table and an ordinary account; always torn down. */
import { join } from 'node:path';
import { waitFor } from '../cluster.ts';
import type { MariaLab } from './lab.ts';
import { MariaServer } from './server.ts';

/** The account without SUPER (or READ ONLY ADMIN) that `read_only` applies to: root bypasses it. */
export const APP_USER = 'app';

export interface TopologySpec {
  /** The scenario's directory under the lab root. */
  readonly name: string;
  readonly replicas: readonly string[];
  /** Extra cnf lines for the primary, and for every replica (`read_only=ON` is always there). */
  readonly primaryCnf?: readonly string[];
  readonly replicaCnf?: readonly string[];
}

export interface Topology {
  readonly primary: MariaServer;
  readonly replicas: ReadonlyMap<string, MariaServer>;
  readonly replica: (name: string) => MariaServer;
}

/**
 * Starts the primary (schema `cal.t(id int primary key, v int)` and the account `app`), then each replica
 * following it by GTID and caught up, runs `body`, and kills every server of the scenario in a `finally`.
 */
export async function withTopology<T>(
  lab: MariaLab,
  { name, replicas, primaryCnf = [], replicaCnf = [] }: TopologySpec,
  body: (topology: Topology) => Promise<T>,
): Promise<T> {
  const dir = join(lab.root, name);
  lab.mkdir(dir);
  const started: MariaServer[] = [];
  try {
    const primary = await MariaServer.create(lab, dir, 'primary', primaryCnf);
    started.push(primary);
    await primary.q('create database cal');
    await primary.q('create table cal.t (id int primary key, v int)');
    await primary.q(`create user ${APP_USER}@'%'`);
    await primary.q(`grant select, insert, update, delete on cal.* to ${APP_USER}@'%'`);
    const byName = new Map<string, MariaServer>();
    for (const replicaName of replicas) {
      const replica = await MariaServer.create(lab, dir, replicaName, ['read_only=ON', ...replicaCnf]);
      started.push(replica);
      byName.set(replicaName, replica);
      await replica.follow(primary);
      await replica.caughtUpWith(primary);
    }
    return await body({
      primary,
      replicas: byName,
      replica: (n) => {
        const server = byName.get(n);
        if (server === undefined) throw new Error(`no replica ${n}`);
        return server;
      },
    });
  } finally {
    // The data is thrown away: kill -9 each, by its own pid.
    for (const server of started) await server.crash();
  }
}

/** Inserts ids from..to as single-row autocommits on one session; returns how many were acknowledged. */
export async function insertRange(server: MariaServer, from: number, to: number): Promise<number> {
  const session = await server.connect();
  let acknowledged = 0;
  try {
    for (let id = from; id <= to; id++) {
      await session.query({ sql: `insert into cal.t values (${id}, ${id})`, timeout: 10_000 });
      acknowledged++;
    }
  } finally {
    session.destroy();
  }
  return acknowledged;
}

/** Rows of cal.t with ids in from..to on a server. */
export async function countRange(server: MariaServer, from: number, to: number): Promise<number> {
  return Number(await server.value(`select count(*) from cal.t where id between ${from} and ${to}`));
}

/** One autocommit insert on a fresh session; its duration in ms as the client saw it. */
export async function timedInsert(server: MariaServer, id: number): Promise<number> {
  const session = await server.connect();
  try {
    const started = performance.now();
    await session.query({ sql: `insert into cal.t values (${id}, ${id})`, timeout: 30_000 });
    return performance.now() - started;
  } finally {
    session.destroy();
  }
}

const SEMI_SYNC_ON_WITHIN_MS = 45_000;

/**
 * Turns semi-sync on at the primary (`rpl_semi_sync_master_enabled`, `rpl_semi_sync_master_timeout`) once
 * the schema exists (DDL before a replica is connected would wait the timeout), reconnects each replica's
 * I/O thread so it registers as a semi-sync client, and waits until the primary counts them all.
 */
export async function enableSemiSync(
  primary: MariaServer,
  replicas: readonly MariaServer[],
  timeoutMs: number,
): Promise<void> {
  await primary.q(`set global rpl_semi_sync_master_timeout = ${timeoutMs}`);
  await primary.q('set global rpl_semi_sync_master_enabled = 1');
  for (const replica of replicas) {
    await replica.q('stop slave io_thread');
    await replica.q('start slave io_thread');
  }
  let seen = '';
  // Under a second on a quiet machine; twice it took over 20 s at a load of 13–20 (a busy CI neighbour).
  const counted = await waitFor(async () => {
    const clients = await primary.status('Rpl_semi_sync_master_clients');
    const status = await primary.status('Rpl_semi_sync_master_status');
    seen = `clients ${clients}, status ${status}`;
    return clients === String(replicas.length) && status === 'ON';
  }, SEMI_SYNC_ON_WITHIN_MS);
  if (!counted) {
    // Say what it saw, and what the servers logged about semi-sync, so a failure under load can be read.
    const logged = [primary, ...replicas].flatMap((server) =>
      server
        .serverLog()
        .split('\n')
        .filter((line) => /semi-sync|Semi-sync|semisync/i.test(line))
        .slice(-3)
        .map((line) => `${server.name}: ${line}`),
    );
    throw new Error(
      `the primary counts ${replicas.length} semi-sync replica(s), semi-sync ON: not within ${SEMI_SYNC_ON_WITHIN_MS} ms (${seen}); ${logged.join(' | ')}`,
    );
  }
}

/**
 * A primary and one semi-sync replica `r1` (its applier `MASTER_DELAY` seconds behind when `delayS` is
 * given), semi-sync on with `timeoutMs`: runs `body`, always tears them down.
 */
export function withSemiSyncReplica<T>(
  lab: MariaLab,
  name: string,
  { timeoutMs, delayS }: { readonly timeoutMs: number; readonly delayS?: number },
  body: (primary: MariaServer, r1: MariaServer) => Promise<T>,
): Promise<T> {
  const spec = { name, replicas: ['r1'], replicaCnf: ['rpl_semi_sync_slave_enabled=ON'] };
  return withTopology(lab, spec, async ({ primary, replica }) => {
    const r1 = replica('r1');
    if (delayS !== undefined) await r1.follow(primary, `, master_delay=${delayS}`);
    await enableSemiSync(primary, [r1], timeoutMs);
    return body(primary, r1);
  });
}
