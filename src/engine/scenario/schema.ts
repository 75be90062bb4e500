/** The scenario format: versioned JSON, validated with zod; invalid input names every problem by path. */
import { z } from './zod.ts';
import { parseStandbyNames, type SyncStandbyList } from '../replication/standbyNames.ts';
import type { AckOn, ConflictResolution, Role } from '../types.ts';

export const SCENARIO_VERSION = 1;
/** How a primary ships and acknowledges: the scenario's `replication.mode`, spelled only here. */
export const REPLICATION_MODES = ['async', 'sync', 'semi-sync', 'scheduled'] as const;
export type ReplicationMode = (typeof REPLICATION_MODES)[number];
/** The most nodes a cluster may have: in a scenario, and after any number of `addNode` commands. */
export const MAX_NODES = 64;

/** A whole number in [min, max]. */
const int = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
/** A number in [min, max]. */
const between = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));

const nodeId = z
  .string()
  .check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(32, 'must be at most 32 characters'),
    z.regex(/^[A-Za-z0-9_.-]+$/, 'may contain only letters, digits, ".", "_" and "-"'),
  );

const nodeSchema = z.strictObject({
  id: nodeId,
  role: z.enum(['primary', 'replica']),
  upstream: z.optional(nodeId),
  /** Counts toward synchronous commit (direct replicas of the primary); default true. */
  sync: z.optional(z.boolean()),
  /** Entries per second this node applies; defaults to `replication.applyRate`. */
  applyRate: z.optional(z.number().check(z.positive(), z.maximum(1_000_000))),
  /** A delayed replica replays each entry this long after its commit (`recovery_min_apply_delay`, MySQL `SOURCE_DELAY`). */
  applyDelayMs: z.optional(int(0, 86_400_000)),
});

function standbyList(text: string, ctx: z.core.ParsePayload): SyncStandbyList {
  const list = parseStandbyNames(text);
  if (typeof list !== 'string') return list;
  ctx.issues.push({ code: 'custom', message: `"${text}": ${list}`, input: text });
  return z.NEVER;
}

const replicationSchema = z.strictObject({
  mode: z.optional(z.enum(REPLICATION_MODES)),
  /** PostgreSQL `ANY k (...)`: confirmations needed in semi-sync mode. */
  syncCount: z.optional(int(1, 64)),
  /**
   * PostgreSQL `synchronous_standby_names`, e.g. `FIRST 1 (s1, s2)` or `ANY 2 (s1, s2, s3)`: which
   * standbys confirm commits and how many, in sync mode (the default mode when it is given). Other
   * modes keep their own rule: async ignores it, like `synchronous_commit = local`.
   */
  synchronousStandbyNames: z.optional(z.pipe(z.string().check(z.maxLength(2000)), z.transform(standbyList))),
  /** Scheduled mode ships every `intervalMs` (like `archive_timeout` log shipping). */
  intervalMs: z.optional(int(10, 3_600_000)),
  ackOn: z.optional(z.enum(['written', 'received', 'applied'])),
  /** MySQL `rpl_semi_sync_source_timeout`: fall back to async after waiting this long. */
  syncTimeoutMs: z.optional(int(1, 3_600_000)),
  /** Log entries each node keeps for catch-up (PostgreSQL `wal_keep_size`). */
  retainEntries: z.optional(int(1, 1_000_000)),
  /** Entries per second a node can send, shared by its direct replicas. */
  shipRate: z.optional(z.number().check(z.positive(), z.maximum(10_000_000))),
  /** Entries per second a replica applies (default for nodes without their own). */
  applyRate: z.optional(z.number().check(z.positive(), z.maximum(1_000_000))),
  /** Local commit (WAL flush) time on the primary, ms. */
  commitMs: z.optional(between(0, 10_000)),
  /** A standby's fsync of what it wrote, ms: `remote_write` returns before it, `on` after. */
  flushMs: z.optional(between(0, 10_000)),
  /** Rewind a diverged replica by itself (Patroni's `use_pg_rewind`); false waits for `rewind()`. */
  autoRewind: z.optional(z.boolean()),
});

/**
 * The failover manager (Patroni's vocabulary): `heartbeatMs` is `loop_wait` (how often the primary renews
 * its leader lock), `timeoutMs` is `ttl` (silence before a failover), `maxLagOnFailover` is
 * `maximum_lag_on_failover` (in entries), `fencing` is Patroni demoting a primary that cannot renew the lock.
 */
const failoverSchema = z.strictObject({
  mode: z.optional(z.enum(['manual', 'automatic'])),
  heartbeatMs: z.optional(int(10, 600_000)),
  timeoutMs: z.optional(int(20, 3_600_000)),
  maxLagOnFailover: z.optional(int(0, 100_000_000)),
  fencing: z.optional(z.boolean()),
});

const networkSchema = z.strictObject({
  latencyMs: z.optional(between(0, 60_000)),
  jitterMs: z.optional(between(0, 60_000)),
});

export const scenarioSchema = z.strictObject({
  version: z.optional(z.literal(SCENARIO_VERSION)),
  name: z.optional(z.string().check(z.maxLength(200))),
  seed: z.optional(int(0, 2 ** 32 - 1)),
  nodes: z
    .array(nodeSchema)
    .check(z.minLength(1, 'needs at least one node'), z.maxLength(MAX_NODES, `at most ${MAX_NODES} nodes`)),
  replication: z.optional(replicationSchema),
  network: z.optional(networkSchema),
  failover: z.optional(failoverSchema),
  /** How a multi-primary group settles concurrent async writes to one key (default 'lww'). */
  conflictResolution: z.optional(z.enum(['lww', 'siblings'])),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;

export interface NodeSpec {
  readonly id: string;
  readonly role: Role;
  readonly upstream?: string;
  readonly sync: boolean;
  readonly applyRate?: number;
  readonly applyDelayMs?: number;
}

/** A validated scenario with every default filled in. */
export interface Scenario {
  readonly version: typeof SCENARIO_VERSION;
  readonly name?: string;
  readonly seed: number;
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
  readonly network: { readonly latencyMs: number; readonly jitterMs: number };
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
