/** A node's receiving side of physical replication (its walreceiver and startup process), owned by receiver.ts. */
import type { Lsn, SimTime } from '../types.ts';

export class ReceiverState {
  /** The connection this replica streams on; messages from any other are stale. */
  connId: number | undefined;
  /** When the replica sent its current connection attempt (its hello). */
  connectingSince: SimTime | undefined;
  /** A replay step is under way (the startup process is busy). */
  applying = false;
  /** A flush of what it wrote is under way. */
  flushScheduled = false;
  /** Status replies are throttled (`wal_receiver_status_interval`) under load. */
  nextAckAt: SimTime = 0;
  ackScheduled = false;
  /** The last replay position reported as an "applied" event, and when the next report may go. */
  reportedAppliedLsn: Lsn;
  nextAppliedReportAt: SimTime = 0;
  appliedReportScheduled = false;

  constructor(after: Lsn) {
    this.reportedAppliedLsn = after;
  }

  /** What a crash loses: the connection and the work in progress (its tasks see a new generation). */
  crash(): void {
    this.connId = undefined;
    this.applying = false;
    this.flushScheduled = false;
  }

  /** Work in progress stops when the node's contents are replaced (a base backup or a rewind). */
  stopWork(): void {
    this.applying = false;
    this.flushScheduled = false;
  }
}
