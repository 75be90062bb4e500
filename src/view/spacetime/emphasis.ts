/** Which writes the space-time diagram traces, from what the lab has picked. */
import type { LabState } from '../../store/index.ts';
import type { Scene } from './draw.ts';

/** The writes the diagram traces: those of the conflict picked in the ledger, else the write followed. */
export function emphasisOf(state: LabState): Scene['emphasis'] {
  const conflict =
    state.selectedConflictId === null
      ? undefined
      : state.conflicts.find((c) => c.id === state.selectedConflictId);
  if (conflict !== undefined)
    return { opIds: new Set(conflict.versions.map((v) => v.opId)), tone: 'conflict' };
  if (state.selectedOpId !== null && state.opReach !== null)
    return { opIds: new Set([state.selectedOpId]), tone: 'follow' };
  return null;
}
