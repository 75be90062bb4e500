/** The replication graph: laid-out nodes, directed links and moving messages, zoomable and fitted. */
import { useCallback, useMemo, useRef } from 'react';
import type { NodeView } from '../../engine/index.ts';
import { useLabStore } from '../../store/index.ts';
import { VOCABULARIES } from '../vocabulary.ts';
import { nodeRadius } from './geometry.ts';
import { GraphEdge } from './GraphEdge.tsx';
import { GraphNode } from './GraphNode.tsx';
import { fitViewBox, layoutTopology, type LayoutInput } from './layout.ts';
import { MessageCanvas } from './MessageCanvas.tsx';
import { MessageLayer } from './MessageLayer.tsx';
import { useElementSize } from './useElementSize.ts';
import { neighbour, type Direction } from './navigation.ts';
import { useZoom } from './useZoom.ts';
import './graph.css';

/** Room around the node centres: shapes above and left, labels to the right. */
const PAD = { left: 60, right: 170, top: 55, bottom: 60 };

/** A string that changes only when the topology does, so layout runs only then. */
function topologyKey(nodes: readonly NodeView[]): string {
  return JSON.stringify(nodes.map((n): LayoutInput => ({ id: n.id, upstream: n.upstream })));
}

export function Graph({ compact }: { readonly compact: boolean }) {
  const nodes = useLabStore((s) => s.snapshot.nodes);
  const links = useLabStore((s) => s.snapshot.links);
  const syncMode = useLabStore(
    (s) => s.snapshot.replication.mode !== 'async' && s.snapshot.replication.mode !== 'scheduled',
  );
  const selectedId = useLabStore((s) => s.selectedId);
  const select = useLabStore((s) => s.select);
  const selectedLink = useLabStore((s) => s.selectedLink);
  const selectLink = useLabStore((s) => s.selectLink);
  const vocabulary = VOCABULARIES[useLabStore((s) => s.vocabulary)];
  const key = topologyKey(nodes);
  const layout = useMemo(() => layoutTopology(JSON.parse(key) as LayoutInput[]), [key]);

  const roles = useMemo(() => new Map(nodes.map((n) => [n.id, n.role])), [nodes]);
  const position = useCallback((id: string) => layout.positions.get(id), [layout]);
  const radius = useCallback((id: string) => nodeRadius(roles.get(id) ?? 'replica'), [roles]);

  const svg = useRef<SVGSVGElement>(null);
  const navigate = useCallback(
    (fromId: string, direction: Direction) => {
      const target = neighbour(layout.positions, fromId, direction);
      if (target === null) return;
      svg.current?.querySelector<SVGGElement>(`[data-node-id="${CSS.escape(target)}"]`)?.focus();
    },
    [layout],
  );
  const group = useRef<SVGGElement>(null);
  const { transform, zoomed, resetZoom } = useZoom(svg, compact);
  const container = useRef<HTMLDivElement>(null);
  const size = useElementSize(container);
  const { minX, maxX, minY, maxY } = layout.bounds;
  const box = fitViewBox(
    {
      x: minX - PAD.left,
      y: minY - PAD.top,
      width: maxX - minX + PAD.left + PAD.right,
      height: maxY - minY + PAD.top + PAD.bottom,
    },
    size,
  );
  const viewBox = [box.x, box.y, box.width, box.height].map((v) => v.toFixed(1)).join(' ');

  return (
    <div className="graph" ref={container}>
      <svg
        ref={svg}
        className="graph-svg"
        viewBox={viewBox}
        preserveAspectRatio="xMidYMid meet"
        role="group"
        aria-label="Replication topology"
      >
        <defs>
          {(['async', 'sync'] as const).map((kind) => (
            <marker
              key={kind}
              id={`arrow-${kind}`}
              viewBox="0 0 10 10"
              refX={9}
              refY={5}
              markerWidth={7}
              markerHeight={7}
              orient="auto-start-reverse"
            >
              <path className={`arrow arrow--${kind}`} d="M0,0L10,5L0,10z" />
            </marker>
          ))}
        </defs>
        <g ref={group} transform={transform}>
          <g className="edges">
            {links.map((link) => {
              const from = layout.positions.get(link.from);
              const to = layout.positions.get(link.to);
              if (from === undefined || to === undefined) return null;
              return (
                <GraphEdge
                  key={`${link.from}->${link.to}`}
                  link={link}
                  from={from}
                  to={to}
                  fromRadius={radius(link.from)}
                  toRadius={radius(link.to)}
                  sync={syncMode && link.sync}
                  selected={selectedLink?.from === link.from && selectedLink.to === link.to}
                  onSelect={selectLink}
                />
              );
            })}
          </g>
          <MessageLayer position={position} radius={radius} />
          <g className="nodes">
            {nodes.map((node) => {
              const at = layout.positions.get(node.id);
              if (at === undefined) return null;
              return (
                <GraphNode
                  key={node.id}
                  node={node}
                  at={at}
                  selected={node.id === selectedId}
                  vocabulary={vocabulary}
                  onSelect={select}
                  onNavigate={navigate}
                />
              );
            })}
          </g>
        </g>
      </svg>
      <MessageCanvas graphGroup={group} position={position} radius={radius} transform={transform} />
      {zoomed && (
        <button type="button" className="graph-reset-zoom" onClick={resetZoom}>
          Fit view
        </button>
      )}
    </div>
  );
}
