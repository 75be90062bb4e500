/** Pure tree layout of the replication topology: primaries side by side, replicas below their upstream. */
import { hierarchy, tree, type HierarchyNode } from 'd3-hierarchy';

export interface LayoutInput {
  readonly id: string;
  readonly upstream?: string | undefined;
  /** Its region, if the scenario has regions (the region layout reads it, the tree layout does not). */
  readonly region?: string | undefined;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Layout {
  readonly positions: ReadonlyMap<string, Point>;
  /** The box holding every node centre. */
  readonly bounds: {
    readonly minX: number;
    readonly maxX: number;
    readonly minY: number;
    readonly maxY: number;
  };
  /** The box to fit in the viewport, when the layout draws more than nodes and their labels (regions). */
  readonly frame?: Box;
  /** With regions: each region's box, left to right (`regions/regionLayout.ts`). */
  readonly regions?: readonly { readonly id: string; readonly box: Box }[];
}

/** Horizontal distance between neighbouring nodes, and vertical distance between levels. */
export const NODE_SPACING = 200;
export const LEVEL_SPACING = 150;
/** Room around the node centres: shapes above and left, labels to the right. */
export const LAYOUT_PAD = { left: 60, right: 170, top: 55, bottom: 60 };
/** A node's replicas without replicas of their own wrap into rows only when there are more than this. */
const WRAP_FROM = 4;
/**
 * At most two rows: straight links from the upstream to a third row cross both rows above at points a
 * third of a node width apart, and no sideways shift keeps them all clear of the nodes there.
 */
const MAX_ROWS = 2;
/** How far a link to a wrapped row must pass from any other node's centre (a replica's radius, and air). */
export const LINK_CLEARANCE = 32;

interface TreeDatum {
  readonly id: string;
  readonly children: TreeDatum[];
  /** A block of leaf replicas in rows: their ids, and how many columns the block is wide. */
  readonly block?: { readonly ids: readonly string[]; readonly columns: number };
}

const ROOT_ID = '\u0000root';

/** Builds the forest under a virtual root; unknown upstreams and cycles fall back to roots. */
function buildForest(nodes: readonly LayoutInput[]): TreeDatum {
  const ids = new Set(nodes.map((n) => n.id));
  const data = new Map<string, TreeDatum>(nodes.map((n) => [n.id, { id: n.id, children: [] }]));
  const root: TreeDatum = { id: ROOT_ID, children: [] };
  const sorted = [...nodes].sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
  for (const node of sorted) {
    const datum = data.get(node.id);
    if (datum === undefined) continue;
    const parentId = node.upstream;
    const parent =
      parentId !== undefined && ids.has(parentId) && !reachesBack(nodes, node.id)
        ? data.get(parentId)
        : undefined;
    (parent ?? root).children.push(datum);
  }
  return root;
}

/** True when following upstream links from `id` comes back to `id` (a cycle). */
function reachesBack(nodes: readonly LayoutInput[], id: string): boolean {
  const upstreamOf = new Map(nodes.map((n) => [n.id, n.upstream]));
  const seen = new Set<string>();
  let current = upstreamOf.get(id);
  while (current !== undefined && !seen.has(current)) {
    if (current === id) return true;
    seen.add(current);
    current = upstreamOf.get(current);
  }
  return false;
}

/** The most leaf replicas any one node has (primaries side by side are not a fan-out). */
function widestFan(datum: TreeDatum): number {
  const own = datum.id === ROOT_ID ? 0 : datum.children.filter((c) => c.children.length === 0).length;
  return Math.max(own, ...datum.children.map(widestFan));
}

/**
 * The forest with every fan of more than WRAP_FROM leaf replicas made one block at most `columns`
 * wide, where its first leaf was; the block carries a spacer per further row below it, so the tree
 * keeps deeper neighbours clear of its rows.
 */
function wrapFans(datum: TreeDatum, columns: number): TreeDatum {
  const leaves = datum.children.filter((c) => c.children.length === 0);
  const children = datum.children.map((c) => wrapFans(c, columns));
  if (datum.id === ROOT_ID || leaves.length <= WRAP_FROM || leaves.length <= columns) {
    return { ...datum, children };
  }
  const width = Math.max(Math.min(columns, leaves.length), Math.ceil(leaves.length / MAX_ROWS));
  const rows = Math.ceil(leaves.length / width);
  let spacer: TreeDatum | undefined;
  for (let row = rows - 1; row > 0; row--) {
    spacer = { id: `${ROOT_ID}${datum.id}:${row}`, children: spacer === undefined ? [] : [spacer] };
  }
  const block: TreeDatum = {
    id: `${ROOT_ID}${datum.id}`,
    children: spacer === undefined ? [] : [spacer],
    block: { ids: leaves.map((l) => l.id), columns: width },
  };
  const first = datum.children.findIndex((c) => c.children.length === 0);
  const kept = children.filter((c) => !leaves.some((l) => l.id === c.id));
  kept.splice(first, 0, block);
  return { ...datum, children: kept };
}

/** How many node widths a datum takes: a block its columns, a spacer under one the same. */
function widthOf(node: HierarchyNode<TreeDatum>): number {
  let at: HierarchyNode<TreeDatum> | null = node;
  while (at !== null && at.data.id.startsWith(ROOT_ID) && at.data.id !== ROOT_ID) {
    // A block of several rows is half a node wider on each side, for the rows' shifts.
    if (at.data.block !== undefined)
      return at.data.block.columns + (at.data.block.ids.length > at.data.block.columns ? 1 : 0);
    at = at.parent;
  }
  return 1;
}

/** How far `p` is from the segment a–b. */
export function clearance(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(p.x - a.x - t * dx, p.y - a.y - t * dy);
}

/** Shifts a row may take sideways, in node widths, so its links pass between the rows above. */
const ROW_SHIFTS = [0, 1, -1, 2, -2].map((quarters) => quarters / 4);

/**
 * A block's leaves in rows of its width under `at` (the last row centred), each row after the first
 * shifted sideways so the straight links from `from` (their upstream) to it pass farthest from the
 * nodes of the rows above.
 */
function placeRows(
  block: NonNullable<TreeDatum['block']>,
  at: Point,
  from: Point,
): { readonly points: Point[]; readonly clear: number } {
  const placed: Point[] = [];
  let clear = Infinity;
  for (let start = 0, row = 0; start < block.ids.length; start += block.columns, row++) {
    const inRow = Math.min(block.columns, block.ids.length - start);
    const rowAt = (shift: number) =>
      Array.from({ length: inRow }, (_, i) => ({
        x: at.x + (i - (inRow - 1) / 2 + shift) * NODE_SPACING,
        y: at.y + row * LEVEL_SPACING,
      }));
    const worst = (points: readonly Point[]) =>
      Math.min(Infinity, ...points.flatMap((q) => placed.map((p) => clearance(p, from, q))));
    const best = ROW_SHIFTS.map(rowAt).reduce((a, b) => (worst(b) > worst(a) + 1 ? b : a));
    clear = Math.min(clear, worst(best));
    placed.push(...best);
  }
  return { points: placed, clear };
}

/** A layout, and how close a link to a wrapped row passes to another node's centre (Infinity: none). */
interface Placed extends Layout {
  readonly clear: number;
}

function place(forest: TreeDatum): Placed {
  const root = hierarchy(forest);
  tree<TreeDatum>()
    .nodeSize([NODE_SPACING, LEVEL_SPACING])
    .separation((a, b) => (widthOf(a) + widthOf(b)) / 2 + (a.parent === b.parent ? 0 : 1))(root);
  const positions = new Map<string, Point>();
  const add = (id: string, x: number, y: number) => positions.set(id, { x, y });
  let clear = Infinity;
  for (const n of root.descendants()) {
    const x = n.x ?? 0;
    const y = (n.y ?? 0) - LEVEL_SPACING;
    const block = n.data.block;
    const parent = n.parent;
    if (block !== undefined && parent !== null) {
      const from = { x: parent.x ?? 0, y: (parent.y ?? 0) - LEVEL_SPACING };
      const rows = placeRows(block, { x, y }, from);
      block.ids.forEach((id, i) => {
        const p = rows.points[i];
        if (p !== undefined) add(id, p.x, p.y);
      });
      clear = Math.min(clear, rows.clear);
    } else if (!n.data.id.startsWith(ROOT_ID)) add(n.data.id, x, y);
  }
  if (positions.size === 0) return { positions, bounds: { minX: 0, maxX: 0, minY: 0, maxY: 0 }, clear };
  const xs = [...positions.values()].map((p) => p.x);
  const maxY = Math.max(...[...positions.values()].map((p) => p.y));
  return { positions, bounds: { minX: Math.min(...xs), maxX: Math.max(...xs), minY: 0, maxY }, clear };
}

/**
 * How far every second node of a row of three or more primaries without replicas (a Galera group) sits
 * below the others (in a column: to the right): the link between the first and the third then passes beside
 * the second instead of through it, and a link to a neighbour leaves at a slant, clear of the node's labels.
 */
const STAGGER = LEVEL_SPACING * 0.75;

/** Such a group, left to right in a row, or top to bottom in a column (drawn larger in a tall viewport). */
function staggered(ids: readonly string[], column: boolean): Layout {
  const step = column ? LEVEL_SPACING : NODE_SPACING;
  const positions = new Map<string, Point>();
  ids.forEach((id, i) => {
    const along = i * step;
    const aside = (i % 2) * STAGGER;
    positions.set(id, column ? { x: aside, y: along } : { x: along, y: aside });
  });
  const end = (ids.length - 1) * step;
  return {
    positions,
    bounds: { minX: 0, maxX: column ? STAGGER : end, minY: 0, maxY: column ? end : STAGGER },
  };
}

/** How large the laid-out graph is drawn in a viewport of `aspect` (width / height), up to a constant. */
function fitScale(layout: Layout, aspect: number): number {
  const { minX, maxX, maxY } = layout.bounds;
  const width = maxX - minX + LAYOUT_PAD.left + LAYOUT_PAD.right;
  const height = maxY + LAYOUT_PAD.top + LAYOUT_PAD.bottom;
  return Math.min(aspect / width, 1 / height);
}

/**
 * Deterministic positions: the same nodes (in any order) always give the same layout. Given the
 * viewport's `aspect` (width / height), a node's many leaf replicas wrap into rows when that draws the
 * graph larger (8 replicas in a narrow side of Compare: two rows of four); without it, one row each.
 */
export function layoutTopology(nodes: readonly LayoutInput[], aspect?: number): Layout {
  const forest = buildForest(nodes);
  const roots = forest.children.map((c) => c.id);
  if (roots.length >= 3 && forest.children.every((c) => c.children.length === 0)) {
    const row = staggered(roots, false);
    const column = staggered(roots, true);
    return aspect !== undefined && aspect > 0 && fitScale(column, aspect) > fitScale(row, aspect) * 1.05
      ? column
      : row;
  }
  const flat: Layout = place(forest);
  const widest = widestFan(forest);
  if (aspect === undefined || !(aspect > 0) || widest <= WRAP_FROM) return flat;
  let best: Layout = flat;
  let bestScale = fitScale(flat, aspect);
  for (let columns = widest - 1; columns >= 2; columns--) {
    const wrapped = place(wrapFans(forest, columns));
    const scale = fitScale(wrapped, aspect);
    // Fewer rows unless more of them draw it clearly larger, and never a link through another node.
    if (wrapped.clear >= LINK_CLEARANCE && scale > bestScale * 1.05) {
      best = wrapped;
      bestScale = scale;
    }
  }
  return best;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** How much a small graph may be enlarged to fill its viewport (labels stay readable, not huge). */
export const MAX_UPSCALE = 1.4;

/** The viewport's height left for the content above an overlay of `coveredBottom` pixels (at least half). */
export function roomFor(fit: { readonly height: number }, coveredBottom = 0): number {
  return Math.max(fit.height - Math.max(coveredBottom, 0), fit.height / 2);
}

/**
 * The viewBox around `content` with the viewport's aspect: a small graph is enlarged at most
 * MAX_UPSCALE times and centred, a large one is scaled down to fit. `coveredBottom` viewport pixels at the
 * bottom lie under an overlay (the small tier's timeline): the content fits and centres above them, and
 * the box still spans the whole viewport (never less than its top half is left for the content).
 */
export function fitViewBox(
  content: Box,
  fit: { width: number; height: number } | null,
  coveredBottom = 0,
): Box {
  if (fit === null || fit.width <= 0 || fit.height <= 0) return content;
  const room = roomFor(fit, coveredBottom);
  const scale = Math.max(1 / MAX_UPSCALE, content.width / fit.width, content.height / room);
  const width = fit.width * scale;
  return {
    x: content.x - (width - content.width) / 2,
    y: content.y - (room * scale - content.height) / 2,
    width,
    height: fit.height * scale,
  };
}
