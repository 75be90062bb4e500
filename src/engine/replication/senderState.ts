/** A node's sending side of physical replication (its walsenders), owned by sender.ts. */
import type { Lsn, NodeId, SimTime } from '../types.ts';

/** The upstream's side of one replication connection (a walsender). */
export interface DownstreamLink {
  readonly replicaId: NodeId;
  readonly connId: number;
  /** Last LSN sent on this connection (`sent_lsn`). */
  sentLsn: Lsn;
  /** Positions the replica last reported (`write_lsn`, `flush_lsn`, `replay_lsn`). */
  writtenLsn: Lsn;
  receivedLsn: Lsn;
  appliedLsn: Lsn;
  /**
   * `pg_stat_replication.state`: false while `catchup` (a copy or a backlog still to send), true once
   * the walsender has sent everything it had (`streaming`). Only a streaming standby can be a
   * synchronous one: PostgreSQL picks sync standbys among walsenders in the streaming state.
   */
  streaming: boolean;
}

export class SenderState {
  /** Open connections to downstream replicas, by replica. */
  readonly links = new Map<NodeId, DownstreamLink>();
  /** The network interface is busy sending until then (batches queue behind each other). */
  busyUntil: SimTime = 0;
  pumpScheduled = false;
  /** Which replica the next pump serves first, so no walsender starves. */
  roundRobin = 0;

  /** What a crash loses: every walsender and the pump that fed them. */
  crash(): void {
    this.links.clear();
    this.pumpScheduled = false;
  }
}

/** Scheduled mode (a periodic shipper), by primary, owned by sender.ts. */
export class ShippingState {
  /** Entries released for shipping at the primary's last tick. */
  readonly releasedLsn = new Map<NodeId, Lsn>();
  /** Primaries whose next tick is already scheduled. */
  readonly tickScheduled = new Set<NodeId>();
}
