/**
 * Promotion and its accounting (PostgreSQL `pg_promote()`, a new timeline): the promoted node's history
 * branches at what it received; acknowledged writes past that point are lost and counted.
 */
import { SimulationError } from '../api.ts';
import type { Cluster } from '../cluster.ts';
import type { DbNode } from '../node/dbNode.ts';
import { disconnect, dropDownstream } from '../replication/receiver.ts';
import { failWaiting } from '../replication/syncCommit.ts';
import type { Lsn } from '../types.ts';

export function promote(cluster: Cluster, node: DbNode): void {
  if (!node.isUp) throw new SimulationError(`${node.id} is down: restart it before promoting it`);
  if (node.isPrimary) throw new SimulationError(`${node.id} is already a primary`);
  const previous = cluster.rootOf(node);
  // End of recovery: everything received is replayed before the node accepts writes.
  node.applyEntries(node.log.slice(node.appliedLsn + 1, node.receivedLsn));
  node.generation++;
  node.applying = false;
  const branchLsn = node.receivedLsn;
  const timeline = startTimeline(cluster, node, branchLsn);
  node.upstream = undefined;
  node.connId = undefined;
  node.actor.send({ type: 'PROMOTE' });
  cluster.emit({ type: 'promoted', nodeId: node.id, timeline, branchLsn, previous: previous.id });
  if (previous !== node) {
    accountLostWrites(cluster, previous, branchLsn, node.id);
    followNewPrimary(cluster, previous, node);
  }
  dropDownstream(cluster, node);
  if (cluster.upPrimaries().length === 1) cluster.emit({ type: 'writable', nodeId: node.id });
}

/** Gives `node` a new timeline branching at `branchLsn`; returns its number. */
export function startTimeline(cluster: Cluster, node: DbNode, branchLsn: Lsn): number {
  cluster.maxTimeline += 1;
  node.history = [...node.history, { timeline: node.timeline, branchLsn }];
  node.timeline = cluster.maxTimeline;
  node.log.truncateAfter(branchLsn);
  node.receivedLsn = Math.min(node.receivedLsn, branchLsn);
  return node.timeline;
}

/**
 * Acknowledged writes the old primary committed after the branch point never reach the new timeline:
 * lost, in proportion to the replication delay at failover (PostgreSQL docs, "Failover").
 */
export function accountLostWrites(
  cluster: Cluster,
  oldPrimary: DbNode,
  branchLsn: Lsn,
  newPrimary: string,
): void {
  const tail = oldPrimary.log.slice(branchLsn + 1, oldPrimary.log.lastLsn);
  const sync = cluster.config.mode === 'sync' || cluster.config.mode === 'semi-sync';
  const why = sync
    ? `${oldPrimary.id} acknowledged it without a synchronous confirmation; ${newPrimary} never received it`
    : `${oldPrimary.id} acknowledged it before ${newPrimary} received it (asynchronous replication)`;
  const lost: number[] = [];
  for (const entry of tail) {
    if (cluster.history.markLost(entry.opId, entry.key, why)) lost.push(entry.opId);
  }
  if (lost.length > 0) cluster.emit({ type: 'writes-lost', nodeId: oldPrimary.id, opIds: lost, reason: why });
}

/** The old primary's other replicas re-point to the new primary; an old primary that is up is demoted. */
function followNewPrimary(cluster: Cluster, previous: DbNode, promoted: DbNode): void {
  for (const replica of cluster.downstreamOf(previous.id)) {
    if (replica === promoted) continue;
    replica.upstream = promoted.id;
    cluster.emit({ type: 'repointed', nodeId: replica.id, upstream: promoted.id });
    if (replica.isUp) disconnect(cluster, replica);
  }
  if (previous.isPrimary) demote(cluster, previous, promoted);
}

/** A former primary becomes a replica of the new one; on connecting it is rewound (pg_rewind). */
export function demote(cluster: Cluster, old: DbNode, newPrimary: DbNode): void {
  failWaiting(cluster, old, `${old.id} stopped being the primary before acknowledging`);
  old.upstream = newPrimary.id;
  old.connId = undefined;
  old.links.clear();
  old.generation++;
  old.applying = false;
  old.actor.send({ type: 'DEMOTE' });
  cluster.emit({ type: 'demoted', nodeId: old.id, newPrimary: newPrimary.id });
}
