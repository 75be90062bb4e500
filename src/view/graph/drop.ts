/**
 * Dragging a replica onto another node re-points it (the node menu's Re-point is the keyboard way).
 * Pure: which node a drag is over, and whether the dragged replica may stream from it.
 */
import type { NodeView } from '../../engine/index.ts';
import { subtree } from '../../store/index.ts';
import type { Point } from './layout.ts';

/** How far from a node's centre a drop still counts as on it: its shape and a little more. */
export const DROP_REACH = 40;

export interface DropTarget {
  readonly id: string;
  /** Why it may not be the dragged node's upstream, or null when it may. */
  readonly refusal: string | null;
}

/** Only replicas are re-pointed by dragging (a master has no upstream to change). */
export function canDrag(node: NodeView | undefined): boolean {
  return node?.role === 'replica';
}

/** The node the drag at `at` is over (the nearest within reach, never the dragged one). */
export function dropTargetAt(
  nodes: readonly NodeView[],
  positions: ReadonlyMap<string, Point>,
  draggedId: string,
  at: Point,
): DropTarget | null {
  let best: { id: string; distance: number } | null = null;
  for (const [id, p] of positions) {
    if (id === draggedId) continue;
    const distance = Math.hypot(p.x - at.x, p.y - at.y);
    if (distance <= DROP_REACH && (best === null || distance < best.distance)) best = { id, distance };
  }
  if (best === null) return null;
  const dragged = nodes.find((n) => n.id === draggedId);
  let refusal: string | null = null;
  if (dragged?.upstream === best.id) refusal = `${draggedId} already streams from ${best.id}`;
  else if (subtree(nodes, draggedId).includes(best.id)) {
    refusal = `${best.id} streams from ${draggedId}: a loop`;
  }
  return { id: best.id, refusal };
}
