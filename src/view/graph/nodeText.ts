/** The words a graph node shows and announces: role, status, position and lag. */
import type { ApplierStop, NodeView, WriteReach } from '../../engine/index.ts';
import { roleWord, type Vocabulary } from '../vocabulary.ts';

export function lagMs(node: NodeView): string {
  return `${Math.round(node.lag.ms)} ms`;
}

export function lagEntries(node: NodeView): string {
  return node.lag.entries === 1 ? '1 entry' : `${node.lag.entries} entries`;
}

/** The log position worth showing: what a primary committed, what a replica applied. */
export function shownLsn(node: NodeView): number {
  return node.role === 'primary' ? node.lastLsn : node.appliedLsn;
}

/** A slowed disk, in a few words ("disk 10× slower"). */
export function diskWords(node: NodeView): string {
  return `disk ${node.diskFactor}× slower`;
}

/** The server's reason an applier stopped: "Duplicate entry 'k' for key 'PRIMARY'" out of its Last_SQL_Error. */
export function applierReason(stop: ApplierStop): string {
  return /; (Duplicate entry .*?), Error_code/.exec(stop.error)?.[1] ?? stop.error;
}

/** A stopped applier in words: "Applier stopped: Duplicate entry 'k' for key 'PRIMARY' (1062)". */
export function applierWords(stop: ApplierStop): string {
  return `Applier stopped: ${applierReason(stop)} (${stop.errno})`;
}

/** Where the followed write stands on a node (`Simulation.writeReach`). */
export type ReachState = WriteReach['state'];

export const REACH_GLYPH: Readonly<Record<ReachState, string>> = {
  applied: '✓',
  received: '◐',
  missing: '○',
};

export const REACH_WORDS: Readonly<Record<ReachState, string>> = {
  applied: 'has it',
  received: 'received it, not replayed yet',
  missing: 'does not have it',
};

/** The write the graph follows, and where it stands on this node. */
export interface FollowedWrite {
  readonly opId: number;
  readonly state: ReachState;
}

/**
 * E.g. "db2, slave, up, lag 3 entries 120 ms" or "db1 “Frankfurt primary”, master, down, LSN 48, 3 conflicts";
 * `position` names the log position in the scenario's database's words (positionWord.ts).
 */
export function nodeAccessibleName(
  node: NodeView,
  vocabulary: Vocabulary,
  conflicts = 0,
  followed?: FollowedWrite,
  lost = 0,
  position = 'LSN',
): string {
  const parts = [
    node.label === undefined ? node.id : `${node.id} “${node.label}”`,
    roleWord(vocabulary, node.role),
    node.status,
  ];
  if (node.role === 'replica') parts.push(`lag ${lagEntries(node)} ${lagMs(node)}`);
  else parts.push(`${position} ${shownLsn(node)}`);
  if (node.diskFactor > 1) parts.push(diskWords(node));
  for (const stop of node.stoppedAppliers) parts.push(`${applierWords(stop)}, from ${stop.source}`);
  if (conflicts > 0) parts.push(conflicts === 1 ? '1 conflict' : `${conflicts} conflicts`);
  if (lost > 0) parts.push(lost === 1 ? '1 acknowledged write lost' : `${lost} acknowledged writes lost`);
  if (followed !== undefined) parts.push(`write #${followed.opId}: ${REACH_WORDS[followed.state]}`);
  return parts.join(', ');
}

/** Ids longer than fit inside a node shape are shortened there (the full id is in the label). */
export function shortId(id: string, max = 7): string {
  return id.length <= max ? id : `${id.slice(0, max - 1)}…`;
}
