/**
 * Leader leases and fencing (Patroni's leader lock): a primary may write only while its lease holds.
 * Invariant: a lease runs `timeoutMs` from when the renewing heartbeat left the primary, so it always ends
 * before the manager, which counts from the heartbeat's arrival plus a safety margin, may promote anyone
 * (after a shorter `timeoutMs` is set, a lease granted before may outlast that: the manager waits for it).
 */
import type { Cluster } from '../cluster.ts';
import type { DbNode } from '../node/dbNode.ts';
import { failWaiting } from '../replication/syncCommit.ts';
import type { TaskHandle } from '../scheduler.ts';
import { nodeFor } from '../tasks.ts';
import type { NodeId, SimTime } from '../types.ts';

export class Leases {
  // Saved and put back by persist/state.ts.
  readonly checks = new Map<NodeId, TaskHandle>();

  /** `paused`: whether the manager is in maintenance mode, when no primary is fenced. */
  constructor(
    readonly cluster: Cluster,
    private readonly paused: () => boolean,
  ) {
    cluster.scheduler.on('lease.check', ([id, uid]) => {
      const primary = nodeFor(cluster, id as NodeId, uid as number);
      if (primary !== undefined) this.check(primary);
    });
  }

  /** Renews `primary`'s lease from `from` (when its heartbeat left); a fenced primary writes again. */
  grant(primary: DbNode, from: SimTime): void {
    const until = from + this.cluster.failoverConfig.timeoutMs;
    if (until <= primary.leaseUntil) return;
    primary.leaseUntil = until;
    if (primary.isFenced && this.cluster.now() < until) {
      primary.actor.send({ type: 'LEASE_RENEWED' });
      this.cluster.emit({ type: 'unfenced', nodeId: primary.id });
    }
    const previous = this.checks.get(primary.id);
    if (previous !== undefined) this.cluster.scheduler.cancel(previous);
    const check = this.cluster.scheduler.schedule(until, 'lease.check', [primary.id, primary.uid], true);
    this.checks.set(primary.id, check);
  }

  /**
   * With fencing, a primary whose lease ran out turns read-only (also when it restarts after expiry, or
   * when fencing is turned on or the manager resumes after it expired). Patroni in maintenance mode lets a
   * primary run without the lock, so a paused manager fences no one.
   */
  check(primary: DbNode): void {
    if (!this.cluster.failoverConfig.fencing || this.paused() || this.cluster.now() < primary.leaseUntil)
      return;
    if (primary.isUp && primary.isPrimary && !primary.isFenced) this.fence(primary);
  }

  /** Patroni demotes a primary that cannot renew the leader lock: it turns read-only at once. */
  private fence(primary: DbNode): void {
    primary.actor.send({ type: 'LEASE_EXPIRED' });
    failWaiting(
      this.cluster,
      primary,
      `${primary.id} lost its leader lease and turned read-only before acknowledging`,
    );
    this.cluster.emit({ type: 'fenced', nodeId: primary.id });
    if (this.cluster.isReadOnly())
      this.cluster.emit({ type: 'read-only', reason: `${primary.id} lost its leader lease` });
  }
}
