/**
 * A deterministic client workload: Poisson arrivals of writes and reads from a seeded stream, keys picked
 * uniformly or by a Zipf law, routed by policy, from clients beside the nodes or in regions. Invariant: a
 * workload asking for none of the newer options (rates by ratio, Zipf, clients, sessions) draws the same
 * numbers in the same order as before they existed.
 */
import type { Cluster } from './cluster.ts';
import type { DbNode } from './node/dbNode.ts';
import { regionOf } from './network/regions.ts';
import type { OpRecord } from './observe/history.ts';
import { appliedOn } from './observe/reach.ts';
import type { Random } from './random.ts';
import type { ClientOptions, NodeId, RegionId, SimTime, WorkloadOptions } from './types.ts';
import { zipfCdf, zipfIndex } from './zipf.ts';

export const DEFAULT_WORKLOAD: WorkloadOptions = {
  writesPerSec: 5,
  readsPerSec: 5,
  keys: 10,
  readRouting: 'replicas',
};

/** A burst's defaults: ten times the rate for five seconds. */
export const DEFAULT_BURST = { factor: 10, durationMs: 5000 } as const;

/** A session's newest writes kept for causal reads (the newest acknowledged one decides). */
const SESSION_WRITES = 8;

export interface ClientApi {
  /** Returns the write's record (live). */
  write(nodeId: NodeId, key: string, value: string, options?: ClientOptions): OpRecord;
  read(nodeId: NodeId, key: string, options?: ClientOptions): void;
}

/** Writes and reads per second: the two rates, or `opsPerSec` split by `readRatio`. */
export function workloadRates(options: WorkloadOptions): { writes: number; reads: number } {
  const { writesPerSec, readsPerSec, opsPerSec, readRatio } = options;
  if (opsPerSec === undefined && readRatio === undefined) return { writes: writesPerSec, reads: readsPerSec };
  const total = opsPerSec ?? writesPerSec + readsPerSec;
  const given = writesPerSec + readsPerSec;
  const ratio = readRatio ?? (given > 0 ? readsPerSec / given : 0.5);
  return { writes: total * (1 - ratio), reads: total * ratio };
}

export class Workload {
  // Saved and put back by persist/state.ts.
  generation = 0;
  nextValue = 1;
  options: WorkloadOptions | null = null;
  /** While bursting: the factor, and when it ends. */
  burst: { readonly factor: number; readonly until: SimTime } | null = null;
  /** Each client session's newest writes (op ids, newest last), with `readYourWrites`. */
  readonly sessions = new Map<number, number[]>();
  private readonly keyNames: string[] = [];
  /** Derived from the options (never saved): the Zipf CDF, made at the first pick. */
  private cdf: Float64Array | undefined;

  constructor(
    private readonly cluster: Cluster,
    readonly random: Random,
    private readonly client: ClientApi,
  ) {
    cluster.scheduler.on('workload.arrive', (args) => {
      if (args[0] !== this.generation) return;
      const kind = args[1] as 'write' | 'read';
      if (kind === 'write') this.issueWrite();
      else this.issueRead();
      this.arrive(kind, args[2] as number);
    });
    cluster.scheduler.on('workload.burstEnd', (args) => {
      if (args[0] !== this.generation) return;
      this.burst = null;
      this.restart();
      cluster.touch();
    });
  }

  start(options: WorkloadOptions): void {
    this.stop();
    this.options = options;
    this.cdf = undefined;
    this.sessions.clear();
    this.schedule(1);
  }

  stop(): void {
    this.generation++;
    this.options = null;
    this.burst = null;
  }

  /** Runs the workload `factor` times as fast for `durationMs`, from now (a new burst replaces one under way). */
  startBurst(factor: number, durationMs: number): void {
    this.burst = { factor, until: this.cluster.now() + durationMs };
    this.restart();
    this.cluster.scheduler.schedule(this.burst.until, 'workload.burstEnd', [this.generation], true);
  }

  /** New arrival streams at the rates in force (the ones scheduled are dropped). */
  private restart(): void {
    this.generation++;
    this.schedule(this.burst?.factor ?? 1);
  }

  private schedule(factor: number): void {
    if (this.options === null) return;
    const { writes, reads } = workloadRates(this.options);
    if (writes > 0) this.arrive('write', 1000 / (writes * factor));
    if (reads > 0) this.arrive('read', 1000 / (reads * factor));
  }

  /** Arrivals are timers, not pending work: `runUntilIdle` does not wait for a running workload. */
  private arrive(kind: 'write' | 'read', meanGapMs: number): void {
    const at = this.cluster.now() + this.random.exponential(meanGapMs);
    this.cluster.scheduler.schedule(at, 'workload.arrive', [this.generation, kind, meanGapMs], true);
  }

  private key(): string {
    const options = this.options;
    const keys = options?.keys ?? 1;
    let i: number;
    if (options?.keyDistribution === 'zipf') {
      this.cdf ??= zipfCdf(keys, options.zipfSkew ?? 1);
      i = zipfIndex(this.cdf, this.random.next());
    } else i = this.random.int(keys);
    // One string per key, made once: every node's store then compares keys by identity.
    return (this.keyNames[i] ??= `k${i}`);
  }

  /** Whether clients are modelled one by one (regions, a client count or sessions asked for). */
  private get clients(): boolean {
    const o = this.options;
    return this.cluster.regions.length > 0 || o?.clientsPerRegion !== undefined || o?.readYourWrites === true;
  }

  /** A client at random: its number, region (if any) and session (with `readYourWrites`). */
  private pickClient(): { index: number; region: RegionId | undefined; options: ClientOptions } {
    const regions = this.cluster.regions;
    const perRegion = this.options?.clientsPerRegion ?? 1;
    const index = this.random.int(perRegion * Math.max(1, regions.length));
    const region = regions[Math.floor(index / perRegion)]?.id;
    const session = `${region ?? 'client'}-${(index % perRegion) + 1}`;
    return {
      index,
      region,
      options: {
        ...(region === undefined ? {} : { region }),
        ...(this.options?.readYourWrites === true ? { session } : {}),
      },
    };
  }

  /** The node of `pool` closest to `region` (one-way latency), ties broken at random; any, without a region. */
  private nearest(pool: readonly DbNode[], region: RegionId | undefined): DbNode | undefined {
    if (region === undefined) return pool[this.random.int(pool.length)];
    let best = Infinity;
    let ties: DbNode[] = [];
    for (const node of pool) {
      const ms = this.cluster.network.regionTiming(region, regionOf(this.cluster, node.id)).latencyMs;
      if (ms < best) {
        best = ms;
        ties = [node];
      } else if (ms === best) ties.push(node);
    }
    return ties[this.random.int(ties.length)];
  }

  /**
   * Without clients modelled, `nearest` of a pool with no region is a pick at random, as the workload
   * always drew: the same numbers in the same order.
   */
  private issueWrite(): void {
    const client = this.clients ? this.pickClient() : undefined;
    // The nearest writable master (a client whose master is down or cut off fails over to another); with one
    // primary, the primary (writes to a dead one fail).
    const primary = this.cluster.isMultiPrimary()
      ? this.nearest(this.cluster.writablePrimaries(), client?.region)
      : this.cluster.currentPrimary();
    if (primary === undefined) return;
    const op = this.client.write(primary.id, this.key(), `v${this.nextValue++}`, client?.options);
    if (client?.options.session === undefined) return;
    let writes = this.sessions.get(client.index);
    if (writes === undefined) this.sessions.set(client.index, (writes = []));
    writes.push(op.id);
    if (writes.length > SESSION_WRITES) writes.shift();
  }

  private issueRead(): void {
    const nodes = [...this.cluster.nodes.values()].filter((n) => n.isUp);
    const replicas = nodes.filter((n) => !n.isPrimary);
    const primaries = nodes.filter((n) => n.isPrimary);
    const routing = this.options?.readRouting ?? 'replicas';
    let pool =
      routing === 'primary' ? primaries : routing === 'replicas' && replicas.length > 0 ? replicas : nodes;
    const client = this.clients ? this.pickClient() : undefined;
    const own = client === undefined ? undefined : this.lastAcknowledged(client.index);
    if (own !== undefined) {
      // ProxySQL's causal reads: a node that has applied the session's last write, else the writer.
      const caughtUp = pool.filter((n) => appliedOn(n, own));
      const writers = primaries.filter((n) => appliedOn(n, own));
      pool = caughtUp.length > 0 ? caughtUp : writers.length > 0 ? writers : primaries;
    }
    const target = this.nearest(pool, client?.region);
    if (target !== undefined) this.client.read(target.id, this.key(), client?.options);
  }

  /** The session's newest write its client has heard acknowledged (not lost), if any. */
  private lastAcknowledged(client: number): OpRecord | undefined {
    const writes = this.sessions.get(client);
    if (writes === undefined) return undefined;
    const now = this.cluster.now();
    for (let i = writes.length - 1; i >= 0; i--) {
      const op = this.cluster.history.get(writes[i] as number);
      if (op?.status === 'ok' && op.lost !== true && (op.endedAt ?? Infinity) <= now) return op;
    }
    return undefined;
  }
}
