/** A replication link from upstream to downstream: solid when synchronous, dashed when asynchronous. */
import type { LinkView } from '../../engine/index.ts';
import { trimmedSegment } from './geometry.ts';
import type { Point } from './layout.ts';

interface Props {
  readonly link: LinkView;
  readonly from: Point;
  readonly to: Point;
  readonly fromRadius: number;
  readonly toRadius: number;
  /** Whether this link counts toward synchronous commit under the current replication mode. */
  readonly sync: boolean;
}

export function GraphEdge({ link, from, to, fromRadius, toRadius, sync }: Props) {
  const s = trimmedSegment(from, to, fromRadius, toRadius + 2);
  const kind = sync ? 'sync' : 'async';
  return (
    <line
      className={`edge edge--${kind}${link.connected ? '' : ' edge--disconnected'}`}
      x1={s.x1}
      y1={s.y1}
      x2={s.x2}
      y2={s.y2}
      markerEnd={`url(#arrow-${kind})`}
      data-from={link.from}
      data-to={link.to}
    />
  );
}
