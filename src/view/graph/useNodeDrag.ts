/**
 * Drag a replica onto another node to re-point it. d3-drag (loaded after the first frame, with d3-zoom)
 * does the behaviour on the nodes' group (nodeDrag.ts, a chunk of its own with it); React draws the node
 * where the pointer is. A press that moves less than a few pixels stays a click (the node's menu opens);
 * a drag never pans the graph.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { NodeView } from '../../engine/index.ts';
import type { DropTarget } from './drop.ts';
import type { Point } from './layout.ts';

export interface NodeDrag {
  readonly id: string;
  /** Where the dragged node is drawn, in graph coordinates. */
  readonly at: Point;
  readonly over: DropTarget | null;
}

/** What the behaviour reads at each event: the current topology, and what a drop does. */
export interface DragTopology {
  readonly nodes: readonly NodeView[];
  readonly positions: ReadonlyMap<string, Point>;
  readonly onDrop: (id: string, upstream: string) => void;
}

export function useNodeDrag(
  nodesGroup: RefObject<SVGGElement | null>,
  nodes: readonly NodeView[],
  positions: ReadonlyMap<string, Point>,
  onDrop: (id: string, upstream: string) => void,
): NodeDrag | null {
  const [drag, setDrag] = useState<NodeDrag | null>(null);
  // The behaviour is attached once; it reads the current topology through this.
  const latest = useRef<DragTopology>({ nodes, positions, onDrop });
  useEffect(() => {
    latest.current = { nodes, positions, onDrop };
  });

  useEffect(() => {
    const group = nodesGroup.current;
    const zoomed = group?.parentElement;
    if (group === null || !(zoomed instanceof SVGGElement)) return undefined;
    let detach: (() => void) | null = null;
    let cancelled = false;
    void import('./nodeDrag.ts').then(({ attachNodeDrag }) => {
      if (cancelled) return;
      detach = attachNodeDrag(group, zoomed, latest, setDrag);
    });
    return () => {
      cancelled = true;
      detach?.();
    };
  }, [nodesGroup]);

  return drag;
}
