/** Failover records in words: recovery time, recovery point, and which failover lost a write. */
import type { FailoverRecord, OperationRecord } from '../../../engine/index.ts';
import { formatSimTime } from '../../simTime.ts';

/** Recovery time: from the old primary failing to the new one acknowledging a write. */
export function rtoText(record: FailoverRecord): string {
  return record.rtoMs === null ? 'no write yet' : formatSimTime(record.rtoMs);
}

/** Recovery point: the acknowledged writes lost, and the time they span (when there are several). */
export function rpoText(record: FailoverRecord): string {
  const n = record.lostWrites;
  if (n === 1) return '1 write';
  const window =
    record.lostWindow === null ? '' : ` over ${formatSimTime(record.lostWindow.to - record.lostWindow.from)}`;
  return `${n} writes${window}`;
}

/** The failover that lost `op`, or undefined when a rewind did (no failover on record). */
export function failoverThatLost(
  op: Pick<OperationRecord, 'id'>,
  failovers: readonly FailoverRecord[],
): FailoverRecord | undefined {
  return failovers.find((f) => f.lostOpIds.includes(op.id));
}

/** A failover in words: "failover #2 (db1 → db2, split brain)". */
export function failoverName(record: FailoverRecord): string {
  const how = record.splitBrain ? ', split brain' : '';
  return `failover #${record.id} (${record.oldPrimary} → ${record.newPrimary}${how})`;
}
