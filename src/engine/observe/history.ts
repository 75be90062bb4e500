/** Client operation history: every op from invocation to outcome; retention is bounded, counters are exact. */
import { counterOf } from '../multiprimary/versions.ts';
import type { Reader } from '../persist/reader.ts';
import type {
  Lsn,
  NodeId,
  OperationRecord,
  SimTime,
  SiblingVersion,
  SynchronousCommit,
  VersionVector,
} from '../types.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type OpRecord = Mutable<OperationRecord>;

interface AckedVersion {
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
  private readonly ops = new Map<number, OpRecord>();
  /** Op ids in eviction order, read from `evictHead` on (a queue without shifting). */
  private evictOrder: number[] = [];
  private evictHead = 0;
  private nextId = 1;
  /** Recently acknowledged writes per key, newest last: the reference for stale reads. */
  private readonly acked = new Map<string, AckedVersion[]>();
  private readonly latencies: number[] = [];
  private latencyCursor = 0;
  readonly counts = {
    writes: 0,
    reads: 0,
    failedWrites: 0,
    failedReads: 0,
    lostWrites: 0,
    staleReads: 0,
    overwrittenWrites: 0,
  };

  save(): SavedHistory {
    return {
      ops: [...this.ops.values()].map((op) => ({ ...op })),
      evictOrder: this.evictOrder.slice(this.evictHead),
      nextId: this.nextId,
      acked: [...this.acked].map(([key, versions]) => [key, versions.slice()] as const),
      latencies: this.latencies.slice(),
      latencyCursor: this.latencyCursor,
      counts: { ...this.counts },
    };
  }

  restore(r: Reader): void {
    for (const op of r.list('ops', readOp)) this.ops.set(op.id, op);
    this.evictOrder = r.nums('evictOrder');
    this.evictHead = 0;
    this.nextId = r.num('nextId');
    for (const [key, versions] of r.list('acked', readAckedPair)) this.acked.set(key, versions);
    this.latencies.push(...r.nums('latencies'));
    this.latencyCursor = r.num('latencyCursor');
    const counts = r.at('counts');
    for (const name of Object.keys(this.counts) as (keyof History['counts'])[])
      this.counts[name] = counts.num(name);
  }

  begin(kind: 'write' | 'read', nodeId: NodeId, key: string, at: SimTime, value?: string): OpRecord {
    const op: OpRecord = { id: this.nextId++, kind, nodeId, key, status: 'pending', startedAt: at };
    if (value !== undefined) op.value = value;
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
    op.endedAt = at;
    if (op.kind === 'write') this.counts.failedWrites++;
    else this.counts.failedReads++;
  }

  acknowledge(op: OpRecord, at: SimTime): void {
    if (op.status !== 'pending') return;
    op.status = 'ok';
    op.endedAt = at;
    this.recordLatency(at - op.startedAt);
    if (op.value === undefined || op.lsn === undefined) return;
    const versions = this.acked.get(op.key) ?? [];
    versions.push({
      opId: op.id,
      value: op.value,
      lsn: op.lsn,
      ...(op.originSeq === undefined ? {} : { origin: op.nodeId, originSeq: op.originSeq }),
    });
    if (versions.length > ACKED_PER_KEY) versions.shift();
    this.acked.set(op.key, versions);
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
    op.endedAt = at;
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

const OP_STATUSES: readonly OperationRecord['status'][] = ['pending', 'ok', 'failed'];
const COMMIT_LEVELS: readonly SynchronousCommit[] = ['local', 'remote_write', 'on', 'remote_apply'];

/** A saved operation record, checked field by field. */
function readOp(r: Reader): OpRecord {
  const kind = r.str('kind');
  if (kind !== 'write' && kind !== 'read') return r.at('kind').fail('expected "write" or "read"');
  const status = r.str('status') as OperationRecord['status'];
  if (!OP_STATUSES.includes(status)) r.at('status').fail('expected pending, ok or failed');
  const op: OpRecord = {
    id: r.num('id'),
    kind,
    nodeId: r.str('nodeId'),
    key: r.str('key'),
    status,
    startedAt: r.num('startedAt'),
  };
  const text = ['value', 'error', 'lostReason', 'expected', 'session', 'warning'] as const;
  for (const name of text) {
    const value = r.optStr(name);
    if (value !== undefined) op[name] = value;
  }
  const numbers = ['endedAt', 'lsn', 'timeline', 'overwrittenByConflict', 'originSeq'] as const;
  for (const name of numbers) {
    const value = r.optNum(name);
    if (value !== undefined) op[name] = value;
  }
  for (const name of ['lost', 'stale', 'waitedForSync'] as const)
    if (r.raw(name) !== undefined) op[name] = r.bool(name);
  const level = r.optStr('synchronousCommit') as SynchronousCommit | undefined;
  if (level !== undefined) {
    if (!COMMIT_LEVELS.includes(level)) r.at('synchronousCommit').fail('expected a commit level');
    op.synchronousCommit = level;
  }
  if (r.raw('siblings') !== undefined) op.siblings = r.strs('siblings');
  return op;
}

function readAckedPair(r: Reader): readonly [string, AckedVersion[]] {
  const [key, versions] = r.items((part) => part);
  if (key === undefined || versions === undefined) return r.fail('expected [key, versions]');
  return [key.asStr(), versions.items(readAcked)];
}

function readAcked(r: Reader): AckedVersion {
  const origin = r.optStr('origin');
  const originSeq = r.optNum('originSeq');
  return {
    opId: r.num('opId'),
    value: r.str('value'),
    lsn: r.num('lsn'),
    ...(origin === undefined ? {} : { origin }),
    ...(originSeq === undefined ? {} : { originSeq }),
  };
}

function olderThan(returned: ReadVersion, expected: AckedVersion): boolean {
  if (expected.origin !== undefined && expected.originSeq !== undefined)
    return counterOf(returned.vv, expected.origin) < expected.originSeq;
  return returned.lsn < expected.lsn;
}
