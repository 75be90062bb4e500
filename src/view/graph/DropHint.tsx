/**
 * While a replica is dragged over a node: the link it would get (from that node to it) and, in words,
 * whether dropping it there re-points it or why not; so the outcome is never told by colour alone.
 */
import { trimmedSegment } from './geometry.ts';
import type { Point } from './layout.ts';
import type { NodeDrag } from './useNodeDrag.ts';

interface Props {
  readonly drag: NodeDrag;
  /** The centre of the node it is over. */
  readonly target: Point | undefined;
  readonly radius: (id: string) => number;
}

export function DropHint({ drag, target, radius }: Props) {
  const { over } = drag;
  if (over === null || target === undefined) return null;
  const accepted = over.refusal === null;
  const s = trimmedSegment(target, drag.at, radius(over.id), radius(drag.id) + 2);
  return (
    <g className={`drop-hint drop-hint--${accepted ? 'accepted' : 'refused'}`} aria-hidden="true">
      {accepted && (
        <line
          className="drop-hint-link"
          x1={s.x1}
          y1={s.y1}
          x2={s.x2}
          y2={s.y2}
          markerEnd="url(#arrow-async)"
        />
      )}
      <text className="drop-hint-text" x={drag.at.x} y={drag.at.y + radius(drag.id) + 22} textAnchor="middle">
        {accepted ? `Drop: stream from ${over.id}` : `No: ${over.refusal}`}
      </text>
    </g>
  );
}
