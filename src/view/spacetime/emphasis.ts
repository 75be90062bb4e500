/** Which writes the space-time diagram traces, from what the lab has picked. */
import { own, type EngineEvent } from '../../engine/index.ts';
import type { LabState, OpReach } from '../../store/index.ts';
import type { Applied, Scene } from './draw.ts';

/** The writes the diagram traces: those of the conflict picked in the ledger, else the write followed. */
export function emphasisOf(state: LabState): Scene['emphasis'] {
  const conflict =
    state.selectedConflictId === null
      ? undefined
      : state.conflicts.find((c) => c.id === state.selectedConflictId);
  if (conflict !== undefined)
    return { opIds: new Set(conflict.versions.map((v) => v.opId)), tone: 'conflict' };
  if (state.selectedOpId !== null && state.opReach !== null)
    return {
      opIds: new Set([state.selectedOpId]),
      tone: 'follow',
      applied: appliedTimes(state.events, state.selectedOpId, state.opReach),
    };
  return null;
}

/**
 * When each node applied a write, from the events: its commit on the primary, then each replica's first
 * replayed range that holds its position, for the nodes that hold it now (`reach`; a node on another
 * timeline may have replayed another entry at that position). Replicas report replay at most every
 * 100 ms under load, so a time is the report's, at most that late; only events the lab still keeps
 * (its newest few hundred) can be read, so a write followed long after has no times.
 */
export function appliedTimes(events: readonly EngineEvent[], opId: number, reach: OpReach): Applied[] {
  const committed = events.find((e) => e.type === 'write-committed' && e.opId === opId);
  if (committed?.type !== 'write-committed') return [];
  const applied: Applied[] = [{ nodeId: committed.nodeId, at: committed.at, since: 0 }];
  const seen = new Set([committed.nodeId]);
  for (const event of events) {
    if (event.type !== 'entries-applied' || event.at < committed.at || seen.has(event.nodeId)) continue;
    if (event.fromLsn > committed.lsn || event.toLsn < committed.lsn) continue;
    if (own(reach, event.nodeId) !== 'applied') continue;
    seen.add(event.nodeId);
    applied.push({ nodeId: event.nodeId, at: event.at, since: event.at - committed.at });
  }
  return applied;
}
