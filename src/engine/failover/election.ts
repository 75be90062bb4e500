/** Pure choices of the failover manager: where it lives during a partition, and which replica it promotes. */
import type { Cluster } from '../cluster.ts';
import type { DbNode } from '../node/dbNode.ts';
import type { Lsn, NodeId } from '../types.ts';

/**
 * The side a consensus store would keep working on: the largest group (nodes in no group form one more),
 * on a tie the one without the leader, then the first listed.
 */
export function majoritySide(
  groups: readonly (readonly NodeId[])[],
  all: readonly NodeId[],
  leader: NodeId | undefined,
): readonly NodeId[] {
  const listed = new Set(groups.flat());
  const rest = all.filter((id) => !listed.has(id));
  const sides = rest.length > 0 ? [...groups, rest] : [...groups];
  const holdsLeader = (side: readonly NodeId[]) => (leader !== undefined && side.includes(leader) ? 1 : 0);
  return sides.reduce((best, side) =>
    side.length > best.length || (side.length === best.length && holdsLeader(side) < holdsLeader(best))
      ? side
      : best,
  );
}

/** A replica's position on the leader's history, or undefined if it diverged (it needs a rewind first). */
function positionOn(leader: DbNode | undefined, node: DbNode): Lsn | undefined {
  if (leader === undefined || node.timeline === leader.timeline) return node.receivedLsn;
  const branch = leader.branchPointOf(node.timeline);
  return branch !== undefined && node.receivedLsn <= branch ? node.receivedLsn : undefined;
}

/**
 * The most advanced eligible replica: up, reachable, on the leader's history, and no more than
 * `maxLag` entries behind the leader's last reported position (orchestrator's "most advanced slave",
 * Patroni's `maximum_lag_on_failover`). Ties go to the one that replayed more, then to scenario order.
 */
export function chooseCandidate(
  cluster: Cluster,
  leader: DbNode | undefined,
  leaderLsn: Lsn,
  reachable: (id: NodeId) => boolean,
): DbNode | undefined {
  const maxLag = cluster.failoverConfig.maxLagOnFailover;
  let best: DbNode | undefined;
  let bestLsn = -1;
  for (const node of cluster.nodes.values()) {
    if (!node.isUp || node.isPrimary || !reachable(node.id)) continue;
    const lsn = positionOn(leader, node);
    if (lsn === undefined || (maxLag !== undefined && leaderLsn - lsn > maxLag)) continue;
    if (lsn > bestLsn || (lsn === bestLsn && node.appliedLsn > (best?.appliedLsn ?? -1))) {
      best = node;
      bestLsn = lsn;
    }
  }
  return best;
}
