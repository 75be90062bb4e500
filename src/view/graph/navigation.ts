/** Arrow-key movement between graph nodes: the nearest node in the pressed direction. */
import type { Point } from './layout.ts';

export type Direction = 'up' | 'down' | 'left' | 'right';
/** Home and End: the first and last node in reading order. */
export type Jump = 'first' | 'last';

const VECTORS: Record<Direction, Point> = {
  up: { x: 0, y: -1 },
  down: { x: 0, y: 1 },
  left: { x: -1, y: 0 },
  right: { x: 1, y: 0 },
};

export const ARROW_KEYS: Readonly<Record<string, Direction>> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
};

/** The id of the closest node ahead of `fromId` in `direction`; sideways distance counts double. */
export function neighbour(
  positions: ReadonlyMap<string, Point>,
  fromId: string,
  direction: Direction,
): string | null {
  const from = positions.get(fromId);
  if (from === undefined) return null;
  const d = VECTORS[direction];
  let best: string | null = null;
  let bestScore = Infinity;
  for (const [id, p] of positions) {
    if (id === fromId) continue;
    const dx = p.x - from.x;
    const dy = p.y - from.y;
    const ahead = dx * d.x + dy * d.y;
    if (ahead <= 0) continue;
    const sideways = Math.abs(dx * d.y - dy * d.x);
    const score = ahead + 2 * sideways;
    if (score < bestScore || (score === bestScore && best !== null && id < best)) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}

/** Node ids in reading order: top to bottom, then left to right. */
export function readingOrder(positions: ReadonlyMap<string, Point>): string[] {
  return [...positions]
    .sort(([a, p], [b, q]) => p.y - q.y || p.x - q.x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([id]) => id);
}

/** Where an arrow, Home or End press moves focus from `fromId`, or null when nowhere. */
export function focusTarget(
  positions: ReadonlyMap<string, Point>,
  fromId: string,
  to: Direction | Jump,
): string | null {
  if (to === 'first') return readingOrder(positions)[0] ?? null;
  if (to === 'last') return readingOrder(positions).at(-1) ?? null;
  return neighbour(positions, fromId, to);
}
