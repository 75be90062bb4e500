/**
 * The arrows of messages that have ended, kept on a canvas of their own between frames, so a frame
 * strokes only what is new: the messages still in flight and those that ended since the layer last took
 * arrows in. At 10,000 arrows in view, stroking them all took about 35 ms a frame in software rendering;
 * an ended arrow never changes while the scale and the lanes stand, so it is drawn once. A frame also
 * fetches only those messages: their flights overlap [the layer's last instant, the window's end].
 *
 * In hairlines (past 800 arrows in view) the layer holds the arrows in flight too. A message's arrow in
 * flight is the start of the straight line to where it is due (`deliverAt`), so each frame adds to the
 * layer only the piece each arrow has grown by since the last, and draws only the heads afresh: stroking
 * the 2,000 lines in flight again every frame took about 9 ms of the main thread a frame here. An arrow
 * that then ends other than where its line was going (dropped: it stops short, in a cross; or arrived at
 * another time) is repaired: the stretch of the layer its line covered is cleared and drawn again.
 *
 * The layer spans a stretch of time at the window's scale: twice the window while following the run (it
 * slides under the view and is redrawn when the view leaves it), the window itself otherwise. It is
 * redrawn from scratch when the scale, lanes, size, palette or stroke change, when the instant shown goes
 * back (a seek: another simulation's messages), and when a window not following moves.
 */
import { canvasArrowStyle, paintArrows, type ArrowStyle, type Palette } from './draw.ts';
import { arrowsIn, xOf, type Arrow, type MessageMark, type Plot, type TimeWindow } from './geometry.ts';
import type { Painter } from './svgContext.ts';

/** What the layer draws with: a canvas's 2D context, or a stand-in in tests. */
export type LayerContext = Painter & Pick<CanvasRenderingContext2D, 'setTransform' | 'clearRect'>;

/** What the layer needs of a canvas: a real one in the lab, a stand-in in tests. */
export interface LayerCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): LayerContext | null;
}

/** What the layer needs of the context it is drawn on. */
export interface LayerTarget<C> {
  imageSmoothingEnabled: boolean;
  drawImage(
    image: C,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    dx: number,
    dy: number,
    dw: number,
    dh: number,
  ): void;
}

/** The layer takes in the arrows that ended once the view has moved by this share of its width or more. */
const CATCH_UP_SHARE = 40;

export interface LayerInput {
  /** The messages whose flights overlap [from, the window's end] (the store's `spaceTime`). */
  readonly fetch: (from: number) => readonly MessageMark[];
  readonly plot: Plot;
  readonly window: TimeWindow;
  readonly follow: boolean;
  readonly now: number;
  readonly height: number;
  readonly palette: Palette;
  readonly dpr: number;
}

/** When a message's arrow stopped changing: its arrival or drop (undefined while in flight). */
const endedAt = (mark: MessageMark): number | undefined => mark.arrivedAt ?? mark.droppedAt;

interface Layer<C> {
  readonly canvas: C;
  readonly context: LayerContext;
  /** What the drawing depends on besides the messages: a change redraws it. */
  readonly plot: Plot;
  readonly palette: Palette;
  readonly height: number;
  readonly dpr: number;
  readonly span: number;
  readonly follow: boolean;
  /** How its arrows are stroked, for as many as the window held when it was drawn. */
  readonly style: ArrowStyle;
  /** The stretch of time it covers, and the plot that places arrows on it (its left edge at `from`). */
  readonly covers: TimeWindow;
  readonly at: Plot;
  /**
   * Every arrow in the window that ended by then is on it; in hairlines, so is every arrow in flight with a
   * known due time, as far as it had come by then.
   */
  drawnUntil: number;
  /** When each arrow on it ended, ascending, and how many of them ended before the window (out of view). */
  readonly ends: number[];
  gone: number;
  /** Another stroke is called for: drawn again at the next frame. */
  restyle: boolean;
  /** The window last shown (a window not following redraws the layer when it moves). */
  window: TimeWindow;
}

export interface Backdrop {
  /** Draws the layer on the target, in place under the window. */
  readonly draw: () => void;
  /** The messages in the window whose arrows are not on it: in flight, or ended since it took arrows in. */
  readonly fresh: readonly MessageMark[];
  /** Messages in flight whose lines are on it (hairlines): only their heads are drawn each frame. */
  readonly heads: readonly MessageMark[];
  /** How arrows are stroked, the layer's and the fresh ones alike. */
  readonly style: ArrowStyle;
}

export interface ArrowLayer<C> {
  /** Brings the layer up to `input.now` and returns how to draw it beneath `ctx`'s arrows. */
  update(input: LayerInput, ctx: LayerTarget<C>): Backdrop;
}

const newCanvas = (): HTMLCanvasElement => document.createElement('canvas');

/** When a message in flight is due, where its arrow can grow piece by piece: a line towards it. */
const dueOf = (mark: MessageMark): number | undefined =>
  mark.deliverAt !== undefined && mark.deliverAt > mark.sentAt ? mark.deliverAt : undefined;

/** A piece of a message's arrow: where its line was at `from` to where it was at `to` (neither past due). */
function piece(
  mark: MessageMark,
  due: number,
  plot: Plot,
  span: TimeWindow,
  from: number,
  to: number,
): Arrow | null {
  const y1 = plot.laneY.get(mark.from);
  const yTo = plot.laneY.get(mark.to);
  if (y1 === undefined || yTo === undefined || to <= from) return null;
  const yAt = (t: number) => y1 + ((yTo - y1) * (t - mark.sentAt)) / (due - mark.sentAt);
  return {
    mark,
    x1: xOf(plot, span, from),
    y1: yAt(from),
    x2: xOf(plot, span, to),
    y2: yAt(to),
    end: 'flight',
  };
}

/** Where the lines of these messages lie on the layer, as far as `until`, padded for their strokes. */
function extent(marks: readonly MessageMark[], plot: Plot, span: TimeWindow, until: number) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const mark of marks) {
    const due = dueOf(mark) ?? mark.sentAt;
    const line = piece(mark, due, plot, span, mark.sentAt, Math.min(until, due));
    if (line === null) continue;
    xs.push(line.x1, line.x2);
    ys.push(line.y1, line.y2);
  }
  if (xs.length === 0) return null;
  const pad = 3;
  const [left, top] = [Math.min(...xs) - pad, Math.min(...ys) - pad];
  return { x: left, y: top, w: Math.max(...xs) + pad - left, h: Math.max(...ys) + pad - top };
}

export function createArrowLayer(): ArrowLayer<HTMLCanvasElement>;
export function createArrowLayer<C extends LayerCanvas>(makeCanvas: () => C): ArrowLayer<C>;
export function createArrowLayer(makeCanvas: () => LayerCanvas = newCanvas): ArrowLayer<LayerCanvas> {
  let layer: Layer<LayerCanvas> | null = null;

  const stale = (input: LayerInput, current: Layer<LayerCanvas>): boolean =>
    current.plot !== input.plot ||
    current.palette !== input.palette ||
    current.height !== input.height ||
    current.dpr !== input.dpr ||
    current.follow !== input.follow ||
    current.span !== input.window.to - input.window.from ||
    current.restyle ||
    input.now < current.drawnUntil ||
    input.window.from < current.covers.from ||
    input.window.to > current.covers.to ||
    (!input.follow && (input.window.from !== current.window.from || input.window.to !== current.window.to));

  /** A layer for the input's window, blank: `update` draws on it what it should hold by `now`. */
  const build = (input: LayerInput, marks: readonly MessageMark[]): Layer<LayerCanvas> => {
    const { plot, window, height, dpr } = input;
    const span = window.to - window.from;
    const covers = { from: window.from, to: window.from + (input.follow ? 2 : 1) * span };
    const width = (input.follow ? 2 : 1) * plot.width;
    const canvas = layer?.canvas ?? makeCanvas();
    canvas.width = Math.ceil(width * dpr);
    canvas.height = Math.ceil(height * dpr);
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('The space-time diagram needs a 2D canvas');
    context.setTransform(dpr, 0, 0, dpr, 0, 0);
    const built: Layer<LayerCanvas> = {
      canvas,
      context,
      plot,
      palette: input.palette,
      height,
      dpr,
      span,
      follow: input.follow,
      style: canvasArrowStyle(marks.length),
      covers,
      at: { left: 0, width, laneY: plot.laneY },
      drawnUntil: -Infinity,
      ends: [],
      gone: 0,
      restyle: false,
      window,
    };
    return built;
  };

  /** Draws the arrows of messages that ended after `current.drawnUntil`, up to `now`. */
  const catchUp = (current: Layer<LayerCanvas>, marks: readonly MessageMark[], now: number): void => {
    const ended = marks.filter((mark) => {
      const at = endedAt(mark);
      return at !== undefined && at > current.drawnUntil && at <= now;
    });
    paintArrows(
      current.context,
      arrowsIn(ended, current.at, current.covers, now),
      current.style,
      current.palette,
    );
    current.drawnUntil = now;
    noteEnds(current, ended);
  };

  /** Each batch ended after the one before it: sorted within, the list stays ascending. */
  const noteEnds = (current: Layer<LayerCanvas>, ended: readonly MessageMark[]): void => {
    current.ends.push(...ended.map((mark) => endedAt(mark) ?? current.drawnUntil).sort((a, b) => a - b));
  };

  /**
   * Hairlines: brings every arrow on the layer up to `now`. An arrow in flight towards its due time grows by
   * the piece since `drawnUntil` (its head is drawn each frame, returned); one that arrived when due gets its
   * last piece and its head; one that ended otherwise is drawn whole, after its stretch of the layer is
   * cleared and drawn again when its line was on it. Returns the messages in flight: those whose lines are
   * on the layer (heads) and those drawn whole each frame (no due time).
   */
  const grow = (
    current: Layer<LayerCanvas>,
    marks: readonly MessageMark[],
    now: number,
    fetch: LayerInput['fetch'],
  ): { heads: MessageMark[]; fresh: MessageMark[] } => {
    const since = current.drawnUntil;
    const { at, covers, context: ctx, palette, style } = current;
    const pieces: Arrow[] = [];
    const arrived: Arrow[] = [];
    const whole: MessageMark[] = [];
    const damaged: MessageMark[] = [];
    const ended: MessageMark[] = [];
    const heads: MessageMark[] = [];
    const fresh: MessageMark[] = [];
    for (const mark of marks) {
      const end = endedAt(mark);
      if (mark.sentAt > now || (end !== undefined && end <= since)) continue;
      const due = dueOf(mark);
      const from = Math.max(mark.sentAt, since);
      if (end === undefined || end > now) {
        if (due === undefined) fresh.push(mark);
        else {
          heads.push(mark);
          const grown = piece(mark, due, at, covers, from, Math.min(now, due));
          if (grown !== null) pieces.push(grown);
        }
        continue;
      }
      ended.push(mark);
      if (due !== undefined && mark.arrivedAt === due) {
        const last = piece(mark, due, at, covers, from, due);
        if (last !== null) pieces.push(last);
        arrived.push(...arrowsIn([mark], at, covers, now));
      } else if (due !== undefined && mark.sentAt < since) damaged.push(mark);
      else whole.push(mark);
    }
    paintArrows(ctx, pieces, style, palette, 'lines');
    paintArrows(ctx, arrived, style, palette, 'heads');
    paintArrows(ctx, arrowsIn(whole, at, covers, now), style, palette);
    const area = extent(damaged, at, covers, since);
    if (area !== null) {
      // Clear where the cut-short lines ran and draw again what lies there: arrows that ended, whole, and
      // those in flight as far as they have come.
      ctx.save();
      ctx.beginPath();
      ctx.rect(area.x, area.y, area.w, area.h);
      ctx.clip();
      ctx.clearRect(area.x, area.y, area.w, area.h);
      const there = fetch(covers.from + (area.x / at.width) * (covers.to - covers.from)).filter(
        (mark) => mark.sentAt <= now,
      );
      const over = (mark: MessageMark) => {
        const end = endedAt(mark);
        return end !== undefined && end <= now;
      };
      paintArrows(ctx, arrowsIn(there.filter(over), at, covers, now), style, palette);
      const lines = there.flatMap((mark) => {
        const due = dueOf(mark);
        return over(mark) || due === undefined
          ? []
          : (piece(mark, due, at, covers, mark.sentAt, Math.min(now, due)) ?? []);
      });
      paintArrows(ctx, lines, style, palette, 'lines');
      ctx.restore();
    }
    current.drawnUntil = now;
    noteEnds(current, ended);
    return { heads, fresh };
  };

  /** Arrows in the window: those on the layer that did not end before it, and those in flight. */
  const inView = (current: Layer<LayerCanvas>, window: TimeWindow, flying: number): number => {
    while (current.gone < current.ends.length && (current.ends[current.gone] ?? 0) < window.from)
      current.gone++;
    return current.ends.length - current.gone + flying;
  };

  /** The input's messages not on the layer: the last fetch's, less those that ended by `drawnUntil`. */
  const freshOf = (current: Layer<LayerCanvas>, marks: readonly MessageMark[]): MessageMark[] =>
    marks.filter((mark) => {
      const at = endedAt(mark);
      return at === undefined || at > current.drawnUntil;
    });

  return {
    update(input, ctx) {
      const { plot, window, dpr, now } = input;
      let current = layer;
      let marks: readonly MessageMark[];
      if (current === null || stale(input, current)) {
        marks = input.fetch(window.from);
        current = layer = build(input, marks);
      } else {
        marks = input.fetch(Math.max(window.from, current.drawnUntil));
        current.window = window;
      }
      let flight: { heads: readonly MessageMark[]; fresh: readonly MessageMark[] } | null = null;
      if (current.style === 'hairline') flight = grow(current, marks, now, input.fetch);
      // Not every frame (a layer just built has drawn nothing yet): a canvas drawn on since it was last put
      // down is copied whole when put down again (2 MB or more). Arrows that ended meanwhile are drawn with
      // those in flight.
      else if (now - current.drawnUntil >= current.span / CATCH_UP_SHARE) catchUp(current, marks, now);
      const heads = flight?.heads ?? [];
      const fresh = flight?.fresh ?? freshOf(current, marks);
      // So many arrows now that they call for another stroke (or so few): drawn again next frame.
      if (canvasArrowStyle(inView(current, window, heads.length + fresh.length)) !== current.style)
        current.restyle = true;
      // The part of the layer under the plot, in whole device pixels: its hairlines stay sharp as the
      // view slides over it.
      const offset = Math.round((xOf(plot, window, current.covers.from) - plot.left) * dpr);
      const width = Math.min(Math.round(plot.width * dpr), current.canvas.width + offset);
      const { canvas, style } = current;
      return {
        draw: () => {
          if (width <= 0) return;
          const smoothing = ctx.imageSmoothingEnabled;
          ctx.imageSmoothingEnabled = false;
          ctx.drawImage(
            canvas,
            -offset,
            0,
            width,
            canvas.height,
            plot.left,
            0,
            width / dpr,
            canvas.height / dpr,
          );
          ctx.imageSmoothingEnabled = smoothing;
        },
        fresh,
        heads,
        style,
      };
    },
  };
}
