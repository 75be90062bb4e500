/** The consistency checker: anomalies found in the client history (and, once the system is settled, in the nodes' data), each explained in one sentence. */
import type { Cluster } from '../cluster.ts';
import { own } from '../dict.ts';
import { registerChecker } from '../persist/registry.ts';
import type { Anomaly, NodeId, OperationRecord, SimTime } from '../types.ts';

/** Two nodes that should hold the same data by now, with what each holds. */
export interface Comparison {
  readonly a: { readonly id: NodeId; readonly data: Readonly<Record<string, string>> };
  readonly b: { readonly id: NodeId; readonly data: Readonly<Record<string, string>> };
  /** Why they should match, e.g. "its upstream". */
  readonly relation: string;
}

/** Every anomaly in the history and the comparisons, oldest first. */
export function findAnomalies(
  history: readonly OperationRecord[],
  comparisons: readonly Comparison[],
  now: SimTime,
): Anomaly[] {
  const versions = new Versions(history);
  return [
    ...lostWrites(history),
    ...staleReads(history, versions),
    ...sessionViolations(history, versions),
    ...splitBrains(history),
    ...divergences(comparisons, now),
  ].sort((x, y) => x.at - y.at);
}

/** Which committed write produced a value, and the order of writes to one key: by timeline, then LSN. */
class Versions {
  private readonly byKey = new Map<string, Map<string, OperationRecord>>();

  constructor(history: readonly OperationRecord[]) {
    for (const op of history) {
      if (op.kind !== 'write' || op.lsn === undefined || op.value === undefined) continue;
      const values = this.byKey.get(op.key) ?? new Map<string, OperationRecord>();
      values.set(op.value, op);
      this.byKey.set(op.key, values);
    }
  }

  writeOf(key: string, value: string | undefined): OperationRecord | undefined {
    return value === undefined ? undefined : this.byKey.get(key)?.get(value);
  }

  /** Negative when `a` is older than `b`; "no value" is older than any write. */
  static compare(a: OperationRecord | undefined, b: OperationRecord | undefined): number {
    if (a === undefined || b === undefined) return (a === undefined ? 0 : 1) - (b === undefined ? 0 : 1);
    return (a.timeline ?? 0) - (b.timeline ?? 0) || (a.lsn ?? 0) - (b.lsn ?? 0);
  }
}

const shown = (value: string | undefined): string => (value === undefined ? 'nothing' : `"${value}"`);

function lostWrites(history: readonly OperationRecord[]): Anomaly[] {
  return history
    .filter((op) => op.kind === 'write' && op.lost === true)
    .map((op) => ({
      kind: 'lost-write',
      opIds: [op.id],
      nodeIds: [op.nodeId],
      at: op.endedAt ?? op.startedAt,
      explanation: `Write #${op.id} (${op.key} = ${shown(op.value)}) was acknowledged by ${op.nodeId} and then lost: ${op.lostReason ?? 'a failover discarded it'}.`,
    }));
}

function staleReads(history: readonly OperationRecord[], versions: Versions): Anomaly[] {
  return history
    .filter((op) => op.kind === 'read' && op.stale === true)
    .map((op) => {
      const expected = versions.writeOf(op.key, op.expected);
      return {
        kind: 'stale-read',
        opIds: expected === undefined ? [op.id] : [op.id, expected.id],
        nodeIds: expected === undefined ? [op.nodeId] : [op.nodeId, expected.nodeId],
        at: op.startedAt,
        explanation: `Read #${op.id} of ${op.key} on ${op.nodeId} returned ${shown(op.value)}, but ${shown(op.expected)} had already been acknowledged: the replica had not applied it yet.`,
      };
    });
}

/** Read-your-writes and monotonic reads, per client session and key. */
function sessionViolations(history: readonly OperationRecord[], versions: Versions): Anomaly[] {
  const anomalies: Anomaly[] = [];
  const writes = new Map<string, OperationRecord[]>();
  const lastRead = new Map<string, { op: OperationRecord; version: OperationRecord | undefined }>();
  for (const op of history) {
    if (op.session === undefined) continue;
    const slot = `${op.session}\u0000${op.key}`;
    if (op.kind === 'write') {
      writes.set(slot, [...(writes.get(slot) ?? []), op]);
      continue;
    }
    if (op.status !== 'ok') continue;
    const version = versions.writeOf(op.key, op.value);
    const own = (writes.get(slot) ?? [])
      .filter((w) => w.status === 'ok' && w.lost !== true && (w.endedAt ?? Infinity) <= op.startedAt)
      .reduce<OperationRecord | undefined>((a, w) => (Versions.compare(a, w) < 0 ? w : a), undefined);
    if (own !== undefined && Versions.compare(version, own) < 0) {
      anomalies.push({
        kind: 'read-your-writes',
        opIds: [own.id, op.id],
        nodeIds: [own.nodeId, op.nodeId],
        at: op.startedAt,
        explanation: `Session "${op.session}" wrote ${op.key} = ${shown(own.value)} (write #${own.id}, acknowledged), then read ${shown(op.value)} on ${op.nodeId}: it did not see its own write.`,
      });
    }
    const previous = lastRead.get(slot);
    if (previous !== undefined && Versions.compare(version, previous.version) < 0) {
      anomalies.push({
        kind: 'monotonic-read',
        opIds: [previous.op.id, op.id],
        nodeIds: [previous.op.nodeId, op.nodeId],
        at: op.startedAt,
        explanation: `Session "${op.session}" read ${op.key} = ${shown(previous.op.value)} on ${previous.op.nodeId}, then the older ${shown(op.value)} on ${op.nodeId}: its reads went back in time.`,
      });
    }
    if (previous === undefined || Versions.compare(version, previous.version) > 0)
      lastRead.set(slot, { op, version });
  }
  return anomalies;
}

interface Reign {
  readonly nodeId: NodeId;
  readonly timeline: number;
  first: OperationRecord;
  last: OperationRecord;
}

/** Two primaries on different timelines whose acknowledged writes interleave in time. */
function splitBrains(history: readonly OperationRecord[]): Anomaly[] {
  const reigns = new Map<string, Reign>();
  for (const op of history) {
    if (op.kind !== 'write' || op.status !== 'ok' || op.timeline === undefined || op.endedAt === undefined)
      continue;
    const id = `${op.nodeId}@${op.timeline}`;
    const reign = reigns.get(id);
    if (reign === undefined)
      reigns.set(id, { nodeId: op.nodeId, timeline: op.timeline, first: op, last: op });
    else {
      if ((op.endedAt ?? 0) < (reign.first.endedAt ?? 0)) reign.first = op;
      if ((op.endedAt ?? 0) >= (reign.last.endedAt ?? 0)) reign.last = op;
    }
  }
  const list = [...reigns.values()].sort((x, y) => (x.first.endedAt ?? 0) - (y.first.endedAt ?? 0));
  const anomalies: Anomaly[] = [];
  list.forEach((early, i) => {
    for (const late of list.slice(i + 1)) {
      const lateStart = late.first.endedAt ?? 0;
      if (early.timeline === late.timeline || lateStart > (early.last.endedAt ?? 0)) continue;
      anomalies.push({
        kind: 'split-brain',
        opIds: [late.first.id, early.last.id],
        nodeIds: [early.nodeId, late.nodeId],
        at: lateStart,
        explanation: `${early.nodeId} (timeline ${early.timeline}) and ${late.nodeId} (timeline ${late.timeline}) both acknowledged writes at once: two primaries, a split brain.`,
      });
    }
  });
  return anomalies;
}

function divergences(comparisons: readonly Comparison[], now: SimTime): Anomaly[] {
  const anomalies: Anomaly[] = [];
  for (const { a, b, relation } of comparisons) {
    const keys = [...new Set([...Object.keys(a.data), ...Object.keys(b.data)])].sort();
    const differing = keys.filter((k) => own(a.data, k) !== own(b.data, k));
    if (differing.length === 0) continue;
    const listed = differing.slice(0, 5).join(', ') + (differing.length > 5 ? '…' : '');
    anomalies.push({
      kind: 'divergence',
      opIds: [],
      nodeIds: [a.id, b.id],
      at: now,
      explanation: `${a.id} still differs from ${relation} ${b.id} on ${listed} although the system is idle and connected.`,
    });
  }
  return anomalies;
}

/**
 * Pairs that must match once nothing is pending and no link is cut: each streaming replica and its
 * upstream, and any writable primary and the newest one. Empty while the system is busy or partitioned.
 */
export function settledComparisons(cluster: Cluster): Comparison[] {
  if (cluster.scheduler.hasWork() || cluster.network.isPartitioned) return [];
  const comparisons: Comparison[] = [];
  for (const node of cluster.nodes.values()) {
    const upstream = node.upstream === undefined ? undefined : cluster.nodes.get(node.upstream);
    if (node.state !== 'replica.streaming' || upstream?.isUp !== true || !upstream.sender.links.has(node.id))
      continue;
    comparisons.push({
      a: { id: node.id, data: node.dataRecord() },
      b: { id: upstream.id, data: upstream.dataRecord() },
      relation: 'its upstream',
    });
  }
  // Members of a multi-primary group converge once every subscription between them streams.
  const members = [...cluster.group].map((id) => cluster.node(id));
  for (const [i, a] of members.entries()) {
    for (const b of members.slice(i + 1)) {
      if (!a.isUp || !b.isUp) continue;
      if (
        a.logical.subscriptions.get(b.id)?.streaming !== true ||
        b.logical.subscriptions.get(a.id)?.streaming !== true
      )
        continue;
      comparisons.push({
        a: { id: a.id, data: a.dataRecord() },
        b: { id: b.id, data: b.dataRecord() },
        relation: 'its peer in the multi-primary group',
      });
    }
  }
  const writable = cluster.writablePrimaries().sort((x, y) => y.timeline - x.timeline);
  const newest = writable[0];
  for (const primary of writable.slice(1)) {
    if (newest === undefined || primary.timeline === newest.timeline) continue;
    comparisons.push({
      a: { id: primary.id, data: primary.dataRecord() },
      b: { id: newest.id, data: newest.dataRecord() },
      relation: 'the newest primary',
    });
  }
  return comparisons;
}

registerChecker((cluster) =>
  findAnomalies(cluster.history.all(), settledComparisons(cluster), cluster.now()),
);
