/**
 * Drag a replica onto another node to re-point it. d3-drag (loaded after the first frame, with d3-zoom)
 * does the behaviour on the nodes' group; React draws the node where the pointer is. A press that moves
 * less than a few pixels stays a click (the node's menu opens); a drag never pans the graph.
 */
import type { D3DragEvent } from 'd3-drag';
import { useEffect, useRef, useState, type RefObject } from 'react';
import type { NodeView } from '../../engine/index.ts';
import { canDrag, dropTargetAt, type DropTarget } from './drop.ts';
import type { Point } from './layout.ts';

export interface NodeDrag {
  readonly id: string;
  /** Where the dragged node is drawn, in graph coordinates. */
  readonly at: Point;
  readonly over: DropTarget | null;
}

interface Subject {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

/** Pixels a press may move and still be a click. */
const CLICK_DISTANCE = 5;

export function useNodeDrag(
  nodesGroup: RefObject<SVGGElement | null>,
  nodes: readonly NodeView[],
  positions: ReadonlyMap<string, Point>,
  onDrop: (id: string, upstream: string) => void,
): NodeDrag | null {
  const [drag, setDrag] = useState<NodeDrag | null>(null);
  // The behaviour is attached once; it reads the current topology through this.
  const latest = useRef({ nodes, positions, onDrop });
  useEffect(() => {
    latest.current = { nodes, positions, onDrop };
  });

  useEffect(() => {
    const group = nodesGroup.current;
    const zoomed = group?.parentElement;
    if (group === null || !(zoomed instanceof SVGGElement)) return undefined;
    let detach: (() => void) | null = null;
    let cancelled = false;
    void Promise.all([import('d3-drag'), import('d3-selection')]).then(([{ drag: d3drag }, { select }]) => {
      if (cancelled) return;
      let current: NodeDrag | null = null;
      const show = (next: NodeDrag | null) => {
        current = next;
        setDrag(next);
      };
      const behaviour = d3drag<SVGGElement, unknown, Subject | null>()
        // Positions in the zoomed group's coordinates, whatever the zoom.
        .container(zoomed)
        .clickDistance(CLICK_DISTANCE)
        .subject((event: { readonly sourceEvent: Event }) => {
          const { target } = event.sourceEvent;
          const element = target instanceof Element ? target.closest('[data-node-id]') : null;
          const id = element?.getAttribute('data-node-id');
          const { nodes: all, positions: at } = latest.current;
          const p = id == null ? undefined : at.get(id);
          if (id == null || p === undefined || !canDrag(all.find((n) => n.id === id))) return null;
          return { id, x: p.x, y: p.y };
        })
        .on('drag', (event: D3DragEvent<SVGGElement, unknown, Subject>) => {
          const { id } = event.subject;
          const at = { x: event.x, y: event.y };
          const { nodes: all, positions: placed } = latest.current;
          show({ id, at, over: dropTargetAt(all, placed, id, at) });
        })
        .on('end', () => {
          const done = current;
          show(null);
          if (done?.over != null && done.over.refusal === null) latest.current.onDrop(done.id, done.over.id);
        });
      const selection = select(group).call(behaviour);
      detach = () => {
        selection.on('.drag', null);
      };
    });
    return () => {
      cancelled = true;
      detach?.();
    };
  }, [nodesGroup]);

  return drag;
}
