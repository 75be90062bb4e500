/** A replication link from upstream to downstream: solid when synchronous, dashed when asynchronous, crossed when cut. */
import type { KeyboardEvent, SyntheticEvent } from 'react';
import type { LinkView } from '../../engine/index.ts';
import type { LinkRef } from '../../store/index.ts';
import { trimmedSegment } from './geometry.ts';
import { linkAccessibleName } from './linkText.ts';
import type { Point } from './layout.ts';

interface Props {
  readonly link: LinkView;
  readonly from: Point;
  readonly to: Point;
  readonly fromRadius: number;
  readonly toRadius: number;
  /** Whether this link counts toward synchronous commit under the current replication mode. */
  readonly sync: boolean;
  readonly selected: boolean;
  /** Click or Enter: selects the link and opens its menu beside `element`. */
  readonly onActivate: (link: LinkRef, element: Element) => void;
}

const CUT = 7;

export function GraphEdge({ link, from, to, fromRadius, toRadius, sync, selected, onActivate }: Props) {
  const s = trimmedSegment(from, to, fromRadius, toRadius + 2);
  const kind = sync ? 'sync' : 'async';
  const select = (event: SyntheticEvent<SVGGElement>) => {
    onActivate({ from: link.from, to: link.to }, event.currentTarget);
  };
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    select(event);
  };
  const mid = { x: (s.x1 + s.x2) / 2, y: (s.y1 + s.y2) / 2 };
  const classes = ['edge-group', link.cut ? 'edge-group--cut' : '', selected ? 'edge-group--selected' : ''];
  return (
    <g
      className={classes.join(' ').trim()}
      role="button"
      // Out of the Tab order (the graph is one Tab stop); the node menu's "Link from…" reaches it.
      tabIndex={-1}
      aria-haspopup="menu"
      aria-label={linkAccessibleName(link, sync)}
      aria-pressed={selected}
      data-link-from={link.from}
      data-link-to={link.to}
      onClick={select}
      onKeyDown={onKeyDown}
    >
      <line className="edge-hit" x1={s.x1} y1={s.y1} x2={s.x2} y2={s.y2} />
      <line
        className={`edge edge--${kind}${link.peer ? ' edge--peer' : ''}${link.connected ? '' : ' edge--disconnected'}`}
        x1={s.x1}
        y1={s.y1}
        x2={s.x2}
        y2={s.y2}
        markerEnd={`url(#arrow-${kind})`}
        // Masters of a group replicate to each other: the link points both ways.
        {...(link.peer ? { markerStart: `url(#arrow-${kind})` } : {})}
        data-from={link.from}
        data-to={link.to}
      />
      {link.cut && (
        <path
          className="edge-cut"
          d={`M${mid.x - CUT},${mid.y - CUT}L${mid.x + CUT},${mid.y + CUT}M${mid.x + CUT},${mid.y - CUT}L${mid.x - CUT},${mid.y + CUT}`}
        />
      )}
    </g>
  );
}
