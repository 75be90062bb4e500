/**
 * Reading a save back: every value is checked as it is read and a wrong one is named by its path
 * (`Reader`); each part comes back as the typed state its class loads. Loaded only where restoring is
 * used (see restore.ts), so the first frame of the lab does not carry it.
 */
import type { AckedVersion, OpRecord, SavedHistory } from '../observe/history.ts';
import type { Draft } from '../failover/records.ts';
import type { SavedManager } from '../failover/manager.ts';
import type { SavedNetwork } from '../network/network.ts';
import type { Certification } from '../node/dbNode.ts';
import { BUCKETS } from '../observe/load.ts';
import { PAYLOAD_KINDS, type SavedMessageLog } from '../observe/messages.ts';
import { FATES, type SavedChunk } from '../observe/messageChunk.ts';
import type {
  ConflictRecord,
  ConflictStrategy,
  ConflictVersion,
  EngineEvent,
  LogEntry,
  Message,
  MessageDropReason,
  MessageKind,
  MessageRecord,
  OperationRecord,
  SiblingVersion,
  SynchronousCommit,
  WorkloadOptions,
} from '../types.ts';
import { checkWorkload, COMMIT_LEVELS } from '../args.ts';
import { DEFAULT_WORKLOAD } from '../workload.ts';
import type { SavedWorkload } from './state.ts';
import type { SavedTimer } from './actors.ts';
import { Reader } from './reader.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function readSibling(r: Reader): SiblingVersion {
  return {
    value: r.str('value'),
    origin: r.str('origin'),
    committedAt: r.num('committedAt'),
    opId: r.num('opId'),
    originSeq: r.num('originSeq'),
    vv: r.counters('vv'),
  };
}

/** A saved entry, checked, as a new entry (version vectors prototype-free again). */
export function readEntry(r: Reader): LogEntry {
  const entry: { -readonly [K in keyof LogEntry]: LogEntry[K] } = {
    lsn: r.num('lsn'),
    timeline: r.num('timeline'),
    origin: r.str('origin'),
    committedAt: r.num('committedAt'),
    key: r.str('key'),
    value: r.str('value'),
    opId: r.num('opId'),
  };
  const originSeq = r.optNum('originSeq');
  if (originSeq !== undefined) entry.originSeq = originSeq;
  if (r.raw('vv') !== undefined) entry.vv = r.counters('vv');
  if (r.raw('siblings') !== undefined) entry.siblings = r.list('siblings', readSibling);
  if (r.raw('insert') !== undefined) {
    if (!r.bool('insert')) r.at('insert').fail('expected true');
    entry.insert = true;
  }
  return entry;
}

/** The restored entries, and a lookup of saved indices that fails with the path when one is out of range. */
export class EntryTable {
  constructor(readonly entries: readonly LogEntry[]) {}

  get(r: Reader): LogEntry {
    const i = r.asNum();
    const entry = this.entries[i];
    if (entry === undefined) r.fail(`no saved entry #${i}`);
    return entry;
  }

  list(r: Reader, name: string): LogEntry[] {
    return r.list(name, (item) => this.get(item));
  }

  /** The entries of runs of consecutive indices, `[first, count, ...]` (`EntryPool.runs`). */
  runs(r: Reader, name: string): LogEntry[] {
    const runs = r.nums(name);
    if (runs.length % 2 !== 0) r.at(name).fail('expected pairs of first index and count');
    const entries: LogEntry[] = [];
    for (let k = 0; k < runs.length; k += 2) {
      const first = runs[k] ?? 0;
      const count = runs[k + 1] ?? 0;
      if (!Number.isInteger(first) || !Number.isInteger(count) || count < 1)
        r.at(name).fail(`run ${k / 2}: expected a whole first index and a count of at least 1`);
      for (let i = first; i < first + count; i++) {
        const entry = this.entries[i];
        if (entry === undefined) return r.at(name).fail(`no saved entry #${i}`);
        entries.push(entry);
      }
    }
    return entries;
  }
}

const OP_STATUSES: readonly OperationRecord['status'][] = ['pending', 'ok', 'failed'];

export function readCertification(r: Reader): Certification {
  const cert: Certification = {
    certId: r.num('certId'),
    origin: r.str('origin'),
    key: r.str('key'),
    value: r.str('value'),
    order: r.num('order'),
    baseVv: r.counters('baseVv'),
  };
  const originSeq = r.optNum('originSeq');
  if (originSeq !== undefined) cert.originSeq = originSeq;
  return cert;
}

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
  const text = ['value', 'error', 'lostReason', 'expected', 'session', 'warning', 'clientRegion'] as const;
  for (const name of text) {
    const value = r.optStr(name);
    if (value !== undefined) op[name] = value;
  }
  const numbers = [
    'endedAt',
    'lsn',
    'timeline',
    'overwrittenByConflict',
    'originSeq',
    'requestMs',
    'replyMs',
  ] as const;
  for (const name of numbers) {
    const value = r.optNum(name);
    if (value !== undefined) op[name] = value;
  }
  for (const name of ['lost', 'stale', 'waitedForSync', 'insert'] as const)
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

const STRATEGIES: readonly ConflictStrategy[] = ['lww', 'siblings', 'certification'];

function readVersion(r: Reader): ConflictVersion {
  return {
    value: r.str('value'),
    origin: r.str('origin'),
    originTime: r.num('originTime'),
    vv: r.counters('vv'),
    opId: r.num('opId'),
  };
}

function readRecord(r: Reader): Mutable<ConflictRecord> {
  const strategy = r.str('strategy') as ConflictStrategy;
  if (!STRATEGIES.includes(strategy)) r.at('strategy').fail('expected lww, siblings or certification');
  return {
    id: r.num('id'),
    key: r.str('key'),
    at: r.num('at'),
    nodeIds: r.strs('nodeIds'),
    detectedOn: r.strs('detectedOn'),
    versions: r.list('versions', readVersion),
    winner: r.raw('winner') === null ? null : readVersion(r.at('winner')),
    siblings: r.list('siblings', readVersion),
    strategy,
    resolvedAt: r.raw('resolvedAt') === null ? null : r.num('resolvedAt'),
  };
}

const MESSAGE_KINDS: readonly MessageKind[] = ['entries', 'ack', 'hello', 'snapshot', 'heartbeat', 'certify'];

function readMessage(r: Reader): Message {
  const kind = r.str('kind') as MessageKind;
  if (!MESSAGE_KINDS.includes(kind)) r.at('kind').fail('expected a message kind');
  const message: { -readonly [K in keyof Message]: Message[K] } = {
    id: r.num('id'),
    from: r.str('from'),
    to: r.str('to'),
    kind,
    sentAt: r.num('sentAt'),
    deliverAt: r.num('deliverAt'),
    size: r.num('size'),
  };
  const firstLsn = r.optNum('firstLsn');
  const lastLsn = r.optNum('lastLsn');
  if (firstLsn !== undefined) message.firstLsn = firstLsn;
  if (lastLsn !== undefined) message.lastLsn = lastLsn;
  return message;
}

function readDraft(r: Reader): Draft {
  const trigger = r.str('trigger');
  if (trigger !== 'manual' && trigger !== 'automatic')
    return r.at('trigger').fail('expected manual or automatic');
  const nullable = (name: string): number | null => (r.raw(name) === null ? null : r.num(name));
  const window =
    r.raw('lostWindow') === null
      ? null
      : { from: r.at('lostWindow').num('from'), to: r.at('lostWindow').num('to') };
  return {
    id: r.num('id'),
    trigger,
    oldPrimary: r.str('oldPrimary'),
    newPrimary: r.str('newPrimary'),
    failedAt: r.num('failedAt'),
    lastHeartbeatAt: nullable('lastHeartbeatAt'),
    detectedAt: r.num('detectedAt'),
    promotedAt: r.num('promotedAt'),
    firstWriteAt: nullable('firstWriteAt'),
    rtoMs: nullable('rtoMs'),
    lostWrites: r.num('lostWrites'),
    lostOpIds: r.nums('lostOpIds'),
    lostWindow: window,
    splitBrain: r.bool('splitBrain'),
    timeline: r.num('timeline'),
  };
}

/** The persisted snapshot to create the actor from (checked by the machine's own state names). */
export function actorSnapshot(r: Reader): unknown {
  const snapshot = r.at('snapshot');
  if (snapshot.str('status') !== 'active') snapshot.at('status').fail('expected an active actor');
  if (snapshot.raw('value') === undefined) snapshot.at('value').fail('expected a state');
  snapshot.at('context').value satisfies unknown;
  return snapshot.value;
}

export function readHistory(r: Reader): SavedHistory {
  const counts = r.at('counts');
  return {
    ops: r.list('ops', readOp),
    evictOrder: r.nums('evictOrder'),
    nextId: r.num('nextId'),
    acked: r.list('acked', readAckedPair),
    latencies: r.nums('latencies'),
    latencyCursor: r.num('latencyCursor'),
    counts: {
      writes: counts.num('writes'),
      reads: counts.num('reads'),
      failedWrites: counts.num('failedWrites'),
      failedReads: counts.num('failedReads'),
      lostWrites: counts.num('lostWrites'),
      staleReads: counts.num('staleReads'),
      overwrittenWrites: counts.num('overwrittenWrites'),
    },
  };
}

/** Events are shown, never acted on: each needs its type, place and time. */
export function readEvents(r: Reader): { readonly events: EngineEvent[]; readonly seq: number } {
  return {
    events: r.list('events', (item) => {
      item.str('type');
      item.num('seq');
      item.num('at');
      return item.value as EngineEvent;
    }),
    seq: r.num('seq'),
  };
}

export function readConflicts(r: Reader): { records: ConflictRecord[]; nextId: number; count: number } {
  return { records: r.list('records', readRecord), nextId: r.num('nextId'), count: r.num('count') };
}

export function readFailoverRecords(r: Reader): { records: Draft[]; awaiting: number[] } {
  const records = r.list('records', readDraft);
  const awaiting = r.nums('awaiting');
  for (const id of awaiting) if (records[id - 1] === undefined) r.at('awaiting').fail(`no failover #${id}`);
  return { records, awaiting };
}

export function readLoad(r: Reader): { counts: number[]; stamps: number[] } {
  const counts = r.nums('counts');
  const stamps = r.nums('stamps');
  if (counts.length !== BUCKETS || stamps.length !== BUCKETS) r.fail(`expected ${BUCKETS} buckets`);
  return { counts, stamps };
}

export function readWorkload(r: Reader): SavedWorkload {
  let options: WorkloadOptions | null = null;
  if (r.raw('options') !== null) {
    try {
      options = checkWorkload(r.raw('options'), DEFAULT_WORKLOAD);
    } catch (error) {
      r.at('options').fail(error instanceof Error ? error.message : String(error));
    }
  }
  const burst = r.raw('burst');
  const sessions = r.raw('sessions');
  return {
    generation: r.num('generation'),
    nextValue: r.num('nextValue'),
    options,
    random: r.num('random'),
    // Saves made before bursts and sessions existed have neither.
    burst:
      burst === undefined || burst === null
        ? null
        : { factor: r.at('burst').num('factor'), until: r.at('burst').num('until') },
    sessions:
      sessions === undefined
        ? []
        : r.list('sessions', (pair) => {
            const [client, ops] = pair.items((part) => part);
            if (client === undefined || ops === undefined) return pair.fail('expected [client, op ids]');
            return [client.asNum(), ops.items((op) => op.asNum())] as const;
          }),
  };
}

/** A two-item array read as a pair of readers. */
export function pair(r: Reader): [Reader, Reader] {
  const [a, b] = r.items((part) => part);
  if (a === undefined || b === undefined) return r.fail('expected a pair');
  return [a, b];
}

const PAYLOAD_NAMES: readonly string[] = Object.keys(PAYLOAD_KINDS);
const DROP_REASONS: readonly MessageDropReason[] = ['cut', 'down', 'removed'];

const isNum = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value);
const optNum = (value: unknown): boolean => value === undefined || isNum(value);

/**
 * What is wrong with a saved message record (the field, and the problem), or nothing. Checked without a
 * reader per field: a save holds thousands of records, and a seek restores one.
 */
function recordProblem(value: unknown): readonly [string | undefined, string] | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [undefined, 'expected an object'];
  const record = value as Record<string, unknown>;
  for (const name of ['id', 'sentAt', 'deliverAt', 'size'] as const)
    if (!isNum(record[name])) return [name, 'expected a number'];
  for (const name of ['arrivedAt', 'droppedAt', 'firstLsn', 'lastLsn'] as const)
    if (!optNum(record[name])) return [name, 'expected a number'];
  if (typeof record.from !== 'string') return ['from', 'expected a string'];
  if (typeof record.to !== 'string') return ['to', 'expected a string'];
  if (!MESSAGE_KINDS.includes(record.kind as MessageKind)) return ['kind', 'expected a message kind'];
  if (record.payload !== undefined && !PAYLOAD_NAMES.includes(record.payload as string))
    return ['payload', 'expected a payload kind'];
  if (record.arrivedAt !== undefined && record.droppedAt !== undefined)
    return ['droppedAt', 'a message that arrived was not dropped'];
  if (record.arrivedAt === undefined && record.droppedAt === undefined)
    return ['arrivedAt', 'expected when it arrived, or droppedAt'];
  if ((record.droppedAt === undefined) !== (record.dropReason === undefined))
    return ['dropReason', 'expected a reason exactly when dropped'];
  if (record.dropReason !== undefined && !DROP_REASONS.includes(record.dropReason as MessageDropReason))
    return ['dropReason', 'expected cut, down or removed'];
  const opIds = record.opIds;
  if (opIds !== undefined && !(Array.isArray(opIds) && opIds.every(isNum)))
    return ['opIds', 'expected a list of numbers'];
  return undefined;
}

/** Saved records of messages that ended, checked; shared with the save (they never change). */
function readRecords(r: Reader): readonly MessageRecord[] {
  if (!Array.isArray(r.value)) return r.fail('expected an array');
  r.value.forEach((value: unknown, i) => {
    const problem = recordProblem(value);
    if (problem === undefined) return;
    const [field, what] = problem;
    const item = new Reader(value, r, i);
    return (field === undefined ? item : item.at(field)).fail(what);
  });
  return r.value as MessageRecord[];
}

/**
 * A column of a saved chunk: an array of `length` items (if given), each passing `ok`, checked in a plain
 * loop (a save holds tens of thousands of them); a reader names the first that does not.
 */
function column<T>(
  r: Reader,
  name: string,
  length: number | undefined,
  ok: (value: unknown) => boolean,
  problem: string,
): T[] {
  const values = r.raw(name);
  if (!Array.isArray(values)) return r.at(name).fail('expected an array');
  if (length !== undefined && values.length !== length)
    r.at(name).fail(`expected ${length} items, one per record`);
  for (let i = 0; i < values.length; i++)
    if (!ok(values[i])) new Reader(values[i], r.at(name), i).fail(problem);
  return values as T[];
}

const isStr = (value: unknown): boolean => typeof value === 'string';
const isCount = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 0;

/**
 * A saved chunk of records, checked column by column (each an array of numbers or names, one item per
 * slot; a slot not written has fate 0 and nulls). It is the save's own object that comes back: a restored
 * log reads a frozen chunk's arrays and saves it again as it was, so the saves of a run and of the
 * simulations restored from them hold it once.
 */
function readChunk(r: Reader): SavedChunk {
  const capacity = r.num('capacity');
  if (!Number.isInteger(capacity) || capacity < 1) r.at('capacity').fail('expected a whole number of ids');
  const first = r.num('first');
  if (!Number.isInteger(first) || first < 1) r.at('first').fail('expected a message id');
  const fate = (f: unknown) => isCount(f) && (f as number) < FATES.length;
  const fates = column<number>(r, 'fate', undefined, fate, 'expected a fate code (0–4)');
  const n = fates.length;
  if (n > capacity) r.at('fate').fail(`expected at most ${capacity} slots`);
  for (const name of ['sentAt', 'deliverAt', 'endedAt', 'size', 'firstLsn', 'lastLsn'])
    column(r, name, n, isNum, 'expected a number');
  // A written slot names its kind and nodes; an empty one holds nulls.
  const slot = (ok: (value: unknown) => boolean) => (value: unknown) => value === null || ok(value);
  const kinds = column(
    r,
    'kind',
    n,
    slot((k) => MESSAGE_KINDS.includes(k as MessageKind)),
    'expected a message kind',
  );
  column(
    r,
    'payload',
    n,
    slot((p) => PAYLOAD_NAMES.includes(p as string)),
    'expected a payload kind or null',
  );
  const from = column(r, 'from', n, slot(isStr), 'expected a node id');
  const to = column(r, 'to', n, slot(isStr), 'expected a node id');
  fates.forEach((f, i) => {
    if (f !== 0 && (kinds[i] === null || from[i] === null || to[i] === null))
      new Reader(f, r.at('fate'), i).fail('a message that ended names its kind, sender and receiver');
  });
  const opIds = column<number>(r, 'opIds', undefined, isNum, 'expected a number');
  const opStart = column<number>(r, 'opStart', n, isCount, 'expected a whole number');
  const opCount = column<number>(r, 'opCount', n, isCount, 'expected a whole number');
  opStart.forEach((start, i) => {
    if (start + (opCount[i] ?? 0) > opIds.length)
      new Reader(start, r.at('opStart'), i).fail(`runs past the ${opIds.length} op ids saved`);
  });
  return r.value as SavedChunk;
}

/** The records of ended messages, or null where an older save kept none. Chunks follow one another. */
function readMessageLog(r: Reader): SavedMessageLog | null {
  if (r.value === null) return null;
  const log = { held: readRecords(r.at('held')), chunks: r.list('chunks', readChunk) };
  log.chunks.forEach((chunk, k) => {
    const before = log.chunks[k - 1];
    if (before !== undefined && chunk.first !== before.first + before.capacity)
      new Reader(chunk, r.at('chunks'), k).at('first').fail('expected the id after the chunk before');
  });
  return log;
}

export function readNetwork<P>(r: Reader, readPayload: (r: Reader) => P): SavedNetwork<P> {
  return {
    inFlight: r.list('inFlight', (item) => ({
      message: readMessage(item.at('message')),
      payload: readPayload(item.at('payload')),
    })),
    records: readMessageLog(r.at('records')),
    lastDelivery: r.list('lastDelivery', (item) => {
      const [from, to, at] = item.items((part) => part);
      if (from === undefined || to === undefined || at === undefined)
        return item.fail('expected [from, to, at]');
      return [from.asStr(), to.asStr(), at.asNum()] as const;
    }),
    latencyOverrides: r.list('latencyOverrides', (item) => {
      const [key, ms] = pair(item);
      return [key.asStr(), ms.asNum()] as const;
    }),
    sides: r.list('sides', (item) => {
      const [id, side] = pair(item);
      return [id.asStr(), side.asNum()] as const;
    }),
    partitioned: r.bool('partitioned'),
    droppedPairs: r.strs('droppedPairs'),
    dropped: r.num('dropped'),
    nextId: r.num('nextId'),
    latencyMs: r.num('latencyMs'),
    jitterMs: r.num('jitterMs'),
    random: r.num('random'),
  };
}

/** A machine's timers, each checked against the time the save was taken at. */
export function readTimers(r: Reader, now: number): SavedTimer[] {
  return r.list('timers', (timer) => {
    const at = timer.num('at');
    if (at < now) timer.at('at').fail('is in the past');
    return { at, seq: timer.num('seq'), id: timer.str('id'), event: { type: timer.at('event').str('type') } };
  });
}

export function readManager(r: Reader, now: number): SavedManager {
  const machine = r.at('machine');
  return {
    machine: { snapshot: actorSnapshot(machine), timers: readTimers(machine, now) },
    anchor: r.optStr('anchor') ?? null,
    partitionedAt: r.optNum('partitionedAt') ?? null,
    electionStartedAt: r.optNum('electionStartedAt') ?? null,
    noCandidateReported: r.bool('noCandidateReported'),
    leases: r.list('leases', (item) => {
      const [id, seq] = pair(item);
      return [id.asStr(), seq.asNum()] as const;
    }),
  };
}
