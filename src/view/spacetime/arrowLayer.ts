/**
 * The arrows of messages that have ended, kept on a canvas of their own between frames, so a frame
 * strokes only what is new: the messages still in flight and those that ended since the layer last took
 * arrows in. At 10,000 arrows in view, stroking them all took about 35 ms a frame in software rendering;
 * an ended arrow never changes while the scale and the lanes stand, so it is drawn once. A frame also
 * fetches only those messages: their flights overlap [the layer's last instant, the window's end].
 *
 * The layer spans a stretch of time at the window's scale: twice the window while following the run (it
 * slides under the view and is redrawn when the view leaves it), the window itself otherwise. It is
 * redrawn from scratch when the scale, lanes, size, palette or stroke change, when the instant shown goes
 * back (a seek: another simulation's messages), and when a window not following moves.
 */
import { canvasArrowStyle, paintArrows, type ArrowStyle, type Palette } from './draw.ts';
import { arrowsIn, xOf, type MessageMark, type Plot, type TimeWindow } from './geometry.ts';
import type { Painter } from './svgContext.ts';

/** What the layer needs of a canvas: a real one in the lab, a stand-in in tests. */
export interface LayerCanvas {
  width: number;
  height: number;
  getContext(type: '2d'): (Painter & Pick<CanvasRenderingContext2D, 'setTransform'>) | null;
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
  readonly context: Painter;
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
  /** Every arrow in the window that ended by then is on it. */
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
  /** How arrows are stroked, the layer's and the fresh ones alike. */
  readonly style: ArrowStyle;
}

export interface ArrowLayer<C> {
  /** Brings the layer up to `input.now` and returns how to draw it beneath `ctx`'s arrows. */
  update(input: LayerInput, ctx: LayerTarget<C>): Backdrop;
}

const newCanvas = (): HTMLCanvasElement => document.createElement('canvas');

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

  /** A layer for the input's window, with every arrow in it that ended by `now`. */
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
    catchUp(built, marks, input.now);
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
    // Each batch ended after the one before it: sorted within, the list stays ascending.
    current.ends.push(...ended.map((mark) => endedAt(mark) ?? now).sort((a, b) => a - b));
  };

  /** Arrows in the window: those on the layer that did not end before it, and the fresh ones. */
  const inView = (current: Layer<LayerCanvas>, window: TimeWindow, fresh: number): number => {
    while (current.gone < current.ends.length && (current.ends[current.gone] ?? 0) < window.from)
      current.gone++;
    return current.ends.length - current.gone + fresh;
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
        // Not every frame: a canvas drawn on since it was last put down is copied whole when put down
        // again (2 MB or more). Arrows that ended meanwhile are drawn with those in flight.
        if (now - current.drawnUntil >= current.span / CATCH_UP_SHARE) catchUp(current, marks, now);
      }
      const fresh = freshOf(current, marks);
      // So many arrows now that they call for another stroke (or so few): drawn again next frame.
      if (canvasArrowStyle(inView(current, window, fresh.length)) !== current.style) current.restyle = true;
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
        style,
      };
    },
  };
}
