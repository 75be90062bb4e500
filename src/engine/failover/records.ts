/** Failover records: each failover's recovery time (failure to the new primary's first acknowledged write) and recovery point (the acknowledged writes it lost). */
import type { Cluster } from '../cluster.ts';
import type { EngineEventBody, FailoverRecord, NodeId } from '../types.ts';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type Draft = Mutable<FailoverRecord> & { lostOpIds: number[]; timeline: number };

export type FailoverFields = Pick<
  FailoverRecord,
  'trigger' | 'oldPrimary' | 'newPrimary' | 'failedAt' | 'lastHeartbeatAt' | 'detectedAt' | 'promotedAt'
>;

export class FailoverRecords {
  // Saved and put back by persist/state.ts.
  readonly records: Draft[] = [];
  /** Records whose new primary has not acknowledged a write yet. */
  awaiting: Draft[] = [];
  /** Op ids marked lost while a capture runs. */
  private captured: number[] | undefined;

  constructor(private readonly cluster: Cluster) {
    cluster.onEmit = (body) => {
      this.observe(body);
    };
  }

  /** Runs `work` (a promotion, a step-down) and returns the op ids of the writes it marked lost. */
  capture(work: () => void): number[] {
    const outer = this.captured;
    this.captured = [];
    try {
      work();
      return this.captured;
    } finally {
      this.captured = outer;
    }
  }

  open(fields: FailoverFields, lostOpIds: readonly number[]): FailoverRecord {
    const newPrimary = this.cluster.node(fields.newPrimary);
    const draft: Draft = {
      id: this.records.length + 1,
      ...fields,
      firstWriteAt: null,
      rtoMs: null,
      lostWrites: 0,
      lostOpIds: [],
      lostWindow: null,
      splitBrain: false,
      timeline: newPrimary.timeline,
    };
    this.records.push(draft);
    this.awaiting.push(draft);
    this.addLost(draft.id, lostOpIds);
    return draft;
  }

  /** Attributes more lost writes to a failover (a split-brain primary's writes, discarded when it steps down). */
  addLost(id: number, opIds: readonly number[]): void {
    const draft = this.records[id - 1];
    if (draft === undefined) return;
    for (const opId of opIds) {
      draft.lostOpIds.push(opId);
      const ackedAt = this.cluster.history.get(opId)?.endedAt;
      if (ackedAt === undefined) continue;
      const window = draft.lostWindow;
      draft.lostWindow = {
        from: Math.min(window?.from ?? ackedAt, ackedAt),
        to: Math.max(window?.to ?? ackedAt, ackedAt),
      };
    }
    draft.lostWrites = draft.lostOpIds.length;
  }

  markSplitBrain(id: number): void {
    const draft = this.records[id - 1];
    if (draft !== undefined) draft.splitBrain = true;
  }

  /** The latest failover that replaced `oldPrimary`. */
  latestReplacing(oldPrimary: NodeId): FailoverRecord | undefined {
    return this.records.findLast((r) => r.oldPrimary === oldPrimary);
  }

  all(): FailoverRecord[] {
    return this.records.map(publicRecord);
  }

  get count(): number {
    return this.records.length;
  }

  latest(): FailoverRecord | null {
    const last = this.records.at(-1);
    return last === undefined ? null : publicRecord(last);
  }

  private observe(body: EngineEventBody): void {
    if (body.type === 'writes-lost') {
      this.captured?.push(...body.opIds);
    } else if (body.type === 'write-acknowledged' && this.awaiting.length > 0) {
      const op = this.cluster.history.get(body.opId);
      const now = this.cluster.now();
      for (const draft of this.awaiting) {
        if (draft.newPrimary !== body.nodeId || op?.timeline !== draft.timeline) continue;
        draft.firstWriteAt = now;
        draft.rtoMs = now - draft.failedAt;
      }
      this.awaiting = this.awaiting.filter((d) => d.firstWriteAt === null);
    }
  }
}

function publicRecord(draft: Draft): FailoverRecord {
  return {
    id: draft.id,
    trigger: draft.trigger,
    oldPrimary: draft.oldPrimary,
    newPrimary: draft.newPrimary,
    failedAt: draft.failedAt,
    lastHeartbeatAt: draft.lastHeartbeatAt,
    detectedAt: draft.detectedAt,
    promotedAt: draft.promotedAt,
    firstWriteAt: draft.firstWriteAt,
    rtoMs: draft.rtoMs,
    lostWrites: draft.lostWrites,
    lostOpIds: [...draft.lostOpIds],
    lostWindow: draft.lostWindow,
    splitBrain: draft.splitBrain,
  };
}
