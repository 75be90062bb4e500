/** Client operation history: every op from invocation to outcome; retention is bounded, counters are exact. */
import { counterOf } from '../multiprimary/versions.ts';
import type { Lsn, NodeId, OperationRecord, SimTime, SiblingVersion, VersionVector } from '../types.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type OpRecord = Mutable<OperationRecord>;

export interface AckedVersion {
  readonly opId: number;
  readonly value: string;
  readonly lsn: Lsn;
  /** Multi-primary: the write's dot, since positions in different primaries' logs do not compare. */
  readonly origin?: NodeId;
  readonly originSeq?: number;
}

/** What a read found: the version's position and, in a multi-primary group, its causal context. */
export interface ReadVersion {
  readonly value: string;
  readonly lsn: Lsn;
  readonly vv?: VersionVector;
  readonly siblings?: readonly SiblingVersion[];
}

export interface SavedHistory {
  readonly ops: readonly OperationRecord[];
  readonly evictOrder: readonly number[];
  readonly nextId: number;
  readonly acked: readonly (readonly [string, readonly AckedVersion[]])[];
  readonly latencies: readonly number[];
  readonly latencyCursor: number;
  readonly counts: History['counts'];
}

const RETAIN_OPS = 10_000;
const RETAIN_LATENCIES = 2_000;
const ACKED_PER_KEY = 8;

export class History {
  // Its state is saved and put back by persist/history.ts (loaded with the rest of save and restore).
  readonly ops = new Map<number, OpRecord>();
  /** Op ids in eviction order, read from `evictHead` on (a queue without shifting). */
  evictOrder: number[] = [];
  evictHead = 0;
  nextId = 1;
  /** Recently acknowledged writes per key, newest last: the reference for stale reads. */
  readonly acked = new Map<string, AckedVersion[]>();
  readonly latencies: number[] = [];
  latencyCursor = 0;
  /**
   * The copies of the ops the last save returned: the next save shares the ones that have not changed
   * since, so saves kept together (a run's checkpoints) hold each op's state once. Not state: not saved.
   */
  lastSaved = new Map<number, OperationRecord>();
  readonly counts = {
    writes: 0,
    reads: 0,
    failedWrites: 0,
    failedReads: 0,
    lostWrites: 0,
    staleReads: 0,
    overwrittenWrites: 0,
  };

  begin(kind: 'write' | 'read', nodeId: NodeId, key: string, at: SimTime, value?: string): OpRecord {
    const id = this.nextId++;
    // A write's value in the literal itself: one property fewer to add (and to grow storage for) later.
    const op: OpRecord =
      value === undefined
        ? { id, kind, nodeId, key, status: 'pending', startedAt: at }
        : { id, kind, nodeId, key, status: 'pending', startedAt: at, value };
    this.ops.set(op.id, op);
    this.evictOrder.push(op.id);
    if (kind === 'write') this.counts.writes++;
    else this.counts.reads++;
    if (this.ops.size > RETAIN_OPS) this.evictOldest();
    return op;
  }

  get(id: number): OpRecord | undefined {
    return this.ops.get(id);
  }

  all(): OpRecord[] {
    return [...this.ops.values()];
  }

  fail(op: OpRecord, error: string, at: SimTime): void {
    if (op.status !== 'pending') return;
    op.status = 'failed';
    op.error = error;
    op.endedAt = heardAt(op, at);
    if (op.kind === 'write') this.counts.failedWrites++;
    else this.counts.failedReads++;
  }

  acknowledge(op: OpRecord, at: SimTime): void {
    if (op.status !== 'pending') return;
    op.status = 'ok';
    op.endedAt = heardAt(op, at);
    this.recordLatency(op.endedAt - op.startedAt);
    if (op.value === undefined || op.lsn === undefined) return;
    let versions = this.acked.get(op.key);
    if (versions === undefined) this.acked.set(op.key, (versions = []));
    versions.push(
      op.originSeq === undefined
        ? { opId: op.id, value: op.value, lsn: op.lsn }
        : { opId: op.id, value: op.value, lsn: op.lsn, origin: op.nodeId, originSeq: op.originSeq },
    );
    if (versions.length > ACKED_PER_KEY) versions.shift();
  }

  /** Marks an acknowledged write lost; it stops being the reference for stale reads. */
  markLost(opId: number, key: string, reason: string): boolean {
    const op = this.ops.get(opId);
    if (op?.lost === true) return false;
    if (op !== undefined) {
      if (op.status !== 'ok') return false;
      op.lost = true;
      op.lostReason = reason;
    }
    const versions = this.acked.get(key);
    if (versions !== undefined) {
      const i = versions.findIndex((v) => v.opId === opId);
      if (i >= 0) versions.splice(i, 1);
    }
    this.counts.lostWrites++;
    return true;
  }

  /** An acknowledged write a concurrent one overwrote (last writer wins): it counts, and says which conflict. */
  markOverwritten(opId: number, conflictId: number): void {
    const op = this.ops.get(opId);
    if (op?.status !== 'ok' || op.overwrittenByConflict !== undefined) return;
    op.overwrittenByConflict = conflictId;
    this.counts.overwrittenWrites++;
  }

  /**
   * Completes a read; it is stale when it returns something older than the latest acknowledged write
   * (in a multi-primary group: a version that has not seen that write).
   */
  completeRead(op: OpRecord, at: SimTime, returned: ReadVersion | undefined): void {
    op.status = 'ok';
    op.endedAt = heardAt(op, at);
    if (returned !== undefined) op.value = returned.value;
    if (returned?.siblings !== undefined) op.siblings = returned.siblings.map((s) => s.value).sort();
    const versions = this.acked.get(op.key);
    const expected = versions?.[versions.length - 1];
    if (expected !== undefined && (returned === undefined || olderThan(returned, expected))) {
      op.stale = true;
      op.expected = expected.value;
      this.counts.staleReads++;
    }
  }

  /** Acknowledged-write latency percentile over the recent window. */
  latencyPercentile(p: number): number {
    if (this.latencies.length === 0) return 0;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
    return sorted[Math.max(0, index)] ?? 0;
  }

  private recordLatency(ms: number): void {
    if (this.latencies.length < RETAIN_LATENCIES) this.latencies.push(ms);
    else {
      this.latencies[this.latencyCursor] = ms;
      this.latencyCursor = (this.latencyCursor + 1) % RETAIN_LATENCIES;
    }
  }

  private evictOldest(): void {
    // A pending op is never evicted (its outcome is still to come): it goes to the back of the queue.
    for (let tries = this.evictOrder.length - this.evictHead; tries > 0; tries--) {
      const id = this.evictOrder[this.evictHead++] as number;
      const op = this.ops.get(id);
      if (op === undefined) continue;
      if (op.status === 'pending') {
        this.evictOrder.push(id);
        continue;
      }
      this.ops.delete(id);
      break;
    }
    if (this.evictHead > 4096 && this.evictHead * 2 > this.evictOrder.length) {
      this.evictOrder = this.evictOrder.slice(this.evictHead);
      this.evictHead = 0;
    }
  }
}

/** When the client hears an answer the node gave at `at`: then, or a reply's trip later. */
function heardAt(op: OpRecord, at: SimTime): SimTime {
  return op.replyMs === undefined ? at : at + op.replyMs;
}

function olderThan(returned: ReadVersion, expected: AckedVersion): boolean {
  if (expected.origin !== undefined && expected.originSeq !== undefined)
    return counterOf(returned.vv, expected.origin) < expected.originSeq;
  return returned.lsn < expected.lsn;
}
