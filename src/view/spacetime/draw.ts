/**
 * Paints the space-time diagram on a canvas: lanes, down spans, markers across lanes, arrows styled by
 * message kind as the graph's legend draws the messages (the same colours and head glyphs, and a dash
 * pattern per kind so no kind is told by colour alone), client operations on their lanes, and the
 * cursor. Arrows are batched per kind: one path per kind per frame.
 */
import type { MessageKind, OperationRecord } from '../../engine/index.ts';
import type { Marker } from '../../store/index.ts';
import { OPERATION_RISE, xOf, type Arrow, type MessageMark, type Plot, type TimeWindow } from './geometry.ts';
import type { Painter } from './svgContext.ts';

export interface Palette {
  readonly kinds: Readonly<Record<MessageKind, string>>;
  readonly text: string;
  readonly muted: string;
  readonly grid: string;
  readonly down: string;
  readonly cursor: string;
  readonly ok: string;
  readonly bad: string;
  readonly warn: string;
  readonly highlight: string;
}

/** Each kind's dash pattern (px): entries solid, acknowledgements dashed, hellos dotted... */
export const DASH: Readonly<Record<MessageKind, readonly number[]>> = {
  entries: [],
  ack: [5, 3],
  hello: [1.5, 3],
  snapshot: [],
  heartbeat: [1, 4],
  certify: [6, 2, 1.5, 2],
};

/** Each kind's line width (px). */
export const WIDTH: Readonly<Record<MessageKind, number>> = {
  entries: 1.5,
  ack: 1.25,
  hello: 1.25,
  snapshot: 3,
  heartbeat: 1,
  certify: 1.5,
};

const KINDS: readonly MessageKind[] = ['heartbeat', 'hello', 'ack', 'snapshot', 'certify', 'entries'];

/**
 * How the arrows are stroked. `path`: one path per kind, in its width and dash (the SVG export: compact,
 * and a vector file's viewer strokes it once). On a canvas, Skia strokes a path of many wide or dashed
 * segments slowly (its outline is thousands of crossing contours: 2,400 dashed arrows in one path took
 * 200 ms a frame here, one stroke each 16.7 ms), so `each` strokes every arrow on its own, and past
 * `DETAILED_ARROWS` in view `hairline` draws one-pixel lines without dashes, heads as small squares:
 * at that density a dash cannot be seen anyway, and zooming in (or the table) gives the detail back.
 */
export type ArrowStyle = 'path' | 'each' | 'hairline';

/** Arrows in view above which the canvas draws hairlines (see `ArrowStyle`). */
export const DETAILED_ARROWS = 800;

/** The canvas's stroke for this many arrows in view. */
export const canvasArrowStyle = (count: number): ArrowStyle =>
  count > DETAILED_ARROWS ? 'hairline' : 'each';

/** Where the lanes' node spends time down: [from, to) per node, from the kill and restart markers. */
export function downSpans(
  markers: readonly Marker[],
  now: number,
): readonly { readonly nodeId: string; readonly from: number; readonly to: number }[] {
  const since = new Map<string, number>();
  const spans: { nodeId: string; from: number; to: number }[] = [];
  for (const marker of markers) {
    if (marker.at > now || marker.nodeId === undefined) continue;
    if (marker.kind === 'kill' && !since.has(marker.nodeId)) since.set(marker.nodeId, marker.at);
    if (marker.kind === 'restart') {
      const from = since.get(marker.nodeId);
      if (from !== undefined) spans.push({ nodeId: marker.nodeId, from, to: marker.at });
      since.delete(marker.nodeId);
    }
  }
  for (const [nodeId, from] of since) spans.push({ nodeId, from, to: now });
  return spans;
}

/** The markers drawn across every lane (what happened to the cluster, not to one message). */
const ACROSS = new Set<Marker['kind']>([
  'failover',
  'partition',
  'heal',
  'split-brain',
  'lost-write',
  'conflict',
  'read-only',
  'writable',
  'setting',
]);

function glyph(ctx: Painter, kind: MessageKind, x: number, y: number): void {
  switch (kind) {
    case 'entries':
      ctx.moveTo(x + 3.5, y);
      ctx.arc(x, y, 3.5, 0, 2 * Math.PI);
      return;
    case 'ack':
      ctx.moveTo(x, y - 4);
      ctx.lineTo(x + 4, y);
      ctx.lineTo(x, y + 4);
      ctx.lineTo(x - 4, y);
      ctx.closePath();
      return;
    case 'hello':
      ctx.rect(x - 3.5, y - 3.5, 7, 7);
      return;
    case 'snapshot':
      ctx.rect(x - 5, y - 5, 10, 10);
      return;
    case 'heartbeat':
      ctx.moveTo(x + 2.5, y);
      ctx.arc(x, y, 2.5, 0, 2 * Math.PI);
      return;
    case 'certify':
      // Pointing down (a stale read's mark points up).
      ctx.moveTo(x, y + 4.5);
      ctx.lineTo(x + 4.5, y - 3.5);
      ctx.lineTo(x - 4.5, y - 3.5);
      ctx.closePath();
      return;
  }
}

function cross(ctx: Painter, x: number, y: number, r = 4): void {
  ctx.moveTo(x - r, y - r);
  ctx.lineTo(x + r, y + r);
  ctx.moveTo(x + r, y - r);
  ctx.lineTo(x - r, y + r);
}

export interface Scene {
  readonly plot: Plot;
  readonly window: TimeWindow;
  readonly height: number;
  readonly now: number;
  readonly arrows: readonly Arrow[];
  readonly operations: readonly OperationRecord[];
  readonly markers: readonly Marker[];
  /** The arrow hovered or picked, drawn last and thicker. */
  readonly focus: Arrow | null;
  /**
   * Writes to trace: the write followed (its fan-out through the cascade) or a conflict's writes (the
   * messages that carried them, crossing). Their arrows are drawn over the rest in that colour, with their
   * operations ringed.
   */
  readonly emphasis: Emphasis | null;
  /** The emphasised writes' arrows, when `arrows` are not all there are (default: those among `arrows`). */
  readonly traced?: readonly Arrow[];
  /** Arrows whose lines are on the backdrop: only their heads are drawn (where they are now). */
  readonly heads?: readonly Arrow[];
  /** How the arrows are stroked; `path` when not given. */
  readonly arrowStyle?: ArrowStyle;
  /**
   * Puts down the arrows kept between frames (arrowLayer.ts) beneath `arrows`, which are then only the
   * rest: the messages in flight and those that ended since.
   */
  readonly backdrop?: () => void;
}

export interface Emphasis {
  readonly opIds: ReadonlySet<number>;
  readonly tone: 'follow' | 'conflict';
  /** A followed write: when each node applied it (marked on its lane with the time since the commit). */
  readonly applied?: readonly Applied[];
}

export interface Applied {
  readonly nodeId: string;
  readonly at: number;
  /** Simulated ms since the write committed on its primary. */
  readonly since: number;
}

/** Whether a message carries one of the emphasised writes. */
export const carries = (mark: MessageMark, emphasis: Emphasis): boolean =>
  mark.opIds?.some((id) => emphasis.opIds.has(id)) === true;

/**
 * What of the arrows to paint: `all` (lines, heads, crosses), or, for the layer of hairlines
 * (arrowLayer.ts), only the `lines` (the pieces arrows in flight grew by) or only the `heads`.
 */
export type ArrowParts = 'all' | 'lines' | 'heads';

/** Arrows (every kind, in `style`) with their heads, and a cross where the network dropped one. */
export function paintArrows(
  ctx: Painter,
  arrows: readonly Arrow[],
  style: ArrowStyle,
  palette: Palette,
  parts: ArrowParts = 'all',
): void {
  for (const kind of KINDS) {
    ctx.strokeStyle = palette.kinds[kind];
    ctx.fillStyle = palette.kinds[kind];
    if (parts === 'heads') ctx.lineWidth = style === 'hairline' ? 1 : WIDTH[kind];
    else strokeArrows(ctx, arrows, kind, style);
    if (parts !== 'lines') paintHeads(ctx, arrows, kind, style);
  }
  if (parts !== 'all') return;
  ctx.strokeStyle = palette.bad;
  ctx.lineWidth = style === 'hairline' ? 1 : 2;
  ctx.beginPath();
  for (const a of arrows) if (a.end === 'dropped') cross(ctx, a.x2, a.y2);
  ctx.stroke();
}

/** The arrows of one kind, stroked in `style` (see `ArrowStyle`). */
function strokeArrows(ctx: Painter, arrows: readonly Arrow[], kind: MessageKind, style: ArrowStyle): void {
  const hairline = style === 'hairline';
  ctx.lineWidth = hairline ? 1 : WIDTH[kind];
  ctx.setLineDash(hairline ? [] : DASH[kind]);
  if (style === 'each') {
    for (const a of arrows) {
      if (a.mark.kind !== kind) continue;
      ctx.beginPath();
      ctx.moveTo(a.x1, a.y1);
      ctx.lineTo(a.x2, a.y2);
      ctx.stroke();
    }
    return;
  }
  ctx.beginPath();
  for (const a of arrows) {
    if (a.mark.kind !== kind) continue;
    ctx.moveTo(a.x1, a.y1);
    ctx.lineTo(a.x2, a.y2);
  }
  ctx.stroke();
}

/** Where arrows of one kind arrived (or are now): the legend's glyph, or a small square for hairlines. */
function paintHeads(ctx: Painter, arrows: readonly Arrow[], kind: MessageKind, style: ArrowStyle): void {
  ctx.setLineDash([]);
  ctx.beginPath();
  for (const a of arrows) {
    if (a.mark.kind !== kind || a.end === 'dropped') continue;
    if (style === 'hairline') ctx.rect(a.x2 - 1.5, a.y2 - 1.5, 3, 3);
    else glyph(ctx, kind, a.x2, a.y2);
  }
  if (style !== 'hairline' && (kind === 'ack' || kind === 'heartbeat')) ctx.stroke();
  else ctx.fill();
}

export function paint(ctx: Painter, scene: Scene, palette: Palette): void {
  const { plot, window, height, now } = scene;
  const x = (t: number) => xOf(plot, window, t);
  const right = plot.left + plot.width;
  ctx.save();
  ctx.beginPath();
  ctx.rect(plot.left, 0, plot.width, height);
  ctx.clip();

  // Lanes, and the time each node spent down, greyed.
  ctx.fillStyle = palette.down;
  for (const span of downSpans(scene.markers, now)) {
    const y = plot.laneY.get(span.nodeId);
    if (y === undefined || span.to < window.from || span.from > window.to) continue;
    ctx.fillRect(x(span.from), y - 7, Math.max(1, x(span.to) - x(span.from)), 14);
  }
  ctx.strokeStyle = palette.grid;
  ctx.lineWidth = 1;
  ctx.setLineDash([]);
  ctx.beginPath();
  for (const y of plot.laneY.values()) {
    ctx.moveTo(plot.left, y + 0.5);
    ctx.lineTo(right, y + 0.5);
  }
  ctx.stroke();

  // What happened to the cluster, across every lane.
  ctx.strokeStyle = palette.muted;
  ctx.setLineDash([2, 3]);
  ctx.beginPath();
  for (const marker of scene.markers) {
    if (!ACROSS.has(marker.kind) || marker.at < window.from || marker.at > Math.min(window.to, now)) continue;
    const mx = Math.round(x(marker.at)) + 0.5;
    ctx.moveTo(mx, 0);
    ctx.lineTo(mx, height);
  }
  ctx.stroke();

  // Arrows, kind by kind, then their heads: the legend's glyph where it arrived (or where it is now, in
  // flight), a cross where the network dropped it. Those ended long enough ago come from the backdrop.
  scene.backdrop?.();
  paintArrows(ctx, scene.arrows, scene.arrowStyle ?? 'path', palette);
  if (scene.heads !== undefined) paintArrows(ctx, scene.heads, scene.arrowStyle ?? 'path', palette, 'heads');

  // Client operations where they completed: a write acknowledged (filled), lost (struck through),
  // failed (a cross); a read (a small square), stale (a triangle). Pending ones where they began.
  ctx.lineWidth = 1.5;
  for (const op of scene.operations) {
    const y = plot.laneY.get(op.nodeId);
    const at = op.endedAt ?? op.startedAt;
    if (y === undefined || at < window.from || at > window.to || at > now) continue;
    const ox = x(at);
    const oy = y - OPERATION_RISE;
    ctx.beginPath();
    if (op.kind === 'write') {
      if (op.status === 'failed') {
        ctx.strokeStyle = palette.bad;
        cross(ctx, ox, oy, 3);
        ctx.stroke();
        continue;
      }
      ctx.arc(ox, oy, 3, 0, 2 * Math.PI);
      ctx.fillStyle = op.lost === true ? palette.bad : palette.ok;
      ctx.strokeStyle = ctx.fillStyle;
      if (op.status === 'pending') ctx.stroke();
      else ctx.fill();
      if (op.lost === true) {
        ctx.beginPath();
        ctx.moveTo(ox - 5, oy + 5);
        ctx.lineTo(ox + 5, oy - 5);
        ctx.stroke();
      }
    } else if (op.stale === true) {
      ctx.fillStyle = palette.warn;
      ctx.moveTo(ox, oy - 4);
      ctx.lineTo(ox + 4, oy + 3);
      ctx.lineTo(ox - 4, oy + 3);
      ctx.closePath();
      ctx.fill();
    } else {
      ctx.strokeStyle = palette.muted;
      ctx.rect(ox - 2, oy - 2, 4, 4);
      ctx.stroke();
    }
  }

  // A followed write's fan-out, or a conflict's writes and the messages that carried them.
  const emphasis = scene.emphasis;
  if (emphasis !== null && emphasis.opIds.size > 0) {
    const colour = emphasis.tone === 'conflict' ? palette.bad : palette.cursor;
    const traced = scene.traced ?? scene.arrows.filter((a) => carries(a.mark, emphasis));
    ctx.strokeStyle = colour;
    ctx.fillStyle = colour;
    ctx.lineWidth = 3;
    ctx.setLineDash([]);
    ctx.beginPath();
    for (const a of traced) {
      ctx.moveTo(a.x1, a.y1);
      ctx.lineTo(a.x2, a.y2);
    }
    ctx.stroke();
    ctx.beginPath();
    for (const a of traced) if (a.end !== 'dropped') glyph(ctx, 'entries', a.x2, a.y2);
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (const op of scene.operations) {
      const y = plot.laneY.get(op.nodeId);
      if (!emphasis.opIds.has(op.id) || y === undefined) continue;
      const ox = x(op.endedAt ?? op.startedAt);
      ctx.moveTo(ox + 6, y - OPERATION_RISE);
      ctx.arc(ox, y - OPERATION_RISE, 6, 0, 2 * Math.PI);
    }
    ctx.stroke();
    paintApplied(ctx, scene, emphasis.applied ?? [], colour);
  }

  // The hovered or picked arrow, on top.
  const focus = scene.focus;
  if (focus !== null) {
    ctx.strokeStyle = palette.highlight;
    ctx.lineWidth = 5;
    ctx.globalAlpha = 0.35;
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.moveTo(focus.x1, focus.y1);
    ctx.lineTo(focus.x2, focus.y2);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.strokeStyle = palette.kinds[focus.mark.kind];
    ctx.lineWidth = 2.5;
    ctx.setLineDash(DASH[focus.mark.kind]);
    ctx.beginPath();
    ctx.moveTo(focus.x1, focus.y1);
    ctx.lineTo(focus.x2, focus.y2);
    ctx.stroke();
    ctx.setLineDash([]);
  }

  // The cursor: the instant shown, the timeline's.
  if (now >= window.from && now <= window.to) {
    const cx = Math.round(x(now)) + 0.5;
    ctx.strokeStyle = palette.cursor;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.moveTo(cx, 0);
    ctx.lineTo(cx, height);
    ctx.stroke();
  }
  ctx.restore();
  paintAxis(ctx, plot, window, palette);
}

/** A followed write applied on each lane: a bar across the lane, and the time since it committed. */
function paintApplied(ctx: Painter, scene: Scene, applied: readonly Applied[], colour: string): void {
  const { plot, window, now } = scene;
  ctx.strokeStyle = colour;
  ctx.fillStyle = colour;
  ctx.lineWidth = 2;
  ctx.font = '10px system-ui, sans-serif';
  ctx.textAlign = 'left';
  ctx.beginPath();
  const labels: [string, number, number][] = [];
  for (const { nodeId, at, since } of applied) {
    const y = plot.laneY.get(nodeId);
    if (y === undefined || at < window.from || at > window.to || at > now) continue;
    const x = Math.round(xOf(plot, window, at)) + 0.5;
    ctx.moveTo(x, y - 7);
    ctx.lineTo(x, y + 7);
    labels.push([since === 0 ? 'committed' : `applied +${Math.round(since)} ms`, x + 3, y + 12]);
  }
  ctx.stroke();
  for (const [text, x, y] of labels) ctx.fillText(text, x, y);
}

/** Round instants across the window, about one per 90 px. */
export function ticks(window: TimeWindow, count: number): number[] {
  const raw = (window.to - window.from) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let t = Math.ceil(window.from / step) * step; t <= window.to; t += step) out.push(t);
  return out;
}

/** The time axis along the top: seconds, with hundredths when the window is under two seconds. */
function paintAxis(ctx: Painter, plot: Plot, window: TimeWindow, palette: Palette): void {
  ctx.fillStyle = palette.muted;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  const span = window.to - window.from;
  const right = plot.left + plot.width;
  for (const t of ticks(window, Math.max(2, Math.floor(plot.width / 90)))) {
    const x = xOf(plot, window, t);
    // A label at the right edge ends there rather than past it.
    ctx.textAlign = x > right - 20 ? 'right' : 'center';
    ctx.fillText(`${(t / 1000).toFixed(span < 2000 ? 2 : 1)} s`, x > right - 20 ? right : x, 12);
  }
}
