/**
 * The conflict ledger: each set of concurrent versions met on some node is one record (PGD's
 * `bdr.conflict_history`), however many nodes detect it; every record names its versions and outcome.
 */
import type {
  ConflictRecord,
  ConflictStrategy,
  ConflictVersion,
  LogEntry,
  NodeId,
  SiblingVersion,
  SimTime,
} from '../types.ts';
import { EMPTY_VV } from './versions.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

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

export class ConflictLedger {
  // Saved and put back by persist/state.ts.
  readonly records: Mutable<ConflictRecord>[] = [];
  readonly byVersions = new Map<string, Mutable<ConflictRecord>>();
  nextId = 1;
  count = 0;

  /**
   * Records that `versions` met on `nodeId`; returns the record and whether it is new. The same versions
   * meeting on another node are the same conflict, detected again.
   */
  note(
    nodeId: NodeId,
    key: string,
    at: SimTime,
    strategy: ConflictStrategy,
    versions: readonly ConflictVersion[],
    outcome: { winner: ConflictVersion | null; siblings: readonly ConflictVersion[] },
  ): { record: ConflictRecord; isNew: boolean } {
    const id = versionsKey(key, versions);
    const existing = this.byVersions.get(id);
    if (existing !== undefined) {
      if (!existing.detectedOn.includes(nodeId)) {
        existing.detectedOn = [...existing.detectedOn, nodeId];
        if (!existing.nodeIds.includes(nodeId)) existing.nodeIds = [...existing.nodeIds, nodeId];
      }
      return { record: existing, isNew: false };
    }
    const origins = [...new Set(versions.map((v) => v.origin))];
    const record: Mutable<ConflictRecord> = {
      id: this.nextId++,
      key,
      at,
      nodeIds: origins.includes(nodeId) ? origins : [...origins, nodeId],
      detectedOn: [nodeId],
      versions,
      winner: outcome.winner,
      siblings: outcome.siblings,
      strategy,
      resolvedAt: null,
    };
    this.records.push(record);
    this.byVersions.set(id, record);
    this.count++;
    if (this.records.length > RETAIN) {
      const dropped = this.records.shift();
      if (dropped !== undefined) {
        for (const [k, r] of this.byVersions) if (r === dropped) this.byVersions.delete(k);
      }
    }
    return { record, isNew: true };
  }

  /** Sibling records on `key` whose versions a write or `resolve()` has now merged. */
  resolveSiblings(key: string, opIds: ReadonlySet<number>, at: SimTime): number[] {
    const ids: number[] = [];
    for (const record of this.records) {
      if (record.key !== key || record.strategy !== 'siblings' || record.resolvedAt !== null) continue;
      if (!record.siblings.some((s) => opIds.has(s.opId))) continue;
      record.resolvedAt = at;
      ids.push(record.id);
    }
    return ids;
  }

  all(): ConflictRecord[] {
    return this.records.map((r) => ({ ...r }));
  }
}

/** One record per set of versions of a key, whichever node meets them. */
export function versionsKey(key: string, versions: readonly ConflictVersion[]): string {
  return `${key}\u0000${versions
    .map((v) => v.opId)
    .sort((a, b) => a - b)
    .join(',')}`;
}
