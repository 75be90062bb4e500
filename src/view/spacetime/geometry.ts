/**
 * The space-time diagram's geometry, pure: time runs left to right across a window of the run, one lane
 * per node top to bottom, and every message is an arrow from its send on the sender's lane to its arrival
 * on the receiver's. A dropped message stops where it was when the network dropped it; one in flight
 * stops at the instant shown, as far down as it has come.
 */
import type { MessageKind, NodeId, OperationRecord } from '../../engine/index.ts';
import type { SpaceTimeView } from '../../store/index.ts';

/** What the diagram draws of a message (the engine's message record, as `sim.messages()` gives it). */
export interface MessageMark {
  readonly id: number;
  readonly kind: MessageKind;
  readonly from: NodeId;
  readonly to: NodeId;
  readonly sentAt: number;
  /** When it is (or was) due at the receiver. */
  readonly deliverAt?: number;
  readonly arrivedAt?: number;
  readonly droppedAt?: number;
  /** Why it was dropped: the link was cut, or the receiver down or removed when it was due. */
  readonly dropReason?: 'cut' | 'down' | 'removed';
  /** Multi-primary traffic: what the payload is where `kind` does not say it all. */
  readonly payload?: string;
  /** Entries carried (a batch's size), or keys in a snapshot. */
  readonly size?: number;
  /** An entries batch's first and last LSN. */
  readonly firstLsn?: number;
  readonly lastLsn?: number;
  /** The client writes whose entries it carries. */
  readonly opIds?: readonly number[];
}

/** The part of the run in view, simulated ms. */
export interface TimeWindow {
  readonly from: number;
  readonly to: number;
}

/** Where the lanes and the time axis sit in the drawing, CSS pixels. */
export interface Plot {
  /** Left edge of the time axis (the lane labels are left of it) and its width. */
  readonly left: number;
  readonly width: number;
  /** Each lane's centre line, by node id. */
  readonly laneY: ReadonlyMap<NodeId, number>;
}

export type ArrowEnd = 'arrived' | 'dropped' | 'flight';

export interface Arrow {
  readonly mark: MessageMark;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly end: ArrowEnd;
}

/**
 * The window `view` shows at instant `now`. Following, the instant shown is the right edge, or, with
 * reduced motion, the window turns a page (half its width) at a time rather than scrolling every frame.
 */
export function windowOf(view: SpaceTimeView, now: number, reducedMotion: boolean): TimeWindow {
  if (!view.follow) return view;
  const page = view.span / 2;
  const to = Math.max(reducedMotion ? Math.ceil(now / page) * page : now, view.span);
  return { from: to - view.span, to };
}

export const xOf = (plot: Plot, window: TimeWindow, t: number): number =>
  plot.left + ((t - window.from) / Math.max(1e-9, window.to - window.from)) * plot.width;

export const timeAt = (plot: Plot, window: TimeWindow, x: number): number =>
  window.from + ((x - plot.left) / Math.max(1e-9, plot.width)) * (window.to - window.from);

/** How far along its way a dropped message's arrow stops: cut short of the receiver, ending in a cross. */
export const DROPPED_SHARE = 0.75;

/**
 * The arrows of the messages that overlap the window at instant `now`. A message in flight goes as far as
 * its scheduled arrival (`deliverAt`, or `due`) says it has come, half way when neither is known; a dropped
 * one stops short of its receiver (the engine decides its fate when it is due, so where on the wire it was
 * lost is not known: the arrow says only that it never arrived).
 */
export function arrowsIn(
  marks: readonly MessageMark[],
  plot: Plot,
  window: TimeWindow,
  now: number,
  due: (id: number) => number | undefined = () => undefined,
): Arrow[] {
  const arrows: Arrow[] = [];
  for (const mark of marks) {
    if (mark.sentAt > window.to || mark.sentAt > now) continue;
    const end: ArrowEnd =
      mark.arrivedAt !== undefined ? 'arrived' : mark.droppedAt !== undefined ? 'dropped' : 'flight';
    const endAt = Math.min(mark.arrivedAt ?? mark.droppedAt ?? now, now);
    if (endAt < window.from) continue;
    const y1 = plot.laneY.get(mark.from);
    const yTo = plot.laneY.get(mark.to);
    if (y1 === undefined || yTo === undefined) continue;
    let share = 1;
    if (end === 'flight') {
      const at = mark.deliverAt ?? due(mark.id);
      share = at === undefined || at <= mark.sentAt ? 0.5 : (endAt - mark.sentAt) / (at - mark.sentAt);
      share = Math.min(1, Math.max(0, share));
    }
    const x1 = xOf(plot, window, mark.sentAt);
    const xEnd = xOf(plot, window, endAt);
    if (end === 'dropped') share = DROPPED_SHARE;
    arrows.push({
      mark,
      x1,
      y1,
      x2: end === 'dropped' ? x1 + (xEnd - x1) * share : xEnd,
      y2: y1 + (yTo - y1) * share,
      end,
    });
  }
  return arrows;
}

/** How far above its lane's line a client operation's mark sits, px. */
export const OPERATION_RISE = 9;

/** Where a client operation's mark is drawn: where it ended (or began, while pending), above its lane. */
export function operationPoint(
  op: Pick<OperationRecord, 'nodeId' | 'startedAt' | 'endedAt'>,
  plot: Plot,
  window: TimeWindow,
): { readonly x: number; readonly y: number } | null {
  const y = plot.laneY.get(op.nodeId);
  return y === undefined ? null : { x: xOf(plot, window, op.endedAt ?? op.startedAt), y: y - OPERATION_RISE };
}

/** The write whose mark is nearest (px, py) within `reach` pixels, shown by `now`; null when none is. */
export function writeAt<T extends Pick<OperationRecord, 'kind' | 'nodeId' | 'startedAt' | 'endedAt'>>(
  operations: readonly T[],
  plot: Plot,
  window: TimeWindow,
  now: number,
  px: number,
  py: number,
  reach = 6,
): T | null {
  let best: T | null = null;
  let bestDistance = reach;
  for (const op of operations) {
    if (op.kind !== 'write' || (op.endedAt ?? op.startedAt) > now) continue;
    const at = operationPoint(op, plot, window);
    const d = at === null ? Infinity : Math.hypot(px - at.x, py - at.y);
    if (d <= bestDistance) {
      best = op;
      bestDistance = d;
    }
  }
  return best;
}

/** Distance from (px, py) to the segment of an arrow. */
function distance(arrow: Arrow, px: number, py: number): number {
  const dx = arrow.x2 - arrow.x1;
  const dy = arrow.y2 - arrow.y1;
  const length = dx * dx + dy * dy;
  const t =
    length === 0 ? 0 : Math.min(1, Math.max(0, ((px - arrow.x1) * dx + (py - arrow.y1) * dy) / length));
  return Math.hypot(px - (arrow.x1 + t * dx), py - (arrow.y1 + t * dy));
}

/** The arrow nearest (px, py) within `reach` pixels, the latest sent on a tie; null when none is. */
export function arrowAt(arrows: readonly Arrow[], px: number, py: number, reach = 6): Arrow | null {
  let best: Arrow | null = null;
  let bestDistance = reach;
  for (const arrow of arrows) {
    const d = distance(arrow, px, py);
    if (d <= bestDistance) {
      best = arrow;
      bestDistance = d;
    }
  }
  return best;
}
