/** What an automatic failover does to the cluster: promote the chosen replica (recorded with its recovery time and point), re-point orphans, and make a deposed primary step down. */
import type { Cluster } from '../cluster.ts';
import { repoint } from '../control.ts';
import type { DbNode } from '../node/dbNode.ts';
import { disconnect } from '../replication/receiver.ts';
import type { FailoverRecord, NodeId, SimTime } from '../types.ts';
import { accountLostWrites, demote, promote } from './promotion.ts';
import type { FailoverRecords } from './records.ts';

export interface Takeover {
  readonly old: DbNode;
  readonly lastHeartbeatAt: SimTime;
  readonly detectedAt: SimTime;
  /** When the network was last partitioned, if it still is. */
  readonly partitionedAt: SimTime | undefined;
  readonly reachable: (id: NodeId) => boolean;
}

/**
 * Promotes `node` in place of `takeover.old`; replicas and an old primary the manager cannot reach are left
 * alone. A live, unfenced old primary across the cut is a split brain, flagged as such.
 */
export function takeOver(
  cluster: Cluster,
  records: FailoverRecords,
  node: DbNode,
  takeover: Takeover,
): FailoverRecord {
  const { old, lastHeartbeatAt, reachable } = takeover;
  const now = cluster.now();
  // When it failed, as well as the engine knows: it died, it was cut off, or it merely fell silent.
  const failedAt = !old.isUp
    ? (old.downSince ?? lastHeartbeatAt)
    : !reachable(old.id)
      ? (takeover.partitionedAt ?? lastHeartbeatAt)
      : lastHeartbeatAt;
  const lost = records.capture(() => {
    promote(cluster, node, { canReach: (n) => reachable(n.id) });
  });
  const record = records.open(
    {
      trigger: 'automatic',
      oldPrimary: old.id,
      newPrimary: node.id,
      failedAt,
      lastHeartbeatAt,
      detectedAt: takeover.detectedAt,
      promotedAt: now,
    },
    lost,
  );
  if (old !== node && old.isUp && old.isPrimary && !old.isFenced) {
    records.markSplitBrain(record.id);
    cluster.emit({ type: 'split-brain', nodeIds: [old.id, node.id] });
  }
  return record;
}

/** Replicas on the manager's side still following a dead primary other than the leader follow the leader. */
export function repointOrphans(cluster: Cluster, leader: DbNode, reachable: (id: NodeId) => boolean): void {
  for (const node of [...cluster.nodes.values()]) {
    if (!node.isUp || node.isPrimary || !reachable(node.id)) continue;
    const root = cluster.rootOf(node);
    if (root !== leader && !root.isUp) repoint(cluster, node, leader.id);
  }
}

/**
 * A deposed primary hears of the new leader (after a heal), as Patroni finds the lock taken: it is demoted
 * and will be rewound; its replicas follow the leader; the writes it accepted meanwhile are lost.
 */
export function stepDown(cluster: Cluster, records: FailoverRecords, old: DbNode, leader: DbNode): void {
  const children = cluster.downstreamOf(old.id);
  const lost = records.capture(() => {
    demote(cluster, old, leader);
    accountLostWrites(cluster, leader);
  });
  for (const child of children) {
    child.upstream = leader.id;
    cluster.emit({ type: 'repointed', nodeId: child.id, upstream: leader.id });
    if (child.isUp) disconnect(cluster, child);
  }
  const record = records.latestReplacing(old.id);
  if (record !== undefined) records.addLost(record.id, lost);
}
