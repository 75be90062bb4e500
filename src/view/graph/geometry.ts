/** Pure geometry: node sizes, trimmed edge segments and in-flight message positions from sim time. */
import type { Message, Role } from '../../engine/index.ts';
import type { Point } from './layout.ts';

/** Half the side of a primary's rounded square, and a replica's circle radius. */
export const PRIMARY_HALF = 30;
export const REPLICA_RADIUS = 26;
/** Messages travel in two lanes, to the right of their direction, so opposite flows never overlap. */
export const LANE_OFFSET = 6;

export function nodeRadius(role: Role): number {
  // A square's boundary is a bit farther than its half side on diagonals; this keeps arrows clear.
  return role === 'primary' ? PRIMARY_HALF + 3 : REPLICA_RADIUS;
}

export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

/** The straight segment between two node boundaries (from `a` towards `b`). */
export function trimmedSegment(a: Point, b: Point, radiusA: number, radiusB: number): Segment {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  return { x1: a.x + ux * radiusA, y1: a.y + uy * radiusA, x2: b.x - ux * radiusB, y2: b.y - uy * radiusB };
}

/** How far along its trip a message is at `simNow`: 0 when sent, 1 on delivery (clamped). */
export function messageProgress(message: Pick<Message, 'sentAt' | 'deliverAt'>, simNow: number): number {
  const span = message.deliverAt - message.sentAt;
  if (span <= 0) return 1;
  return Math.min(1, Math.max(0, (simNow - message.sentAt) / span));
}

export interface Placed {
  readonly x: number;
  readonly y: number;
  /** Direction of travel in degrees (for rotating glyphs). */
  readonly angle: number;
}

/** Where a message is drawn at `simNow`, or null when either end is not on screen. */
export function placeMessage(
  message: Message,
  simNow: number,
  position: (id: string) => Point | undefined,
  radius: (id: string) => number,
): Placed | null {
  const a = position(message.from);
  const b = position(message.to);
  if (a === undefined || b === undefined) return null;
  const s = trimmedSegment(a, b, radius(message.from), radius(message.to));
  const t = messageProgress(message, simNow);
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const length = Math.hypot(dx, dy) || 1;
  // Right-hand normal of the travel direction (SVG's y axis points down).
  const nx = -dy / length;
  const ny = dx / length;
  return {
    x: s.x1 + dx * t + nx * LANE_OFFSET,
    y: s.y1 + dy * t + ny * LANE_OFFSET,
    angle: (Math.atan2(dy, dx) * 180) / Math.PI,
  };
}
