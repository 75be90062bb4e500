/**
 * The receiving side (PostgreSQL's walreceiver and startup process): appends batches to the local log,
 * replays them at the node's apply rate, and reports positions upstream. Invariant: applied ≤ received.
 */
import type { Cluster, Payload } from '../cluster.ts';
import type { DbNode } from '../node/dbNode.ts';
import { duration, onMessage } from '../hooks.ts';
import { defineTask, nodeFor } from '../tasks.ts';
import type { Lsn, NodeId } from '../types.ts';
import { pump } from './sender.ts';
import { awaitsReplay, onReplicaAck } from './syncCommit.ts';

/** Most entries replayed in one step; keeps visibility fine-grained under load. */
const MAX_APPLY = 200;

type EntriesPayload = Extract<Payload, { kind: 'entries' }>;
type SnapshotPayload = Extract<Payload, { kind: 'snapshot' }>;

export function receiveEntries(cluster: Cluster, replica: DbNode, from: string, batch: EntriesPayload): void {
  if (!isCurrentStream(replica, from, batch.connId)) return;
  const first = batch.entries[0];
  if (first !== undefined && first.lsn > replica.writtenLsn + 1) {
    // A gap: part of the stream was lost (a cut). Reconnect and ask again from what we have.
    cluster.nodes.get(from)?.sender.links.delete(replica.id);
    disconnect(cluster, replica);
    return;
  }
  if (batch.timeline !== replica.timeline) {
    // Following the upstream onto its new timeline (`recovery_target_timeline = 'latest'`).
    replica.history = [...batch.history];
    replica.timeline = batch.timeline;
    dropDownstream(cluster, replica);
  }
  for (const entry of batch.entries) {
    if (entry.lsn !== replica.writtenLsn + 1) continue;
    replica.log.append(entry);
  }
  const caughtUp = replica.writtenLsn >= batch.senderLastLsn;
  if (replica.state === 'replica.connecting') {
    replica.actor.send({ type: 'STREAM_STARTED', caughtUp });
    // The walreceiver's first status reply: a primary waiting on entries this replica already held
    // before it reconnected (its last reply lost to a crash or a cut) is released by it.
    if (batch.entries.length === 0) sendAck(cluster, replica);
    if (caughtUp) cluster.emit({ type: 'streaming', nodeId: replica.id });
    else
      cluster.emit({
        type: 'catching-up',
        nodeId: replica.id,
        fromLsn: replica.receivedLsn,
        toLsn: batch.senderLastLsn,
      });
  } else if (replica.state === 'replica.catchingUp' && caughtUp) {
    replica.actor.send({ type: 'CAUGHT_UP' });
    cluster.emit({ type: 'streaming', nodeId: replica.id });
  }
  if (batch.entries.length > 0) {
    // Written at once (`remote_write` may return now); flushed flushMs later (`on` waits for that).
    if (cluster.config.flushMs > 0) sendAck(cluster, replica);
    flush(cluster, replica);
  }
  pump(cluster, replica);
}

/** The standby's fsync: what it wrote becomes durable, replayable and reported as flushed. */
function flush(cluster: Cluster, replica: DbNode): void {
  if (cluster.config.flushMs === 0) {
    flushed(cluster, replica);
    return;
  }
  if (replica.receiver.flushScheduled) return;
  replica.receiver.flushScheduled = true;
  const took = duration(cluster, 'flush', replica, cluster.config.flushMs);
  flushLater(cluster, cluster.now() + took, replica.id, replica.uid, replica.generation);
}

function flushed(cluster: Cluster, replica: DbNode): void {
  replica.receivedLsn = replica.writtenLsn;
  sendAck(cluster, replica);
  startApplying(cluster, replica);
}

const flushLater = defineTask('replica.flush', (cluster, id: NodeId, uid: number, generation: number) => {
  const replica = nodeFor(cluster, id, uid);
  if (replica === undefined) return;
  replica.receiver.flushScheduled = false;
  if (replica.generation === generation && replica.isUp) flushed(cluster, replica);
});

export function receiveSnapshot(
  cluster: Cluster,
  replica: DbNode,
  from: string,
  snapshot: SnapshotPayload,
): void {
  if (!isCurrentStream(replica, from, snapshot.connId)) return;
  const discardedFrom = snapshot.branchLsn + 1;
  const discardedTo = replica.receivedLsn;
  replica.restore(snapshot.data, snapshot.lsn, snapshot.timeline, snapshot.history);
  replica.needsRewind = false;
  replica.rewindRequested = false;
  dropDownstream(cluster, replica);
  if (snapshot.reason === 'rewind' && discardedTo >= discardedFrom) {
    cluster.emit({
      type: 'rewound',
      nodeId: replica.id,
      discardedFrom,
      discardedTo,
      timeline: snapshot.timeline,
    });
  }
  cluster.emit({ type: 'resync-completed', nodeId: replica.id, lsn: snapshot.lsn });
  const caughtUp = replica.receivedLsn >= snapshot.senderLastLsn;
  replica.actor.send({ type: 'SNAPSHOT_RESTORED', caughtUp });
  if (caughtUp) cluster.emit({ type: 'streaming', nodeId: replica.id });
  sendAck(cluster, replica);
}

function isCurrentStream(replica: DbNode, from: string, connId: number): boolean {
  return (
    replica.isUp && !replica.isPrimary && replica.upstream === from && replica.receiver.connId === connId
  );
}

/** A node whose history changed makes its own replicas reconnect, so they re-check timelines. */
export function dropDownstream(cluster: Cluster, node: DbNode): void {
  node.sender.links.clear();
  for (const child of cluster.downstreamOf(node.id)) {
    if (child.isUp && !child.isPrimary) disconnect(cluster, child);
  }
}

/** Ends a replica's stream; its machine goes back to `connecting` and retries. */
export function disconnect(cluster: Cluster, replica: DbNode): void {
  replica.receiver.connId = undefined;
  if (replica.isUp) replica.actor.send({ type: 'DISCONNECTED' });
  cluster.touch();
}

/** Status replies and "applied" events at most this often per node when nothing waits on them. */
const REPORT_INTERVAL_MS = 100;

/** Whether the upstream is a primary that may be waiting on this replica to acknowledge a commit. */
function confirmsCommits(cluster: Cluster, replica: DbNode): boolean {
  const upstream = replica.upstream === undefined ? undefined : cluster.nodes.get(replica.upstream);
  return (
    upstream?.isPrimary === true &&
    cluster.requiredConfirmations(upstream) > 0 &&
    cluster.syncCandidates(upstream).includes(replica)
  );
}

/**
 * Reports flush and replay positions upstream (the standby's status reply). A synchronous standby
 * replies to every batch; others at most every REPORT_INTERVAL_MS (`wal_receiver_status_interval`).
 */
export function sendAck(cluster: Cluster, replica: DbNode): void {
  if (replica.upstream === undefined || replica.receiver.connId === undefined) return;
  const now = cluster.now();
  if (!confirmsCommits(cluster, replica) && now < replica.receiver.nextAckAt) {
    if (replica.receiver.ackScheduled) return;
    replica.receiver.ackScheduled = true;
    ackLater(cluster, replica.receiver.nextAckAt, replica.id, replica.uid, replica.generation);
    return;
  }
  replica.receiver.nextAckAt = now + REPORT_INTERVAL_MS;
  cluster.network.send({
    from: replica.id,
    to: replica.upstream,
    kind: 'ack',
    payload: {
      kind: 'ack',
      connId: replica.receiver.connId,
      timeline: replica.timeline,
      writtenLsn: replica.writtenLsn,
      receivedLsn: replica.receivedLsn,
      appliedLsn: replica.appliedLsn,
    },
  });
}

const ackLater = defineTask('replica.ack', (cluster, id: NodeId, uid: number, generation: number) => {
  const replica = nodeFor(cluster, id, uid);
  if (replica === undefined) return;
  replica.receiver.ackScheduled = false;
  if (replica.generation === generation && replica.isUp) sendAck(cluster, replica);
});

const reportLater = defineTask('replica.reportApplied', (cluster, id: NodeId, uid: number) => {
  const node = nodeFor(cluster, id, uid);
  if (node === undefined) return;
  node.receiver.appliedReportScheduled = false;
  reportApplied(cluster, node);
});

/** Announces replayed ranges, coalesced to one event per REPORT_INTERVAL_MS under load. */
function reportApplied(cluster: Cluster, node: DbNode): void {
  if (node.appliedLsn <= node.receiver.reportedAppliedLsn) return;
  const now = cluster.now();
  if (now < node.receiver.nextAppliedReportAt) {
    if (node.receiver.appliedReportScheduled) return;
    node.receiver.appliedReportScheduled = true;
    reportLater(cluster, node.receiver.nextAppliedReportAt, node.id, node.uid);
    return;
  }
  const last = node.log.get(node.appliedLsn);
  cluster.emit({
    type: 'entries-applied',
    nodeId: node.id,
    fromLsn: node.receiver.reportedAppliedLsn + 1,
    toLsn: node.appliedLsn,
    lagMs: last === undefined ? 0 : now - last.committedAt,
  });
  node.receiver.reportedAppliedLsn = node.appliedLsn;
  node.receiver.nextAppliedReportAt = now + REPORT_INTERVAL_MS;
}

export function receiveAck(
  cluster: Cluster,
  sender: DbNode,
  from: string,
  ack: Extract<Payload, { kind: 'ack' }>,
): void {
  const link = sender.sender.links.get(from);
  // A position on another timeline says nothing about this one (a replica before its rewind).
  if (!sender.isUp || link?.connId !== ack.connId || ack.timeline !== sender.timeline) return;
  link.writtenLsn = Math.max(link.writtenLsn, ack.writtenLsn);
  link.receivedLsn = Math.max(link.receivedLsn, ack.receivedLsn);
  link.appliedLsn = Math.max(link.appliedLsn, ack.appliedLsn);
  if (sender.isPrimary) onReplicaAck(cluster, sender, from);
}

/** Replays received entries at the node's apply rate, a step at a time. */
export function startApplying(cluster: Cluster, node: DbNode): void {
  if (node.receiver.applying || !node.isUp || node.appliedLsn >= node.receivedLsn) return;
  const from = node.appliedLsn + 1;
  let to = Math.min(node.receivedLsn, node.appliedLsn + MAX_APPLY);
  const generation = node.generation;
  if (node.applyDelayMs > 0) {
    // recovery_min_apply_delay: replay only what committed at least applyDelayMs ago.
    const now = cluster.now();
    const first = node.log.get(from);
    if (first !== undefined && first.committedAt + node.applyDelayMs > now) {
      node.receiver.applying = true;
      applyWhenDue(cluster, first.committedAt + node.applyDelayMs, node.id, node.uid, generation);
      return;
    }
    while (to > from && (node.log.get(to)?.committedAt ?? 0) + node.applyDelayMs > now) to--;
  }
  node.receiver.applying = true;
  const took = duration(cluster, 'apply', node, ((to - from + 1) / node.applyRate) * 1000);
  replayed(cluster, cluster.now() + took, node.id, node.uid, generation, from, to);
}

const applyWhenDue = defineTask(
  'replica.applyDelay',
  (cluster, id: NodeId, uid: number, generation: number) => {
    const node = nodeFor(cluster, id, uid);
    if (node === undefined || node.generation !== generation) return;
    node.receiver.applying = false;
    startApplying(cluster, node);
  },
);

/** A replay step is done: entries [from, to] are visible to reads. */
const replayed = defineTask(
  'replica.apply',
  (cluster, id: NodeId, uid: number, generation: number, from: Lsn, to: Lsn) => {
    const node = nodeFor(cluster, id, uid);
    if (node === undefined || node.generation !== generation) return;
    node.receiver.applying = false;
    node.replay(from, to);
    reportApplied(cluster, node);
    node.log.compact(cluster.config.retainEntries, node.appliedLsn + 1);
    // remote_apply: a synchronous standby confirms only once the commit is visible to its queries.
    const upstream = node.upstream === undefined ? undefined : cluster.nodes.get(node.upstream);
    if (upstream?.isPrimary === true && awaitsReplay(cluster, upstream.id)) sendAck(cluster, node);
    cluster.touch();
    startApplying(cluster, node);
  },
);

onMessage('entries', (cluster, replica, message, batch) => {
  receiveEntries(cluster, replica, message.from, batch);
});
onMessage('snapshot', (cluster, replica, message, snapshot) => {
  receiveSnapshot(cluster, replica, message.from, snapshot);
});
onMessage('ack', (cluster, sender, message, ack) => {
  receiveAck(cluster, sender, message.from, ack);
});
