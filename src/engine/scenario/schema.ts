/** The scenario format: versioned JSON, checked by check.ts in zod's words; invalid input names every problem by path. */
import {
  array,
  boolean,
  int as integer,
  maxLength,
  maximum,
  minLength,
  minimum,
  number,
  oneOf,
  optional,
  positive,
  regex,
  strictObject,
  string,
  transform,
  type Input,
} from './check.ts';
import { KEY_DISTRIBUTIONS, READ_ROUTINGS } from '../args.ts';
import { parseStandbyNames, type SyncStandbyList } from '../replication/standbyNames.ts';
import type { AckOn, ConflictResolution, NodeId, RegionId, Role, WorkloadOptions } from '../types.ts';

export const SCENARIO_VERSION = 1;
/** How a primary ships and acknowledges: the scenario's `replication.mode`, spelled only here. */
export const REPLICATION_MODES = ['async', 'sync', 'semi-sync', 'scheduled'] as const;
export type ReplicationMode = (typeof REPLICATION_MODES)[number];
/** The database a scenario speaks for: its error texts and defaults (a contract, like the format). */
export const SYSTEMS = ['postgresql', 'mariadb'] as const;
export type DatabaseSystem = (typeof SYSTEMS)[number];
/** The most nodes a cluster may have: in a scenario, and after any number of `addNode` commands. */
export const MAX_NODES = 64;

/** A whole number in [min, max]. */
const int = (min: number, max: number) => number(integer(), minimum(min), maximum(max));
/** A number in [min, max]. */
const between = (min: number, max: number) => number(minimum(min), maximum(max));

const nodeId = string(
  minLength(1, 'must not be empty'),
  maxLength(32, 'must be at most 32 characters'),
  regex(/^[A-Za-z0-9_.-]+$/, 'may contain only letters, digits, ".", "_" and "-"'),
);
/** Region ids follow the node ids' rules. */
const regionId = nodeId;
/** The longest label a node may carry (its id stays as it is). */
export const MAX_LABEL_LENGTH = 32;
/** The most regions a scenario may list. */
export const MAX_REGIONS = 16;
/** A one-way latency or jitter, ms: at most a minute. */
const latency = () => between(0, 60_000);

const nodeSchema = strictObject({
  id: nodeId,
  role: oneOf(['primary', 'replica']),
  upstream: optional(nodeId),
  /** Counts toward synchronous commit (direct replicas of the primary); default true. */
  sync: optional(boolean()),
  /** Entries per second this node applies; defaults to `replication.applyRate`. */
  applyRate: optional(number(positive(), maximum(1_000_000))),
  /** A delayed replica replays each entry this long after its commit (`recovery_min_apply_delay`, MySQL `SOURCE_DELAY`). */
  applyDelayMs: optional(int(0, 86_400_000)),
  /** The region it runs in: one of `regions`' ids (every node names one when the scenario lists regions). */
  region: optional(regionId),
  /** A name to show instead of its id ("Frankfurt primary"); the id stays what commands and links use. */
  label: optional(string(maxLength(MAX_LABEL_LENGTH))),
});

const regionSchema = strictObject({
  id: regionId,
  name: string(minLength(1, 'must not be empty'), maxLength(64, 'must be at most 64 characters')),
});

function standbyList(text: string): SyncStandbyList | { readonly problem: string } {
  const list = parseStandbyNames(text);
  return typeof list === 'string' ? { problem: `"${text}": ${list}` } : list;
}

const replicationSchema = strictObject({
  mode: optional(oneOf(REPLICATION_MODES)),
  /** PostgreSQL `ANY k (...)`: confirmations needed in semi-sync mode. */
  syncCount: optional(int(1, 64)),
  /**
   * PostgreSQL `synchronous_standby_names`, e.g. `FIRST 1 (s1, s2)` or `ANY 2 (s1, s2, s3)`: which
   * standbys confirm commits and how many, in sync mode (the default mode when it is given). Other
   * modes keep their own rule: async ignores it, like `synchronous_commit = local`.
   */
  synchronousStandbyNames: optional(transform(string(maxLength(2000)), standbyList)),
  /** Scheduled mode ships every `intervalMs` (like `archive_timeout` log shipping). */
  intervalMs: optional(int(10, 3_600_000)),
  ackOn: optional(oneOf(['written', 'received', 'applied'])),
  /** MySQL `rpl_semi_sync_source_timeout`: fall back to async after waiting this long. */
  syncTimeoutMs: optional(int(1, 3_600_000)),
  /** Log entries each node keeps for catch-up (PostgreSQL `wal_keep_size`). */
  retainEntries: optional(int(1, 1_000_000)),
  /** Entries per second a node can send, shared by its direct replicas. */
  shipRate: optional(number(positive(), maximum(10_000_000))),
  /** Entries per second a replica applies (default for nodes without their own). */
  applyRate: optional(number(positive(), maximum(1_000_000))),
  /** Local commit (WAL flush) time on the primary, ms. */
  commitMs: optional(between(0, 10_000)),
  /** A standby's fsync of what it wrote, ms: `remote_write` returns before it, `on` after. */
  flushMs: optional(between(0, 10_000)),
  /**
   * Rewind a diverged replica by itself (Patroni's `use_pg_rewind`); false waits for `rewind()`. PostgreSQL
   * only: MariaDB has no pg_rewind, so with `system: 'mariadb'` a diverged server is always refused (1236).
   */
  autoRewind: optional(boolean()),
});

/**
 * The failover manager (Patroni's vocabulary): `heartbeatMs` is `loop_wait` (how often the primary renews
 * its leader lock), `timeoutMs` is `ttl` (silence before a failover), `maxLagOnFailover` is
 * `maximum_lag_on_failover` (in entries), `fencing` is Patroni demoting a primary that cannot renew the lock.
 */
const failoverSchema = strictObject({
  mode: optional(oneOf(['manual', 'automatic'])),
  heartbeatMs: optional(int(10, 600_000)),
  timeoutMs: optional(int(20, 3_600_000)),
  maxLagOnFailover: optional(int(0, 100_000_000)),
  fencing: optional(boolean()),
});

/** One-way latency between two regions (`from` → `to`; both ways unless the other way is listed too). */
const regionLinkSchema = strictObject({
  from: regionId,
  to: regionId,
  latencyMs: latency(),
  /** Defaults to `network.jitterMs`. */
  jitterMs: optional(latency()),
});

/** One link's own one-way latency, both directions: it wins over the regions' latencies. */
const nodeLinkSchema = strictObject({ a: nodeId, b: nodeId, latencyMs: latency() });

/**
 * `latencyMs` and `jitterMs` are every link's one-way latency when the scenario has no regions, and the
 * latency inside a region when it has: `between` gives the latency between two regions, `links` a link's own.
 */
const networkSchema = strictObject({
  latencyMs: optional(latency()),
  jitterMs: optional(latency()),
  between: optional(array(regionLinkSchema, maxLength(MAX_REGIONS * MAX_REGIONS))),
  links: optional(array(nodeLinkSchema, maxLength(1024))),
});

/** The limits a workload's options keep, shared by the scenario format and `startWorkload` (args.ts). */
export const WORKLOAD_LIMITS = {
  /** Operations per second, each rate. */
  rate: 100_000,
  keys: 1_000_000,
  zipfSkew: 10,
  clientsPerRegion: 100,
} as const;

/**
 * The workload `startWorkload` runs, before its own options: each field as `WorkloadOptions` names it
 * (types.ts says what each means). Nothing runs until `startWorkload` is called.
 */
const workloadSchema = strictObject({
  writesPerSec: optional(between(0, WORKLOAD_LIMITS.rate)),
  readsPerSec: optional(between(0, WORKLOAD_LIMITS.rate)),
  opsPerSec: optional(between(0, WORKLOAD_LIMITS.rate)),
  readRatio: optional(between(0, 1)),
  keys: optional(int(1, WORKLOAD_LIMITS.keys)),
  keyDistribution: optional(oneOf(KEY_DISTRIBUTIONS)),
  zipfSkew: optional(between(0, WORKLOAD_LIMITS.zipfSkew)),
  readRouting: optional(oneOf(READ_ROUTINGS)),
  clientsPerRegion: optional(int(1, WORKLOAD_LIMITS.clientsPerRegion)),
  readYourWrites: optional(boolean()),
});

export const scenarioSchema = strictObject({
  version: optional(oneOf([SCENARIO_VERSION])),
  name: optional(string(maxLength(200))),
  seed: optional(int(0, 2 ** 32 - 1)),
  /** Which database it models: errors read as that server prints them (default 'postgresql'). */
  system: optional(oneOf(SYSTEMS)),
  nodes: array(
    nodeSchema,
    minLength(1, 'needs at least one node'),
    maxLength(MAX_NODES, `at most ${MAX_NODES} nodes`),
  ),
  /** Where nodes run: each node names its region, and `network.between` the latency between two. */
  regions: optional(array(regionSchema, maxLength(MAX_REGIONS, `at most ${MAX_REGIONS} regions`))),
  replication: optional(replicationSchema),
  network: optional(networkSchema),
  workload: optional(workloadSchema),
  failover: optional(failoverSchema),
  /** How a multi-primary group settles concurrent async writes to one key (default 'lww'). */
  conflictResolution: optional(oneOf(['lww', 'siblings', 'none'])),
});

export type ScenarioInput = Input<typeof scenarioSchema>;

export interface NodeSpec {
  readonly id: string;
  readonly role: Role;
  readonly upstream?: string;
  readonly sync: boolean;
  readonly applyRate?: number;
  readonly applyDelayMs?: number;
  readonly region?: RegionId;
  readonly label?: string;
}

/** A region of a scenario: an id nodes name, and the name people read. */
export interface Region {
  readonly id: RegionId;
  readonly name: string;
}

/** One direction between two regions (or a region's own links, `from === to`). */
export interface RegionLink {
  readonly from: RegionId;
  readonly to: RegionId;
  readonly latencyMs: number;
  /** Absent: the network's `jitterMs`. */
  readonly jitterMs?: number;
}

/** A validated scenario with every default filled in. */
export interface Scenario {
  readonly version: typeof SCENARIO_VERSION;
  readonly name?: string;
  readonly seed: number;
  readonly system: DatabaseSystem;
  readonly nodes: readonly NodeSpec[];
  readonly replication: {
    readonly mode: ReplicationMode;
    readonly syncCount: number;
    readonly synchronousStandbyNames?: SyncStandbyList;
    readonly intervalMs: number;
    readonly ackOn: AckOn;
    readonly syncTimeoutMs?: number;
    readonly retainEntries: number;
    readonly shipRate: number;
    readonly applyRate: number;
    readonly commitMs: number;
    readonly autoRewind: boolean;
    readonly flushMs: number;
  };
  /** Empty without regions. */
  readonly regions: readonly Region[];
  readonly network: {
    readonly latencyMs: number;
    readonly jitterMs: number;
    /** Every direction between two regions, both listed (a symmetric entry is filled in); empty without regions. */
    readonly between: readonly RegionLink[];
    readonly links: readonly { readonly a: NodeId; readonly b: NodeId; readonly latencyMs: number }[];
  };
  /** What `startWorkload` merges its options over (only the fields the scenario gave). */
  readonly workload: Partial<WorkloadOptions>;
  readonly conflictResolution: ConflictResolution;
  readonly failover: {
    readonly mode: 'manual' | 'automatic';
    readonly heartbeatMs: number;
    readonly timeoutMs: number;
    readonly maxLagOnFailover?: number;
    readonly fencing: boolean;
  };
}

/** The defaults, documented once: a same-region cluster that keeps up with a moderate load. */
export const DEFAULTS = {
  seed: 1,
  system: 'postgresql',
  mode: 'async',
  syncCount: 1,
  intervalMs: 1000,
  ackOn: 'received',
  retainEntries: 10_000,
  shipRate: 20_000,
  applyRate: 5_000,
  commitMs: 1,
  autoRewind: true,
  flushMs: 0,
  latencyMs: 40,
  jitterMs: 10,
  /** Operators promote by hand unless the scenario asks for a failover manager. */
  failoverMode: 'manual',
  /** Patroni's `loop_wait` and `ttl`, scaled down from 10 s and 30 s so a lab failover takes seconds. */
  heartbeatMs: 1000,
  timeoutMs: 3000,
  fencing: false,
  /** PGD's default resolver, `update_if_newer`. */
  conflictResolution: 'lww',
} as const;
