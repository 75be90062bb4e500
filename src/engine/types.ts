/** Public types of the engine: what the store, the view and outside users read. */
import type { CommandName } from './api.ts';
import type { NodeStateName } from './node/nodeMachine.ts';
import type { SyncState } from './replication/standbyNames.ts';
import type { ReplicationMode } from './scenario/schema.ts';

/** A node's id, as the scenario names it ("db1"). */
export type NodeId = string;
/** A region's id, as the scenario names it ("eu-west"). */
export type RegionId = string;
/** A log sequence number: the position of an entry in a node's log (PostgreSQL's LSN). */
export type Lsn = number;
/** Simulated milliseconds since the simulation started. Never wall time. */
export type SimTime = number;

export type Role = 'primary' | 'replica';
export type NodeStatus = 'up' | 'down';
export type { ReplicationMode } from './scenario/schema.ts';
/** What a replica's confirmation means: PostgreSQL `synchronous_commit = on` vs `remote_apply`. */
export type AckOn = 'written' | 'received' | 'applied';
export type ReadRouting = 'primary' | 'replicas' | 'any';
export type { SyncState, SyncStandbyList } from './replication/standbyNames.ts';
export type { NodeStateName } from './node/nodeMachine.ts';

/**
 * How a multi-primary group settles concurrent writes to one key: `lww` keeps the later origin commit
 * timestamp, ties to the higher node id (PGD `update_if_newer`, Cassandra); `siblings` keeps every
 * concurrent version for the reader to resolve (Riak `allow_mult`); `none` settles nothing (MariaDB
 * source-source): each node applies writes in arrival order, so concurrent updates leave the nodes
 * diverged, and a replicated insert of a key the node holds stops its applier (error 1062). Sync groups
 * certify instead (first committer wins, Galera, Group Replication). Room is left for merge functions.
 */
export type ConflictResolution = 'lww' | 'siblings' | 'none';

/**
 * A multi-primary member's applier (MariaDB's SQL thread for one source) stopped by an event it could not
 * apply: it applies nothing more from `source` until `skipEvent` or `resync`.
 */
export interface ApplierStop {
  readonly source: NodeId;
  /** The key of the event that failed. */
  readonly key: string;
  /** `Last_SQL_Errno` (1062: duplicate key). */
  readonly errno: number;
  /** `Last_SQL_Error`, in the server's words. */
  readonly error: string;
  /** The failing event's place in its source's own writes. */
  readonly originSeq: number;
  readonly at: SimTime;
}

/**
 * One setting `configure` changed: its path in the scenario ("replication.mode"), and its values (null
 * where the setting is unset: `failover.maxLagOnFailover` without a limit).
 */
export interface SettingChange {
  readonly setting: string;
  readonly from: string | number | boolean | null;
  readonly to: string | number | boolean | null;
}

/** Per-origin counters: version `a` has seen version `b` when every counter of `b` is ≤ `a`'s. */
export type VersionVector = Readonly<Record<NodeId, number>>;

/** One committed write in a log. Entries are immutable and shared between nodes' logs. */
export interface LogEntry {
  readonly lsn: Lsn;
  /** The timeline (epoch) the entry was written on. */
  readonly timeline: number;
  readonly origin: NodeId;
  /** When the origin committed it: the base of `replay_lag`. */
  readonly committedAt: SimTime;
  readonly key: string;
  readonly value: string;
  /** The client operation that wrote it. */
  readonly opId: number;
  /** Multi-primary: the origin's own write counter (its replication origin position), and the version vector. */
  readonly originSeq?: number;
  readonly vv?: VersionVector;
  /** Multi-primary with `siblings`: every concurrent version this entry leaves the key holding. */
  readonly siblings?: readonly SiblingVersion[];
  /** Written as an insert (`write(..., { insert: true })`): its apply fails where the key exists. */
  readonly insert?: true;
}

/** One of several concurrent versions of a key (Riak's siblings). */
export interface SiblingVersion {
  readonly value: string;
  readonly origin: NodeId;
  readonly committedAt: SimTime;
  readonly opId: number;
  /** Its dot: the origin's write counter when it was written. */
  readonly originSeq: number;
  readonly vv: VersionVector;
}

/** One version of a key as a conflict record shows it. */
export interface ConflictVersion {
  readonly value: string;
  readonly origin: NodeId;
  /** The origin's commit timestamp, which LWW compares. */
  readonly originTime: SimTime;
  readonly vv: VersionVector;
  /** The client write that produced it. */
  readonly opId: number;
}

export type ConflictStrategy = ConflictResolution | 'certification';

/** Concurrent writes to one key, and how the group settled them. */
export interface ConflictRecord {
  readonly id: number;
  readonly key: string;
  /** When it was first detected. */
  readonly at: SimTime;
  /** The nodes involved: the versions' origins and the nodes that detected it. */
  readonly nodeIds: readonly NodeId[];
  /** Where it was detected (every node that met both versions). */
  readonly detectedOn: readonly NodeId[];
  readonly versions: readonly ConflictVersion[];
  /** The version kept (LWW, certification); null when siblings were kept. */
  readonly winner: ConflictVersion | null;
  /** The versions kept side by side (siblings); empty otherwise. */
  readonly siblings: readonly ConflictVersion[];
  readonly strategy: ConflictStrategy;
  /** Siblings merged by a later write or `resolve()`. */
  readonly resolvedAt: SimTime | null;
}

export type OperationKind = 'write' | 'read';
export type OperationStatus = 'pending' | 'ok' | 'failed';

/** The record of one client operation, from invocation to outcome. */
/** Where a write has arrived on one node (`Simulation.writeReach`). */
export interface WriteReach {
  readonly nodeId: NodeId;
  /** `applied`: readable there; `received`: in its log, not yet replayed; `missing`: not there (yet, or ever). */
  readonly state: 'applied' | 'received' | 'missing';
}

export interface OperationRecord {
  readonly id: number;
  readonly kind: OperationKind;
  readonly nodeId: NodeId;
  readonly key: string;
  /** For a write, the value written; for a read, the value it returned (absent: no such key). */
  readonly value?: string;
  readonly status: OperationStatus;
  readonly error?: string;
  /** When the client sent it. */
  readonly startedAt: SimTime;
  /** When the client heard the outcome: the node's answer, plus `replyMs` for a client in a region. */
  readonly endedAt?: SimTime;
  /** A client in a region (`ClientOptions.region`): where it is, and the one-way legs of its round trip, ms. */
  readonly clientRegion?: RegionId;
  /** The request reaches the node at `startedAt + requestMs`. */
  readonly requestMs?: number;
  /** The answer reaches the client `replyMs` after the node gave it. */
  readonly replyMs?: number;
  /** A write that was acknowledged and then lost in a failover. */
  readonly lost?: boolean;
  /** Why it was lost, in words. */
  readonly lostReason?: string;
  /** A read that returned something other than the latest write acknowledged before it began. */
  readonly stale?: boolean;
  /** For a stale read, the value it should have returned. */
  readonly expected?: string;
  /** For a write: the log position and timeline it committed at. */
  readonly lsn?: Lsn;
  readonly timeline?: number;
  /** Whether the write waited for synchronous confirmation. */
  readonly waitedForSync?: boolean;
  /** The client session it belongs to, for read-your-writes and monotonic-read checks. */
  readonly session?: string;
  /** The write's own commit level, when it overrides the scenario's. */
  readonly synchronousCommit?: SynchronousCommit;
  /** A write made as an insert (`ClientOptions.insert`). */
  readonly insert?: boolean;
  /** A warning that came with success (a cancelled synchronous wait). */
  readonly warning?: string;
  /** A read of a key holding concurrent versions: every sibling value (sorted); `value` joins them. */
  readonly siblings?: readonly string[];
  /** An acknowledged write that a concurrent one overwrote (LWW): the conflict's id. */
  readonly overwrittenByConflict?: number;
  /** A multi-primary write: its dot (origin counter), for causality checks. */
  readonly originSeq?: number;
}

/**
 * A write's commit level, PostgreSQL's `synchronous_commit` set for one transaction: `local` waits
 * for the local flush only; `remote_write` for synchronous standbys to write it (`ackOn: 'written'`); `on` for synchronous standbys to flush (`ackOn: 'received'`);
 * `remote_apply` for them to replay it (`ackOn: 'applied'`).
 */
export type SynchronousCommit = 'local' | 'remote_write' | 'on' | 'remote_apply';

/** Options of a client operation. */
export interface ClientOptions {
  /** A client session: its reads should see its own writes and never go back in time. */
  readonly session?: string;
  /** For a write: its commit level (`SET LOCAL synchronous_commit`); default from the scenario. */
  readonly synchronousCommit?: SynchronousCommit;
  /**
   * The region the client is in: its request and the answer each cross the network between its region and
   * the node's. Absent: a client beside the node (no latency).
   */
  readonly region?: RegionId;
  /**
   * For a write: an INSERT rather than an update. It fails on a node that already holds the key (MariaDB's
   * `ERROR 1062 (23000): Duplicate entry 'k' for key 'PRIMARY'`); with `conflictResolution: 'none'`, its
   * replicated event stops the applier of a member that holds the key.
   */
  readonly insert?: boolean;
}

/** A read-only view of one node, for rendering and tests. */
export interface NodeView {
  readonly id: NodeId;
  /** What people call it (`renameNode`, the scenario's `label`); absent: its id. */
  readonly label?: string;
  /** The region it runs in; absent without regions. */
  readonly region?: RegionId;
  readonly role: Role;
  readonly status: NodeStatus;
  readonly upstream?: NodeId;
  readonly downstream: readonly NodeId[];
  /** Participates in synchronous commit (direct replicas of the primary only): `syncState` is sync or quorum. */
  readonly sync: boolean;
  /** PostgreSQL's `sync_state` as the upstream primary sees it (`async` under a replica or in async mode). */
  readonly syncState: SyncState;
  readonly timeline: number;
  /** Last position written to its log, flushed or not (PostgreSQL `write_lsn`). */
  readonly writtenLsn: Lsn;
  /** Last position written and flushed (PostgreSQL `flush_lsn`). */
  readonly receivedLsn: Lsn;
  /** Last position replayed: visible to reads (PostgreSQL `replay_lsn`). */
  readonly appliedLsn: Lsn;
  /** For a primary: the last position it committed. */
  readonly lastLsn: Lsn;
  /** Behind the primary: entries not yet applied, and ms since the oldest of them committed. */
  readonly lag: { readonly entries: number; readonly ms: number };
  /** What a read here returns for each key. */
  readonly data: Readonly<Record<string, string>>;
  /** Its history diverged from its upstream's and it waits for `rewind()` (no automatic pg_rewind). */
  readonly needsRewind: boolean;
  /** The node machine's current state, dotted: "replica.streaming", "primary.serving", "down". */
  readonly state: NodeStateName;
  /** Client operations served per simulated second (reads and writes). */
  readonly load: number;
  /** Entries per second this node applies (its apply rate). */
  readonly applyRate: number;
  /** A delayed replica's replay delay (`recovery_min_apply_delay`), ms; 0 for none. */
  readonly applyDelayMs: number;
  /** The tail of the node's log (newest last), for inspection. */
  readonly logTail: readonly LogEntry[];
  /** The other primaries of its multi-primary group (empty outside one). */
  readonly peers: readonly NodeId[];
  /** Multi-primary: each key's version vector (what the stored version has seen); empty elsewhere. */
  readonly vectors: Readonly<Record<string, VersionVector>>;
  /** Keys holding concurrent versions (siblings), with every sibling value. */
  readonly siblings: Readonly<Record<string, readonly string[]>>;
  /** A multi-primary node cut off from the majority of its group refuses writes (Galera non-Primary). */
  readonly quorum: boolean;
  /** How many times slower its disk is than normal (`slowDisk`); 1 for a healthy disk. */
  readonly diskFactor: number;
  /** Multi-primary: its appliers stopped by an event they could not apply, by source (empty when all run). */
  readonly stoppedAppliers: readonly ApplierStop[];
}

/**
 * What a message is, as the graph's legend draws it: a batch of log entries, an acknowledgement, a hello
 * (a replica asking to stream), a snapshot copy, a heartbeat to the failover manager, and in a sync group
 * a certification request (Galera's write-set, sent to every member to certify).
 */
export type MessageKind = 'entries' | 'ack' | 'hello' | 'snapshot' | 'heartbeat' | 'certify';

/** A message on the wire. Every in-flight message is visible with its times. */
export interface Message {
  readonly id: number;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly kind: MessageKind;
  readonly sentAt: SimTime;
  readonly deliverAt: SimTime;
  /** Entries carried (a batch's size), or keys in a snapshot. */
  readonly size: number;
  /** For an entries batch: the first and last LSN it carries. */
  readonly firstLsn?: Lsn;
  readonly lastLsn?: Lsn;
}

/**
 * What a multi-primary message carries, where its `kind` (the graph legend's) does not say it all: a
 * subscription (`peer-hello`), a peer's own writes (`peer-entries`) and their confirmation (`peer-ack`),
 * and in a sync group a write-set to certify (`certify`, its own kind), a member's vote (`vote`) and its
 * origin's decision (`decided`), both drawn as acks.
 */
export type MessagePayloadKind = 'peer-hello' | 'peer-entries' | 'peer-ack' | 'certify' | 'vote' | 'decided';

/**
 * Why a message never reached a running receiver: the link was cut when it arrived (`cut`), or its
 * receiver was down (`down`) or removed (`removed`) by then.
 */
export type MessageDropReason = 'cut' | 'down' | 'removed';

/**
 * One message from its send to its end, for the space-time diagram (`Simulation.messages()`). A message
 * still in flight has neither `arrivedAt` nor `droppedAt`; one that ended has exactly one of them, equal
 * to its `deliverAt` (the network decides a message's fate when it is due, see `droppedAt`).
 */
export interface MessageRecord {
  /** The network's message id: the in-flight `Message` with this id is the same message. */
  readonly id: number;
  readonly kind: MessageKind;
  /** Multi-primary traffic: the payload's own kind, absent where `kind` says it all. */
  readonly payload?: MessagePayloadKind;
  readonly from: NodeId;
  readonly to: NodeId;
  /** When it left the sender (after any queue behind the sender's earlier batches), as `Message.sentAt`. */
  readonly sentAt: SimTime;
  /** When it is (or was) due at the receiver, as `Message.deliverAt`. */
  readonly deliverAt: SimTime;
  /** Delivered to a running receiver (which may still ignore it, as it ignores a stale connection's). */
  readonly arrivedAt?: SimTime;
  /**
   * Lost: the network checks a message when it is due, so a message crossing a cut link then is dropped at
   * that instant (one sent during a partition that heals first arrives), and one due at a receiver that
   * is down or removed by then is dropped at its arrival too, as packets to a dead host are.
   */
  readonly droppedAt?: SimTime;
  readonly dropReason?: MessageDropReason;
  /** Entries carried (a batch's size), or keys in a snapshot; 1 for anything else. */
  readonly size: number;
  /** For an entries batch: the first and last LSN it carries (in its sender's log). */
  readonly firstLsn?: Lsn;
  readonly lastLsn?: Lsn;
  /**
   * The client writes it carries: the entries of a batch (own or a peer's), or the write a `certify`
   * request asks about. Absent when it carries none (acks, hellos, heartbeats, an empty batch, a snapshot
   * copy, which carries data rather than operations).
   */
  readonly opIds?: readonly number[];
}

/** A span of simulated time: `messages({ from, to })` returns the records whose flight overlaps it. */
export interface MessageWindow {
  readonly from?: SimTime;
  readonly to?: SimTime;
}

export interface LinkView {
  readonly from: NodeId;
  readonly to: NodeId;
  /** A direct replica of the primary that counts toward synchronous commit. */
  readonly sync: boolean;
  /** The upstream has an open replication connection to the downstream. */
  readonly connected: boolean;
  /** A partition cuts this link. */
  readonly cut: boolean;
  /** One-way latency of this link, ms. */
  readonly latencyMs: number;
  /** A link between two primaries of a multi-primary group (both directions replicate). */
  readonly peer: boolean;
}

/** A region as the snapshot shows it. */
export interface RegionView {
  readonly id: RegionId;
  readonly name: string;
  /** Its nodes now, in the cluster's order. */
  readonly nodes: readonly NodeId[];
  /** One-way latency and jitter of a link inside it (the network's defaults, or its own `between` entry), ms. */
  readonly latencyMs: number;
  readonly jitterMs: number;
}

/** One direction between two regions. */
export interface RegionLinkView {
  readonly from: RegionId;
  readonly to: RegionId;
  readonly latencyMs: number;
  readonly jitterMs: number;
  /** A partition cuts every link between their nodes (false when either has none). */
  readonly cut: boolean;
}

export interface Metrics {
  readonly writes: number;
  readonly reads: number;
  readonly failedWrites: number;
  readonly failedReads: number;
  readonly lostWrites: number;
  readonly staleReads: number;
  /**
   * Writes waiting right now for synchronous confirmation, and a certifying group's writes held by a dead
   * member still in its view (a certification round trip alone does not count).
   */
  readonly blockedWrites: number;
  /** Conflicts between concurrent writes (multi-primary), certification failures included. */
  readonly conflicts: number;
  /** Acknowledged writes a concurrent write overwrote (LWW): acknowledged, then silently gone. */
  readonly overwrittenWrites: number;
  /** Acknowledged-write latency over the recent window, in simulated ms. */
  readonly writeLatency: { readonly p50: number; readonly p99: number };
  /** True while no primary is up: every write fails read-only. */
  readonly readOnly: boolean;
  /** The primary fell back to asynchronous commit after `syncTimeoutMs` (MySQL semi-sync). */
  readonly syncDegraded: boolean;
  /** Two primaries on different timelines accept writes right now. */
  readonly splitBrain: boolean;
  /** Failovers so far (automatic and manual promotions). */
  readonly failovers: number;
  /** The latest failover with its recovery time and recovery point, if any. */
  readonly lastFailover: FailoverRecord | null;
}

export type FailoverTrigger = 'manual' | 'automatic';

/** One failover, measured: recovery time (RTO) and recovery point (RPO, the acknowledged writes lost). */
export interface FailoverRecord {
  readonly id: number;
  readonly trigger: FailoverTrigger;
  readonly oldPrimary: NodeId;
  readonly newPrimary: NodeId;
  /** When the old primary failed: went down, was cut off from the manager, or its last heartbeat. */
  readonly failedAt: SimTime;
  /** The last heartbeat the manager heard from the old primary (automatic failovers). */
  readonly lastHeartbeatAt: SimTime | null;
  /** When the manager gave up on the old primary (for a manual promotion, the promotion itself). */
  readonly detectedAt: SimTime;
  readonly promotedAt: SimTime;
  /** When the new primary acknowledged its first write, and the recovery time from `failedAt` to it. */
  readonly firstWriteAt: SimTime | null;
  readonly rtoMs: number | null;
  /** Acknowledged writes lost by this failover (the unreplicated tail, and split-brain writes). */
  readonly lostWrites: number;
  readonly lostOpIds: readonly number[];
  /** When the lost writes were acknowledged: the recovery point as a time window. */
  readonly lostWindow: { readonly from: SimTime; readonly to: SimTime } | null;
  /** The old primary kept accepting writes after the promotion (no fencing). */
  readonly splitBrain: boolean;
}

export type FailoverState = 'watching' | 'suspecting' | 'electing' | 'promoting' | 'reconfiguring' | 'paused';

/**
 * The failover manager as the snapshot shows it (Patroni with its consensus store). Once started it stays:
 * with `failover.mode` set back to manual it is `paused` (Patroni's maintenance mode) and mode says manual.
 */
export interface FailoverView {
  readonly mode: 'manual' | 'automatic';
  readonly state: FailoverState;
  readonly fencing: boolean;
  readonly heartbeatMs: number;
  readonly timeoutMs: number;
  readonly maxLagOnFailover?: number;
  /** The primary holding the leader lock. */
  readonly leader?: NodeId;
  /** The node the manager is co-located with: heartbeats travel to it (on the majority side). */
  readonly location?: NodeId;
  readonly lastHeartbeatAt: SimTime;
  /** The replica being promoted. */
  readonly candidate?: NodeId;
}

export type AnomalyKind =
  'lost-write' | 'stale-read' | 'read-your-writes' | 'monotonic-read' | 'divergence' | 'split-brain';

/** Something the consistency checker found in the history, explained in one sentence. */
export interface Anomaly {
  readonly kind: AnomalyKind;
  readonly opIds: readonly number[];
  readonly nodeIds: readonly NodeId[];
  readonly at: SimTime;
  readonly explanation: string;
}

export interface Backup {
  readonly id: string;
  readonly nodeId: NodeId;
  readonly lsn: Lsn;
  readonly timeline: number;
  readonly takenAt: SimTime;
  readonly data: Readonly<Record<string, string>>;
}

/** Everything the engine says happened, in order. `at` is simulated time. */
export type EngineEvent = { readonly seq: number; readonly at: SimTime } & EngineEventBody;

export type EngineEventBody =
  | { type: 'write-committed'; nodeId: NodeId; opId: number; key: string; value: string; lsn: Lsn }
  | { type: 'write-acknowledged'; nodeId: NodeId; opId: number; latencyMs: number }
  | { type: 'write-blocked'; nodeId: NodeId; opId: number; waitingFor: number }
  | { type: 'write-failed'; nodeId: NodeId; opId: number; error: string }
  | { type: 'read'; nodeId: NodeId; opId: number; key: string; value?: string; stale: boolean }
  | { type: 'entries-applied'; nodeId: NodeId; fromLsn: Lsn; toLsn: Lsn; lagMs: number }
  | { type: 'node-down'; nodeId: NodeId }
  | { type: 'node-up'; nodeId: NodeId }
  | { type: 'read-only'; reason: string }
  /** `besides`: a deposed MariaDB primary came back writable while that node is the primary (split brain). */
  | { type: 'writable'; nodeId: NodeId; besides?: NodeId }
  | { type: 'promoted'; nodeId: NodeId; timeline: number; branchLsn: Lsn; previous?: NodeId }
  | { type: 'demoted'; nodeId: NodeId; newPrimary: NodeId }
  | { type: 'writes-lost'; nodeId: NodeId; opIds: readonly number[]; reason: string }
  | { type: 'repointed'; nodeId: NodeId; upstream: NodeId }
  | { type: 'catching-up'; nodeId: NodeId; fromLsn: Lsn; toLsn: Lsn }
  | { type: 'streaming'; nodeId: NodeId }
  | { type: 'resync-started'; nodeId: NodeId; from: NodeId; reason: 'retention' | 'rewind' | 'new-node' }
  | { type: 'resync-completed'; nodeId: NodeId; lsn: Lsn }
  | { type: 'rewound'; nodeId: NodeId; discardedFrom: Lsn; discardedTo: Lsn; timeline: number }
  | { type: 'sync-degraded'; nodeId: NodeId; afterMs: number }
  | { type: 'sync-restored'; nodeId: NodeId; by: NodeId }
  | { type: 'backup-taken'; backupId: string; nodeId: NodeId; lsn: Lsn }
  | { type: 'node-added'; nodeId: NodeId; role: Role; fromBackup?: string }
  | { type: 'node-removed'; nodeId: NodeId }
  | { type: 'workload'; running: boolean }
  /** The workload runs `factor` times as fast for `durationMs` (a burst). */
  | { type: 'workload-burst'; factor: number; durationMs: number }
  /** A node's label changed (its id stays); `label` is its id again when the label was removed. */
  | { type: 'node-renamed'; nodeId: NodeId; label: string }
  | { type: 'partitioned'; groups: readonly (readonly NodeId[])[] }
  | { type: 'healed' }
  | { type: 'rewind-needed'; nodeId: NodeId; from: NodeId; timeline: number }
  | { type: 'latency-changed'; a: NodeId; b: NodeId; ms: number }
  /** `configure` changed these settings (only the ones whose value changed), as the scenario spells them. */
  | { type: 'configured'; changes: readonly SettingChange[] }
  | { type: 'disk-slowed'; nodeId: NodeId; factor: number }
  | { type: 'disk-fixed'; nodeId: NodeId }
  | { type: 'primary-suspected'; nodeId: NodeId; silentMs: number }
  | { type: 'failover-started'; nodeId: NodeId; silentMs: number }
  | { type: 'failover-no-candidate'; nodeId: NodeId; reason: string }
  | { type: 'fenced'; nodeId: NodeId }
  | { type: 'unfenced'; nodeId: NodeId }
  | { type: 'split-brain'; nodeIds: readonly NodeId[] }
  | {
      type: 'conflict';
      conflictId: number;
      nodeId: NodeId;
      key: string;
      strategy: ConflictStrategy;
      origins: readonly NodeId[];
      /** The winning version's origin; absent when siblings were kept. */
      winner?: NodeId;
    }
  | { type: 'siblings-resolved'; nodeId: NodeId; key: string; conflictIds: readonly number[] }
  | { type: 'peer-connected'; nodeId: NodeId; peer: NodeId }
  /** A member's applier for `source` stopped on an event it could not apply (`Last_SQL_Error`). */
  | { type: 'applier-stopped'; nodeId: NodeId; source: NodeId; key: string; errno: number; error: string }
  /** `SET GLOBAL sql_slave_skip_counter = 1; START SLAVE`: the failed event skipped, the applier runs. */
  | { type: 'applier-skipped'; nodeId: NodeId; source: NodeId; key: string }
  /** The node re-copied from `source` (keys changed), its applier for `source` restarted at its position. */
  | { type: 'node-resynced'; nodeId: NodeId; source: NodeId; keys: number }
  /**
   * A certifying group's member died: the others' commits wait for it until failure detection takes it out
   * of the view, `afterMs` later (Galera delivers nothing to a view with a silent member).
   */
  | { type: 'commits-held'; nodeId: NodeId; afterMs: number }
  | { type: 'quorum-lost'; nodeId: NodeId; reachable: number; members: number }
  | { type: 'quorum-regained'; nodeId: NodeId };

export type EngineEventType = EngineEventBody['type'];

/** A recorded mutating call. Replaying the commands reproduces the run. */
export interface Command {
  readonly seq: number;
  readonly at: SimTime;
  /** The method called (`COMMAND_NAMES`). */
  readonly type: CommandName;
  readonly args: readonly unknown[];
}

/** An immutable picture of the whole simulation, for rendering. */
export interface Snapshot {
  /** Increments whenever anything changed; equal versions mean equal snapshots. */
  readonly version: number;
  readonly time: SimTime;
  readonly nodes: readonly NodeView[];
  readonly links: readonly LinkView[];
  readonly messages: readonly Message[];
  readonly metrics: Metrics;
  readonly replication: {
    readonly mode: ReplicationMode;
    readonly ackOn: AckOn;
    readonly conflictResolution: ConflictResolution;
    /** Two or more primaries replicate to each other. */
    readonly multiPrimary: boolean;
    /** PostgreSQL's `synchronous_standby_names` as it reads, when one is in force (sync mode). */
    readonly synchronousStandbyNames?: string;
  };
  readonly network: { readonly partitioned: boolean; readonly dropped: number };
  /** The scenario's regions, in its order, each with its nodes now; empty without regions. */
  readonly regions: readonly RegionView[];
  /** The latency between regions: every ordered pair of two different regions; empty without regions. */
  readonly between: readonly RegionLinkView[];
  readonly workload: WorkloadOptions | null;
  /** While the workload bursts: how many times as fast, and until when. */
  readonly burst: { readonly factor: number; readonly until: SimTime } | null;
  /** The automatic failover manager; null when failover is manual. */
  readonly failover: FailoverView | null;
}

export type KeyDistribution = 'uniform' | 'zipf';

/**
 * A seeded open-loop client workload (Poisson arrivals). The optional fields are absent unless asked for,
 * and then the workload is exactly the one before they existed.
 */
export interface WorkloadOptions {
  readonly writesPerSec: number;
  readonly readsPerSec: number;
  /** Distinct keys, `k0` to `k{keys-1}` (with Zipf, `k0` is the hottest). */
  readonly keys: number;
  /** Where reads go: the primary, replicas (the primary when none is up), or any node. */
  readonly readRouting: ReadRouting;
  /** Operations per second in all, split by `readRatio` (default: `writesPerSec + readsPerSec`). */
  readonly opsPerSec?: number;
  /** The share of operations that are reads, 0 to 1; with it the rates are `opsPerSec` split by it. */
  readonly readRatio?: number;
  /** How keys are picked: each equally often (`uniform`, the default) or by a Zipf law (`zipf`). */
  readonly keyDistribution?: KeyDistribution;
  /** Zipf's exponent s: the key of rank k is picked with weight 1 / k^s (default 1; 0 is uniform). */
  readonly zipfSkew?: number;
  /**
   * Clients in each region (with regions, 1 when absent). A client writes to its nearest writable primary and
   * reads from its nearest node that `readRouting` allows, and each request and reply crosses the network
   * between its region and the node's. Without regions, clients sit beside the nodes (no latency).
   */
  readonly clientsPerRegion?: number;
  /**
   * Each client is a session whose reads see its own writes, as ProxySQL's GTID causal reads route them: to
   * the nearest allowed node that has applied the session's last acknowledged write, else to the primary.
   */
  readonly readYourWrites?: boolean;
}
