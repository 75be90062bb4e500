/**
 * A node's conflict marks: a ring that flashes after each conflict (moved by a store subscription from
 * simulated time, not by React renders) and a badge with the count, a glyph plus a number.
 */
import { useLayoutEffect, useRef } from 'react';
import { useLabStoreApi, type LabState, type NodeConflicts } from '../../store/index.ts';
import { usePrefersReducedMotion } from '../motion.ts';
import { flashAt } from './conflictFlash.ts';
import { NodeBadge } from './NodeBadge.tsx';

interface Props {
  readonly conflicts: NodeConflicts;
  /** The node shape's outer radius. */
  readonly radius: number;
}

export function ConflictFlash({ conflicts, radius }: Props) {
  const store = useLabStoreApi();
  const ring = useRef<SVGCircleElement>(null);
  const reduced = usePrefersReducedMotion();
  const { lastAt } = conflicts;
  useLayoutEffect(() => {
    let shown = '';
    const place = (state: LabState) => {
      const element = ring.current;
      if (element === null) return;
      const flash = flashAt(state.simTime - lastAt, reduced);
      const next = `${flash.opacity.toFixed(2)} ${(radius + flash.grow).toFixed(1)}`;
      if (next === shown) return;
      shown = next;
      element.setAttribute('opacity', flash.opacity.toFixed(2));
      element.setAttribute('r', (radius + flash.grow).toFixed(1));
      element.setAttribute('data-flashing', String(flash.opacity > 0));
    };
    place(store.getState());
    return store.subscribe(place);
  }, [store, lastAt, radius, reduced]);
  return <circle ref={ring} className="node-conflict-flash" r={radius} opacity={0} />;
}

/** "≠ 3" in a small pill over the node's upper left corner, clear of its labels on the right (its name
 * among them) and of a region's edge. */
export function ConflictBadge({ conflicts, radius }: Props) {
  return (
    <NodeBadge
      className="node-conflict-badge"
      text={`≠ ${conflicts.count}`}
      x={-radius + 8}
      y={-radius - 4}
      data={{ 'data-conflicts': conflicts.count }}
    />
  );
}
