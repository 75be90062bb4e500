/**
 * A group member's own write, stamped as it commits (syncCommit.ts calls it through the registry): its dot,
 * a version vector that has seen everything the key held there, and a commit time after every version it
 * has seen. Invariant: a write never loses last-writer-wins to a version it had seen.
 */
import type { Cluster } from '../cluster.ts';
import type { DbNode, Version } from '../node/dbNode.ts';
import type { OpRecord } from '../observe/history.ts';
import type { LogEntry, SimTime } from '../types.ts';
import { resolveSiblings } from './ledger.ts';
import { bump, EMPTY_VV } from './versions.ts';

/** How far a write's timestamp moves past a version it has seen with the same (or a later) time, ms. */
const CAUSAL_TICK_MS = 0.001;

/**
 * A member's own write supersedes the key's siblings (a write with its causal context merges them, as in
 * Riak). Its commit timestamp is after every version it has seen (a hybrid logical clock).
 */
export function ownVersion(
  cluster: Cluster,
  primary: DbNode,
  op: OpRecord,
  stored: Version | undefined,
  now: SimTime,
): Pick<LogEntry, 'originSeq' | 'vv' | 'committedAt'> {
  const seq = ++primary.logical.originSeq;
  op.originSeq = seq;
  let seen = stored?.committedAt ?? -Infinity;
  if (stored?.siblings !== undefined) {
    const merged = new Set(stored.siblings.map((s) => s.opId));
    for (const s of stored.siblings) seen = Math.max(seen, s.committedAt);
    const ids = resolveSiblings(cluster.conflicts, op.key, merged, cluster.now());
    cluster.emit({ type: 'siblings-resolved', nodeId: primary.id, key: op.key, conflictIds: ids });
  }
  return {
    originSeq: seq,
    vv: bump(stored?.vv ?? EMPTY_VV, primary.id, seq),
    committedAt: Math.max(now, seen + CAUSAL_TICK_MS),
  };
}
