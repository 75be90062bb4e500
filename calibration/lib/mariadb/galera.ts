/**
 * A three-node Galera cluster on loopback, built once for the Galera scenarios: one node bootstraps and
 * gets the schema, stops cleanly, and its data directory seeds the other two, so they join by IST.
 */
import { join } from 'node:path';
import { waitUntil } from '../cluster.ts';
import { freePort } from '../cluster.ts';
import type { MariaLab } from './lab.ts';
import { MariaServer, SMALL_CNF } from './server.ts';
import { APP_USER } from './topology.ts';

const NODES = ['g1', 'g2', 'g3'] as const;
/** A join runs the SST script even for IST: seconds when quiet, tens of seconds under load. */
const SYNCED_MS = 180_000;
/** Failure detection in seconds, not Galera's default tens of seconds. */
const EVS =
  'evs.keepalive_period=PT0.3S;evs.inactive_check_period=PT0.3S;evs.suspect_timeout=PT1.5S;' +
  'evs.inactive_timeout=PT3S;evs.install_timeout=PT3S';

interface NodePorts {
  readonly gmcast: number;
  readonly ist: number;
  readonly sst: number;
}

function galeraCnf(name: string, own: NodePorts, all: readonly NodePorts[]): string[] {
  return [
    'binlog_format=ROW',
    'innodb_autoinc_lock_mode=2',
    'wsrep_on=ON',
    'wsrep_provider=/usr/lib/galera/libgalera_smm.so',
    'wsrep_cluster_name=cal',
    `wsrep_cluster_address=gcomm://${all.map((p) => `127.0.0.1:${p.gmcast}`).join(',')}`,
    `wsrep_node_name=${name}`,
    'wsrep_node_address=127.0.0.1',
    `wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:${own.gmcast};ist.recv_addr=127.0.0.1:${own.ist};gcache.size=32M;${EVS}"`,
    `wsrep_sst_receive_address=127.0.0.1:${own.sst}`,
    'wsrep_sst_method=rsync',
  ];
}

/** Waits until a node says `wsrep_local_state_comment = Synced`. */
export function synced(node: MariaServer, ms = SYNCED_MS): Promise<void> {
  return waitUntil(
    `${node.name} is Synced`,
    async () => {
      try {
        return (await node.status('wsrep_local_state_comment')) === 'Synced';
      } catch {
        return false;
      }
    },
    ms,
    200,
  );
}

/** Builds the cluster (schema `cal.t(id int primary key, v int)` with row 1, the account `app`) in `dir`. */
async function build(lab: MariaLab, dir: string, nodes: MariaServer[]): Promise<void> {
  lab.mkdir(dir);
  const ports: NodePorts[] = [];
  for (let i = 0; i < NODES.length; i++)
    ports.push({ gmcast: await freePort(), ist: await freePort(), sst: await freePort() });
  const cnf = (i: number): string[] => {
    const own = ports[i];
    if (own === undefined) throw new Error(`no ports for node ${i}`);
    return galeraCnf(NODES[i] ?? `g${i + 1}`, own, ports);
  };
  const first = await MariaServer.create(lab, dir, 'g1', cnf(0), { base: SMALL_CNF, start: false });
  nodes.push(first);
  await first.start(['--wsrep-new-cluster']);
  await synced(first);
  await first.q('create database cal');
  await first.q('create table cal.t (id int primary key, v int)');
  await first.q('insert into cal.t values (1, 0)');
  await first.q(`create user ${APP_USER}@'%'`);
  await first.q(`grant select, insert, update, delete on cal.* to ${APP_USER}@'%'`);
  await first.stop();
  for (const [i, node] of NODES.entries()) {
    if (i === 0) continue;
    nodes.push(
      await MariaServer.create(lab, dir, node, cnf(i), {
        base: SMALL_CNF,
        data: first.dataDir,
        start: false,
      }),
    );
  }
  await first.start(['--wsrep-new-cluster']);
  await synced(first);
  // One joiner at a time: the donor serves one state transfer, and under load a second joiner that found
  // no donor gave up and exited.
  for (const node of nodes.slice(1)) {
    await node.start();
    await synced(node);
  }
}

/** The cluster the Galera scenarios share (its joins are the slow part of the suite), in this lab's root. */
let shared: { readonly root: string; readonly nodes: readonly MariaServer[] } | undefined;
let builds = 0;

async function sharedCluster(lab: MariaLab): Promise<readonly MariaServer[]> {
  if (shared?.root === lab.root && shared.nodes.every((node) => node.running)) return shared.nodes;
  await spend();
  // A join that fails under load is tried once more, on new servers.
  for (let attempt = 1; ; attempt++) {
    const nodes: MariaServer[] = [];
    try {
      await build(lab, join(lab.root, `galera-${++builds}`), nodes);
      shared = { root: lab.root, nodes };
      return nodes;
    } catch (error) {
      for (const node of nodes) await node.crash();
      if (attempt === 2) throw error;
      console.log(`calibration: the Galera cluster did not build (${String(error)}); building it again`);
    }
  }
}

/** Kills every node of the shared cluster, each by its own pid, and forgets it. */
async function spend(): Promise<void> {
  const nodes = shared?.nodes ?? [];
  shared = undefined;
  for (const node of nodes) await node.crash();
}

/**
 * Runs `body` on the shared three-node cluster, built on first use (and again if a node is not running).
 * A scenario that kills nodes `spends` it: every node is killed after `body`, so is the cluster after a
 * failure (what a failed scenario left is not trusted); the lab's cleanup kills it at the end of the suite.
 */
export async function withGalera<T>(
  lab: MariaLab,
  body: (nodes: readonly MariaServer[]) => Promise<T>,
  { spends = false }: { readonly spends?: boolean } = {},
): Promise<T> {
  const nodes = await sharedCluster(lab);
  let keep = false;
  try {
    const result = await body(nodes);
    keep = !spends;
    return result;
  } finally {
    if (!keep) await spend();
  }
}
