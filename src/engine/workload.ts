/** A deterministic client workload: Poisson arrivals of writes and reads from a seeded stream, routed by policy. */
import type { Cluster } from './cluster.ts';
import type { Random } from './random.ts';
import type { NodeId, WorkloadOptions } from './types.ts';

export const DEFAULT_WORKLOAD: WorkloadOptions = {
  writesPerSec: 5,
  readsPerSec: 5,
  keys: 10,
  readRouting: 'replicas',
};

export interface ClientApi {
  write(nodeId: NodeId, key: string, value: string): void;
  read(nodeId: NodeId, key: string): void;
}

export class Workload {
  // Saved and put back by persist/state.ts.
  generation = 0;
  nextValue = 1;
  private readonly keyNames: string[] = [];
  options: WorkloadOptions | null = null;

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
  }

  start(options: WorkloadOptions): void {
    this.stop();
    this.options = options;
    if (options.writesPerSec > 0) this.arrive('write', 1000 / options.writesPerSec);
    if (options.readsPerSec > 0) this.arrive('read', 1000 / options.readsPerSec);
  }

  stop(): void {
    this.generation++;
    this.options = null;
  }

  /** Arrivals are timers, not pending work: `runUntilIdle` does not wait for a running workload. */
  private arrive(kind: 'write' | 'read', meanGapMs: number): void {
    const at = this.cluster.now() + this.random.exponential(meanGapMs);
    this.cluster.scheduler.schedule(at, 'workload.arrive', [this.generation, kind, meanGapMs], true);
  }

  private key(): string {
    const i = this.random.int(this.options?.keys ?? 1);
    // One string per key, made once: every node's store then compares keys by identity.
    return (this.keyNames[i] ??= `k${i}`);
  }

  private issueWrite(): void {
    if (this.cluster.isMultiPrimary()) {
      // Writes spread over the group; a client whose master is down or cut off fails over to another.
      const writable = this.cluster.writablePrimaries();
      const target = writable[this.random.int(writable.length)];
      if (target !== undefined) this.client.write(target.id, this.key(), `v${this.nextValue++}`);
      return;
    }
    const primary = this.cluster.currentPrimary();
    if (primary === undefined) return;
    this.client.write(primary.id, this.key(), `v${this.nextValue++}`);
  }

  private issueRead(): void {
    const nodes = [...this.cluster.nodes.values()].filter((n) => n.isUp);
    const replicas = nodes.filter((n) => !n.isPrimary);
    const primaries = nodes.filter((n) => n.isPrimary);
    const routing = this.options?.readRouting ?? 'replicas';
    const pool =
      routing === 'primary' ? primaries : routing === 'replicas' && replicas.length > 0 ? replicas : nodes;
    const target = pool[this.random.int(pool.length)];
    if (target !== undefined) this.client.read(target.id, this.key());
  }
}
