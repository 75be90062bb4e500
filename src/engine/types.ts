/** Public types of the engine: what the store, the view and outside users read. */

/** A node's id, as the scenario names it ("db1"). */
export type NodeId = string;
/** A log sequence number: the position of an entry in a node's log (PostgreSQL's LSN). */
export type Lsn = number;
/** Simulated milliseconds since the simulation started. Never wall time. */
export type SimTime = number;

export type Role = 'primary' | 'replica';
export type NodeStatus = 'up' | 'down';
export type ReplicationMode = 'async' | 'sync' | 'semi-sync' | 'scheduled';
/** What a replica's confirmation means: PostgreSQL `synchronous_commit = on` vs `remote_apply`. */
export type AckOn = 'received' | 'applied';
export type ReadRouting = 'primary' | 'replicas' | 'any';

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
}

export type OperationKind = 'write' | 'read';
export type OperationStatus = 'pending' | 'ok' | 'failed';

/** The record of one client operation, from invocation to outcome. */
export interface OperationRecord {
  readonly id: number;
  readonly kind: OperationKind;
  readonly nodeId: NodeId;
  readonly key: string;
  /** For a write, the value written; for a read, the value it returned (absent: no such key). */
  readonly value?: string;
  readonly status: OperationStatus;
  readonly error?: string;
  readonly startedAt: SimTime;
  readonly endedAt?: SimTime;
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
}

/** A read-only view of one node, for rendering and tests. */
export interface NodeView {
  readonly id: NodeId;
  readonly role: Role;
  readonly status: NodeStatus;
  readonly upstream?: NodeId;
  readonly downstream: readonly NodeId[];
  /** Participates in synchronous commit (direct replicas of the primary only). */
  readonly sync: boolean;
  readonly timeline: number;
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
  /** The node machine's current state, dotted: "replica.streaming", "primary.serving", "down". */
  readonly state: string;
  /** Client operations served per simulated second (reads and writes). */
  readonly load: number;
  /** Entries per second this node applies (its apply rate). */
  readonly applyRate: number;
  /** A delayed replica's replay delay (`recovery_min_apply_delay`), ms; 0 for none. */
  readonly applyDelayMs: number;
  /** The tail of the node's log (newest last), for inspection. */
  readonly logTail: readonly LogEntry[];
}

export type MessageKind = 'entries' | 'ack' | 'hello' | 'snapshot' | 'heartbeat';

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
}

export interface Metrics {
  readonly writes: number;
  readonly reads: number;
  readonly failedWrites: number;
  readonly failedReads: number;
  readonly lostWrites: number;
  readonly staleReads: number;
  /** Writes waiting right now for synchronous confirmation. */
  readonly blockedWrites: number;
  readonly conflicts: number;
  /** Acknowledged-write latency over the recent window, in simulated ms. */
  readonly writeLatency: { readonly p50: number; readonly p99: number };
  /** True while no primary is up: every write fails read-only. */
  readonly readOnly: boolean;
  /** The primary fell back to asynchronous commit after `syncTimeoutMs` (MySQL semi-sync). */
  readonly syncDegraded: boolean;
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
  | { type: 'writable'; nodeId: NodeId }
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
  | { type: 'partitioned'; groups: readonly (readonly NodeId[])[] }
  | { type: 'healed' }
  | { type: 'latency-changed'; a: NodeId; b: NodeId; ms: number };

export type EngineEventType = EngineEventBody['type'];

/** A recorded mutating call. Replaying the commands reproduces the run. */
export interface Command {
  readonly seq: number;
  readonly at: SimTime;
  readonly type: string;
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
  readonly replication: { readonly mode: ReplicationMode; readonly ackOn: AckOn };
  readonly network: { readonly partitioned: boolean; readonly dropped: number };
  readonly workload: WorkloadOptions | null;
}

export interface WorkloadOptions {
  readonly writesPerSec: number;
  readonly readsPerSec: number;
  readonly keys: number;
  readonly readRouting: ReadRouting;
}
