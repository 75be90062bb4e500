/** The scenario format: versioned JSON, validated with zod; invalid input names every problem by path. */
import { z } from 'zod';
import { parseStandbyNames, type SyncStandbyList } from '../replication/standbyNames.ts';

export const SCENARIO_VERSION = 1;

const nodeId = z
  .string()
  .min(1, 'must not be empty')
  .max(32, 'must be at most 32 characters')
  .regex(/^[A-Za-z0-9_.-]+$/, 'may contain only letters, digits, ".", "_" and "-"');

const nodeSchema = z.strictObject({
  id: nodeId,
  role: z.enum(['primary', 'replica']),
  upstream: nodeId.optional(),
  /** Counts toward synchronous commit (direct replicas of the primary); default true. */
  sync: z.boolean().optional(),
  /** Entries per second this node applies; defaults to `replication.applyRate`. */
  applyRate: z.number().positive().max(1_000_000).optional(),
  /** A delayed replica replays each entry this long after its commit (`recovery_min_apply_delay`, MySQL `SOURCE_DELAY`). */
  applyDelayMs: z.number().int().min(0).max(86_400_000).optional(),
});

function standbyList(text: string, ctx: z.RefinementCtx): SyncStandbyList {
  const list = parseStandbyNames(text);
  if (typeof list !== 'string') return list;
  ctx.addIssue({ code: 'custom', message: `"${text}": ${list}` });
  return z.NEVER;
}

const replicationSchema = z.strictObject({
  mode: z.enum(['async', 'sync', 'semi-sync', 'scheduled']).optional(),
  /** PostgreSQL `ANY k (...)`: confirmations needed in semi-sync mode. */
  syncCount: z.number().int().min(1).max(64).optional(),
  /**
   * PostgreSQL `synchronous_standby_names`, e.g. `FIRST 1 (s1, s2)` or `ANY 2 (s1, s2, s3)`: which
   * standbys confirm commits and how many, in sync mode (the default mode when it is given). Other
   * modes keep their own rule: async ignores it, like `synchronous_commit = local`.
   */
  synchronousStandbyNames: z.string().max(2000).transform(standbyList).optional(),
  /** Scheduled mode ships every `intervalMs` (like `archive_timeout` log shipping). */
  intervalMs: z.number().int().min(10).max(3_600_000).optional(),
  ackOn: z.enum(['written', 'received', 'applied']).optional(),
  /** MySQL `rpl_semi_sync_source_timeout`: fall back to async after waiting this long. */
  syncTimeoutMs: z.number().int().min(1).max(3_600_000).optional(),
  /** Log entries each node keeps for catch-up (PostgreSQL `wal_keep_size`). */
  retainEntries: z.number().int().min(1).max(1_000_000).optional(),
  /** Entries per second a node can send, shared by its direct replicas. */
  shipRate: z.number().positive().max(10_000_000).optional(),
  /** Entries per second a replica applies (default for nodes without their own). */
  applyRate: z.number().positive().max(1_000_000).optional(),
  /** Local commit (WAL flush) time on the primary, ms. */
  commitMs: z.number().min(0).max(10_000).optional(),
  /** A standby's fsync of what it wrote, ms: `remote_write` returns before it, `on` after. */
  flushMs: z.number().min(0).max(10_000).optional(),
  /** Rewind a diverged replica by itself (Patroni's `use_pg_rewind`); false waits for `rewind()`. */
  autoRewind: z.boolean().optional(),
});

/**
 * The failover manager (Patroni's vocabulary): `heartbeatMs` is `loop_wait` (how often the primary renews
 * its leader lock), `timeoutMs` is `ttl` (silence before a failover), `maxLagOnFailover` is
 * `maximum_lag_on_failover` (in entries), `fencing` is Patroni demoting a primary that cannot renew the lock.
 */
const failoverSchema = z.strictObject({
  mode: z.enum(['manual', 'automatic']).optional(),
  heartbeatMs: z.number().int().min(10).max(600_000).optional(),
  timeoutMs: z.number().int().min(20).max(3_600_000).optional(),
  maxLagOnFailover: z.number().int().min(0).max(100_000_000).optional(),
  fencing: z.boolean().optional(),
});

const networkSchema = z.strictObject({
  latencyMs: z.number().min(0).max(60_000).optional(),
  jitterMs: z.number().min(0).max(60_000).optional(),
});

export const scenarioSchema = z.strictObject({
  version: z.literal(SCENARIO_VERSION).optional(),
  name: z.string().max(200).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 32 - 1)
    .optional(),
  nodes: z.array(nodeSchema).min(1, 'needs at least one node').max(64, 'at most 64 nodes'),
  replication: replicationSchema.optional(),
  network: networkSchema.optional(),
  failover: failoverSchema.optional(),
  /** How a multi-primary group settles concurrent async writes to one key (default 'lww'). */
  conflictResolution: z.enum(['lww', 'siblings']).optional(),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;

export interface NodeSpec {
  readonly id: string;
  readonly role: 'primary' | 'replica';
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
    readonly mode: 'async' | 'sync' | 'semi-sync' | 'scheduled';
    readonly syncCount: number;
    readonly synchronousStandbyNames?: SyncStandbyList;
    readonly intervalMs: number;
    readonly ackOn: 'written' | 'received' | 'applied';
    readonly syncTimeoutMs?: number;
    readonly retainEntries: number;
    readonly shipRate: number;
    readonly applyRate: number;
    readonly commitMs: number;
    readonly autoRewind: boolean;
    readonly flushMs: number;
  };
  readonly network: { readonly latencyMs: number; readonly jitterMs: number };
  readonly conflictResolution: 'lww' | 'siblings';
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
