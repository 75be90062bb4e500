/**
 * Saving a simulation: each part of its state as plain, JSON-safe data. Log entries are immutable and
 * shared (between nodes' logs, their data, outboxes, messages and backups), so a save lists each once
 * and refers to it by index. Reading a save back is restore.ts's job (loaded only where it is used).
 */
import type { Cluster, Payload } from '../cluster.ts';
import type { DbNode } from '../node/dbNode.ts';
import type { FailoverManager, SavedManager } from '../failover/manager.ts';
import type { SenderState, ShippingState } from '../replication/senderState.ts';
import type { CommitState } from '../replication/commitState.ts';
import type { ReceiverState } from '../replication/receiverState.ts';
import type { LogicalState } from '../multiprimary/logicalState.ts';
import type { CertificationState } from '../multiprimary/certificationState.ts';
import type { SaveParts } from '../simulation.ts';
import type { Command, LogEntry } from '../types.ts';
import { SAVE_FORMAT, SAVE_VERSION, type SavedSimulation } from './format.ts';
import { registerSave } from './registry.ts';
import { saveActor, type SavedActor } from './actors.ts';
import { saveHistory } from './history.ts';
import { saveNetwork } from './network.ts';
import { saveScheduler } from './scheduler.ts';
import {
  saveConflicts,
  saveEvents,
  saveFailoverRecords,
  saveLeases,
  saveLoad,
  saveParts,
  saveWorkload,
} from './state.ts';

/** Collects the entries a save refers to, each once. */
export class EntryPool {
  private readonly index = new Map<LogEntry, number>();
  readonly entries: LogEntry[] = [];

  ref(entry: LogEntry): number {
    let i = this.index.get(entry);
    if (i === undefined) {
      i = this.entries.length;
      this.index.set(entry, i);
      this.entries.push(entry);
    }
    return i;
  }

  refs(entries: readonly LogEntry[]): number[] {
    return entries.map((e) => this.ref(e));
  }

  /**
   * A log's entries as runs of consecutive indices, `[first, count, first, count, ...]`: logs share their
   * entries, so each is a run or two, where a list of indices cost memory and time per entry (a seek
   * restores one save of many kept).
   */
  runs(entries: readonly LogEntry[]): number[] {
    const runs: number[] = [];
    let first = -1;
    let count = 0;
    for (const entry of entries) {
      // A log that shares the last one's entries continues its run: one look, not a lookup.
      if (count > 0 && this.entries[first + count] === entry) {
        count++;
        continue;
      }
      const i = this.ref(entry);
      if (count > 0 && i === first + count) count++;
      else {
        if (count > 0) runs.push(first, count);
        first = i;
        count = 1;
      }
    }
    if (count > 0) runs.push(first, count);
    return runs;
  }
}

/**
 * A part's fields, named exactly: a save built `satisfies Fields<Part>` fails to compile when the part
 * gains a field the save does not write (or loses one it does).
 */
export type Fields<T> = {
  -readonly [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: unknown;
};

function saveSender(s: SenderState): Fields<SenderState> {
  return {
    links: [...s.links.values()].map((link) => ({ ...link })),
    busyUntil: s.busyUntil,
    pumpScheduled: s.pumpScheduled,
    roundRobin: s.roundRobin,
  };
}

function saveReceiver(s: ReceiverState): Fields<ReceiverState> {
  return {
    connId: s.connId ?? null,
    connectingSince: s.connectingSince ?? null,
    applying: s.applying,
    flushScheduled: s.flushScheduled,
    nextAckAt: s.nextAckAt,
    ackScheduled: s.ackScheduled,
    reportedAppliedLsn: s.reportedAppliedLsn,
    nextAppliedReportAt: s.nextAppliedReportAt,
    appliedReportScheduled: s.appliedReportScheduled,
  };
}

function saveLogical(s: LogicalState, pool: EntryPool): Fields<LogicalState> {
  return {
    originSeq: s.originSeq,
    outbox: pool.refs(s.outbox),
    peerProgress: [...s.peerProgress],
    peerConfirmed: [...s.peerConfirmed],
    subscriptions: [...s.subscriptions].map(([peer, sub]) => [peer, { ...sub }]),
    peerLinks: [...s.peerLinks].map(([peer, link]) => [peer, { ...link }]),
    stopped: [...s.stopped].map(([peer, stop]) => [peer, { ...stop }]),
  };
}

function saveCertification(s: CertificationState): Fields<CertificationState> {
  return {
    certified: [...s.certified].map(([key, certs]) => [key, certs.map((c) => ({ ...c }))]),
    abortedCerts: s.abortedCerts.slice(),
    quorum: s.quorum,
    primaryView: s.primaryView.slice(),
    rejoining: s.rejoining,
  };
}

/**
 * Every field of a node, its parts each in a section of their own. Derived ones are not saved: the
 * machine's snapshot holds the actor's state (`state`, `role`, read back from it) and pending timers
 * (its clock's); `writtenLsn` is the log's. The role is saved besides, to make the node before its machine.
 */
type SavedNode = Fields<
  Omit<DbNode, 'actor' | 'clock' | 'state' | 'role' | 'writtenLsn' | 'isUp' | 'isPrimary' | 'isFenced'>
> & { role: unknown; machine: SavedActor };

export function saveNode(node: DbNode, pool: EntryPool, cluster: Cluster): SavedNode {
  return {
    id: node.id,
    uid: node.uid,
    role: node.role,
    upstream: node.upstream ?? null,
    machine: saveActor(node.actor, node.clock, cluster.scheduler),
    sync: node.sync,
    applyRate: node.applyRate,
    applyDelayMs: node.applyDelayMs,
    timeline: node.timeline,
    history: node.history.map((h) => ({ ...h })),
    log: { start: node.log.startLsn, runs: pool.runs(node.log.save().entries) },
    receivedLsn: node.receivedLsn,
    appliedLsn: node.appliedLsn,
    data: [...node.data].map(([key, version]) => [key, pool.ref(version as never)]),
    dataVersion: node.dataVersion,
    generation: node.generation,
    needsRewind: node.needsRewind,
    rewindRequested: node.rewindRequested,
    load: saveLoad(node.load),
    downSince: node.downSince ?? null,
    leaseUntil: node.leaseUntil,
    sender: saveSender(node.sender),
    receiver: saveReceiver(node.receiver),
    logical: saveLogical(node.logical, pool),
    certification: saveCertification(node.certification),
  };
}

export function savePayload(payload: Payload, pool: EntryPool): unknown {
  switch (payload.kind) {
    case 'entries':
      return {
        ...payload,
        entries: pool.refs(payload.entries),
        history: payload.history.map((h) => ({ ...h })),
      };
    case 'peer-entries':
      return { ...payload, entries: pool.refs(payload.entries) };
    case 'snapshot':
      return {
        ...payload,
        data: [...payload.data].map(([key, version]) => [key, pool.ref(version as never)]),
        history: payload.history.map((h) => ({ ...h })),
      };
    case 'vote':
      return { ...payload, ...(payload.first === undefined ? {} : { first: { ...payload.first } }) };
    default:
      return { ...payload };
  }
}

/**
 * The cluster's fields a save writes. The rest are saved apart (the scheduler, the nodes), come from the
 * scenario (`config`, `failoverConfig`, `conflictResolution`, `system`) or are wiring made anew (`hooks`, `onEmit`).
 */
type SavedCluster = Fields<
  Omit<
    Cluster,
    | 'scheduler'
    | 'nodes'
    | 'config'
    | 'failoverConfig'
    | 'conflictResolution'
    | 'system'
    | 'regions'
    | 'hooks'
    | 'onEmit'
    | 'commit'
    | 'shipping'
  >
> &
  Fields<CommitState> &
  Fields<ShippingState> & { parts: unknown };

/** The commit part's fields, in the cluster's section (where version 2 kept them). */
function saveCommit(s: CommitState): Fields<CommitState> {
  return {
    flushQueue: [...s.flushQueue].map(([id, ops]) => [id, ops.map((op) => op.id)]),
    waiting: [...s.waiting].map(([id, writes]) => [id, writes.map((w) => ({ opId: w.op.id, lsn: w.lsn }))]),
  };
}

function saveShipping(s: ShippingState): Fields<ShippingState> {
  return { releasedLsn: [...s.releasedLsn], tickScheduled: [...s.tickScheduled] };
}

export function saveCluster(cluster: Cluster, pool: EntryPool): SavedCluster {
  return {
    random: cluster.random.state(),
    backups: [...cluster.backups.values()].map((b) => ({
      id: b.id,
      nodeId: b.nodeId,
      lsn: b.lsn,
      timeline: b.timeline,
      takenAt: b.takenAt,
      versions: [...b.versions].map(([key, version]) => [key, pool.ref(version as never)]),
      history: b.history.map((h) => ({ ...h })),
    })),
    ...saveCommit(cluster.commit),
    ...saveShipping(cluster.shipping),
    group: [...cluster.group],
    certifying: [...cluster.certifying.pending.values()].map((c) => ({
      opId: c.op.id,
      nodeId: c.node.id,
      cert: { ...c.cert },
      waitingFor: [...c.waitingFor],
    })),
    history: saveHistory(cluster.history),
    events: saveEvents(cluster.events),
    conflicts: saveConflicts(cluster.conflicts),
    network: saveNetwork(cluster.network, (payload) => savePayload(payload, pool)),
    parts: saveParts(cluster),
    nextConnId: cluster.nextConnId,
    nextBackupId: cluster.nextBackupId,
    nextUid: cluster.nextUid,
    maxTimeline: cluster.maxTimeline,
    version: cluster.version,
  };
}

/** The failover manager as saved: its machine, where it stands in a partition, its pending lease checks. */
function saveManager(manager: FailoverManager): SavedManager {
  return {
    machine: saveActor(manager.actor, manager.clock, manager.cluster.scheduler),
    anchor: manager.anchor ?? null,
    partitionedAt: manager.partitionedAt ?? null,
    electionStartedAt: manager.electionStartedAt ?? null,
    noCandidateReported: manager.noCandidateReported,
    leases: saveLeases(manager.leases),
  };
}

/** The whole simulation as data (registered as the saver behind `sim.save()`; see registry.ts). */
function saveSimulation(parts: SaveParts): SavedSimulation {
  const { cluster, records, workload, commands, manager, input } = parts;
  const pool = new EntryPool();
  const nodes = [...cluster.nodes.values()].map((node) => saveNode(node, pool, cluster));
  return {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    time: cluster.now(),
    scenario: input,
    scheduler: saveScheduler(cluster.scheduler),
    nodes,
    cluster: saveCluster(cluster, pool),
    failover: manager === undefined ? null : saveManager(manager),
    records: saveFailoverRecords(records),
    workload: saveWorkload(workload),
    commands: JSON.parse(JSON.stringify(commands)) as Command[],
    entries: pool.entries,
  };
}

registerSave(saveSimulation);
