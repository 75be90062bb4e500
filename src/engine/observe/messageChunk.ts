/**
 * A chunk of ended-message records kept as columns (typed arrays), one slot per message id of its range,
 * so recording a message allocates nothing and the garbage collector sees a few arrays, not an object per
 * message. Invariant: once every slot is written (frozen) it never changes again. Its saved form is made and
 * read back in persist/messageLog.ts, which the lab loads with the rest of save and restore.
 */
import type {
  Message,
  MessageDropReason,
  MessageKind,
  MessagePayloadKind,
  MessageRecord,
  NodeId,
  SimTime,
} from '../types.ts';

/** A record as the engine builds it (callers get it typed read-only). */
export type LiveRecord = { -readonly [K in keyof MessageRecord]: MessageRecord[K] };

/** How a message ended, by code: 0 not yet (an empty slot), 1 arrived, then dropped at a cut, down, removed. */
export const FATES = [undefined, 'arrived', 'cut', 'down', 'removed'] as const;
export const EMPTY = 0;
const ARRIVED = 1;

/** The code of a message's end: arrived (no reason) or dropped for `reason`. */
export const fateOf = (reason: MessageDropReason | undefined): number =>
  reason === undefined ? ARRIVED : FATES.indexOf(reason);

/**
 * A chunk in a save: its id range (`first`, `capacity` ids) and one array per field, an item per slot up to
 * the last one written; a slot not written (its message still in flight) has fate 0 and nulls.
 */
export interface SavedChunk {
  readonly first: number;
  readonly capacity: number;
  /** `FATES`' code: 0 empty, 1 arrived, 2 dropped at a cut, 3 receiver down, 4 receiver removed. */
  readonly fate: readonly number[];
  readonly kind: readonly (MessageKind | null)[];
  readonly payload: readonly (MessagePayloadKind | null)[];
  readonly from: readonly (NodeId | null)[];
  readonly to: readonly (NodeId | null)[];
  readonly sentAt: readonly number[];
  readonly deliverAt: readonly number[];
  /** When it arrived or was dropped. */
  readonly endedAt: readonly number[];
  readonly size: readonly number[];
  /** 0 for none (a batch's entries start at LSN 1). */
  readonly firstLsn: readonly number[];
  readonly lastLsn: readonly number[];
  /** Each slot's op ids: `opCount` of them from `opStart` in `opIds`. */
  readonly opStart: readonly number[];
  readonly opCount: readonly number[];
  readonly opIds: readonly number[];
}

/** A column of numbers: a typed array the chunk writes, or a saved chunk's array it only reads. */
export type Column = { [index: number]: number; readonly length: number };

/** Items `start` to `end` of a column as an array of exactly that size (one grown by pushes has slack). */
export function numbers(column: Column, start: number, end: number): number[] {
  const out = new Array<number>(end - start);
  for (let k = start; k < end; k++) out[k - start] = column[k] ?? 0;
  return out;
}

export class Chunk {
  /** Slots written. */
  written = 0;
  /** One past the last slot written. */
  top = 0;
  readonly fate: Column;
  readonly sentAt: Column;
  readonly deliverAt: Column;
  readonly endedAt: Column;
  readonly size: Column;
  readonly firstLsn: Column;
  readonly lastLsn: Column;
  readonly opStart: Column;
  readonly opCount: Column;
  /** (Its saved form is made and read in persist/messageLog.ts, as are `savedForm` and `opLength`.) */
  opIds: Column;
  /** Op ids used in `opIds`. */
  opLength = 0;
  readonly kind: (MessageKind | null | undefined)[];
  readonly payload: (MessagePayloadKind | null | undefined)[];
  readonly from: (NodeId | null | undefined)[];
  readonly to: (NodeId | null | undefined)[];
  /** It reads a save's arrays (a frozen chunk restored): it is never written to, nor reused. */
  readonly shared: boolean;
  /** Its saved form once frozen, made when first saved. */
  savedForm: SavedChunk | undefined;
  /** Its written slots' records as objects, each made when first asked for. */
  private objects: (MessageRecord | undefined)[] | undefined;

  /** Slots for ids `first` to `first + capacity - 1` or, with `saved`, a frozen chunk read from a save. */
  constructor(
    public first: number,
    readonly capacity: number,
    saved?: SavedChunk,
  ) {
    this.shared = saved !== undefined;
    if (saved !== undefined) {
      // Frozen: nothing writes to it again, so it reads the save's own arrays.
      this.fate = saved.fate;
      this.sentAt = saved.sentAt;
      this.deliverAt = saved.deliverAt;
      this.endedAt = saved.endedAt;
      this.size = saved.size;
      this.firstLsn = saved.firstLsn;
      this.lastLsn = saved.lastLsn;
      this.opStart = saved.opStart;
      this.opCount = saved.opCount;
      this.opIds = saved.opIds;
      this.opLength = saved.opIds.length;
      this.kind = saved.kind as MessageKind[];
      this.payload = saved.payload as (MessagePayloadKind | null)[];
      this.from = saved.from as NodeId[];
      this.to = saved.to as NodeId[];
      this.written = capacity;
      this.top = capacity;
      this.savedForm = saved;
      return;
    }
    this.fate = new Uint8Array(capacity);
    this.sentAt = new Float64Array(capacity);
    this.deliverAt = new Float64Array(capacity);
    this.endedAt = new Float64Array(capacity);
    this.size = new Float64Array(capacity);
    this.firstLsn = new Float64Array(capacity);
    this.lastLsn = new Float64Array(capacity);
    this.opStart = new Int32Array(capacity);
    this.opCount = new Int32Array(capacity);
    this.opIds = new Float64Array(capacity);
    this.kind = new Array<MessageKind | undefined>(capacity);
    this.payload = new Array<MessagePayloadKind | undefined>(capacity);
    this.from = new Array<NodeId | undefined>(capacity);
    this.to = new Array<NodeId | undefined>(capacity);
  }

  /** Empties it for ids from `first` on (a dropped chunk reused: no new arrays). */
  reset(first: number): void {
    this.first = first;
    this.written = 0;
    this.top = 0;
    this.opLength = 0;
    (this.fate as Uint8Array).fill(EMPTY);
    this.savedForm = undefined;
    this.objects = undefined;
  }

  /** Every slot written: it never changes again. */
  get frozen(): boolean {
    return this.written >= this.capacity;
  }

  /** Writes the record of a message that ended (slot `i`, its id less `first`). */
  write(
    i: number,
    message: Message,
    payload: MessagePayloadKind | undefined,
    at: SimTime,
    fate: number,
  ): void {
    if (this.fate[i] !== EMPTY) return;
    this.fate[i] = fate;
    this.kind[i] = message.kind;
    this.payload[i] = payload;
    this.from[i] = message.from;
    this.to[i] = message.to;
    this.sentAt[i] = message.sentAt;
    this.deliverAt[i] = message.deliverAt;
    this.endedAt[i] = at;
    this.size[i] = message.size;
    this.firstLsn[i] = message.firstLsn ?? 0;
    this.lastLsn[i] = message.lastLsn ?? 0;
    this.opStart[i] = this.opLength;
    this.opCount[i] = 0;
    this.written++;
    if (i >= this.top) this.top = i + 1;
  }

  /** Adds to slot `i`, written last, the op ids of these entries (or this one op id). */
  carry(i: number, entries: readonly { readonly opId: number }[] | number): void {
    const count = typeof entries === 'number' ? 1 : entries.length;
    const end = this.opLength + count;
    if (end > this.opIds.length) {
      const grown = new Float64Array(Math.max(end, this.opIds.length * 2));
      grown.set(this.opIds);
      this.opIds = grown;
    }
    if (typeof entries === 'number') this.opIds[this.opLength] = entries;
    else for (let k = 0; k < count; k++) this.opIds[this.opLength + k] = entries[k]?.opId ?? 0;
    this.opLength = end;
    this.opCount[i] = (this.opCount[i] ?? 0) + count;
  }

  /**
   * Slot `i`'s record as a new object, in the public shape. The commonest, an arrived message carrying
   * entries or nothing, is one literal: fields added one by one would cost each a second allocation.
   */
  record(i: number): LiveRecord {
    const id = this.first + i;
    const kind = this.kind[i] ?? 'ack';
    const from = this.from[i] ?? '';
    const to = this.to[i] ?? '';
    const sentAt = this.sentAt[i] ?? 0;
    const deliverAt = this.deliverAt[i] ?? 0;
    const endedAt = this.endedAt[i] ?? 0;
    const size = this.size[i] ?? 0;
    const firstLsn = this.firstLsn[i] ?? 0;
    const lastLsn = this.lastLsn[i] ?? 0;
    const start = this.opStart[i] ?? 0;
    const end = start + (this.opCount[i] ?? 0);
    const payload = this.payload[i] ?? undefined;
    const reason = FATES[this.fate[i] ?? EMPTY];
    if (reason === 'arrived' && payload === undefined) {
      const arrivedAt = endedAt;
      if (firstLsn > 0 && lastLsn > 0 && end > start) {
        const opIds = numbers(this.opIds, start, end);
        return { id, kind, from, to, sentAt, deliverAt, arrivedAt, size, firstLsn, lastLsn, opIds };
      }
      if (firstLsn === 0 && lastLsn === 0 && end === start)
        return { id, kind, from, to, sentAt, deliverAt, arrivedAt, size };
    }
    const record: LiveRecord = { id, kind, from, to, sentAt, deliverAt, size };
    if (payload !== undefined) record.payload = payload;
    if (reason === 'arrived') record.arrivedAt = endedAt;
    else if (reason !== undefined) {
      record.droppedAt = endedAt;
      record.dropReason = reason;
    }
    if (firstLsn > 0) record.firstLsn = firstLsn;
    if (lastLsn > 0) record.lastLsn = lastLsn;
    if (end > start) record.opIds = numbers(this.opIds, start, end);
    return record;
  }

  /**
   * Adds to `out` its records whose flight overlaps [from, to], in id order. Each is made once, when first
   * asked for, and shared from then on: a written slot never changes.
   */
  collect(from: SimTime, to: SimTime, out: MessageRecord[]): void {
    const objects = (this.objects ??= new Array<MessageRecord | undefined>(this.capacity));
    for (let i = 0; i < this.top; i++) {
      if (this.fate[i] === EMPTY || (this.sentAt[i] ?? 0) > to || (this.endedAt[i] ?? 0) < from) continue;
      out.push((objects[i] ??= this.record(i)));
    }
  }
}
