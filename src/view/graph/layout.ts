/** Pure tree layout of the replication topology: primaries side by side, replicas below their upstream. */
import { hierarchy, tree } from 'd3-hierarchy';

export interface LayoutInput {
  readonly id: string;
  readonly upstream?: string | undefined;
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
}

/** Horizontal distance between neighbouring nodes, and vertical distance between levels. */
export const NODE_SPACING = 200;
export const LEVEL_SPACING = 150;

interface TreeDatum {
  readonly id: string;
  readonly children: TreeDatum[];
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

/** Deterministic positions: the same nodes (in any order) always give the same layout. */
export function layoutTopology(nodes: readonly LayoutInput[]): Layout {
  const root = hierarchy(buildForest(nodes));
  tree<TreeDatum>().nodeSize([NODE_SPACING, LEVEL_SPACING])(root);
  const positions = new Map<string, Point>();
  let minX = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of root.descendants()) {
    if (n.data.id === ROOT_ID) continue;
    const x = n.x ?? 0;
    const y = (n.y ?? 0) - LEVEL_SPACING;
    positions.set(n.data.id, { x, y });
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  if (positions.size === 0) return { positions, bounds: { minX: 0, maxX: 0, minY: 0, maxY: 0 } };
  return { positions, bounds: { minX, maxX, minY: 0, maxY } };
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** How much a small graph may be enlarged to fill its viewport (labels stay readable, not huge). */
export const MAX_UPSCALE = 1.4;

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
  const room = Math.max(fit.height - Math.max(coveredBottom, 0), fit.height / 2);
  const scale = Math.max(1 / MAX_UPSCALE, content.width / fit.width, content.height / room);
  const width = fit.width * scale;
  return {
    x: content.x - (width - content.width) / 2,
    y: content.y - (room * scale - content.height) / 2,
    width,
    height: fit.height * scale,
  };
}
