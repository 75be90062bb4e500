/** Sentences about the outcome of one user operation, for the status line. */
import type { NodeView, OperationRecord } from '../engine/index.ts';
import type { StatusMessage } from './slices/engineSlice.ts';

function quote(value: string | undefined): string {
  return value === undefined ? 'nothing' : `"${value}"`;
}

/** What a write's record says right now: pending, acknowledged, failed or lost. */
export function writeStatus(op: OperationRecord): StatusMessage {
  const what = `${op.key} = ${quote(op.value)}`;
  if (op.status === 'failed') {
    return { tone: 'error', text: `Write ${what} on ${op.nodeId} failed: ${op.error ?? 'unknown error'}.` };
  }
  if (op.lost === true) {
    return {
      tone: 'error',
      text: `Write ${what} was acknowledged, then lost: ${op.lostReason ?? 'failover'}.`,
    };
  }
  if (op.status === 'pending') {
    const waiting = op.waitedForSync === true ? ', waiting for synchronous confirmation' : '';
    return { tone: 'info', text: `Writing ${what} on ${op.nodeId}${waiting}…` };
  }
  const latency = op.endedAt === undefined ? '' : ` after ${Math.round(op.endedAt - op.startedAt)} ms`;
  return { tone: 'ok', text: `${op.nodeId} acknowledged ${what}${latency} (LSN ${op.lsn ?? '?'}).` };
}

/** A read's outcome; a stale read explains which value it missed and why. */
export function readStatus(op: OperationRecord, node: NodeView | undefined): StatusMessage {
  if (op.status === 'failed') {
    return { tone: 'error', text: `Read ${op.key} on ${op.nodeId} failed: ${op.error ?? 'unknown error'}.` };
  }
  if (op.stale === true) {
    const entries = node?.lag.entries === 1 ? '1 entry' : `${node?.lag.entries ?? 0} entries`;
    const lag = node === undefined ? '' : ` (lag ${entries}, ${Math.round(node.lag.ms)} ms)`;
    return {
      tone: 'warn',
      text:
        `Stale read: ${op.nodeId} returned ${quote(op.value)} for ${op.key}, but ${quote(op.expected)} ` +
        `was already acknowledged. ${op.nodeId} had not applied it yet${lag}: replication is asynchronous.`,
    };
  }
  if (op.value === undefined) {
    return { tone: 'info', text: `${op.nodeId} has no value for ${op.key}.` };
  }
  return { tone: 'ok', text: `Read ${op.key} on ${op.nodeId}: ${quote(op.value)} (up to date).` };
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
