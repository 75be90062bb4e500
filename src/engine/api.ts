/** The Simulation interface: the engine's public surface (a contract; names are kept). */
import type { SavedSimulation } from './persist/format.ts';
import type { ReplicationMode } from './scenario/schema.ts';
import type {
  AckOn,
  Anomaly,
  Backup,
  ClientOptions,
  Command,
  ConflictRecord,
  ConflictResolution,
  EngineEvent,
  FailoverRecord,
  MessageRecord,
  MessageWindow,
  Metrics,
  NodeId,
  NodeView,
  OperationRecord,
  RegionId,
  Role,
  SimTime,
  Snapshot,
  WorkloadOptions,
  WriteReach,
} from './types.ts';

export interface AdvanceOptions {
  /** The most scheduled tasks (deliveries, timers, arrivals) to run in this call. */
  readonly maxTasks?: number;
}

/**
 * Settings a running cluster takes without a restart (`configure`), each as the scenario spells it:
 * PostgreSQL reloads `synchronous_standby_names` and `synchronous_commit`, MySQL sets
 * `rpl_semi_sync_source_enabled`, `tc netem` changes a link's delay, PGD alters its conflict resolver.
 */
export interface ConfigureOptions {
  readonly replication?: {
    readonly mode?: ReplicationMode;
    readonly syncCount?: number;
    readonly intervalMs?: number;
    readonly ackOn?: AckOn;
  };
  /** The default one-way latency and jitter; links given their own (`setLatency`) keep it. */
  readonly network?: { readonly latencyMs?: number; readonly jitterMs?: number };
  readonly conflictResolution?: ConflictResolution;
  /**
   * The failover manager, as Patroni's dynamic configuration (`patronictl edit-config`): `heartbeatMs` is
   * `loop_wait`, `timeoutMs` is `ttl`, `maxLagOnFailover` is `maximum_lag_on_failover` (null removes the
   * limit, as Patroni removes a key patched to null). `mode: 'automatic'` starts the manager, or resumes a
   * paused one; `'manual'` pauses it (`patronictl pause`): no failover, no fencing, until resumed.
   */
  readonly failover?: {
    readonly mode?: 'manual' | 'automatic';
    readonly heartbeatMs?: number;
    readonly timeoutMs?: number;
    readonly maxLagOnFailover?: number | null;
    readonly fencing?: boolean;
  };
}

/** A burst of the running workload: `factor` times as fast (more than 1, at most 100) for `durationMs`. */
export interface BurstOptions {
  /** Default 10. */
  readonly factor?: number;
  /** Default 5000; at most 600000 (ten minutes). */
  readonly durationMs?: number;
}

export interface AddNodeOptions {
  readonly id: NodeId;
  readonly role?: Role;
  /** For a replica: the node it streams from. */
  readonly upstream?: NodeId;
  /** Seed the node from this backup instead of copying its upstream. */
  readonly fromBackup?: string;
  readonly sync?: boolean;
  /**
   * The region it runs in (one the scenario lists). Default: its upstream's, else the current primary's, else
   * the first region; none without regions.
   */
  readonly region?: RegionId;
  /** What people call it (at most 32 characters); its id stays. */
  readonly label?: string;
}

export interface Simulation {
  /** Simulated milliseconds since the start. */
  now(): SimTime;
  /**
   * Runs every event due in the next `ms` simulated milliseconds. With `maxTasks`, stops early after that
   * many (the clock stays at the last event run, and `nextEventAt()` tells what is left): a caller that
   * must not block for long advances a bounded amount of work at a time.
   */
  advance(ms: number, options?: AdvanceOptions): void;
  /**
   * `advance` to an instant rather than by a duration: runs every event due at or before simulated time
   * `time` and sets the clock to exactly `time` (`now() + ms` may miss it by a unit in the last place). A
   * time already reached runs what is due now. With `maxTasks`, stops early as `advance` does.
   */
  advanceTo(time: SimTime, options?: AdvanceOptions): void;
  /**
   * Runs until idle, or until `maxMs` passes (at most `MAX_ADVANCE_MS`). Idle: no replication or client work
   * is pending, and no consequence already decided is waiting on background timers: a promotion under way
   * completes, and a deposed primary the failover manager can reach hears of the new leader at its next
   * heartbeat and is demoted. Timeouts that detect a failure (suspicion, election, a lease running out)
   * and retries are not waited for, nor is news for a primary still cut off from the manager.
   */
  runUntilIdle(maxMs?: number): void;
  /** The time of the next pending event, if any (for "step to the next event"). */
  nextEventAt(): SimTime | undefined;

  /** A client beside `nodeId` writes; returns the operation's record (pending until acknowledged). */
  write(nodeId: NodeId, key: string, value: string, options?: ClientOptions): OperationRecord;
  /** A client beside `nodeId` reads; completes at once with what that node has applied. */
  read(nodeId: NodeId, key: string, options?: ClientOptions): OperationRecord;
  op(id: number): OperationRecord | undefined;
  /**
   * Cancels a write's wait for synchronous confirmation: it completes with a warning, committed
   * locally but maybe not replicated (PostgreSQL's behaviour on a cancelled wait).
   */
  cancel(opId: number): OperationRecord;
  /**
   * Where a committed write has arrived, node by node: applied, received (not replayed yet) or missing.
   * Empty for a read, a write that never committed, or an unknown id.
   */
  writeReach(opId: number): readonly WriteReach[];
  /** Retained operation records, oldest first (bounded in long runs; counters stay exact). */
  history(): readonly OperationRecord[];

  kill(nodeId: NodeId): void;
  restart(nodeId: NodeId): void;
  /** Makes a replica the primary on a new timeline; the old primary's other replicas follow it. */
  promote(nodeId: NodeId): void;
  takeBackup(nodeId: NodeId): Backup;
  backups(): readonly Backup[];
  addNode(options: AddNodeOptions): NodeView;
  /** Gives a node a label people read (at most 32 characters; '' for its id again). Its id stays. */
  renameNode(nodeId: NodeId, label: string): void;
  removeNode(nodeId: NodeId): void;
  /**
   * Points a replica at another upstream; with `system: 'mariadb'`, also a primary outside any group at
   * another primary (`CHANGE MASTER TO`, `read_only` on): it becomes its replica (a way out of a split brain).
   */
  repoint(nodeId: NodeId, upstream: NodeId): void;
  /** Rewinds a diverged replica (pg_rewind) so it can follow its upstream's timeline. */
  rewind(nodeId: NodeId): void;
  /** Cuts every link between nodes in different groups (nodes in no group form one more group). */
  partition(groups: readonly (readonly NodeId[])[]): void;
  /**
   * Cuts the network along region lines in one action: each group of regions is one side, the regions in no
   * group one more (`[['eu']]` cuts Europe off from every other region). Emits `partitioned` with the nodes'
   * groups; `heal()` restores it like any partition.
   */
  partitionRegions(groups: readonly (readonly RegionId[])[]): void;
  /** Restores every cut link. */
  heal(): void;
  /** Sets one link's one-way latency, both directions. */
  setLatency(a: NodeId, b: NodeId, ms: number): void;
  /** Slows a node's disk: its fsyncs and replay take `factor` (more than 1, at most 100) times as long. */
  slowDisk(nodeId: NodeId, factor: number): void;
  /** Gives a node its normal disk back. */
  fixDisk(nodeId: NodeId): void;
  /**
   * Changes settings while the cluster runs, from now on: writes already waiting for confirmations the new
   * rule does not need are acknowledged (PostgreSQL wakes every waiter when synchronous replication is
   * turned off), messages on the wire keep their arrival times, and conflicts already settled stay
   * settled. A multi-primary group keeps the replication mode it started with, and refuses automatic
   * failover. Failover timings apply from the manager's next heartbeat or timeout on. Emits `configured`.
   */
  configure(options: ConfigureOptions): void;
  /** Starts the workload: `options` over the scenario's `workload`, over the defaults (`DEFAULT_WORKLOAD`). */
  startWorkload(options: Partial<WorkloadOptions>): void;
  stopWorkload(): void;
  /**
   * Runs the workload `factor` times as fast for `durationMs` from now (default: 10× for 5 s), then at its
   * own rate again; a burst replaces one under way. Throws when no workload runs. Emits `workload-burst`.
   */
  burst(options?: BurstOptions): void;

  node(nodeId: NodeId): NodeView;
  nodes(): readonly NodeView[];
  metrics(): Metrics;
  /** Every failover so far (automatic, or a manual promotion) with its recovery time and lost writes. */
  failovers(): readonly FailoverRecord[];
  /** Every conflict between concurrent writes in a multi-primary group, with its versions and outcome. */
  conflicts(): readonly ConflictRecord[];
  /**
   * Merges the siblings `nodeId` holds for `key` into `value`: a write with their causal context
   * (Riak's resolution). Throws when the key holds no siblings there.
   */
  resolve(nodeId: NodeId, key: string, value: string): OperationRecord;
  /**
   * Restarts a source-source member's stopped applier past the event it failed on (MariaDB's `SET GLOBAL
   * sql_slave_skip_counter = 1; START SLAVE`): the node keeps what it holds. `source` names the applier when
   * it has more than one stopped. Throws when none is stopped, or the node is down. Event `applier-skipped`.
   */
  skipEvent(nodeId: NodeId, source?: NodeId): void;
  /**
   * Re-copies a source-source member whose applier stopped from that source (a dump loaded, replication
   * restarted at the source's position): the node then holds the source's version of every key the source
   * holds. Throws when no applier is stopped, or either node is down. Event `node-resynced`.
   */
  resync(nodeId: NodeId, source?: NodeId): void;
  /** Anomalies in the history: lost writes, stale reads, session violations, divergence, split brain. */
  check(): readonly Anomaly[];
  /** Retained engine events, oldest first (bounded in long runs). */
  events(): readonly EngineEvent[];
  /**
   * Retained message records for the space-time diagram, oldest first (in the order sent): each message
   * from its send to its arrival or loss, those still in flight included (neither `arrivedAt` nor
   * `droppedAt`). At most `MESSAGE_RECORDS_KEPT` are kept, counting those in flight: as messages end, the
   * oldest ended ones go first (a twentieth of the bound at a time), and a message in flight is always kept.
   * A message due at a receiver that is down or gone is dropped at its arrival, as one crossing a cut link
   * then is (`droppedAt`, `dropReason`). With a window, only the records whose flight (send to end, or to
   * when due while in flight) overlaps [`from`, `to`], in simulated ms. Part of the saved state: a restored
   * simulation shows the same records.
   */
  messages(window?: MessageWindow): readonly MessageRecord[];
  snapshot(): Snapshot;
  /** The work done so far: scheduled tasks run (timers, message deliveries, client arrivals) and messages sent. */
  stats(): SimulationStats;
  commands(): readonly Command[];
  /**
   * The whole simulation at this instant as plain, JSON-safe data (queue, nodes, network, failover manager,
   * workload, random streams, retained history and counters). `restoreSimulation` continues from it.
   */
  save(): SavedSimulation;
  /** An independent copy at this instant: `restoreSimulation(save())`. */
  fork(): Simulation;
  /** Called after every change (a command, or time advancing). Returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export interface SimulationStats {
  readonly tasksRun: number;
  readonly messagesSent: number;
}

/**
 * The Simulation methods that change it, each recorded as a command of that name (`commands()`): what a
 * run's command log, share links and replays are made of. A rename here breaks the build, not a link.
 */
export const COMMAND_NAMES = [
  'write',
  'read',
  'cancel',
  'kill',
  'restart',
  'promote',
  'takeBackup',
  'addNode',
  'removeNode',
  'rewind',
  'repoint',
  'partition',
  'heal',
  'setLatency',
  'slowDisk',
  'fixDisk',
  'configure',
  'startWorkload',
  'stopWorkload',
  'resolve',
  'burst',
  'partitionRegions',
  'renameNode',
  'skipEvent',
  'resync',
] as const satisfies readonly (keyof Simulation)[];

export type CommandName = (typeof COMMAND_NAMES)[number];

/** Thrown when a call cannot be carried out (unknown node, invalid re-point...). Nothing changes. */
export class SimulationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SimulationError';
  }
}
