/**
 * The sender side of streaming replication (PostgreSQL's walsender): answers START_REPLICATION, then ships
 * batches as its outbound capacity allows. Invariant: a connection's entries leave in LSN order, without gaps.
 */
import type { Cluster } from '../cluster.ts';
import type { DbNode } from '../node/dbNode.ts';
import type { Lsn } from '../types.ts';

/** Largest batch one message carries. */
const MAX_BATCH = 500;

/** A replica asked to stream from `receivedLsn` on `timeline` (START_REPLICATION ... TIMELINE t). */
export function handleHello(
  cluster: Cluster,
  sender: DbNode,
  replica: DbNode,
  hello: { connId: number; timeline: number; receivedLsn: Lsn },
): void {
  if (!sender.isUp || replica.upstream !== sender.id || replica.connId !== hello.connId) return;
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
  if (resync !== undefined) {
    sendSnapshot(cluster, sender, replica, hello.connId, resync, branch ?? 0);
    startFrom = sender.appliedLsn;
  }
  // Confirmed positions come only from what the replica itself holds: nothing yet while a copy is in flight.
  const confirmed = resync === undefined ? hello.receivedLsn : 0;
  sender.links.set(replica.id, {
    connId: hello.connId,
    sentLsn: startFrom,
    receivedLsn: confirmed,
    appliedLsn: confirmed,
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

/** Sends entries (from, to] on a connection; an empty range sends an empty batch. */
function sendBatch(cluster: Cluster, sender: DbNode, replicaId: string, from: Lsn, to: Lsn): void {
  const link = sender.links.get(replicaId);
  if (link === undefined) return;
  const entries = to > from ? sender.log.slice(from + 1, to) : [];
  const transmitMs = (entries.length / cluster.config.shipRate) * 1000;
  cluster.network.send({
    from: sender.id,
    to: replicaId,
    kind: 'entries',
    size: entries.length,
    transmitMs,
    ...(entries.length > 0 ? { firstLsn: from + 1, lastLsn: to } : {}),
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
  sender.senderBusyUntil = cluster.now() + transmitMs;
}

/** How far this sender may ship: everything, or in scheduled mode what the last tick released. */
function shippableLsn(cluster: Cluster, sender: DbNode): Lsn {
  if (sender.isPrimary && cluster.config.mode === 'scheduled') return cluster.releasedLsn.get(sender.id) ?? 0;
  return sender.log.lastLsn;
}

/**
 * Ships the next batch to the next connection in round-robin order. The sender's outbound capacity
 * (`shipRate`) is shared by all its connections, so each extra direct replica slows the others.
 */
export function pump(cluster: Cluster, sender: DbNode): void {
  if (!sender.isUp || sender.pumpScheduled || sender.links.size === 0) return;
  // Scheduled mode: whatever is committed but not yet released waits for the next tick.
  if (
    sender.isPrimary &&
    cluster.config.mode === 'scheduled' &&
    shippableLsn(cluster, sender) < sender.log.lastLsn
  ) {
    scheduleTick(cluster, sender);
  }
  const now = cluster.now();
  if (now < sender.senderBusyUntil) {
    sender.pumpScheduled = true;
    const generation = sender.generation;
    cluster.scheduler.schedule(sender.senderBusyUntil, () => {
      sender.pumpScheduled = false;
      if (sender.generation === generation) pump(cluster, sender);
    });
    return;
  }
  const limit = shippableLsn(cluster, sender);
  const ids = [...sender.links.keys()];
  for (let i = 0; i < ids.length; i++) {
    const index = (sender.roundRobin + i) % ids.length;
    const id = ids[index] as string;
    const link = sender.links.get(id);
    if (link === undefined || link.sentLsn >= limit) continue;
    if (link.sentLsn + 1 < sender.log.startLsn) continue;
    sender.roundRobin = index + 1;
    sendBatch(cluster, sender, id, link.sentLsn, Math.min(limit, link.sentLsn + MAX_BATCH));
    pump(cluster, sender);
    return;
  }
}

/** Scheduled mode: release everything committed so far at the next interval boundary. */
export function scheduleTick(cluster: Cluster, primary: DbNode): void {
  if (cluster.tickScheduled.has(primary.id)) return;
  cluster.tickScheduled.add(primary.id);
  const interval = cluster.config.intervalMs;
  const at = (Math.floor(cluster.now() / interval) + 1) * interval;
  cluster.scheduler.schedule(at, () => {
    cluster.tickScheduled.delete(primary.id);
    if (!primary.isUp || !primary.isPrimary) return;
    cluster.releasedLsn.set(primary.id, primary.log.lastLsn);
    pump(cluster, primary);
  });
}
