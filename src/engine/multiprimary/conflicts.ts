/**
 * The conflict ledger: each set of concurrent versions met on some node is one record (PGD's
 * `bdr.conflict_history`), however many nodes detect it. The ledger is state every cluster has (empty with
 * one primary); a group notes and resolves its records with `ledger.ts`, which loads with the group.
 */
import type { ConflictRecord, ConflictVersion } from '../types.ts';

export type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export class ConflictLedger {
  // Written by ledger.ts; saved and put back by persist/state.ts.
  readonly records: Mutable<ConflictRecord>[] = [];
  readonly byVersions = new Map<string, Mutable<ConflictRecord>>();
  nextId = 1;
  count = 0;

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
