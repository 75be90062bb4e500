/** A synchronous group member's certification state (Galera's certification index), owned by certification.ts. */
import type { DbNode } from '../node/dbNode.ts';
import type { OpRecord } from '../observe/history.ts';
import type { NodeId, SimTime, VersionVector } from '../types.ts';

/**
 * Galera's refusal on a member outside the Primary Component (reads are refused in the core, writes in
 * certification.ts), as MariaDB 10.11's client prints it (measured with two of three nodes killed).
 */
export const NON_PRIMARY_ERROR = 'ERROR 1047 (08S01): WSREP has not yet prepared node for application use';

/** A write-set this node has certified and not yet applied (or its own, waiting for votes). */
export interface Certification {
  readonly certId: number;
  readonly origin: NodeId;
  readonly key: string;
  readonly value: string;
  /** Its place in the group's total order: when it asked, then the origin's id. */
  readonly order: SimTime;
  /** What its origin held of the key when it wrote (the write-set's conflict window starts there). */
  readonly baseVv: VersionVector;
  /** Its dot once its origin committed it. */
  originSeq?: number;
}

export class CertificationState {
  /** Write-sets certified here and not yet applied, by key. */
  readonly certified = new Map<string, Certification[]>();
  /** Its own write-sets that aborted, repeated to peers that reconnect; durable. */
  readonly abortedCerts: number[] = [];
  /** It reaches a majority of its group (Galera's Primary Component). */
  quorum = true;
  /**
   * The members of the last Primary Component it was in (Galera's last primary view; empty: the whole
   * group, as started). Quorum is counted against it, so a crash is a failure, not a leave; durable, as
   * `gvwstate.dat` is.
   */
  primaryView: NodeId[] = [];
  /**
   * Restarted after a crash and in no Primary Component since: it comes back as a new member, counted
   * towards its old view only when every member of that view is back (Galera's `pc.recovery`).
   */
  rejoining = false;

  /** What a crash loses: the certification index (it is rebuilt from the group's stream). */
  crash(): void {
    this.certified.clear();
  }
}

/** A write in a synchronous multi-primary group waiting for its members' certification votes. */
export interface PendingCertification {
  readonly op: OpRecord;
  readonly node: DbNode;
  readonly cert: Certification;
  readonly waitingFor: Set<NodeId>;
}

/** The group's certifications under way, cluster-wide, owned by certification.ts. */
export class CertificationRounds {
  /** Writes waiting for certification votes, by write id. */
  readonly pending = new Map<number, PendingCertification>();
}
