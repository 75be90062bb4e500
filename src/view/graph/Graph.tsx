/** The replication graph: laid-out nodes, directed links and moving messages, zoomable and fitted. */
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { NodeView } from '../../engine/index.ts';
import { useLabActions, useLabStore, type LinkRef, type OpReach } from '../../store/index.ts';
import { VOCABULARIES } from '../vocabulary.ts';
import { nodeRadius } from './geometry.ts';
import { GraphEdge } from './GraphEdge.tsx';
import type { Anchor, MenuTarget } from './GraphMenu.tsx';
import { GraphNode } from './GraphNode.tsx';
import type { FollowedWrite } from './nodeText.ts';
import {
  LAYOUT_PAD as PAD,
  fitViewBox,
  layoutTopology,
  roomFor,
  type Layout,
  type LayoutInput,
} from './layout.ts';
import { MessageCanvas } from './MessageCanvas.tsx';
import { MessageLayer } from './MessageLayer.tsx';
import { useElementSize } from './useElementSize.ts';
import { focusTarget, readingOrder, type Direction, type Jump } from './navigation.ts';
import { useNodeDrag } from './useNodeDrag.ts';
import { useZoom } from './useZoom.ts';
import { positionWord } from '../positionWord.ts';
import { whenIdle } from '../whenIdle.ts';
import { deferred } from '../deferred.tsx';
import './graph.css';

// The menus are not needed for the first frame: fetched when the browser is idle, before anyone clicks.
const loadMenu = () => import('./GraphMenu.tsx');
const GraphMenu = lazy(() => loadMenu().then((m) => ({ default: m.GraphMenu })));
/** Shown only while a node is dragged (with d3-drag, after the first frame): fetched when idle. */
const DropHint = deferred(() => import('./DropHint.tsx').then((m) => m.DropHint));
/** Regions' layout and drawing: fetched only for a scenario with regions (laid out as a tree until then). */
const loadRegions = () => import('./regions/regionParts.ts');
type RegionParts = Awaited<ReturnType<typeof loadRegions>>;
const RegionAreas = deferred(() => loadRegions().then((m) => m.RegionAreas));
const RegionLatencies = deferred(() => loadRegions().then((m) => m.RegionLatencies));

function followedAt(opId: number | null, reach: OpReach | null, nodeId: string): FollowedWrite | undefined {
  const state = reach?.[nodeId];
  return opId === null || state === undefined ? undefined : { opId, state };
}

/** Room to the right of the rightmost node for its labels in presenter mode's larger type. */
const PRESENT_LABEL_ROOM = 215;

/** The element of a node or link, by its data attributes. */
function targetSelector(target: MenuTarget): string {
  if (target.kind === 'region') return `[data-region="${CSS.escape(target.id)}"] .region-label`;
  return target.kind === 'node'
    ? `[data-node-id="${CSS.escape(target.id)}"]`
    : `[data-link-from="${CSS.escape(target.from)}"][data-link-to="${CSS.escape(target.to)}"]`;
}

/** A string that changes only when the topology does, so layout runs only then. */
function topologyKey(nodes: readonly NodeView[]): string {
  return JSON.stringify(
    nodes.map((n): LayoutInput => ({ id: n.id, upstream: n.upstream, region: n.region })),
  );
}

export function Graph({
  compact,
  coveredBottom = 0,
}: {
  readonly compact: boolean;
  /** Pixels at the graph's bottom under an overlay (the small tier's timeline): the nodes fit above them. */
  readonly coveredBottom?: number;
}) {
  const nodes = useLabStore((s) => s.snapshot.nodes);
  const links = useLabStore((s) => s.snapshot.links);
  const regions = useLabStore((s) => s.snapshot.regions);
  const positionName = positionWord(useLabStore((s) => s.scenario.system));
  const between = useLabStore((s) => s.snapshot.between);
  const syncMode = useLabStore(
    (s) => s.snapshot.replication.mode !== 'async' && s.snapshot.replication.mode !== 'scheduled',
  );
  const presenting = useLabStore((s) => s.presenting);
  const selectedId = useLabStore((s) => s.selectedId);
  const select = useLabStore((s) => s.select);
  const selectedLink = useLabStore((s) => s.selectedLink);
  const selectLink = useLabStore((s) => s.selectLink);
  const vocabulary = VOCABULARIES[useLabStore((s) => s.vocabulary)];
  const conflictsByNode = useLabStore((s) => s.conflictsByNode);
  const lostByNode = useLabStore((s) => s.lostByNode);
  // The write picked in a ledger or the event log, or just made: where it has arrived.
  const followedOp = useLabStore((s) => (s.opReach === null ? null : s.selectedOpId));
  const opReach = useLabStore((s) => s.opReach);
  const pickedConflict = useLabStore((s) => s.conflicts.find((c) => c.id === s.selectedConflictId)?.nodeIds);
  const hintId = useId();
  useEffect(() => whenIdle(loadMenu), []);
  useEffect(() => whenIdle(DropHint.preload), []);
  const key = topologyKey(nodes);
  const container = useRef<HTMLDivElement>(null);
  const size = useElementSize(container);
  // The viewport's shape, in steps of 5 %: wide fan-outs wrap into rows when that draws them larger.
  const aspect =
    size === null ? undefined : Math.round((20 * size.width) / roomFor(size, coveredBottom)) / 20;
  const regionOrder = regions.map((r) => r.id).join(' ');
  const [regionParts, setRegionParts] = useState<RegionParts | null>(null);
  useEffect(() => {
    if (regionOrder !== '' && regionParts === null) void loadRegions().then(setRegionParts);
  }, [regionOrder, regionParts]);
  const layout = useMemo((): Layout => {
    const input = JSON.parse(key) as LayoutInput[];
    return regionParts !== null && regionOrder !== ''
      ? regionParts.layoutRegions(input, regionOrder.split(' '), aspect)
      : layoutTopology(input, aspect);
  }, [key, aspect, regionParts, regionOrder]);

  // Keyed by a string, not the nodes array (new every snapshot): `radius` changes only with a role.
  const roleKey = JSON.stringify(nodes.map((n) => [n.id, n.role]));
  const roles = useMemo(() => new Map(JSON.parse(roleKey) as [string, NodeView['role']][]), [roleKey]);
  const position = useCallback((id: string) => layout.positions.get(id), [layout]);
  const radius = useCallback((id: string) => nodeRadius(roles.get(id) ?? 'replica'), [roles]);

  const svg = useRef<SVGSVGElement>(null);
  const navigate = useCallback(
    (fromId: string, to: Direction | Jump) => {
      const target = focusTarget(layout.positions, fromId, to);
      if (target === null) return;
      svg.current?.querySelector<SVGGElement>(targetSelector({ kind: 'node', id: target }))?.focus();
    },
    [layout],
  );
  // Roving focus: the one node in the Tab order is the last one focused, else the selected one, else the first.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const tabStop = [focusedId, selectedId, readingOrder(layout.positions)[0]].find(
    (id) => id != null && layout.positions.has(id),
  );

  const group = useRef<SVGGElement>(null);
  const nodesGroup = useRef<SVGGElement>(null);
  const actions = useLabActions();
  const drag = useNodeDrag(nodesGroup, nodes, layout.positions, (id, upstream) => {
    select(id);
    actions.repoint(id, upstream);
  });
  /** Where a node is drawn: under the pointer while it is dragged, else where the layout put it. */
  const placed = (id: string) => (drag?.id === id ? drag.at : layout.positions.get(id));
  const { transform, zoomed, resetZoom } = useZoom(svg, compact);

  // The popover menu of a node or link, and the element to give focus back to when it closes.
  const [menu, setMenu] = useState<{
    target: MenuTarget;
    anchor: Anchor;
    origin: MenuTarget;
    /** The view it opened in: zooming, panning or resizing moves the target away, which closes it. */
    view: string;
  } | null>(null);
  const view = `${transform} ${size?.width ?? 0}x${size?.height ?? 0}`;
  const anchorOf = (element: Element): Anchor => {
    const outer = container.current?.getBoundingClientRect();
    const r = element.getBoundingClientRect();
    const [x, y] = [outer?.left ?? 0, outer?.top ?? 0];
    return { left: r.left - x, top: r.top - y, right: r.right - x, bottom: r.bottom - y };
  };
  const openNodeMenu = (id: string, element: Element) => {
    select(id);
    const target: MenuTarget = { kind: 'node', id };
    setMenu({
      target,
      origin: target,
      view,
      anchor: anchorOf(element.querySelector('.node-shape') ?? element),
    });
  };
  const openRegionMenu = (id: string, element: Element) => {
    const target: MenuTarget = { kind: 'region', id };
    setMenu({ target, origin: target, view, anchor: anchorOf(element) });
  };
  const openLinkMenu = (link: LinkRef, element: Element) => {
    selectLink(link);
    const target: MenuTarget = { kind: 'link', ...link };
    setMenu({ target, origin: target, view, anchor: anchorOf(element) });
  };
  const origin = menu?.origin;
  const closeMenu = useCallback(
    (refocus: boolean) => {
      setMenu(null);
      if (refocus && origin !== undefined) {
        svg.current?.querySelector<SVGGElement>(targetSelector(origin))?.focus();
      }
    },
    [origin],
  );
  const showLinkMenu = useCallback(
    (link: LinkRef) => {
      selectLink(link);
      setMenu((open) => (open === null ? null : { ...open, target: { kind: 'link', ...link } }));
    },
    [selectLink],
  );
  const { minX, maxX, minY, maxY } = layout.bounds;
  // Presenter mode sets the labels in 15 px semibold (present.css): their room to the right grows with them.
  const labelRoom = presenting ? PRESENT_LABEL_ROOM : PAD.right;
  const frame = layout.frame;
  const box = fitViewBox(
    frame === undefined
      ? {
          x: minX - PAD.left,
          y: minY - PAD.top,
          width: maxX - minX + PAD.left + labelRoom,
          height: maxY - minY + PAD.top + PAD.bottom,
        }
      : { ...frame, x: frame.x - 8, y: frame.y - 8, width: frame.width + 16, height: frame.height + 16 },
    size,
    coveredBottom,
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
        aria-describedby={hintId}
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
          {layout.regions !== undefined && (
            <RegionAreas.Component
              regions={regions}
              between={between}
              boxes={layout.regions}
              onActivate={openRegionMenu}
            />
          )}
          <g className="edges">
            {links.map((link) => {
              const from = placed(link.from);
              const to = placed(link.to);
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
                  onActivate={openLinkMenu}
                />
              );
            })}
          </g>
          {layout.regions !== undefined && (
            <RegionLatencies.Component nodes={nodes} links={links} boxes={layout.regions} position={placed} />
          )}
          <MessageLayer position={position} radius={radius} />
          {drag?.over != null && (
            <DropHint.Component drag={drag} target={layout.positions.get(drag.over.id)} radius={radius} />
          )}
          <g className="nodes" ref={nodesGroup}>
            {nodes.map((node) => {
              const at = placed(node.id);
              if (at === undefined) return null;
              return (
                <GraphNode
                  key={node.id}
                  node={node}
                  at={at}
                  selected={node.id === selectedId}
                  tabStop={node.id === tabStop}
                  vocabulary={vocabulary}
                  onActivate={openNodeMenu}
                  onNavigate={navigate}
                  onFocus={setFocusedId}
                  conflicts={conflictsByNode[node.id]}
                  inPickedConflict={pickedConflict?.includes(node.id) === true}
                  followed={followedAt(followedOp, opReach, node.id)}
                  lost={lostByNode[node.id]}
                  position={positionName}
                  dragging={drag?.id === node.id}
                  dropTarget={
                    drag?.over?.id === node.id
                      ? drag.over.refusal === null
                        ? 'accepted'
                        : 'refused'
                      : undefined
                  }
                />
              );
            })}
          </g>
        </g>
      </svg>
      <MessageCanvas graphGroup={group} position={position} radius={radius} view={`${view} ${viewBox}`} />
      <p id={hintId} className="visually-hidden">
        Arrow keys move between nodes, Home and End go to the first and last; Enter opens a node’s actions.
        Dragging a {vocabulary.replica} onto another node re-points it, as Re-point in its actions does.
      </p>
      {menu !== null && menu.view === view && size !== null && (
        <Suspense fallback={null}>
          <GraphMenu
            // A new target starts a fresh menu (its form state and focus).
            key={JSON.stringify(menu.target)}
            target={menu.target}
            anchor={menu.anchor}
            bounds={size}
            onClose={closeMenu}
            onOpenLink={showLinkMenu}
          />
        </Suspense>
      )}
      {zoomed && (
        <button type="button" className="graph-reset-zoom" onClick={resetZoom}>
          Fit view
        </button>
      )}
    </div>
  );
}
