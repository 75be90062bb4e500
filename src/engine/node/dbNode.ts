/** A database server's data: log, key-value store and positions. Invariant: applied ≤ received ≤ log's last LSN. */
import { createActor, type Actor, type Snapshot } from 'xstate';
import type { ActorClock } from '../scheduler.ts';
import { dict } from '../dict.ts';
import { LoadMeter } from '../observe/load.ts';
import type { LogEntry, Lsn, NodeId, Role, SimTime, VersionVector } from '../types.ts';
import { Log } from './log.ts';
import { nodeMachine, stateName, type NodeStateName } from './nodeMachine.ts';

/**
 * The version of a key a read returns: the log entry that wrote it (shared, never copied). In a
 * multi-primary group it carries its origin, version vector and, with `siblings`, every concurrent value.
 */
export type Version = Pick<LogEntry, 'value' | 'lsn' | 'opId'> &
  Partial<Pick<LogEntry, 'origin' | 'committedAt' | 'originSeq' | 'vv' | 'siblings'>>;

/** A subscription to a peer's own writes (a logical replication apply worker). */
export interface PeerSubscription {
  readonly connId: number;
  /** When its hello left. */
  readonly since: SimTime;
  streaming: boolean;
}

/** The publishing side of a peer's subscription (a walsender decoding this node's own writes). */
export interface PeerLink {
  readonly connId: number;
  /** This node's own write counter last sent. */
  sentSeq: number;
}

/** A write-set this node has certified and not yet applied (or its own, waiting for votes). */
export interface Certification {
  readonly certId: number;
  readonly origin: NodeId;
  readonly key: string;
  readonly value: string;
  /** Its place in the group's total order: when it asked, then the origin's id. */
  readonly order: SimTime;
  /** What its origin held of the key when it wrote (the write-set's conflict window starts there). */
  readonly baseVv: VersionVector;
  /** Its dot once its origin committed it. */
  originSeq?: number;
}

/** Where one timeline of this node's history ended (PostgreSQL's timeline history file). */
export interface TimelineBranch {
  readonly timeline: number;
  readonly branchLsn: Lsn;
}

/** The upstream's side of one replication connection (a walsender). */
export interface DownstreamLink {
  readonly replicaId: NodeId;
  readonly connId: number;
  /** Last LSN sent on this connection (`sent_lsn`). */
  sentLsn: Lsn;
  /** Positions the replica last reported (`write_lsn`, `flush_lsn`, `replay_lsn`). */
  writtenLsn: Lsn;
  receivedLsn: Lsn;
  appliedLsn: Lsn;
  /**
   * `pg_stat_replication.state`: false while `catchup` (a copy or a backlog still to send), true once
   * the walsender has sent everything it had (`streaming`). Only a streaming standby can be a
   * synchronous one: PostgreSQL picks sync standbys among walsenders in the streaming state.
   */
  streaming: boolean;
}

export class DbNode {
  readonly actor: Actor<typeof nodeMachine>;
  /** Unique among every node object the cluster made (see `nodeFor`). */
  readonly uid: number;
  /** The clock its machine's timers run on (its pending timers are saved with it). */
  readonly clock: ActorClock;
  state: NodeStateName = 'booting';
  upstream: NodeId | undefined;
  sync: boolean;
  applyRate: number;
  /** Replays an entry no sooner than this long after its commit (a delayed replica). */
  applyDelayMs: number;
  timeline = 1;
  history: TimelineBranch[] = [];
  log: Log;
  receivedLsn: Lsn;
  appliedLsn: Lsn;
  readonly data = new Map<string, Version>();
  dataVersion = 0;
  /** The connection this replica streams on; messages from any other are stale. */
  connId: number | undefined;
  /** When the replica sent its current connection attempt (its hello). */
  connectingSince: SimTime | undefined;
  /** Bumped to cancel work in progress (apply, flush) when the node dies or is reset. */
  generation = 0;
  applying = false;
  flushScheduled = false;
  /** Its history left its upstream's and nothing rewinds it automatically (no use_pg_rewind). */
  needsRewind = false;
  /** An operator asked for a rewind: the next connection copies what changed (pg_rewind). */
  rewindRequested = false;
  /** Sender side: open connections to downstream replicas. */
  readonly links = new Map<NodeId, DownstreamLink>();
  senderBusyUntil: SimTime = 0;
  pumpScheduled = false;
  roundRobin = 0;
  readonly load = new LoadMeter();
  /** When it last went down (for a failover's recovery time). */
  downSince: SimTime | undefined;
  /** A primary with fencing writes only until this time unless the manager renews its lease. */
  leaseUntil: SimTime = 0;
  /** Throttles for status replies and "applied" events under load. */
  nextAckAt: SimTime = 0;
  ackScheduled = false;
  reportedAppliedLsn: Lsn = 0;
  nextAppliedReportAt: SimTime = 0;
  appliedReportScheduled = false;
  /** Multi-primary: writes this node originated so far (its replication origin's position); durable. */
  originSeq = 0;
  /** Its own writes, oldest first, kept until every peer applied them (a logical replication slot). */
  outbox: LogEntry[] = [];
  /** Per peer: the last of that peer's own writes applied here (`pg_replication_origin_status`); durable. */
  readonly peerProgress = new Map<NodeId, number>();
  /** Per peer: what it confirmed applying of this node's writes (the slot's `confirmed_flush_lsn`); durable. */
  readonly peerConfirmed = new Map<NodeId, number>();
  readonly subscriptions = new Map<NodeId, PeerSubscription>();
  readonly peerLinks = new Map<NodeId, PeerLink>();
  /** Sync groups: write-sets certified here and not yet applied, by key. */
  readonly certified = new Map<string, Certification[]>();
  /** Sync groups: its own write-sets that aborted, repeated to peers that reconnect; durable. */
  readonly abortedCerts: number[] = [];
  /** Sync groups: it reaches a majority of its group (Galera's Primary Component). */
  quorum = true;

  constructor(
    readonly id: NodeId,
    role: Role,
    options: {
      upstream?: NodeId;
      sync: boolean;
      applyRate: number;
      applyDelayMs: number;
      retryMs: number;
      clock: ActorClock;
      uid: number;
      after?: Lsn;
      /** A saved machine snapshot to continue from (a restore). */
      snapshot?: unknown;
    },
  ) {
    this.uid = options.uid;
    this.clock = options.clock;
    this.upstream = options.upstream;
    this.sync = options.sync;
    this.applyRate = options.applyRate;
    this.applyDelayMs = options.applyDelayMs;
    const after = options.after ?? 0;
    this.log = new Log(after);
    this.receivedLsn = after;
    this.appliedLsn = after;
    this.reportedAppliedLsn = after;
    this.actor = createActor(nodeMachine, {
      input: { id, role, retryMs: options.retryMs },
      clock: options.clock,
      ...(options.snapshot === undefined ? {} : { snapshot: options.snapshot as Snapshot<unknown> }),
    });
  }

  /** Last position written to the log, flushed or not (PostgreSQL `write_lsn`). */
  get writtenLsn(): Lsn {
    return this.log.lastLsn;
  }

  get role(): Role {
    return this.actor.getSnapshot().context.role;
  }

  get isUp(): boolean {
    return this.state !== 'down';
  }

  get isPrimary(): boolean {
    return this.role === 'primary';
  }

  /** A primary that lost its leader lease and turned read-only. */
  get isFenced(): boolean {
    return this.state === 'primary.fenced';
  }

  syncState(): void {
    this.state = stateName(this.actor.getSnapshot().value);
  }

  /** Applies entries in order to the key-value store. */
  applyEntries(entries: readonly LogEntry[]): void {
    for (const entry of entries) this.data.set(entry.key, entry);
    const last = entries[entries.length - 1];
    if (last !== undefined) this.appliedLsn = last.lsn;
    this.dataVersion++;
  }

  /** Replays its own log from `from` to `to` (replay on a replica, without copying the range). */
  replay(from: Lsn, to: Lsn): void {
    for (let lsn = from; lsn <= to; lsn++) {
      const entry = this.log.get(lsn);
      if (entry === undefined) continue;
      this.data.set(entry.key, entry);
      this.appliedLsn = lsn;
    }
    this.dataVersion++;
  }

  /** Replaces everything with a copy taken elsewhere (a base backup or a rewind's copied blocks). */
  restore(
    data: ReadonlyMap<string, Version>,
    lsn: Lsn,
    timeline: number,
    history: readonly TimelineBranch[],
  ): void {
    this.data.clear();
    for (const [key, version] of data) this.data.set(key, version);
    this.dataVersion++;
    this.log = new Log(lsn);
    this.receivedLsn = lsn;
    this.appliedLsn = lsn;
    this.reportedAppliedLsn = lsn;
    this.timeline = timeline;
    this.history = [...history];
    this.generation++;
    this.applying = false;
    this.flushScheduled = false;
  }

  /** The LSN where `timeline` ended in this node's history, if it is an ancestor of the current one. */
  branchPointOf(timeline: number): Lsn | undefined {
    return this.history.find((h) => h.timeline === timeline)?.branchLsn;
  }

  /** What a read returns for each key, as a prototype-free record. */
  dataRecord(): Record<string, string> {
    const out = dict<string>();
    for (const [key, version] of this.data) out[key] = version.value;
    return out;
  }
}
