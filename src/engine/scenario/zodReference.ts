/**
 * The scenario format as the zod schema the engine checked scenarios with before check.ts: kept, for
 * tests only, as the reference check.test.ts holds the engine's own check to (the same problems, in
 * the same words and order, and the same result), so a scenario's problems read exactly as they did.
 */
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import type { SyncStandbyList } from '../replication/standbyNames.ts';
import { parseStandbyNames } from '../replication/standbyNamesParser.ts';
import { KEY_DISTRIBUTIONS, READ_ROUTINGS } from '../args.ts';
import {
  MAX_LABEL_LENGTH,
  MAX_NODES,
  MAX_REGIONS,
  SCENARIO_VERSION,
  SYSTEMS,
  WORKLOAD_LIMITS,
} from './schema.ts';

z.config(en());

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
  region: z.optional(nodeId),
  label: z.optional(z.string().check(z.maxLength(MAX_LABEL_LENGTH))),
});

const regionSchema = z.strictObject({
  id: nodeId,
  name: z
    .string()
    .check(z.minLength(1, 'must not be empty'), z.maxLength(64, 'must be at most 64 characters')),
});

function standbyList(text: string, ctx: z.core.ParsePayload): SyncStandbyList {
  const list = parseStandbyNames(text);
  if (typeof list !== 'string') return list;
  ctx.issues.push({ code: 'custom', message: `"${text}": ${list}`, input: text });
  return z.NEVER;
}

const replicationSchema = z.strictObject({
  mode: z.optional(z.enum(['async', 'sync', 'semi-sync', 'scheduled'])),
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

const regionLinkSchema = z.strictObject({
  from: nodeId,
  to: nodeId,
  latencyMs: between(0, 60_000),
  jitterMs: z.optional(between(0, 60_000)),
});

const nodeLinkSchema = z.strictObject({ a: nodeId, b: nodeId, latencyMs: between(0, 60_000) });

const networkSchema = z.strictObject({
  latencyMs: z.optional(between(0, 60_000)),
  jitterMs: z.optional(between(0, 60_000)),
  between: z.optional(z.array(regionLinkSchema).check(z.maxLength(MAX_REGIONS * MAX_REGIONS))),
  links: z.optional(z.array(nodeLinkSchema).check(z.maxLength(1024))),
});

const workloadSchema = z.strictObject({
  writesPerSec: z.optional(between(0, WORKLOAD_LIMITS.rate)),
  readsPerSec: z.optional(between(0, WORKLOAD_LIMITS.rate)),
  opsPerSec: z.optional(between(0, WORKLOAD_LIMITS.rate)),
  readRatio: z.optional(between(0, 1)),
  keys: z.optional(int(1, WORKLOAD_LIMITS.keys)),
  keyDistribution: z.optional(z.enum(KEY_DISTRIBUTIONS)),
  zipfSkew: z.optional(between(0, WORKLOAD_LIMITS.zipfSkew)),
  readRouting: z.optional(z.enum(READ_ROUTINGS)),
  clientsPerRegion: z.optional(int(1, WORKLOAD_LIMITS.clientsPerRegion)),
  readYourWrites: z.optional(z.boolean()),
});

export const zodScenarioSchema = z.strictObject({
  version: z.optional(z.literal(SCENARIO_VERSION)),
  name: z.optional(z.string().check(z.maxLength(200))),
  seed: z.optional(int(0, 2 ** 32 - 1)),
  system: z.optional(z.enum(SYSTEMS)),
  nodes: z
    .array(nodeSchema)
    .check(z.minLength(1, 'needs at least one node'), z.maxLength(MAX_NODES, `at most ${MAX_NODES} nodes`)),
  regions: z.optional(
    z.array(regionSchema).check(z.maxLength(MAX_REGIONS, `at most ${MAX_REGIONS} regions`)),
  ),
  replication: z.optional(replicationSchema),
  network: z.optional(networkSchema),
  workload: z.optional(workloadSchema),
  failover: z.optional(failoverSchema),
  /** How a multi-primary group settles concurrent async writes to one key (default 'lww'). */
  conflictResolution: z.optional(z.enum(['lww', 'siblings', 'none'])),
});

export type ZodScenarioInput = z.input<typeof zodScenarioSchema>;
export type ZodScenarioOutput = z.output<typeof zodScenarioSchema>;
