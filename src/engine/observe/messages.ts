/**
 * Message records for the space-time diagram: every message from its send to its arrival or loss, the
 * newest ones kept. A message in flight is the network's (it is recorded here when it ends), so it is
 * always kept and costs nothing to record while it travels.
 */
import type { Payload } from '../cluster.ts';
import type {
  Message,
  MessageDropReason,
  MessageKind,
  MessagePayloadKind,
  MessageRecord,
  SimTime,
} from '../types.ts';
import { Chunk, fateOf, type LiveRecord, type SavedChunk } from './messageChunk.ts';

export type { LiveRecord } from './messageChunk.ts';

/**
 * Records kept at most, counting those in flight (always kept, however many): on the 30-node UI bench
 * topology, at about 2,800 messages a simulated second, the last 7 s or so, in about 2 MB.
 */
export const MESSAGE_RECORDS_KEPT = 20_000;

/** Whether a record's flight (its send to its end, or to when it is due) overlaps [from, to]. */
export const overlaps = (record: MessageRecord, from: SimTime, to: SimTime): boolean =>
  record.sentAt <= to && (record.arrivedAt ?? record.droppedAt ?? record.deliverAt) >= from;

/** The log's state in a save: records of ended messages (those in flight are the network's). */
export interface SavedMessageLog {
  /** Messages that ended after the chunk holding their id went (they were in flight then). */
  readonly held: readonly MessageRecord[];
  readonly chunks: readonly SavedChunk[];
}

/** The writes a message carried: its entries', or one op id. */
export type Carried = readonly { readonly opId: number }[] | number | undefined;

/**
 * Ended messages' records in chunks of consecutive ids, a twentieth of the bound each. The records kept
 * are those of every id from the oldest chunk's first to the newest message sent (ended, or in flight),
 * and of older messages still in flight or held since they ended; when they pass the bound, as a message
 * ends, the oldest chunk goes, and the held ones with it. So the oldest ended records go first, a message
 * in flight is always kept, and once the bound is reached 95% to 100% of it are kept.
 */
export class MessageLog {
  // Its state is saved and put back by persist/messageLog.ts (loaded with save and restore).
  /** Messages older than the oldest chunk that ended since it went, in the order they ended. */
  held: LiveRecord[] = [];
  /** Messages older than the oldest chunk still in flight. */
  olderInFlight = 0;
  chunks: Chunk[] = [];
  /** Where the next chunk begins while there is none (ids start at 1). */
  nextFirst = 1;
  /** The last chunk dropped, to reuse rather than allocate another. */
  private spare: Chunk | undefined;
  readonly chunkSize: number;

  constructor(private readonly kept = MESSAGE_RECORDS_KEPT) {
    this.chunkSize = Math.max(1, Math.floor(kept / 20));
  }

  /**
   * Records a message that ended at `at`: it arrived (no reason), or was dropped for `reason`, carrying
   * `writes`. `sent` is the newest message id sent so far.
   */
  end(
    message: Message,
    payload: MessagePayloadKind | undefined,
    writes: Carried,
    at: SimTime,
    reason: MessageDropReason | undefined,
    sent: number,
  ): void {
    this.makeRoom(sent);
    const chunk = this.chunkFor(message.id);
    if (chunk === undefined) {
      this.held.push(heldRecord(message, payload, writes, at, reason));
      this.olderInFlight--;
      return;
    }
    const slot = message.id - chunk.first;
    chunk.write(slot, message, payload, at, fateOf(reason));
    if (writes !== undefined) chunk.carry(slot, writes);
  }

  /** The chunk for a message id, made (with any before it) if need be; undefined before the oldest. */
  private chunkFor(id: number): Chunk | undefined {
    if (id < (this.chunks[0]?.first ?? this.nextFirst)) return undefined;
    let last = this.chunks[this.chunks.length - 1];
    while (last === undefined || id >= last.first + last.capacity) {
      last = this.open(last === undefined ? this.nextFirst : last.first + last.capacity);
      this.chunks.push(last);
    }
    // A message mostly ends soon after it was sent: its chunk is one of the last.
    for (let k = this.chunks.length - 1; k >= 0; k--) {
      const chunk = this.chunks[k];
      if (chunk !== undefined && id >= chunk.first) return chunk;
    }
    return undefined;
  }

  private open(first: number): Chunk {
    const chunk = this.spare ?? new Chunk(first, this.chunkSize);
    this.spare = undefined;
    chunk.reset(first);
    return chunk;
  }

  /** Drops the oldest chunks, and the held records with them, while the records kept pass the bound. */
  private makeRoom(sent: number): void {
    for (;;) {
      const oldest = this.chunks[0];
      if (oldest === undefined) return;
      if (sent + 1 - oldest.first + this.held.length + this.olderInFlight <= this.kept) return;
      this.chunks.shift();
      this.held = [];
      // Its slots not written are messages still in flight: older ones now.
      this.olderInFlight += oldest.capacity - oldest.written;
      this.nextFirst = oldest.first + oldest.capacity;
      if (!oldest.shared && oldest.capacity === this.chunkSize) this.spare = oldest;
    }
  }

  /**
   * The records whose flight overlaps [from, to], in id order (the order sent): ended ones from here
   * (shared: they never change), merged with `flying`, the messages in flight, already in id order.
   */
  all(from: SimTime, to: SimTime, flying: readonly MessageRecord[]): MessageRecord[] {
    const ended: MessageRecord[] = this.held.filter((r) => overlaps(r, from, to)).sort((a, b) => a.id - b.id);
    for (const chunk of this.chunks) chunk.collect(from, to, ended);
    if (flying.length === 0) return ended;
    const out: MessageRecord[] = [];
    let f = 0;
    for (const record of ended) {
      for (let next = flying[f]; next !== undefined && next.id < record.id; next = flying[++f])
        out.push(next);
      out.push(record);
    }
    for (; f < flying.length; f++) out.push(flying[f] as MessageRecord);
    return out;
  }
}

/** The record of a message older than every chunk, as an object of its own. */
function heldRecord(
  message: Message,
  payload: MessagePayloadKind | undefined,
  writes: Carried,
  at: SimTime,
  reason: MessageDropReason | undefined,
): LiveRecord {
  const { id, kind, from, to, sentAt, deliverAt, size, firstLsn, lastLsn } = message;
  const record: LiveRecord = { id, kind, from, to, sentAt, deliverAt, size };
  if (payload !== undefined) record.payload = payload;
  if (reason === undefined) record.arrivedAt = at;
  else {
    record.droppedAt = at;
    record.dropReason = reason;
  }
  if (firstLsn !== undefined) record.firstLsn = firstLsn;
  if (lastLsn !== undefined) record.lastLsn = lastLsn;
  if (writes !== undefined)
    record.opIds = typeof writes === 'number' ? [writes] : writes.map((entry) => entry.opId);
  return record;
}

/**
 * The payload kinds a message's `kind` does not name, and the kind each is sent as: a new payload kind
 * missing here does not compile.
 */
export const PAYLOAD_KINDS = {
  'peer-hello': 'hello',
  'peer-entries': 'entries',
  'peer-ack': 'ack',
  certify: 'certify',
  vote: 'ack',
  decided: 'ack',
} as const satisfies Record<MessagePayloadKind, MessageKind> &
  Record<Exclude<Payload['kind'], MessageKind>, MessageKind>;

/** The payload's own kind, where the message's does not name it. */
function payloadKind(payload: Payload): MessagePayloadKind | undefined {
  switch (payload.kind) {
    case 'peer-hello':
    case 'peer-entries':
    case 'peer-ack':
    case 'certify':
    case 'vote':
    case 'decided':
      return payload.kind;
    default:
      // The rest are named by the message's kind (a new kind of payload must be listed above).
      payload.kind satisfies MessageKind;
      return undefined;
  }
}

/** The writes a payload carries: its entries', or the write-set a certification request asks about. */
function carried(payload: Payload): Carried {
  if (payload.kind === 'entries' || payload.kind === 'peer-entries')
    return payload.entries.length > 0 ? payload.entries : undefined;
  // A write-set is certified under its write's id.
  return payload.kind === 'certify' ? payload.certId : undefined;
}

/** Records a message that ended, with what its payload carried (the network calls it when it is due). */
export function recordEnded(
  log: MessageLog,
  message: Message,
  payload: Payload,
  at: SimTime,
  reason: MessageDropReason | undefined,
  sent: number,
): void {
  log.end(message, payloadKind(payload), carried(payload), at, reason, sent);
}

/** A message still in flight as a record (a new object each time: it is the network's). */
export function inFlightRecord(message: Message, payload: Payload): MessageRecord {
  const { id, kind, from, to, sentAt, deliverAt, size, firstLsn, lastLsn } = message;
  const record: LiveRecord = { id, kind, from, to, sentAt, deliverAt, size };
  const own = payloadKind(payload);
  if (own !== undefined) record.payload = own;
  if (firstLsn !== undefined) record.firstLsn = firstLsn;
  if (lastLsn !== undefined) record.lastLsn = lastLsn;
  const writes = carried(payload);
  if (writes !== undefined)
    record.opIds = typeof writes === 'number' ? [writes] : writes.map((entry) => entry.opId);
  return record;
}
