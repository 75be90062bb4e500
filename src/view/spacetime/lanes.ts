/**
 * The diagram's lanes, one per node, in topology order: the primaries side by side, then each one's
 * replicas depth first down their cascades, then anyone else (a node with no upstream, one removed
 * whose messages are still in view).
 */
import type { NodeId, NodeView } from '../../engine/index.ts';

export function laneOrder(
  nodes: readonly Pick<NodeView, 'id' | 'role' | 'upstream'>[],
  others: Iterable<NodeId> = [],
): NodeId[] {
  const ids = new Set(nodes.map((n) => n.id));
  const below = new Map<NodeId, NodeId[]>();
  for (const node of nodes) {
    if (node.role === 'primary' || node.upstream === undefined || !ids.has(node.upstream)) continue;
    const list = below.get(node.upstream) ?? [];
    list.push(node.id);
    below.set(node.upstream, list);
  }
  const order: NodeId[] = [];
  const placed = new Set<NodeId>();
  const place = (id: NodeId): void => {
    if (placed.has(id)) return;
    placed.add(id);
    order.push(id);
  };
  const descend = (id: NodeId): void => {
    for (const child of below.get(id) ?? []) {
      if (placed.has(child)) continue;
      place(child);
      descend(child);
    }
  };
  const primaries = nodes.filter((n) => n.role === 'primary').map((n) => n.id);
  primaries.forEach(place);
  primaries.forEach(descend);
  // Replicas whose upstream is gone or unset, with their own cascades.
  for (const node of nodes) {
    if (placed.has(node.id)) continue;
    place(node.id);
    descend(node.id);
  }
  for (const id of others) place(id);
  return order;
}
