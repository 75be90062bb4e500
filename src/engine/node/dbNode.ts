/** A database server's data: log, key-value store and positions. Invariant: applied ≤ received ≤ log's last LSN. */
import { createActor, type Actor, type Snapshot } from 'xstate';
import type { ActorClock } from '../scheduler.ts';
import { dict } from '../dict.ts';
import { LoadMeter } from '../observe/load.ts';
import type { LogEntry, Lsn, NodeId, Role, SimTime } from '../types.ts';
import { Log } from './log.ts';
import { SenderState } from '../replication/senderState.ts';
import { ReceiverState } from '../replication/receiverState.ts';
import { LogicalState } from '../multiprimary/logicalState.ts';
import { CertificationState } from '../multiprimary/certificationState.ts';
import { nodeMachine, stateName, type NodeStateName } from './nodeMachine.ts';

/**
 * The version of a key a read returns: the log entry that wrote it (shared, never copied). In a
 * multi-primary group it carries its origin, version vector and, with `siblings`, every concurrent value.
 */
export type Version = Pick<LogEntry, 'value' | 'lsn' | 'opId'> &
  Partial<Pick<LogEntry, 'origin' | 'committedAt' | 'originSeq' | 'vv' | 'siblings'>>;

/** Where one timeline of this node's history ended (PostgreSQL's timeline history file). */
export interface TimelineBranch {
  readonly timeline: number;
  readonly branchLsn: Lsn;
}

export type { DownstreamLink } from '../replication/senderState.ts';
export type { PeerLink, PeerSubscription } from '../multiprimary/logicalState.ts';
export type { Certification } from '../multiprimary/certificationState.ts';

/**
 * One database server. Its own fields are what every subsystem reads (role, positions, log, data); each
 * subsystem's working state is a part of its own (`sender`, `receiver`, `logical`, `certification`) that
 * knows what a crash loses, so `crash()` cannot forget a field.
 */
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
  /** Bumped to cancel work in progress (apply, flush) when the node dies or is reset. */
  generation = 0;
  /** Its history left its upstream's and nothing rewinds it automatically (no use_pg_rewind). */
  needsRewind = false;
  /** An operator asked for a rewind: the next connection copies what changed (pg_rewind). */
  rewindRequested = false;
  readonly load = new LoadMeter();
  /** When it last went down (for a failover's recovery time). */
  downSince: SimTime | undefined;
  /** A primary with fencing writes only until this time unless the manager renews its lease. */
  leaseUntil: SimTime = 0;
  /** Physical replication, sending side (walsenders). */
  readonly sender = new SenderState();
  /** Physical replication, receiving side (walreceiver, replay). */
  readonly receiver: ReceiverState;
  /** Multi-primary: logical replication to and from its peers. */
  readonly logical = new LogicalState();
  /** Synchronous multi-primary groups: certification. */
  readonly certification = new CertificationState();

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
    this.receiver = new ReceiverState(after);
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
    this.receiver.reportedAppliedLsn = lsn;
    this.timeline = timeline;
    this.history = [...history];
    this.generation++;
    this.receiver.stopWork();
  }

  /** It went down: work in progress is cancelled and every part drops what a crash loses. */
  crash(now: SimTime): void {
    this.generation++;
    this.downSince = now;
    this.sender.crash();
    this.receiver.crash();
    this.logical.crash();
    this.certification.crash();
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
