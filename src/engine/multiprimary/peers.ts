/**
 * Multi-primary replication (PGD, MySQL source-source): every primary of the group subscribes to every
 * other's own writes (a full mesh; each entry carries its origin and only origins ship, so nothing loops,
 * like logical replication with `origin = none`). A peer's write is applied as a local change, so it
 * reaches this node's own replicas through its log. Concurrent writes to one key are detected with
 * version vectors and settled by the scenario's `conflictResolution`.
 */
import type { Cluster, Payload } from '../cluster.ts';
import type { DbNode, Version } from '../node/dbNode.ts';
import { REPLICATION_TIMEOUT_MS, RETRY_MS } from '../timing.ts';
import { pump } from '../replication/sender.ts';
import { onMessage } from '../hooks.ts';
import { defineTask, nodeFor } from '../tasks.ts';
import type {
  ConflictResolution,
  ConflictVersion,
  LogEntry,
  NodeId,
  SiblingVersion,
  VersionVector,
} from '../types.ts';
import { onApplied, repeatAborts } from './certification.ts';
import { noteConflict, siblingOf, versionOf } from './ledger.ts';
import { RESOLVERS } from './resolution.ts';
import { DUPLICATE_KEY_ERRNO, duplicateKeyApplyError } from '../serverErrors.ts';
import { dominates, EMPTY_VV, hasSeen, merge } from './versions.ts';

/** Most entries one batch carries. */
const MAX_BATCH = 500;

type PeerEntries = Extract<Payload, { kind: 'peer-entries' }>;

/** Opens every member's subscriptions to every other member. */
export function startGroup(cluster: Cluster): void {
  for (const id of cluster.group) {
    const node = cluster.node(id);
    for (const peer of cluster.peersOf(node)) subscribe(cluster, node, peer.id);
  }
}

/** (Re)opens `node`'s subscription to `peerId` from what it has applied, retrying until answered. */
export function subscribe(cluster: Cluster, node: DbNode, peerId: NodeId): void {
  if (!node.isUp || !cluster.group.has(node.id) || !cluster.group.has(peerId)) return;
  const connId = cluster.nextConnId++;
  node.logical.subscriptions.set(peerId, { connId, since: cluster.now(), streaming: false });
  cluster.network.send({
    from: node.id,
    to: peerId,
    kind: 'hello',
    payload: { kind: 'peer-hello', connId, fromSeq: node.logical.peerProgress.get(peerId) ?? 0 },
  });
  retryLater(cluster, node, peerId, connId);
}

/**
 * Every `RETRY_MS` an unanswered subscription is opened again, unless its answer may still be on the way
 * (a round trip longer than the retry interval): a retry would supersede every answer, forever.
 */
function retryLater(cluster: Cluster, node: DbNode, peerId: NodeId, connId: number): void {
  retry(cluster, cluster.now() + RETRY_MS, node.id, node.uid, node.generation, peerId, connId);
}

// A retry timer, not pending work: a peer that stays down must not keep `runUntilIdle` busy.
const retry = defineTask(
  'peer.retry',
  (cluster, id: NodeId, uid: number, generation: number, peerId: NodeId, connId: number) => {
    const node = nodeFor(cluster, id, uid);
    const sub = node?.logical.subscriptions.get(peerId);
    if (node?.generation !== generation || sub?.connId !== connId || sub.streaming) return;
    if (cluster.network.awaitingAnswer(node.id, peerId, sub.since)) retryLater(cluster, node, peerId, connId);
    else subscribe(cluster, node, peerId);
  },
  { background: true },
);

/** A subscription to a member that went down ends once its last packets have arrived; it is opened again. */
const resubscribe = defineTask(
  'peer.resubscribe',
  (cluster, id: NodeId, uid: number, memberId: NodeId, connId: number) => {
    const peer = nodeFor(cluster, id, uid);
    if (peer !== undefined && peer.logical.subscriptions.get(memberId)?.connId === connId)
      subscribe(cluster, peer, memberId);
  },
);

/** `wal_receiver_timeout` on a subscription across a cut: it is opened again, and retried until the heal. */
const cutTimeout = defineTask(
  'peer.cutTimeout',
  (cluster, id: NodeId, uid: number, peerId: NodeId, connId: number | null) => {
    const node = nodeFor(cluster, id, uid);
    const sub = node?.logical.subscriptions.get(peerId);
    if (node === undefined || (sub?.connId ?? null) !== connId || !cluster.network.isCut(node.id, peerId))
      return;
    cluster.nodes.get(peerId)?.logical.peerLinks.delete(node.id);
    subscribe(cluster, node, peerId);
  },
);

/** The publisher answers a subscription: an empty batch confirms it, then its own writes follow. */
export function handlePeerHello(
  cluster: Cluster,
  publisher: DbNode,
  subscriber: DbNode,
  hello: Extract<Payload, { kind: 'peer-hello' }>,
): void {
  if (!publisher.isUp || !cluster.group.has(publisher.id) || !cluster.group.has(subscriber.id)) return;
  const fromSeq = Math.min(hello.fromSeq, publisher.logical.originSeq);
  publisher.logical.peerLinks.set(subscriber.id, { connId: hello.connId, sentSeq: fromSeq });
  confirm(publisher, subscriber.id, fromSeq);
  sendBatch(cluster, publisher, subscriber.id, hello.connId, []);
  repeatAborts(cluster, publisher, subscriber.id);
  pumpPeers(cluster, publisher);
}

/** Ships this node's own unsent writes to every subscribed peer. */
export function pumpPeers(cluster: Cluster, publisher: DbNode): void {
  if (!publisher.isUp) return;
  const start = outboxStart(publisher);
  for (const [peerId, link] of publisher.logical.peerLinks) {
    while (link.sentSeq < publisher.logical.originSeq) {
      const from = link.sentSeq + 1;
      const to = Math.min(publisher.logical.originSeq, from + MAX_BATCH - 1);
      sendBatch(
        cluster,
        publisher,
        peerId,
        link.connId,
        publisher.logical.outbox.slice(from - start, to - start + 1),
      );
      link.sentSeq = to;
    }
  }
}

function sendBatch(
  cluster: Cluster,
  publisher: DbNode,
  peerId: NodeId,
  connId: number,
  entries: readonly LogEntry[],
): void {
  const first = entries[0];
  const last = entries[entries.length - 1];
  cluster.network.send({
    from: publisher.id,
    to: peerId,
    kind: 'entries',
    size: entries.length,
    transmitMs: (entries.length / cluster.config.shipRate) * 1000,
    ...(first === undefined || last === undefined ? {} : { firstLsn: first.lsn, lastLsn: last.lsn }),
    payload: { kind: 'peer-entries', connId, entries },
  });
}

/** The subscriber applies a peer's writes in order; a gap (lost to a cut) makes it subscribe again. */
export function receivePeerEntries(cluster: Cluster, node: DbNode, fromId: NodeId, batch: PeerEntries): void {
  const sub = node.logical.subscriptions.get(fromId);
  if (!node.isUp || sub?.connId !== batch.connId) return;
  if (!sub.streaming) {
    sub.streaming = true;
    cluster.emit({ type: 'peer-connected', nodeId: node.id, peer: fromId });
  }
  let progress = node.logical.peerProgress.get(fromId) ?? 0;
  for (const entry of batch.entries) {
    const seq = entry.originSeq ?? 0;
    if (seq <= progress) continue;
    // A stopped applier applies nothing more from this source (the events wait in its relay log).
    if (node.logical.stopped.has(fromId)) break;
    if (seq > progress + 1) {
      cluster.nodes.get(fromId)?.logical.peerLinks.delete(node.id);
      subscribe(cluster, node, fromId);
      return;
    }
    if (entry.insert === true && cluster.conflictResolution === 'none' && node.data.has(entry.key)) {
      stopApplier(cluster, node, fromId, entry);
      break;
    }
    applyRemote(cluster, node, entry);
    onApplied(node, entry);
    progress = seq;
    node.logical.peerProgress.set(fromId, seq);
  }
  if (batch.entries.length === 0) return;
  cluster.network.send({
    from: node.id,
    to: fromId,
    kind: 'ack',
    payload: { kind: 'peer-ack', connId: batch.connId, seq: progress },
  });
  pump(cluster, node);
}

export function receivePeerAck(
  cluster: Cluster,
  publisher: DbNode,
  fromId: NodeId,
  ack: Extract<Payload, { kind: 'peer-ack' }>,
): void {
  if (!publisher.isUp || publisher.logical.peerLinks.get(fromId)?.connId !== ack.connId) return;
  confirm(publisher, fromId, ack.seq);
  compactOutbox(cluster, publisher);
}

function confirm(publisher: DbNode, peerId: NodeId, seq: number): void {
  publisher.logical.peerConfirmed.set(
    peerId,
    Math.max(publisher.logical.peerConfirmed.get(peerId) ?? 0, seq),
  );
}

function outboxStart(node: DbNode): number {
  return node.logical.originSeq - node.logical.outbox.length + 1;
}

/** Drops own writes every peer has confirmed; an absent peer's slot keeps them (as a replication slot does). */
function compactOutbox(cluster: Cluster, node: DbNode): void {
  let min = node.logical.originSeq;
  for (const peer of cluster.peersOf(node)) min = Math.min(min, node.logical.peerConfirmed.get(peer.id) ?? 0);
  const drop = min - outboxStart(node) + 1;
  if (drop > 0) node.logical.outbox = node.logical.outbox.slice(drop);
}

/** Every version a stored key holds: one, or its siblings. */
function versionsOf(stored: Version): SiblingVersion[] {
  if (stored.siblings !== undefined) return [...stored.siblings];
  return [
    {
      value: stored.value,
      origin: stored.origin ?? '',
      committedAt: stored.committedAt ?? 0,
      opId: stored.opId,
      originSeq: stored.originSeq ?? 0,
      vv: stored.vv ?? EMPTY_VV,
    },
  ];
}

/** Siblings in a stable order; a read returns their values joined. */
export function siblingValue(siblings: readonly SiblingVersion[]): string {
  return siblings
    .map((s) => s.value)
    .sort()
    .join(' | ');
}

/**
 * Applies a peer's write: a version this node has already seen is skipped, one that has seen this node's
 * version replaces it, and concurrent ones are a conflict, settled by the group's strategy.
 */
function applyRemote(cluster: Cluster, node: DbNode, incoming: LogEntry): void {
  const stored = node.data.get(incoming.key);
  if (stored === undefined) {
    appendApplied(cluster, node, { ...incoming });
    return;
  }
  const incomingVv = incoming.vv ?? EMPTY_VV;
  const storedVv: VersionVector = stored.vv ?? EMPTY_VV;
  if (dominates(storedVv, incomingVv)) return;
  const vv = merge(storedVv, incomingVv);
  const strategy = cluster.conflictResolution;
  // MariaDB source-source detects nothing: the row event overwrites whatever the node holds.
  if (strategy === 'none') {
    appendApplied(cluster, node, { ...incoming, vv });
    return;
  }
  // The versions held here that the incoming write had not seen (by their dots) are concurrent with it.
  const local = versionsOf(stored).filter((v) => !hasSeen(incomingVv, v.origin, v.originSeq));
  if (local.length === 0) {
    appendApplied(cluster, node, { ...incoming, vv });
    return;
  }
  const concurrentVersions = [...local, siblingOf(incoming)];
  const versions: ConflictVersion[] = concurrentVersions.map(versionOf);
  const resolution = RESOLVERS[strategy](concurrentVersions);
  const winner = resolution.kind === 'winner' ? resolution.winner : undefined;
  const { record, isNew } = noteConflict(cluster, node.id, incoming.key, strategy, versions, {
    winner: winner === undefined ? null : versionOf(winner),
    siblings: resolution.kind === 'siblings' ? resolution.siblings.map(versionOf) : [],
  });
  if (isNew) {
    announce(cluster, node.id, record.id, incoming.key, strategy, versions, winner?.origin);
    // Acknowledged, then silently replaced: the losers of last-writer-wins count.
    if (winner !== undefined)
      for (const v of versions)
        if (v.opId !== winner.opId) cluster.history.markOverwritten(v.opId, record.id);
  }
  // What every version saw is kept in the merged vector, so no later arrival of one of them conflicts again.
  if (resolution.kind === 'siblings') {
    appendApplied(cluster, node, {
      ...incoming,
      value: siblingValue(resolution.siblings),
      vv,
      siblings: resolution.siblings,
    });
    return;
  }
  const kept = resolution.winner;
  appendApplied(cluster, node, {
    ...incoming,
    value: kept.value,
    origin: kept.origin,
    committedAt: kept.committedAt,
    opId: kept.opId,
    originSeq: kept.originSeq,
    vv,
  });
}

/** The applier for `source` meets an insert of a key this node holds: it stops (`Last_SQL_Errno` 1062). */
function stopApplier(cluster: Cluster, node: DbNode, source: NodeId, entry: LogEntry): void {
  const originSeq = entry.originSeq ?? 0;
  const error = duplicateKeyApplyError(entry.key, originSeq);
  node.logical.stopped.set(source, {
    source,
    key: entry.key,
    errno: DUPLICATE_KEY_ERRNO,
    error,
    originSeq,
    at: cluster.now(),
  });
  cluster.emit({
    type: 'applier-stopped',
    nodeId: node.id,
    source,
    key: entry.key,
    errno: DUPLICATE_KEY_ERRNO,
    error,
  });
  cluster.touch();
}

function announce(
  cluster: Cluster,
  nodeId: NodeId,
  conflictId: number,
  key: string,
  strategy: ConflictResolution,
  versions: readonly ConflictVersion[],
  winner?: NodeId,
): void {
  cluster.emit({
    type: 'conflict',
    conflictId,
    nodeId,
    key,
    strategy,
    origins: versions.map((v) => v.origin),
    ...(winner === undefined ? {} : { winner }),
  });
}

/** Writes the settled version into this node's log and data, so its own replicas apply the same. */
export function appendApplied(
  cluster: Cluster,
  node: DbNode,
  version: Omit<LogEntry, 'lsn' | 'timeline'>,
): void {
  const entry: LogEntry = { ...version, lsn: node.log.lastLsn + 1, timeline: node.timeline };
  if (entry.siblings === undefined) delete (entry as { siblings?: unknown }).siblings;
  node.log.append(entry);
  node.receivedLsn = node.log.lastLsn;
  node.applyEntries([entry]);
}

/** A member went down (its own connections died with it, `LogicalState.crash`): its peers' connections to it die once its last packets have arrived. */
export function onMemberDown(cluster: Cluster, node: DbNode): void {
  for (const peer of cluster.peersOf(node)) {
    peer.logical.peerLinks.delete(node.id);
    const sub = peer.logical.subscriptions.get(node.id);
    if (sub === undefined || !peer.isUp) continue;
    resubscribe(cluster, cluster.network.drainedAt(node.id, peer.id), peer.id, peer.uid, node.id, sub.connId);
  }
}

/** A member came back: it subscribes to every peer, and peers waiting on it retry at once. */
export function onMemberUp(cluster: Cluster, node: DbNode): void {
  for (const peer of cluster.peersOf(node)) {
    subscribe(cluster, node, peer.id);
    if (peer.isUp && peer.logical.subscriptions.get(node.id)?.streaming !== true)
      subscribe(cluster, peer, node.id);
  }
}

/** Subscriptions across a cut time out (`wal_receiver_timeout`) and retry until the heal. */
export function onPartition(cluster: Cluster): void {
  for (const id of cluster.group) {
    const node = cluster.node(id);
    for (const peer of cluster.peersOf(node)) {
      if (!cluster.network.isCut(node.id, peer.id)) continue;
      const connId = node.logical.subscriptions.get(peer.id)?.connId ?? null;
      cutTimeout(cluster, cluster.now() + REPLICATION_TIMEOUT_MS, node.id, node.uid, peer.id, connId);
    }
  }
}

/** At the heal, a subscription that lost messages or is still retrying starts again at once. */
export function onHeal(cluster: Cluster, dropped: ReadonlySet<string>): void {
  for (const id of cluster.group) {
    const node = cluster.node(id);
    if (!node.isUp) continue;
    for (const peer of cluster.peersOf(node)) {
      const lost = dropped.has(`${peer.id}>${node.id}`) || dropped.has(`${node.id}>${peer.id}`);
      if (!lost && node.logical.subscriptions.get(peer.id)?.streaming === true) continue;
      peer.logical.peerLinks.delete(node.id);
      subscribe(cluster, node, peer.id);
    }
  }
}

onMessage('peer-hello', (cluster, publisher, message, hello) => {
  const subscriber = cluster.nodes.get(message.from);
  if (subscriber !== undefined) handlePeerHello(cluster, publisher, subscriber, hello);
});
onMessage('peer-entries', (cluster, node, message, batch) => {
  receivePeerEntries(cluster, node, message.from, batch);
});
onMessage('peer-ack', (cluster, publisher, message, ack) => {
  receivePeerAck(cluster, publisher, message.from, ack);
});
