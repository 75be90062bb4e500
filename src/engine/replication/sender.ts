/**
 * The sender side of streaming replication (PostgreSQL's walsender): answers START_REPLICATION, then ships
 * batches as its outbound capacity allows. Invariant: a connection's entries leave in LSN order, without gaps.
 */
import type { Cluster } from '../cluster.ts';
import type { DbNode, DownstreamLink } from '../node/dbNode.ts';
import { onMessage } from '../hooks.ts';
import { defineTask, nodeFor } from '../tasks.ts';
import type { Lsn, NodeId } from '../types.ts';

/** Largest batch one message carries. */
const MAX_BATCH = 500;
/** How far ahead of now the sender queues batches on its outbound link (a NIC's send queue), ms. */
const SEND_AHEAD_MS = 1;

/** A replica asked to stream from `receivedLsn` on `timeline` (START_REPLICATION ... TIMELINE t). */
export function handleHello(
  cluster: Cluster,
  sender: DbNode,
  replica: DbNode,
  hello: { connId: number; timeline: number; receivedLsn: Lsn },
): void {
  if (!sender.isUp || replica.upstream !== sender.id || replica.receiver.connId !== hello.connId) return;
  let startFrom = hello.receivedLsn;
  let resync: 'retention' | 'rewind' | 'new-node' | undefined;
  let branch: Lsn | undefined;
  if (hello.timeline === sender.timeline) {
    // The entries it needs were recycled (`wal_keep_size` exceeded): only a base backup helps.
    if (startFrom + 1 < sender.log.startLsn && startFrom < sender.log.lastLsn) {
      resync = hello.receivedLsn === 0 ? 'new-node' : 'retention';
    }
  } else {
    branch = sender.branchPointOf(hello.timeline);
    if (branch === undefined) resync = hello.receivedLsn === 0 ? 'new-node' : 'rewind';
    // It has entries of the old timeline the new one never had: it must be rewound (pg_rewind) first.
    else if (startFrom > branch) resync = 'rewind';
    else if (startFrom + 1 < sender.log.startLsn && startFrom < sender.log.lastLsn) resync = 'retention';
  }
  // Without Patroni's use_pg_rewind the server refuses ("requested timeline is not a child of this
  // server's history") and the replica keeps retrying until an operator runs rewind() (pg_rewind). MariaDB
  // rewinds nothing: a server with transactions its new primary lacks is refused (error 1236) until then.
  const autoRewind = cluster.config.autoRewind && cluster.system !== 'mariadb';
  if (resync === 'rewind' && !autoRewind && !replica.rewindRequested) {
    if (!replica.needsRewind) {
      replica.needsRewind = true;
      cluster.emit({ type: 'rewind-needed', nodeId: replica.id, from: sender.id, timeline: sender.timeline });
      cluster.touch();
    }
    return;
  }
  if (resync !== undefined) {
    sendSnapshot(cluster, sender, replica, hello.connId, resync, branch ?? 0);
    startFrom = sender.appliedLsn;
  }
  // Confirmed positions come only from what the replica itself holds: nothing yet while a copy is in flight.
  const confirmed = resync === undefined ? hello.receivedLsn : 0;
  sender.sender.links.set(replica.id, {
    replicaId: replica.id,
    connId: hello.connId,
    sentLsn: startFrom,
    writtenLsn: confirmed,
    receivedLsn: confirmed,
    appliedLsn: confirmed,
    streaming: false,
  });
  // An empty first batch confirms the stream, like the reply to START_REPLICATION; entries follow.
  if (resync === undefined) sendBatch(cluster, sender, replica.id, startFrom, startFrom);
  pump(cluster, sender);
}

function sendSnapshot(
  cluster: Cluster,
  sender: DbNode,
  replica: DbNode,
  connId: number,
  reason: 'retention' | 'rewind' | 'new-node',
  branchLsn: Lsn,
): void {
  const data = new Map(sender.data);
  cluster.network.send({
    from: sender.id,
    to: replica.id,
    kind: 'snapshot',
    size: Math.max(1, data.size),
    transmitMs: Math.max(1, (data.size / cluster.config.shipRate) * 1000),
    payload: {
      kind: 'snapshot',
      connId,
      reason,
      branchLsn,
      data,
      lsn: sender.appliedLsn,
      timeline: sender.timeline,
      history: [...sender.history],
      senderLastLsn: sender.log.lastLsn,
    },
  });
  cluster.emit({ type: 'resync-started', nodeId: replica.id, from: sender.id, reason });
  replica.actor.send({ type: 'SNAPSHOT_STARTED' });
}

/** Sends entries (from, to] on a connection, queued behind what the sender is already transmitting. */
function sendBatch(cluster: Cluster, sender: DbNode, replicaId: string, from: Lsn, to: Lsn): void {
  const link = sender.sender.links.get(replicaId);
  if (link === undefined) return;
  const entries = to > from ? sender.log.slice(from + 1, to) : [];
  const transmitMs = (entries.length / cluster.config.shipRate) * 1000;
  const departAt = Math.max(cluster.now(), sender.sender.busyUntil);
  cluster.network.send({
    from: sender.id,
    to: replicaId,
    kind: 'entries',
    size: entries.length,
    transmitMs,
    departAt,
    firstLsn: entries.length > 0 ? from + 1 : undefined,
    lastLsn: entries.length > 0 ? to : undefined,
    payload: {
      kind: 'entries',
      connId: link.connId,
      timeline: sender.timeline,
      history: sender.history,
      entries,
      senderLastLsn: sender.log.lastLsn,
    },
  });
  link.sentLsn = Math.max(link.sentLsn, to);
  if (link.sentLsn >= sender.log.lastLsn) link.streaming = true;
  sender.sender.busyUntil = departAt + transmitMs;
}

/** How far this sender may ship: everything, or in scheduled mode what the last tick released. */
function shippableLsn(cluster: Cluster, sender: DbNode): Lsn {
  if (sender.isPrimary && cluster.config.mode === 'scheduled')
    return cluster.shipping.releasedLsn.get(sender.id) ?? 0;
  return sender.log.lastLsn;
}

/**
 * Ships the next batch to the next connection in round-robin order. The sender's outbound capacity
 * (`shipRate`) is shared by all its connections, so each extra direct replica slows the others.
 */
export function pump(cluster: Cluster, sender: DbNode): void {
  if (!sender.isUp || sender.sender.pumpScheduled || sender.sender.links.size === 0) return;
  const limit = shippableLsn(cluster, sender);
  // Scheduled mode: whatever is committed but not yet released waits for the next tick.
  if (sender.isPrimary && cluster.config.mode === 'scheduled' && limit < sender.log.lastLsn) {
    scheduleTick(cluster, sender);
  }
  const horizon = cluster.now() + SEND_AHEAD_MS;
  let next = nextPending(sender, limit);
  while (next !== undefined && sender.sender.busyUntil <= horizon) {
    sendBatch(cluster, sender, next.replicaId, next.sentLsn, Math.min(limit, next.sentLsn + MAX_BATCH));
    next = nextPending(sender, limit);
  }
  if (next === undefined) return;
  // Backlogged: come back when the outbound queue has drained to the horizon.
  sender.sender.pumpScheduled = true;
  pumpLater(cluster, sender.sender.busyUntil - SEND_AHEAD_MS, sender.id, sender.uid, sender.generation);
}

const pumpLater = defineTask('sender.pump', (cluster, id: NodeId, uid: number, generation: number) => {
  const sender = nodeFor(cluster, id, uid);
  if (sender === undefined) return;
  sender.sender.pumpScheduled = false;
  if (sender.generation === generation) pump(cluster, sender);
});

/** The next connection with entries to send, in round-robin order, so replicas share the capacity fairly. */
function nextPending(sender: DbNode, limit: Lsn): DownstreamLink | undefined {
  const start = sender.sender.roundRobin % Math.max(1, sender.sender.links.size);
  let index = 0;
  let wrapped: DownstreamLink | undefined;
  for (const link of sender.sender.links.values()) {
    const pending = link.sentLsn < limit && link.sentLsn + 1 >= sender.log.startLsn;
    if (pending && index >= start) {
      sender.sender.roundRobin = index + 1;
      return link;
    }
    if (pending && wrapped === undefined) wrapped = link;
    index++;
  }
  if (wrapped !== undefined)
    sender.sender.roundRobin = [...sender.sender.links.values()].indexOf(wrapped) + 1;
  return wrapped;
}

/** Scheduled mode: release everything committed so far at the next interval boundary. */
export function scheduleTick(cluster: Cluster, primary: DbNode): void {
  if (cluster.shipping.tickScheduled.has(primary.id)) return;
  cluster.shipping.tickScheduled.add(primary.id);
  const interval = cluster.config.intervalMs;
  const at = (Math.floor(cluster.now() / interval) + 1) * interval;
  releaseAtTick(cluster, at, primary.id, primary.uid);
}

const releaseAtTick = defineTask('sender.tick', (cluster, id: NodeId, uid: number) => {
  cluster.shipping.tickScheduled.delete(id);
  const primary = nodeFor(cluster, id, uid);
  if (primary === undefined || !primary.isUp || !primary.isPrimary) return;
  cluster.shipping.releasedLsn.set(primary.id, primary.log.lastLsn);
  pump(cluster, primary);
});

onMessage('hello', (cluster, sender, message, hello) => {
  const replica = cluster.nodes.get(message.from);
  if (replica !== undefined) handleHello(cluster, sender, replica, hello);
});
