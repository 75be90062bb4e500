/**
 * Commit on the primary: a group-committed local flush, then the acknowledgement, which in sync and
 * semi-sync modes waits for replicas' confirmations (PostgreSQL `synchronous_commit` and
 * `synchronous_standby_names`, see syncStandbys.ts; MySQL semi-sync with `rpl_semi_sync_source_timeout`). Invariant: waiting writes are acknowledged in LSN order.
 */
import type { Cluster } from '../cluster.ts';
import type { DbNode } from '../node/dbNode.ts';
import type { OpRecord } from '../observe/history.ts';
import { SimulationError } from '../api.ts';
import { duration } from '../hooks.ts';
import { duplicateKeyError } from '../serverErrors.ts';
import { defineTask, nodeFor } from '../tasks.ts';
import type { AckOn, LogEntry, Lsn, NodeId } from '../types.ts';
import { pump, scheduleTick } from './sender.ts';
import { multiPrimary } from '../persist/registry.ts';
import { releasableLsn, syncRuleOf } from './syncStandbys.ts';

/** Queues a write for the primary's next WAL flush; concurrent writes share one flush (group commit). */
export function queueCommit(cluster: Cluster, primary: DbNode, op: OpRecord): void {
  const queue = cluster.commit.flushQueue.get(primary.id);
  if (queue !== undefined) {
    queue.push(op);
    return;
  }
  cluster.commit.flushQueue.set(primary.id, [op]);
  const took = duration(cluster, 'commit', primary, cluster.config.commitMs);
  flushLater(cluster, cluster.now() + took, primary.id, primary.uid, primary.generation);
}

/** The group commit's WAL flush: every write queued since it was scheduled commits together. */
const flushLater = defineTask('primary.flush', (cluster, id: NodeId, uid: number, generation: number) => {
  const ops = cluster.commit.flushQueue.get(id) ?? [];
  cluster.commit.flushQueue.delete(id);
  const primary = nodeFor(cluster, id, uid);
  if (primary === undefined || primary.generation !== generation || !primary.isUp || !primary.isPrimary) {
    for (const op of ops)
      cluster.history.fail(op, `${id} went down before the commit was flushed`, cluster.now());
    return;
  }
  flush(cluster, primary, ops);
});

/** MySQL's `rpl_semi_sync_source_timeout`: a write still waiting then is acknowledged asynchronously. */
const syncTimeout = defineTask(
  'primary.syncTimeout',
  (cluster, id: NodeId, uid: number, generation: number, opId: number, timeout: number) => {
    const primary = nodeFor(cluster, id, uid);
    if (primary?.generation === generation && cluster.history.get(opId)?.status === 'pending')
      degrade(cluster, primary, timeout);
  },
);

/** The key is applied here, or committed and not yet visible (a write waiting for its confirmation). */
function holdsKey(primary: DbNode, key: string): boolean {
  if (primary.data.has(key)) return true;
  for (let lsn = primary.appliedLsn + 1; lsn <= primary.log.lastLsn; lsn++)
    if (primary.log.get(lsn)?.key === key) return true;
  return false;
}

function flush(cluster: Cluster, primary: DbNode, ops: readonly OpRecord[]): void {
  const now = cluster.now();
  const entries: LogEntry[] = [];
  const member = cluster.group.has(primary.id);
  /** Within one group commit, a later write to a key has seen the earlier one. */
  const written = member ? new Map<string, LogEntry>() : undefined;
  const committed: OpRecord[] = [];
  for (const op of ops) {
    if (op.insert === true && holdsKey(primary, op.key)) {
      const error = `${primary.id}: ${duplicateKeyError(op.key)}`;
      cluster.history.fail(op, error, now);
      cluster.emit({ type: 'write-failed', nodeId: primary.id, opId: op.id, error });
      continue;
    }
    committed.push(op);
    const base: LogEntry = {
      lsn: primary.log.lastLsn + 1,
      timeline: primary.timeline,
      origin: primary.id,
      committedAt: now,
      key: op.key,
      value: op.value ?? '',
      opId: op.id,
      ...(op.insert === true ? { insert: true as const } : {}),
    };
    // A group member's write carries its version too (a copy: one object literal otherwise).
    const entry: LogEntry =
      written === undefined
        ? base
        : {
            ...base,
            ...multiPrimary().ownVersion(
              cluster,
              primary,
              op,
              written.get(op.key) ?? primary.data.get(op.key),
              now,
            ),
          };
    primary.log.append(entry);
    if (written !== undefined) {
      primary.logical.outbox.push(entry);
      written.set(op.key, entry);
    }
    entries.push(entry);
    op.lsn = entry.lsn;
    op.timeline = entry.timeline;
    cluster.emit({
      type: 'write-committed',
      nodeId: primary.id,
      opId: op.id,
      key: entry.key,
      value: entry.value,
      lsn: entry.lsn,
    });
  }
  primary.receivedLsn = primary.log.lastLsn;
  // The commit is durable now; it becomes visible to reads when acknowledged (see `acknowledge`).
  if (cluster.config.mode === 'scheduled') scheduleTick(cluster, primary);
  pump(cluster, primary);

  const needed = cluster.requiredConfirmations(primary);
  for (const op of committed) {
    if (needed === 0 || primary.state === 'primary.degraded' || op.synchronousCommit === 'local') {
      acknowledge(cluster, primary, op);
      continue;
    }
    op.waitedForSync = true;
    const waiting = cluster.commit.waiting.get(primary.id) ?? [];
    waiting.push({ op, lsn: op.lsn ?? 0 });
    cluster.commit.waiting.set(primary.id, waiting);
    const reachable = cluster
      .syncCandidates(primary)
      .filter((r) => primary.sender.links.get(r.id)?.streaming === true).length;
    if (reachable < needed)
      cluster.emit({ type: 'write-blocked', nodeId: primary.id, opId: op.id, waitingFor: needed });
    const timeout = cluster.config.syncTimeoutMs;
    if (timeout !== undefined)
      syncTimeout(cluster, now + timeout, primary.id, primary.uid, primary.generation, op.id, timeout);
  }
  releaseConfirmed(cluster, primary);
  cluster.hooks.emit('committed', primary, committed);
  compactLog(cluster, primary);
}

/** Keeps `retainEntries` of log, and whatever a connected replica has not been sent or the node not applied. */
export function compactLog(cluster: Cluster, node: DbNode): void {
  node.log.compact(cluster.config.retainEntries, Math.min(minLinkPosition(node), node.appliedLsn) + 1);
}

/** Entries every open connection has been sent: what the primary must keep regardless of retention. */
function minLinkPosition(primary: DbNode): Lsn {
  let min = primary.log.lastLsn;
  for (const link of primary.sender.links.values()) min = Math.min(min, link.sentLsn);
  return min;
}

/**
 * Acknowledges a write and makes it visible on the primary. A commit waiting for synchronous
 * confirmation stays invisible to other sessions until then, as in PostgreSQL; acknowledgements
 * come in LSN order, so visibility advances in order too.
 */
function acknowledge(cluster: Cluster, primary: DbNode, op: OpRecord): void {
  if (op.lsn !== undefined && op.lsn > primary.appliedLsn) primary.replay(primary.appliedLsn + 1, op.lsn);
  cluster.history.acknowledge(op, cluster.now());
  cluster.emit({
    type: 'write-acknowledged',
    nodeId: primary.id,
    opId: op.id,
    latencyMs: (op.endedAt ?? cluster.now()) - op.startedAt,
  });
}

/** The highest LSN enough synchronous standbys have confirmed, in the sense `ackOn` gives "confirmed". */
function confirmedLsn(cluster: Cluster, primary: DbNode, ackOn: AckOn): Lsn {
  return releasableLsn(syncRuleOf(cluster, primary), (replica) => {
    const link = primary.sender.links.get(replica.id);
    // A standby still catching up is not a candidate yet (it confirms nothing until it streams).
    if (link?.streaming !== true) return undefined;
    return ackOn === 'applied' ? link.appliedLsn : ackOn === 'written' ? link.writtenLsn : link.receivedLsn;
  });
}

/** What a waiting write counts as confirmation: its own commit level, else the scenario's. */
function ackLevelOf(cluster: Cluster, op: OpRecord): AckOn {
  if (op.synchronousCommit === 'remote_apply') return 'applied';
  if (op.synchronousCommit === 'on') return 'received';
  if (op.synchronousCommit === 'remote_write') return 'written';
  return cluster.config.ackOn;
}

/** Whether a waiting write on this primary needs replicas to report replay (remote_apply). */
export function awaitsReplay(cluster: Cluster, primaryId: string): boolean {
  if (cluster.config.ackOn === 'applied') return true;
  const waiting = cluster.commit.waiting.get(primaryId);
  return waiting !== undefined && waiting.some((w) => ackLevelOf(cluster, w.op) === 'applied');
}

/** Acknowledges, in LSN order, every waiting write that enough replicas have confirmed. */
function releaseConfirmed(cluster: Cluster, primary: DbNode): void {
  const waiting = cluster.commit.waiting.get(primary.id);
  if (waiting === undefined || waiting.length === 0) return;
  const positions = {
    written: confirmedLsn(cluster, primary, 'written'),
    received: confirmedLsn(cluster, primary, 'received'),
    applied: confirmedLsn(cluster, primary, 'applied'),
  };
  let released = 0;
  for (const w of waiting) {
    if (w.lsn > positions[ackLevelOf(cluster, w.op)]) break;
    acknowledge(cluster, primary, w.op);
    released++;
  }
  if (released > 0) waiting.splice(0, released);
}

/**
 * A client cancels its wait (PostgreSQL: `pg_cancel_backend` on a backend in SyncRep wait): the
 * commit stands locally and the client gets success with a warning, replicated or not.
 */
export function cancelWait(cluster: Cluster, opId: number): OpRecord {
  for (const [primaryId, waiting] of cluster.commit.waiting) {
    const index = waiting.findIndex((w) => w.op.id === opId);
    const entry = waiting[index];
    if (entry === undefined) continue;
    waiting.splice(index, 1);
    entry.op.warning =
      'canceling wait for synchronous replication due to user request: the transaction has already ' +
      'committed locally, but might not have been replicated to the standby';
    acknowledge(cluster, cluster.node(primaryId), entry.op);
    return entry.op;
  }
  throw new SimulationError(`write #${opId} is not waiting for synchronous replication`);
}

export function onReplicaAck(cluster: Cluster, primary: DbNode, replicaId: string): void {
  releaseConfirmed(cluster, primary);
  if (primary.state !== 'primary.degraded') return;
  const replica = cluster.nodes.get(replicaId);
  const link = primary.sender.links.get(replicaId);
  // MySQL: "When at least one semisynchronous replica catches up, the source returns to semisynchronous replication."
  if (
    replica !== undefined &&
    cluster.syncCandidates(primary).includes(replica) &&
    link !== undefined &&
    link.receivedLsn >= primary.log.lastLsn
  ) {
    primary.actor.send({ type: 'SYNC_RESTORED' });
    cluster.emit({ type: 'sync-restored', nodeId: primary.id, by: replicaId });
  }
}

/** The wait timed out: acknowledge what is waiting and fall back to async commit. */
function degrade(cluster: Cluster, primary: DbNode, afterMs: number): void {
  if (primary.state !== 'primary.degraded') {
    primary.actor.send({ type: 'SYNC_TIMED_OUT' });
    cluster.emit({ type: 'sync-degraded', nodeId: primary.id, afterMs });
  }
  const waiting = cluster.commit.waiting.get(primary.id) ?? [];
  cluster.commit.waiting.delete(primary.id);
  for (const w of waiting) acknowledge(cluster, primary, w.op);
}

/**
 * The replication settings changed (`configure`): every up primary's waiting writes are held to the new
 * rule. With no confirmations needed they are all acknowledged, as PostgreSQL wakes every waiter when
 * `synchronous_standby_names` is emptied, and a semi-sync primary that had fallen back is simply
 * asynchronous now; otherwise those the new rule counts as confirmed go. Scheduled shipping starts from
 * what is committed; leaving it ships everything held back.
 */
export function onReplicationChanged(cluster: Cluster, enteredScheduled: boolean): void {
  for (const primary of cluster.primaries()) {
    if (!primary.isUp) continue;
    if (enteredScheduled) cluster.shipping.releasedLsn.set(primary.id, primary.log.lastLsn);
    if (cluster.requiredConfirmations(primary) > 0) releaseConfirmed(cluster, primary);
    else {
      if (primary.state === 'primary.degraded') primary.actor.send({ type: 'SYNC_RESTORED' });
      const waiting = cluster.commit.waiting.get(primary.id) ?? [];
      cluster.commit.waiting.delete(primary.id);
      for (const w of waiting) acknowledge(cluster, primary, w.op);
    }
    pump(cluster, primary);
  }
}

/** The primary died or was demoted: its clients lose their connections before any acknowledgement. */
export function failWaiting(cluster: Cluster, primary: DbNode, reason: string): void {
  const waiting = cluster.commit.waiting.get(primary.id) ?? [];
  cluster.commit.waiting.delete(primary.id);
  for (const w of waiting) cluster.history.fail(w.op, reason, cluster.now());
  // Their commits stand locally, acknowledged or not: once the wait is over they are visible.
  const last = waiting[waiting.length - 1];
  if (primary.isUp && last !== undefined && last.lsn > primary.appliedLsn)
    primary.replay(primary.appliedLsn + 1, last.lsn);
  const queued = cluster.commit.flushQueue.get(primary.id) ?? [];
  cluster.commit.flushQueue.delete(primary.id);
  for (const op of queued) cluster.history.fail(op, reason, cluster.now());
}

export function blockedWrites(cluster: Cluster): number {
  let total = 0;
  for (const waiting of cluster.commit.waiting.values()) total += waiting.length;
  // A certifying group's writes held by a dead member still in the view (until failure detection).
  for (const { waitingFor } of cluster.certifying.pending.values()) {
    for (const id of waitingFor) {
      if (cluster.nodes.get(id)?.isUp !== false) continue;
      total++;
      break;
    }
  }
  return total;
}
