/**
 * A multi-primary member's logical replication state, owned by peers.ts: its own write counter (its
 * replication origin), the slot of its writes peers still need, and its subscriptions both ways.
 */
import type { ApplierStop, LogEntry, NodeId, SimTime } from '../types.ts';

/** A subscription to a peer's own writes (a logical replication apply worker). */
export interface PeerSubscription {
  readonly connId: number;
  /** When its hello left. */
  readonly since: SimTime;
  streaming: boolean;
}

/** The publishing side of a peer's subscription (a walsender decoding this node's own writes). */
export interface PeerLink {
  readonly connId: number;
  /** This node's own write counter last sent. */
  sentSeq: number;
}

export class LogicalState {
  /** Writes this node originated so far (its replication origin's position); durable. */
  originSeq = 0;
  /** Its own writes, oldest first, kept until every peer applied them (a logical replication slot). */
  outbox: LogEntry[] = [];
  /** Per peer: the last of that peer's own writes applied here (`pg_replication_origin_status`); durable. */
  readonly peerProgress = new Map<NodeId, number>();
  /** Per peer: what it confirmed applying of this node's writes (the slot's `confirmed_flush_lsn`); durable. */
  readonly peerConfirmed = new Map<NodeId, number>();
  /** Its apply workers, by the peer they subscribe to. */
  readonly subscriptions = new Map<NodeId, PeerSubscription>();
  /** Its publishing walsenders, by the subscribing peer. */
  readonly peerLinks = new Map<NodeId, PeerLink>();
  /** Appliers stopped by an event they could not apply, by source; durable (a restart fails again). */
  readonly stopped = new Map<NodeId, ApplierStop>();

  /** What a crash loses: the connections both ways (the slot and the origin progress are durable). */
  crash(): void {
    this.subscriptions.clear();
    this.peerLinks.clear();
  }
}
