/**
 * The state of the engine's smaller parts as data, and put back: the event log, the load meters, the
 * conflict ledger, the failover records, the workload, the leader leases and the subsystems' parts. Here, with the rest of save
 * and restore, so the lab's first frame carries only the live parts.
 */
import type { Cluster } from '../cluster.ts';
import type { FailoverRecords, Draft } from '../failover/records.ts';
import { partDefinitions } from '../hooks.ts';
import type { Leases } from '../failover/lease.ts';
import { versionsKey, type ConflictLedger } from '../multiprimary/conflicts.ts';
import type { EventLog } from '../observe/eventLog.ts';
import { BUCKETS, type LoadMeter } from '../observe/load.ts';
import type { TaskHandle } from '../scheduler.ts';
import type { ConflictRecord, EngineEvent, NodeId, WorkloadOptions } from '../types.ts';
import type { Workload } from '../workload.ts';

/** The events kept (they are immutable: a save shares them). */
export function saveEvents(log: EventLog): { readonly events: readonly EngineEvent[]; readonly seq: number } {
  return { events: log.all(), seq: log.count };
}

export function loadEvents(
  log: EventLog,
  state: { readonly events: readonly EngineEvent[]; readonly seq: number },
): void {
  log.events = state.events.slice();
  log.seq = state.seq;
}

export function saveLoad(meter: LoadMeter): {
  readonly counts: readonly number[];
  readonly stamps: readonly number[];
} {
  return { counts: meter.counts.slice(), stamps: meter.stamps.slice() };
}

export function loadLoad(
  meter: LoadMeter,
  state: { readonly counts: readonly number[]; readonly stamps: readonly number[] },
): void {
  meter.counts.splice(0, BUCKETS, ...state.counts);
  meter.stamps.splice(0, BUCKETS, ...state.stamps);
}

export function saveConflicts(ledger: ConflictLedger): {
  readonly records: readonly ConflictRecord[];
  readonly nextId: number;
  readonly count: number;
} {
  return { records: ledger.all(), nextId: ledger.nextId, count: ledger.count };
}

export function loadConflicts(
  ledger: ConflictLedger,
  state: { readonly records: readonly ConflictRecord[]; readonly nextId: number; readonly count: number },
): void {
  for (const saved of state.records) {
    const record = { ...saved };
    ledger.records.push(record);
    ledger.byVersions.set(versionsKey(record.key, record.versions), record);
  }
  ledger.nextId = state.nextId;
  ledger.count = state.count;
}

export function saveFailoverRecords(records: FailoverRecords): {
  readonly records: readonly Draft[];
  readonly awaiting: readonly number[];
} {
  return {
    records: records.records.map((d) => ({ ...d, lostOpIds: d.lostOpIds.slice() })),
    awaiting: records.awaiting.map((d) => d.id),
  };
}

export function loadFailoverRecords(
  records: FailoverRecords,
  state: { readonly records: readonly Draft[]; readonly awaiting: readonly number[] },
): void {
  records.records.push(...state.records.map((d) => ({ ...d, lostOpIds: d.lostOpIds.slice() })));
  records.awaiting = state.awaiting.flatMap((id) => records.records[id - 1] ?? []);
}

/** The workload as saved; `burst` and `sessions` are absent from saves made before they existed. */
export interface SavedWorkload {
  readonly generation: number;
  readonly nextValue: number;
  readonly options: WorkloadOptions | null;
  readonly random: number;
  readonly burst?: { readonly factor: number; readonly until: number } | null;
  readonly sessions?: readonly (readonly [number, readonly number[]])[];
}

export function saveWorkload(workload: Workload): SavedWorkload {
  return {
    generation: workload.generation,
    nextValue: workload.nextValue,
    options: workload.options,
    random: workload.random.state(),
    burst: workload.burst === null ? null : { ...workload.burst },
    sessions: [...workload.sessions].map(([client, ops]) => [client, ops.slice()] as const),
  };
}

export function loadWorkload(workload: Workload, state: SavedWorkload): void {
  workload.generation = state.generation;
  workload.nextValue = state.nextValue;
  workload.options = state.options;
  workload.random.restore(state.random);
  workload.burst = state.burst ?? null;
  for (const [client, ops] of state.sessions ?? []) workload.sessions.set(client, ops.slice());
}

/** Each primary's pending lease check, by its place in the queue. */
export function saveLeases(leases: Leases): readonly (readonly [NodeId, number])[] {
  return [...leases.checks].map(
    ([id, handle]) => [id, leases.cluster.scheduler.placeOf(handle).seq] as const,
  );
}

/** Finds the restored checks among the restored queue's tasks. */
export function restoreLeases(
  leases: Leases,
  saved: readonly (readonly [NodeId, number])[],
  bySeq: ReadonlyMap<number, TaskHandle>,
): void {
  for (const [id, seq] of saved) {
    const handle = bySeq.get(seq);
    if (handle !== undefined) leases.checks.set(id, handle);
  }
}

/** Every part's state as data, by name. */
export function saveParts(cluster: Cluster): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const part of partDefinitions()) out[part.name] = part.save(cluster.parts.get(part.name));
  return out;
}

/** Puts saved parts back; a part the save lacks starts fresh. */
export function loadParts(cluster: Cluster, saved: Readonly<Record<string, unknown>>): void {
  for (const part of partDefinitions())
    if (Object.hasOwn(saved, part.name)) cluster.parts.set(part.name, part.load(saved[part.name]));
}
