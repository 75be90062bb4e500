/**
 * Clients: a request reaches its node and is served there. A client in a region sends its request across the
 * network (the one-way latency from its region to the node's, with seeded jitter) and hears the answer one
 * reply later, so `endedAt - startedAt` is the latency the client sees. Invariant: a client beside its node
 * (no region) is served at once and its operation ends when the node answers, as before regions existed.
 */
import type { Cluster } from './cluster.ts';
import { NON_PRIMARY_ERROR } from './multiprimary/certificationState.ts';
import { regionOf } from './network/regions.ts';
import type { OpRecord } from './observe/history.ts';
import { multiPrimary } from './persist/registry.ts';
import { queueCommit } from './replication/syncCommit.ts';
import { READ_ONLY_ERRORS } from './serverErrors.ts';
import { defineTask } from './tasks.ts';
import type { RegionId } from './types.ts';

/** One leg of a client's trip: the regions' latency plus a jitter drawn from the network's seeded stream. */
function leg(cluster: Cluster, from: RegionId | undefined, to: RegionId | undefined): number {
  const { latencyMs, jitterMs } = cluster.network.regionTiming(from, to);
  return jitterMs > 0 ? latencyMs + cluster.network.random.next() * jitterMs : latencyMs;
}

/** A request that arrives at its node now. */
const request = defineTask('client.request', (cluster, opId: number) => {
  const op = cluster.history.get(opId);
  if (op === undefined || op.status !== 'pending') return;
  if (op.kind === 'write') serveWrite(cluster, op);
  else serveRead(cluster, op);
});

/**
 * Sends `op` from a client in `region` to its node: both legs are drawn now (request, then reply). Returns
 * false when the request takes no time, so the caller serves it at once.
 */
export function sendRequest(cluster: Cluster, op: OpRecord, region: RegionId): boolean {
  const there = regionOf(cluster, op.nodeId);
  op.clientRegion = region;
  op.requestMs = leg(cluster, region, there);
  op.replyMs = leg(cluster, there, region);
  if (op.requestMs === 0) return false;
  request(cluster, cluster.now() + op.requestMs, op.id);
  return true;
}

/** A write reaches its node: committed there, or refused with the server's error. */
export function serveWrite(cluster: Cluster, op: OpRecord): void {
  const nodeId = op.nodeId;
  const node = cluster.nodes.get(nodeId);
  const now = cluster.now();
  node?.load.record(now);
  if (node === undefined || !node.isUp) {
    const why = cluster.isReadOnly()
      ? 'the system is read-only until a replica is promoted'
      : 'connection refused';
    cluster.history.fail(op, `${nodeId} is down: ${why}`, now);
  } else if (!node.isPrimary) {
    cluster.history.fail(op, `${nodeId} is a read-only replica: ${READ_ONLY_ERRORS[cluster.system]}`, now);
  } else if (node.isFenced) {
    // Patroni restarts a primary that lost the leader lock as a read-only standby.
    cluster.history.fail(
      op,
      `${nodeId} lost its leader lease and is read-only: ${READ_ONLY_ERRORS[cluster.system]}`,
      now,
    );
  } else if (cluster.group.has(nodeId) && cluster.config.mode === 'sync') {
    multiPrimary().certify(cluster, node, op);
    return;
  } else {
    queueCommit(cluster, node, op);
    return;
  }
  cluster.emit({ type: 'write-failed', nodeId, opId: op.id, error: op.error ?? '' });
}

/** A read reaches its node: it returns what that node has applied. */
export function serveRead(cluster: Cluster, op: OpRecord): void {
  const nodeId = op.nodeId;
  const node = cluster.nodes.get(nodeId);
  const now = cluster.now();
  node?.load.record(now);
  if (node === undefined || !node.isUp) {
    cluster.history.fail(op, `${nodeId} is down: connection refused`, now);
    return;
  }
  if (!node.certification.quorum) {
    // Galera's non-Primary component refuses reads too (unless `wsrep_dirty_reads`).
    cluster.history.fail(op, `${nodeId} is not in the Primary Component: ${NON_PRIMARY_ERROR}`, now);
    return;
  }
  const key = op.key;
  cluster.history.completeRead(op, now, node.data.get(key));
  cluster.emit({
    type: 'read',
    nodeId,
    opId: op.id,
    key,
    ...(op.value === undefined ? {} : { value: op.value }),
    stale: op.stale === true,
  });
}
