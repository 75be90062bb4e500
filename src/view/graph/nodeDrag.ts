/**
 * The node drag's behaviour (see useNodeDrag.ts): d3-drag on the nodes' group, in the zoomed group's
 * coordinates. A chunk of its own, loaded with d3-drag after the first frame.
 */
import { drag as d3drag, type D3DragEvent } from 'd3-drag';
import { select } from 'd3-selection';
import type { RefObject } from 'react';
import { canDrag, dropTargetAt } from './drop.ts';
import type { DragTopology, NodeDrag } from './useNodeDrag.ts';

interface Subject {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

/** Pixels a press may move and still be a click. */
const CLICK_DISTANCE = 5;

/** Attaches the behaviour; `setDrag` hears the drag drawn. Returns what detaches it. */
export function attachNodeDrag(
  group: SVGGElement,
  zoomed: SVGGElement,
  latest: RefObject<DragTopology>,
  setDrag: (drag: NodeDrag | null) => void,
): () => void {
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
  return () => {
    selection.on('.drag', null);
  };
}
