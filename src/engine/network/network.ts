/**
 * The network: per-link latency with seeded jitter; every message is visible in flight and recorded when
 * it ends (arrives or is dropped); links stay FIFO like TCP.
 */
import { MessageLog, type SavedMessageLog } from '../observe/messages.ts';
import type { Random } from '../random.ts';
import type { Scheduler } from '../scheduler.ts';
import type { Message, MessageDropReason, MessageKind, MessageRecord, NodeId, SimTime } from '../types.ts';

export interface SendOptions<P> {
  readonly from: NodeId;
  readonly to: NodeId;
  readonly kind: MessageKind;
  readonly payload: P;
  /** Time the sender spends putting the message on the wire before it travels. */
  readonly transmitMs?: number;
  /** When it leaves the sender's outbound queue (not before now). */
  readonly departAt?: SimTime;
  /** Periodic traffic (heartbeats) that must not keep `runUntilIdle` going. */
  readonly background?: boolean;
  readonly size?: number;
  readonly firstLsn?: number | undefined;
  readonly lastLsn?: number | undefined;
}

const linkKey = (a: NodeId, b: NodeId): string => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** One direction between two regions: its one-way latency, and its jitter (absent: the default's). */
export interface RegionTiming {
  readonly latencyMs: number;
  readonly jitterMs?: number;
}

/** Time a node takes to answer a connection request, beyond the round trip itself, ms. */
const ANSWER_MARGIN_MS = 100;

export interface SavedNetwork<P = unknown> {
  readonly inFlight: readonly { readonly message: Message; readonly payload: P }[];
  /** The records of messages that ended; null in a save made before they were kept. */
  readonly records: SavedMessageLog | null;
  readonly lastDelivery: readonly (readonly [NodeId, NodeId, SimTime])[];
  readonly latencyOverrides: readonly (readonly [string, number])[];
  readonly sides: readonly (readonly [NodeId, number])[];
  readonly partitioned: boolean;
  readonly droppedPairs: readonly string[];
  readonly dropped: number;
  readonly nextId: number;
  readonly latencyMs: number;
  readonly jitterMs: number;
  readonly random: number;
}

/**
 * A message as one object literal of its final shape (fields in the order the views and saves show):
 * adding the LSN range afterwards would give every batch a second allocation for its properties.
 */
function messageOf(
  id: number,
  from: NodeId,
  to: NodeId,
  kind: MessageKind,
  sentAt: SimTime,
  deliverAt: SimTime,
  size: number,
  firstLsn: number | undefined,
  lastLsn: number | undefined,
): Message {
  if (firstLsn !== undefined && lastLsn !== undefined)
    return { id, from, to, kind, sentAt, deliverAt, size, firstLsn, lastLsn };
  const message: { -readonly [K in keyof Message]: Message[K] } = {
    id,
    from,
    to,
    kind,
    sentAt,
    deliverAt,
    size,
  };
  if (firstLsn !== undefined) message.firstLsn = firstLsn;
  if (lastLsn !== undefined) message.lastLsn = lastLsn;
  return message;
}

/** What the network hands a message to: undefined when a running receiver took it, else why none did. */
export type Deliver<P> = (message: Message, payload: P) => MessageDropReason | undefined;

/** How messages become records: what a payload carries is the caller's to say. */
export interface Recorder<P> {
  /** Records a message that ended at `at` in `log` (`sent`: the newest message id sent so far). */
  ended(
    log: MessageLog,
    message: Message,
    payload: P,
    at: SimTime,
    reason: MessageDropReason | undefined,
    sent: number,
  ): void;
  /** A message in flight as a record. */
  inFlight(message: Message, payload: P): MessageRecord;
}

export class Network<P> {
  // Its state is saved and put back by persist/network.ts (loaded with the rest of save and restore).
  /** Each message in flight with what it carries, by id (one map: a message costs one set and one delete). */
  readonly inFlight = new Map<number, { readonly message: Message; readonly payload: P }>();
  /**
   * The record of a message in flight, made once while it flies (nothing in it changes until it ends):
   * a diagram asks for every frame's window, and thousands of messages may be on the wire.
   */
  private readonly flyingRecords = new WeakMap<object, MessageRecord>();
  /** The records of messages that ended, the newest kept (those in flight are recorded as they end). */
  readonly records = new MessageLog();
  /** Per direction (from → to): when the last message sent on it arrives. */
  readonly lastDelivery = new Map<NodeId, Map<NodeId, SimTime>>();
  readonly latencyOverrides = new Map<string, number>();
  /** Partition side of each node while partitioned; unlisted nodes share side -1. */
  sides = new Map<NodeId, number>();
  partitioned = false;
  /** Directed pairs that lost a message to the cut since the last heal. */
  readonly droppedPairs = new Set<string>();
  dropped = 0;
  nextId = 1;
  /** Messages sent so far. */
  get sent(): number {
    return this.nextId - 1;
  }
  /** Bumped whenever the set of in-flight messages changes. */
  version = 0;
  /**
   * Latency between regions by direction (`from>to`), from the scenario: fixed for the run, so not saved.
   * Empty without regions, and then every link not given its own latency takes the defaults.
   */
  readonly between = new Map<string, RegionTiming>();
  /** Each node's region (the cluster's regions part: nodes join regions as they are added). */
  regionOf: (id: NodeId) => string | undefined = () => undefined;

  constructor(
    private readonly scheduler: Scheduler,
    readonly random: Random,
    public latencyMs: number,
    public jitterMs: number,
    private readonly deliver: Deliver<P>,
    private readonly recorder: Recorder<P>,
  ) {
    scheduler.on('network.deliver', (args) => {
      this.arrive(args[0] as number);
    });
  }

  /** The one-way latency and jitter of every link not given its own latency. */
  defaults(): { readonly latencyMs: number; readonly jitterMs: number } {
    return { latencyMs: this.latencyMs, jitterMs: this.jitterMs };
  }

  /** New defaults for messages sent from now on; those on the wire keep their arrival times. */
  setDefaults(latencyMs: number, jitterMs: number): void {
    this.latencyMs = latencyMs;
    this.jitterMs = jitterMs;
  }

  /** Slows (or speeds) one link, both directions. */
  setLatency(a: NodeId, b: NodeId, ms: number): void {
    this.latencyOverrides.set(linkKey(a, b), ms);
  }

  /** The longest a message can take there and back on the a–b link (latency plus the most jitter, twice). */
  roundTripBound(a: NodeId, b: NodeId): number {
    const there = this.latency(a, b) + this.jitter(a, b);
    return there + (this.latency(b, a) + this.jitter(b, a));
  }

  /**
   * From region `from` to region `to` (either undefined: no regions): the between-latency, a region's own
   * links' latency inside it, or the defaults. A client's request and reply travel this way.
   */
  regionTiming(from: string | undefined, to: string | undefined): { latencyMs: number; jitterMs: number } {
    const link = from === undefined || to === undefined ? undefined : this.between.get(`${from}>${to}`);
    return { latencyMs: link?.latencyMs ?? this.latencyMs, jitterMs: link?.jitterMs ?? this.jitterMs };
  }

  /** The regions' timing for the a → b direction, if a and b are in regions with a latency between them. */
  private regionLink(a: NodeId, b: NodeId): RegionTiming | undefined {
    const from = this.regionOf(a);
    const to = this.regionOf(b);
    return from === undefined || to === undefined ? undefined : this.between.get(`${from}>${to}`);
  }

  /** The most jitter a message from a to b gets: its regions' jitter, else the default. */
  jitter(a: NodeId, b: NodeId): number {
    if (this.between.size === 0) return this.jitterMs;
    return this.regionLink(a, b)?.jitterMs ?? this.jitterMs;
  }

  /**
   * Whether the answer to a request `a` sent to `b` at `sentAt` may still be on the way. A node keeps such
   * an attempt rather than retrying: on a link whose round trip is longer than the retry interval, a retry
   * would supersede every answer, forever.
   */
  awaitingAnswer(a: NodeId, b: NodeId, sentAt: SimTime | undefined): boolean {
    return (
      sentAt !== undefined && this.scheduler.now() - sentAt < this.roundTripBound(a, b) + ANSWER_MARGIN_MS
    );
  }

  /** One-way latency from a to b: the link's own (`setLatency`, the scenario's `links`), else its regions', else the default. */
  latency(a: NodeId, b: NodeId): number {
    if (this.latencyOverrides.size > 0) {
      const own = this.latencyOverrides.get(linkKey(a, b));
      if (own !== undefined) return own;
    }
    if (this.between.size === 0) return this.latencyMs;
    return this.regionLink(a, b)?.latencyMs ?? this.latencyMs;
  }

  latencyOverridesList(): { a: NodeId; b: NodeId; ms: number }[] {
    return [...this.latencyOverrides].map(([key, ms]) => {
      const [a = '', b = ''] = key.split('|');
      return { a, b, ms };
    });
  }

  /** Cuts every link between nodes in different groups; nodes in no group form one more group. */
  partition(groups: readonly (readonly NodeId[])[]): void {
    this.sides = new Map();
    groups.forEach((group, side) => {
      for (const id of group) this.sides.set(id, side);
    });
    this.partitioned = true;
  }

  heal(): void {
    this.sides = new Map();
    this.partitioned = false;
  }

  isCut(a: NodeId, b: NodeId): boolean {
    return this.partitioned && (this.sides.get(a) ?? -1) !== (this.sides.get(b) ?? -1);
  }

  get isPartitioned(): boolean {
    return this.partitioned;
  }

  send(options: SendOptions<P>): Message {
    const now = Math.max(this.scheduler.now(), options.departAt ?? 0);
    const most = this.jitter(options.from, options.to);
    const jitter = most > 0 ? this.random.next() * most : 0;
    // One connection per direction: a later message never overtakes an earlier one (TCP ordering).
    let outbound = this.lastDelivery.get(options.from);
    if (outbound === undefined) {
      outbound = new Map();
      this.lastDelivery.set(options.from, outbound);
    }
    const earliest = outbound.get(options.to) ?? 0;
    const deliverAt = Math.max(
      now + (options.transmitMs ?? 0) + this.latency(options.from, options.to) + jitter,
      earliest,
    );
    outbound.set(options.to, deliverAt);
    const { from, to, kind, size = 1, firstLsn, lastLsn } = options;
    const message = messageOf(this.nextId++, from, to, kind, now, deliverAt, size, firstLsn, lastLsn);
    this.inFlight.set(message.id, { message, payload: options.payload });
    this.version++;
    this.scheduler.schedule(deliverAt, 'network.deliver', [message.id], options.background === true);
    return message;
  }

  /**
   * A message reaches its destination, unless a cut is in the way: then it is lost, in both directions.
   * It is recorded now: arrived if a running receiver took it, else dropped (cut, or the receiver down).
   */
  private arrive(id: number): void {
    const flight = this.inFlight.get(id);
    if (flight === undefined) return;
    const { message, payload } = flight;
    this.inFlight.delete(id);
    this.version++;
    if (this.isCut(message.from, message.to)) {
      this.dropped++;
      // Only a replication stream has a gap to repair; a lost heartbeat is just missed.
      if (message.kind !== 'heartbeat') this.droppedPairs.add(`${message.from}>${message.to}`);
      this.recorder.ended(this.records, message, payload, this.scheduler.now(), 'cut', this.sent);
      return;
    }
    const missed = this.deliver(message, payload);
    this.recorder.ended(this.records, message, payload, this.scheduler.now(), missed, this.sent);
  }

  /** When the last message already sent from `from` to `to` arrives (now, if none is on the wire). */
  drainedAt(from: NodeId, to: NodeId): SimTime {
    return Math.max(this.scheduler.now(), this.lastDelivery.get(from)?.get(to) ?? 0);
  }

  messages(): Message[] {
    return Array.from(this.inFlight.values(), (flight) => flight.message);
  }

  /** The records of every message kept, in flight or ended, whose flight overlaps [from, to], oldest first. */
  messageRecords(from: SimTime, to: SimTime): MessageRecord[] {
    const flying: MessageRecord[] = [];
    for (const flight of this.inFlight.values()) {
      const { message, payload } = flight;
      if (message.sentAt > to || message.deliverAt < from) continue;
      let record = this.flyingRecords.get(flight);
      if (record === undefined) {
        // Shared between calls, so frozen: a caller cannot change what the next one sees.
        record = Object.freeze(this.recorder.inFlight(message, payload));
        if (record.opIds !== undefined) Object.freeze(record.opIds);
        this.flyingRecords.set(flight, record);
      }
      flying.push(record);
    }
    return this.records.all(from, to, flying);
  }

  /** Forgets a node's links (it was removed). Messages already on the wire still arrive and are dropped. */
  forget(nodeId: NodeId): void {
    this.lastDelivery.delete(nodeId);
    for (const outbound of this.lastDelivery.values()) outbound.delete(nodeId);
  }
}
