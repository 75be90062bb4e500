/** What primaries' commits wait on, by primary, owned by syncCommit.ts. */
import type { OpRecord } from '../observe/history.ts';
import type { Lsn, NodeId } from '../types.ts';

/** A write waiting for synchronous confirmation. */
export interface WaitingWrite {
  readonly op: OpRecord;
  readonly lsn: Lsn;
}

export class CommitState {
  /** Writes waiting for a flush, per primary: a group commit. */
  readonly flushQueue = new Map<NodeId, OpRecord[]>();
  /** Writes flushed and waiting for synchronous confirmation, per primary. */
  readonly waiting = new Map<NodeId, WaitingWrite[]>();
}
