/**
 * Writing to the conflict ledger (conflicts.ts): a set of concurrent versions is noted once, however many
 * members detect it, and sibling records are marked resolved when a write merges them. Invariant: the
 * ledger keeps at most RETAIN records, and its count stays exact.
 */
import type { Cluster } from '../cluster.ts';
import type {
  ConflictRecord,
  ConflictStrategy,
  ConflictVersion,
  LogEntry,
  NodeId,
  SiblingVersion,
  SimTime,
} from '../types.ts';
import { versionsKey, type ConflictLedger, type Mutable } from './conflicts.ts';
import { EMPTY_VV } from './versions.ts';

/** The version of a key as the ledger shows it. */
export function versionOf(
  v: Pick<LogEntry, 'value' | 'origin' | 'committedAt' | 'opId' | 'vv'>,
): ConflictVersion {
  return { value: v.value, origin: v.origin, originTime: v.committedAt, vv: v.vv ?? EMPTY_VV, opId: v.opId };
}

export function siblingOf(v: SiblingVersion | LogEntry): SiblingVersion {
  return {
    value: v.value,
    origin: v.origin,
    committedAt: v.committedAt,
    opId: v.opId,
    originSeq: v.originSeq ?? 0,
    vv: v.vv ?? EMPTY_VV,
  };
}

/** Bounded like the other histories; the count stays exact. */
const RETAIN = 2_000;

/**
 * Records that `versions` met on `nodeId` now; returns the record and whether it is new. The same versions
 * meeting on another node are the same conflict, detected again.
 */
export function noteConflict(
  cluster: Cluster,
  nodeId: NodeId,
  key: string,
  strategy: ConflictStrategy,
  versions: readonly ConflictVersion[],
  outcome: { winner: ConflictVersion | null; siblings: readonly ConflictVersion[] },
): { record: ConflictRecord; isNew: boolean } {
  const ledger = cluster.conflicts;
  const id = versionsKey(key, versions);
  const existing = ledger.byVersions.get(id);
  if (existing !== undefined) {
    if (!existing.detectedOn.includes(nodeId)) {
      existing.detectedOn = [...existing.detectedOn, nodeId];
      if (!existing.nodeIds.includes(nodeId)) existing.nodeIds = [...existing.nodeIds, nodeId];
    }
    return { record: existing, isNew: false };
  }
  const origins = [...new Set(versions.map((v) => v.origin))];
  const record: Mutable<ConflictRecord> = {
    id: ledger.nextId++,
    key,
    at: cluster.now(),
    nodeIds: origins.includes(nodeId) ? origins : [...origins, nodeId],
    detectedOn: [nodeId],
    versions,
    winner: outcome.winner,
    siblings: outcome.siblings,
    strategy,
    resolvedAt: null,
  };
  ledger.records.push(record);
  ledger.byVersions.set(id, record);
  ledger.count++;
  if (ledger.records.length > RETAIN) {
    const dropped = ledger.records.shift();
    if (dropped !== undefined) {
      for (const [k, r] of ledger.byVersions) if (r === dropped) ledger.byVersions.delete(k);
    }
  }
  return { record, isNew: true };
}

/** Sibling records on `key` whose versions a write or `resolve()` has now merged. */
export function resolveSiblings(
  ledger: ConflictLedger,
  key: string,
  opIds: ReadonlySet<number>,
  at: SimTime,
): number[] {
  const ids: number[] = [];
  for (const record of ledger.records) {
    if (record.key !== key || record.strategy !== 'siblings' || record.resolvedAt !== null) continue;
    if (!record.siblings.some((s) => opIds.has(s.opId))) continue;
    record.resolvedAt = at;
    ids.push(record.id);
  }
  return ids;
}
