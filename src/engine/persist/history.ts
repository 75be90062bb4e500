/**
 * The operation history's state as data (see observe/history.ts), here with the rest of save and restore
 * so the lab's first frame carries only the live history.
 */
import type { History, SavedHistory } from '../observe/history.ts';
import type { OperationRecord } from '../types.ts';

/** Whether a saved copy still holds every field of `op` (fields are plain values; `siblings` a list of them). */
function sameOp(copy: OperationRecord, op: OperationRecord): boolean {
  const a = copy as unknown as Record<string, unknown>;
  const b = op as unknown as Record<string, unknown>;
  let fields = 0;
  for (const name in b) {
    fields++;
    const x = a[name];
    const y = b[name];
    if (x === y) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    if (x.some((item, i) => item !== y[i])) return false;
  }
  return fields === Object.keys(a).length;
}

/** The history as data: an op unchanged since the last save is shared with it. */
export function saveHistory(history: History): SavedHistory {
  const copies = new Map<number, OperationRecord>();
  for (const op of history.ops.values()) {
    const last = history.lastSaved.get(op.id);
    copies.set(op.id, last !== undefined && sameOp(last, op) ? last : { ...op });
  }
  history.lastSaved = copies;
  return {
    ops: [...copies.values()],
    evictOrder: history.evictOrder.slice(history.evictHead),
    nextId: history.nextId,
    acked: [...history.acked].map(([key, versions]) => [key, versions.slice()] as const),
    latencies: history.latencies.slice(),
    latencyCursor: history.latencyCursor,
    counts: { ...history.counts },
  };
}

/** Puts saved state back (read and checked by read.ts). */
export function loadHistory(history: History, state: SavedHistory): void {
  for (const op of state.ops) history.ops.set(op.id, { ...op });
  history.evictOrder = state.evictOrder.slice();
  history.evictHead = 0;
  history.nextId = state.nextId;
  for (const [key, versions] of state.acked) history.acked.set(key, versions.slice());
  history.latencies.push(...state.latencies);
  history.latencyCursor = state.latencyCursor;
  Object.assign(history.counts, state.counts);
}
