/**
 * Where one acknowledged write has arrived: on which nodes it is applied (readable), received but not
 * yet replayed, or missing (not yet there, or never: a node on another timeline, or the write was lost).
 */
import type { Cluster } from '../cluster.ts';
import { holds } from '../failover/promotion.ts';
import { hasSeen } from '../multiprimary/versions.ts';
import type { DbNode } from '../node/dbNode.ts';
import type { OpRecord } from './history.ts';
import type { WriteReach } from '../types.ts';

/**
 * A write between primaries is identified by its dot (origin, counter): a node has it once the version
 * it stores for the key has seen that dot, whether it kept that value or a later or winning one.
 */
function multiPrimaryReach(node: DbNode, op: OpRecord, seq: number): WriteReach['state'] {
  if (node.id === op.nodeId && node.isPrimary)
    return node.log.get(op.lsn ?? 0)?.opId === op.id ? 'applied' : 'missing';
  return hasSeen(node.data.get(op.key)?.vv, op.nodeId, seq) ? 'applied' : 'missing';
}

/**
 * With one primary a write is the entry at (timeline, LSN): a node has it when its timeline history
 * contains that entry (a node that left the write's timeline before it, or was rewound past it, does not).
 */
function logReach(node: DbNode, timeline: number, lsn: number): WriteReach['state'] {
  if (!holds(node, timeline, lsn)) return 'missing';
  return node.appliedLsn >= lsn ? 'applied' : 'received';
}

/** Whether `node` has applied the write `op` (readable there): what a causal read asks of a replica. */
export function appliedOn(node: DbNode, op: OpRecord): boolean {
  if (op.kind !== 'write' || op.lsn === undefined) return false;
  const { lsn, originSeq, timeline = 1 } = op;
  const state =
    originSeq === undefined ? logReach(node, timeline, lsn) : multiPrimaryReach(node, op, originSeq);
  return state === 'applied';
}

export function writeReach(cluster: Cluster, op: OpRecord | undefined): readonly WriteReach[] {
  if (op?.kind !== 'write' || op.lsn === undefined) return [];
  const { lsn, originSeq, timeline = 1 } = op;
  return [...cluster.nodes.values()].map((node) => ({
    nodeId: node.id,
    state: originSeq === undefined ? logReach(node, timeline, lsn) : multiPrimaryReach(node, op, originSeq),
  }));
}
