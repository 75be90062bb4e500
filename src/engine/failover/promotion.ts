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

/** Who the promoter can reach; a failover manager on the majority side cannot reach across a partition. */
export interface PromoteOptions {
  readonly canReach?: (node: DbNode) => boolean;
}

export function promote(cluster: Cluster, node: DbNode, options: PromoteOptions = {}): void {
  if (!node.isUp) throw new SimulationError(`${node.id} is down: restart it before promoting it`);
  if (node.isPrimary) throw new SimulationError(`${node.id} is already a primary`);
  const previous = cluster.rootOf(node);
  if (cluster.group.has(previous.id)) {
    throw new SimulationError(
      `${node.id} replicates from ${previous.id}, a primary of a multi-primary group: the other primaries keep accepting writes, so restart ${previous.id} rather than promote`,
    );
  }
  // End of recovery: everything received is replayed before the node accepts writes.
  node.applyEntries(node.log.slice(node.appliedLsn + 1, node.receivedLsn));
  node.generation++;
  node.receiver.applying = false;
  const branchLsn = node.receivedLsn;
  const timeline = startTimeline(cluster, node, branchLsn);
  node.upstream = undefined;
  node.receiver.connId = undefined;
  node.actor.send({ type: 'PROMOTE' });
  cluster.emit({ type: 'promoted', nodeId: node.id, timeline, branchLsn, previous: previous.id });
  accountLostWrites(cluster, node);
  if (previous !== node) followNewPrimary(cluster, previous, node, options.canReach ?? (() => true));
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

/** Whether `node`'s history contains the entry written at (`timeline`, `lsn`). */
export function holds(node: DbNode, timeline: number, lsn: Lsn): boolean {
  if (timeline === node.timeline) return lsn <= node.log.lastLsn;
  const branch = node.branchPointOf(timeline);
  return branch !== undefined && lsn <= branch;
}

/**
 * Every acknowledged write the new primary's history does not hold is lost: in proportion to the
 * replication delay at failover (PostgreSQL docs, "Failover"). Checked against timelines, not logs,
 * so compaction cannot hide a loss.
 */
export function accountLostWrites(cluster: Cluster, newPrimary: DbNode): void {
  const sync = cluster.config.mode === 'sync' || cluster.config.mode === 'semi-sync';
  const lostBy = new Map<string, number[]>();
  for (const op of cluster.history.all()) {
    if (op.kind !== 'write' || op.status !== 'ok' || op.lost === true) continue;
    if (op.timeline === undefined || op.lsn === undefined || holds(newPrimary, op.timeline, op.lsn)) continue;
    const why = sync
      ? `${op.nodeId} acknowledged it without a synchronous confirmation from ${newPrimary.id}, which never received it`
      : `${op.nodeId} acknowledged it before ${newPrimary.id} received it (asynchronous replication)`;
    if (!cluster.history.markLost(op.id, op.key, why)) continue;
    const ids = lostBy.get(op.nodeId) ?? [];
    ids.push(op.id);
    lostBy.set(op.nodeId, ids);
  }
  for (const [nodeId, opIds] of lostBy) {
    const reason = sync
      ? `acknowledged by ${nodeId} but never received by ${newPrimary.id}`
      : `acknowledged by ${nodeId} before ${newPrimary.id} received them (asynchronous replication)`;
    cluster.emit({ type: 'writes-lost', nodeId, opIds, reason });
  }
}

/**
 * The old primary's other replicas re-point to the new primary; an old primary that is up is demoted, and
 * so is one that is down, except with MariaDB, where it comes back writable (`restart` in control.ts).
 * Those the promoter cannot reach keep following the old primary: a live one there is a split brain.
 */
function followNewPrimary(
  cluster: Cluster,
  previous: DbNode,
  promoted: DbNode,
  canReach: (node: DbNode) => boolean,
): void {
  const isolated = previous.isUp && !canReach(previous);
  for (const replica of cluster.downstreamOf(previous.id)) {
    if (replica === promoted || (isolated && !canReach(replica))) continue;
    replica.upstream = promoted.id;
    cluster.emit({ type: 'repointed', nodeId: replica.id, upstream: promoted.id });
    if (replica.isUp) disconnect(cluster, replica);
  }
  // A MariaDB server that is down hears of no promotion: it restarts as its configuration says, a primary.
  const toldNothing = cluster.system === 'mariadb' && !previous.isUp;
  if (previous.isPrimary && !isolated && !toldNothing) demote(cluster, previous, promoted);
}

/** A former primary becomes a replica of the new one; on connecting it is rewound (pg_rewind). */
export function demote(cluster: Cluster, old: DbNode, newPrimary: DbNode): void {
  failWaiting(cluster, old, `${old.id} stopped being the primary before acknowledging`);
  old.upstream = newPrimary.id;
  old.receiver.connId = undefined;
  old.sender.links.clear();
  old.generation++;
  old.receiver.applying = false;
  old.actor.send({ type: 'DEMOTE' });
  cluster.emit({ type: 'demoted', nodeId: old.id, newPrimary: newPrimary.id });
}
