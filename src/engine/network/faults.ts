/**
 * Network faults an operator can cause: partitions, heals and slow links. A replication connection
 * across a cut times out (PostgreSQL `wal_receiver_timeout`, shortened for a lab) and is retried;
 * one that lost messages to a cut is reset at the heal, so the stream never has a gap.
 */
import { SimulationError } from '../api.ts';
import { REPLICATION_TIMEOUT_MS } from '../timing.ts';
import type { Cluster } from '../cluster.ts';
import { disconnect } from '../replication/receiver.ts';
import { defineTask, nodeFor } from '../tasks.ts';
import type { NodeId } from '../types.ts';

/** `wal_receiver_timeout` across a cut: both ends give up on the connection. */
const cutTimeout = defineTask(
  'replication.cutTimeout',
  (cluster, id: NodeId, uid: number, upstream: NodeId, connId: number) => {
    const replica = nodeFor(cluster, id, uid);
    if (replica?.receiver.connId !== connId || !cluster.network.isCut(replica.id, upstream)) return;
    cluster.nodes.get(upstream)?.sender.links.delete(replica.id);
    disconnect(cluster, replica);
  },
);

export function partition(cluster: Cluster, input: readonly (readonly NodeId[])[]): void {
  const groups = checkGroups(cluster, input);
  cluster.network.partition(groups);
  cluster.emit({ type: 'partitioned', groups: groups.map((g) => [...g]) });
  for (const replica of cluster.nodes.values()) {
    const upstream = replica.upstream;
    const connId = replica.receiver.connId;
    if (upstream === undefined || connId === undefined || !cluster.network.isCut(replica.id, upstream))
      continue;
    cutTimeout(cluster, cluster.now() + REPLICATION_TIMEOUT_MS, replica.id, replica.uid, upstream, connId);
  }
}

/** Untrusted callers (links, lessons) may pass anything: check the shape before trusting it. */
function checkGroups(cluster: Cluster, input: unknown): NodeId[][] {
  if (!Array.isArray(input) || input.length === 0) {
    throw new SimulationError('partition needs at least one group of nodes');
  }
  const seen = new Set<NodeId>();
  return input.map((group: unknown, i) => {
    if (!Array.isArray(group) || group.length === 0)
      throw new SimulationError(`partition group ${i + 1} is empty`);
    return group.map((id: unknown) => {
      if (typeof id !== 'string') throw new SimulationError(`partition group ${i + 1} holds a non-name`);
      cluster.node(id);
      if (seen.has(id)) throw new SimulationError(`${id} appears in more than one partition group`);
      seen.add(id);
      return id;
    });
  });
}

export function heal(cluster: Cluster): void {
  if (!cluster.network.isPartitioned) throw new SimulationError('the network is not partitioned');
  cluster.network.heal();
  cluster.emit({ type: 'healed' });
  for (const replica of cluster.nodes.values()) {
    const upstream = replica.upstream;
    if (upstream === undefined || replica.receiver.connId === undefined) continue;
    const lost =
      cluster.network.droppedPairs.has(`${upstream}>${replica.id}`) ||
      cluster.network.droppedPairs.has(`${replica.id}>${upstream}`);
    if (!lost) continue;
    cluster.nodes.get(upstream)?.sender.links.delete(replica.id);
    disconnect(cluster, replica);
  }
  cluster.network.droppedPairs.clear();
}

export function setLatency(cluster: Cluster, a: NodeId, b: NodeId, ms: number): void {
  cluster.node(a);
  cluster.node(b);
  if (a === b) throw new SimulationError('a link joins two different nodes');
  if (!Number.isFinite(ms) || ms < 0 || ms > 60_000)
    throw new SimulationError(`latency must be 0–60000 ms, not ${ms}`);
  cluster.network.setLatency(a, b, ms);
  cluster.emit({ type: 'latency-changed', a, b, ms });
}
