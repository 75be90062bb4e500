/**
 * An operator's two ways to restart a member's stopped applier (MariaDB source-source, `conflictResolution:
 * 'none'`): skip the event it failed on, or resync the node from its source. Invariant: each validates
 * everything before it changes anything, and after either the applier for that source runs again.
 */
import { SimulationError } from '../api.ts';
import type { Cluster } from '../cluster.ts';
import type { DbNode } from '../node/dbNode.ts';
import type { ApplierStop, NodeId } from '../types.ts';
import { appendApplied, subscribe } from './peers.ts';

/** The stopped applier a command names: the one of `source`, or the node's only one. */
function stopOf(node: DbNode, source: unknown): ApplierStop {
  const stops = [...node.logical.stopped.values()];
  if (source !== undefined) {
    const stop = typeof source === 'string' ? node.logical.stopped.get(source) : undefined;
    if (stop === undefined)
      throw new SimulationError(
        `${node.id}'s applier for ${typeof source === 'string' ? source : 'that source'} is not stopped`,
      );
    return stop;
  }
  const [only, second] = stops;
  if (only === undefined) throw new SimulationError(`${node.id} has no stopped applier`);
  if (second !== undefined)
    throw new SimulationError(
      `${node.id} has stopped appliers for ${stops.map((s) => s.source).join(' and ')}: name the source`,
    );
  return only;
}

/** Only an up member of the group has appliers of its own to restart. */
function checkUp(cluster: Cluster, node: DbNode, what: string): void {
  if (!cluster.group.has(node.id))
    throw new SimulationError(
      `${node.id} is not a source-source member: it has no applier of its own to restart`,
    );
  if (!node.isUp) throw new SimulationError(`cannot ${what} ${node.id}: it is down`);
}

/** The applier starts again from what it has applied of `source`: the source sends the rest anew. */
function restart(cluster: Cluster, node: DbNode, source: NodeId): void {
  node.logical.stopped.delete(source);
  cluster.nodes.get(source)?.logical.peerLinks.delete(node.id);
  subscribe(cluster, node, source);
  cluster.touch();
}

/**
 * `SET GLOBAL sql_slave_skip_counter = 1; START SLAVE`: the failed event is skipped (this node keeps what
 * it holds for that key) and the applier goes on with the source's next event.
 */
export function skipEvent(cluster: Cluster, nodeId: unknown, source?: unknown): void {
  const node = cluster.node(nodeId);
  checkUp(cluster, node, 'skip an event on');
  const stop = stopOf(node, source);
  node.logical.peerProgress.set(stop.source, stop.originSeq);
  cluster.emit({ type: 'applier-skipped', nodeId: node.id, source: stop.source, key: stop.key });
  restart(cluster, node, stop.source);
}

/**
 * Re-copies the node from its source (a dump of the source loaded here, as `mariadb-dump
 * --master-data` does): every key the source holds takes the source's version, written through this node's
 * log so its own replicas follow, and the applier restarts at the source's current position. Keys only this
 * node holds stay (the engine has no deletes).
 */
export function resync(cluster: Cluster, nodeId: unknown, source?: unknown): void {
  const node = cluster.node(nodeId);
  checkUp(cluster, node, 'resync');
  const stop = stopOf(node, source);
  const from = cluster.node(stop.source);
  if (!from.isUp) throw new SimulationError(`cannot resync ${node.id} from ${from.id}: it is down`);
  let keys = 0;
  for (const [key, version] of from.data) {
    const mine = node.data.get(key);
    if (mine?.opId === version.opId && mine.value === version.value) continue;
    keys++;
    appendApplied(cluster, node, {
      key,
      value: version.value,
      origin: version.origin ?? from.id,
      committedAt: version.committedAt ?? cluster.now(),
      opId: version.opId,
      ...(version.originSeq === undefined ? {} : { originSeq: version.originSeq }),
      ...(version.vv === undefined ? {} : { vv: version.vv }),
      ...(version.siblings === undefined ? {} : { siblings: version.siblings }),
    });
  }
  node.logical.peerProgress.set(from.id, from.logical.originSeq);
  cluster.emit({ type: 'node-resynced', nodeId: node.id, source: from.id, keys });
  restart(cluster, node, from.id);
}
