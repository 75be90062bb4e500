/** Pure layout of a topology in regions: each region's nodes laid out as a tree, regions side by side in a box. */
import {
  LEVEL_SPACING,
  layoutTopology,
  type Box,
  type Layout,
  type LayoutInput,
  type Point,
} from '../layout.ts';

export type RegionLayoutInput = LayoutInput;

export type RegionBox = NonNullable<Layout['regions']>[number];

export interface RegionLayout extends Layout {
  /** Each region with nodes, left to right in the scenario's order: the box its nodes and labels are in. */
  readonly regions: readonly RegionBox[];
  readonly frame: Box;
}

/** Room inside a region's box around its node centres: its name above, node labels to the right. */
export const REGION_PAD = { left: 50, right: 200, top: 95, bottom: 50 };
/** Air between two regions' boxes (a cross-region link's latency is written there or over it). */
export const REGION_GAP = 64;

/**
 * Deterministic: the same nodes (in any order) and regions give the same layout. A region's nodes are
 * laid out as `layoutTopology` does (an upstream in another region makes a node a root of its own region,
 * so a cross-region replica heads its region's tree); the boxes stand side by side, one height, in
 * `order`'s order (regions no node names are left out; a node with no region or an unknown one goes last).
 */
export function layoutRegions(
  nodes: readonly RegionLayoutInput[],
  order: readonly string[],
  aspect?: number,
): RegionLayout {
  const groups = new Map<string, LayoutInput[]>();
  for (const node of nodes) {
    const key = node.region !== undefined && order.includes(node.region) ? node.region : '';
    groups.set(key, [...(groups.get(key) ?? []), { id: node.id, upstream: node.upstream }]);
  }
  const ids = [...order, ''].filter((id) => (groups.get(id)?.length ?? 0) > 0);
  // The regions share the viewport's width: each lays its wide fans out for its own share of it.
  const share = aspect === undefined ? undefined : aspect / Math.max(1, ids.length);
  // With three regions or more every other one sits half a level lower, so a link between two regions that
  // are not neighbours passes above the nodes of the ones between them, not through them.
  const laid = ids.map((id, i) => ({
    id,
    layout: layoutTopology(groups.get(id) ?? [], share),
    drop: ids.length > 2 && i % 2 === 1 ? LEVEL_SPACING / 2 : 0,
  }));
  const height =
    Math.max(0, ...laid.map((r) => r.layout.bounds.maxY + r.drop)) + REGION_PAD.top + REGION_PAD.bottom;
  const positions = new Map<string, Point>();
  const regions: RegionBox[] = [];
  let x = 0;
  for (const { id, layout, drop } of laid) {
    const { minX, maxX } = layout.bounds;
    const dx = x + REGION_PAD.left - minX;
    for (const [nodeId, p] of layout.positions) positions.set(nodeId, { x: p.x + dx, y: p.y + drop });
    const width = maxX - minX + REGION_PAD.left + REGION_PAD.right;
    if (id !== '') regions.push({ id, box: { x, y: -REGION_PAD.top, width, height } });
    x += width + REGION_GAP;
  }
  const points = [...positions.values()];
  const xs = points.map((p) => p.x);
  const bounds =
    points.length === 0
      ? { minX: 0, maxX: 0, minY: 0, maxY: 0 }
      : { minX: Math.min(...xs), maxX: Math.max(...xs), minY: 0, maxY: Math.max(...points.map((p) => p.y)) };
  const frame = { x: 0, y: -REGION_PAD.top, width: Math.max(0, x - REGION_GAP), height };
  return { positions, bounds, frame, regions };
}

/**
 * Where a link from `a` (in box `from`) to `b` (in box `to`) crosses the middle of the gap between two
 * neighbouring boxes, clear of either region's node labels; else the link's middle (above the regions
 * between, which sit lower).
 */
export function latencyAnchor(
  a: Point,
  b: Point,
  from: RegionBox | undefined,
  to: RegionBox | undefined,
  boxes: readonly RegionBox[],
): Point {
  if (from === undefined || to === undefined || a.x === b.x)
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  if (Math.abs(boxes.indexOf(from) - boxes.indexOf(to)) !== 1)
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  const [left, right] = from.box.x < to.box.x ? [from.box, to.box] : [to.box, from.box];
  const x = (left.x + left.width + right.x) / 2;
  const t = Math.min(1, Math.max(0, (x - a.x) / (b.x - a.x)));
  return { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) };
}
