/**
 * Saving a simulation: each part of its state as plain, JSON-safe data. Log entries are immutable and
 * shared (between nodes' logs, their data, outboxes, messages and backups), so a save lists each once
 * and refers to it by index. Reading a save back is restore.ts's job (loaded only where it is used).
 */
import type { Cluster, Payload } from '../cluster.ts';
import type { DbNode } from '../node/dbNode.ts';
import type { SaveParts } from '../simulation.ts';
import type { Command, LogEntry } from '../types.ts';
import { SAVE_FORMAT, SAVE_VERSION, type SavedSimulation } from './format.ts';
import { registerSave } from './registry.ts';
import { saveActor, type SavedActor } from './actors.ts';

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
}

/** The scalar fields of a node, saved and restored as they are. */
export const NUMBERS = [
  'applyRate',
  'applyDelayMs',
  'timeline',
  'receivedLsn',
  'appliedLsn',
  'dataVersion',
  'generation',
  'senderBusyUntil',
  'roundRobin',
  'leaseUntil',
  'nextAckAt',
  'reportedAppliedLsn',
  'nextAppliedReportAt',
  'originSeq',
] as const;
export const FLAGS = [
  'sync',
  'applying',
  'flushScheduled',
  'needsRewind',
  'rewindRequested',
  'pumpScheduled',
  'ackScheduled',
  'appliedReportScheduled',
  'quorum',
] as const;
export const OPTIONAL_NUMBERS = ['connId', 'connectingSince', 'downSince'] as const;

export function saveNode(node: DbNode, pool: EntryPool, cluster: Cluster): Record<string, unknown> {
  const saved: Record<string, unknown> = {
    id: node.id,
    uid: node.uid,
    role: node.role,
    upstream: node.upstream ?? null,
    machine: saveActor(node.actor, node.clock, cluster.scheduler) satisfies SavedActor,
    history: node.history.map((h) => ({ ...h })),
    log: { start: node.log.startLsn, entries: pool.refs(node.log.save().entries) },
    data: [...node.data].map(([key, version]) => [key, pool.ref(version as never)]),
    links: [...node.links.values()].map((link) => ({ ...link })),
    load: node.load.save(),
    outbox: pool.refs(node.outbox),
    peerProgress: [...node.peerProgress],
    peerConfirmed: [...node.peerConfirmed],
    subscriptions: [...node.subscriptions].map(([peer, sub]) => [peer, { ...sub }]),
    peerLinks: [...node.peerLinks].map(([peer, link]) => [peer, { ...link }]),
    certified: [...node.certified].map(([key, certs]) => [key, certs.map((c) => ({ ...c }))]),
    abortedCerts: node.abortedCerts.slice(),
  };
  for (const name of NUMBERS) saved[name] = node[name];
  for (const name of FLAGS) saved[name] = node[name];
  for (const name of OPTIONAL_NUMBERS) saved[name] = node[name] ?? null;
  return saved;
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

export const COUNTERS = ['nextConnId', 'nextBackupId', 'nextUid', 'maxTimeline', 'version'] as const;

export function saveCluster(cluster: Cluster, pool: EntryPool): Record<string, unknown> {
  const saved: Record<string, unknown> = {
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
    flushQueue: [...cluster.flushQueue].map(([id, ops]) => [id, ops.map((op) => op.id)]),
    waiting: [...cluster.waiting].map(([id, writes]) => [
      id,
      writes.map((w) => ({ opId: w.op.id, lsn: w.lsn })),
    ]),
    releasedLsn: [...cluster.releasedLsn],
    tickScheduled: [...cluster.tickScheduled],
    group: [...cluster.group],
    certifying: [...cluster.certifying.values()].map((c) => ({
      opId: c.op.id,
      nodeId: c.node.id,
      cert: { ...c.cert },
      waitingFor: [...c.waitingFor],
    })),
    history: cluster.history.save(),
    events: cluster.events.save(),
    conflicts: cluster.conflicts.save(),
    network: cluster.network.save((payload) => savePayload(payload, pool)),
    parts: cluster.saveParts(),
  };
  for (const name of COUNTERS) saved[name] = cluster[name];
  return saved;
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
    scheduler: cluster.scheduler.save(),
    nodes,
    cluster: saveCluster(cluster, pool),
    failover: manager?.save() ?? null,
    records: records.save(),
    workload: workload.save(),
    commands: JSON.parse(JSON.stringify(commands)) as Command[],
    entries: pool.entries,
  };
}

registerSave(saveSimulation);
