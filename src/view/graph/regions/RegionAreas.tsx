/**
 * The graph's regions (fetched only for a scenario with regions): a labelled area behind each region's
 * nodes, whose label opens the region's menu, and the one-way latency written on links between regions.
 */
import type { KeyboardEvent, SyntheticEvent } from 'react';
import type { LinkView, NodeView, RegionLinkView, RegionView } from '../../../engine/index.ts';
import type { Point } from '../layout.ts';
import { latencyAnchor, type RegionBox } from './regionLayout.ts';
import { latencyText, regionAccessibleName, regionCutOff } from './regionText.ts';
import './regions.css';

interface AreasProps {
  readonly regions: readonly RegionView[];
  readonly between: readonly RegionLinkView[];
  readonly boxes: readonly RegionBox[];
  /** Click, Enter or Space on a region's label: opens its menu beside `element`. */
  readonly onActivate: (regionId: string, element: Element) => void;
}

const LABEL_HEIGHT = 46;

export function RegionAreas({ regions, between, boxes, onActivate }: AreasProps) {
  return (
    <g className="regions">
      {boxes.map(({ id, box }) => {
        const region = regions.find((r) => r.id === id);
        if (region === undefined) return null;
        const cut = regionCutOff(id, between);
        const activate = (event: SyntheticEvent<SVGGElement>) => {
          onActivate(id, event.currentTarget);
        };
        const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
          if (event.key !== 'Enter' && event.key !== ' ') return;
          event.preventDefault();
          activate(event);
        };
        return (
          <g key={id} className={cut ? 'region region--cut' : 'region'} data-region={id}>
            <rect className="region-area" x={box.x} y={box.y} width={box.width} height={box.height} rx={14} />
            <g
              className="region-label"
              role="button"
              tabIndex={0}
              aria-haspopup="menu"
              aria-label={regionAccessibleName(region, cut)}
              onClick={activate}
              onKeyDown={onKeyDown}
            >
              <rect
                className="region-label-hit"
                x={box.x + 6}
                y={box.y + 6}
                width={box.width - 12}
                height={LABEL_HEIGHT}
                rx={8}
              />
              <text className="region-name" x={box.x + 16} y={box.y + 28}>
                {region.name}
              </text>
              <text className="region-note" x={box.x + 16} y={box.y + 46}>
                {cut ? 'cut off from the other regions' : `${latencyText(region.latencyMs)} inside`}
              </text>
            </g>
          </g>
        );
      })}
    </g>
  );
}

interface LatencyProps {
  readonly nodes: readonly NodeView[];
  readonly links: readonly LinkView[];
  readonly boxes: readonly RegionBox[];
  readonly position: (id: string) => Point | undefined;
}

/** Each link between two regions' nodes, its one-way latency written where it crosses between them ("38 ms"). */
export function RegionLatencies({ nodes, links, boxes, position }: LatencyProps) {
  const regionOf = new Map(nodes.map((n) => [n.id, n.region]));
  const boxOf = (id: string) => boxes.find((r) => r.id === regionOf.get(id));
  return (
    <g className="region-latencies" aria-hidden="true">
      {links.map((link) => {
        if (regionOf.get(link.from) === regionOf.get(link.to)) return null;
        const a = position(link.from);
        const b = position(link.to);
        if (a === undefined || b === undefined) return null;
        const at = latencyAnchor(a, b, boxOf(link.from), boxOf(link.to), boxes);
        return (
          <text
            key={`${link.from}->${link.to}`}
            className={link.cut ? 'region-link-latency region-link-latency--cut' : 'region-link-latency'}
            x={at.x}
            y={at.y - 9}
          >
            {latencyText(link.latencyMs)}
          </text>
        );
      })}
    </g>
  );
}
