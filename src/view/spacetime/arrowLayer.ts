/**
 * The arrows of messages that have ended, kept on a canvas of their own between frames, so a frame
 * strokes only what is new: the messages still in flight and those that ended since the last frame. At
 * 10,000 arrows in view, stroking them all took about 35 ms a frame in software rendering; an ended
 * arrow never changes while the scale and the lanes stand, so it is drawn once.
 *
 * The layer spans a stretch of time at the window's scale: twice the window while following the run (it
 * slides under the view and is redrawn when the view leaves it), the window itself otherwise. It is
 * redrawn from scratch when the scale, lanes, size, palette or stroke change, when the instant shown goes
 * back (a seek: another simulation's messages), and when a window not following moves.
 */
import { paintArrows, type ArrowStyle, type Palette } from './draw.ts';
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

export interface LayerInput {
  readonly marks: readonly MessageMark[];
  readonly plot: Plot;
  readonly window: TimeWindow;
  readonly follow: boolean;
  readonly now: number;
  readonly height: number;
  readonly style: ArrowStyle;
  readonly palette: Palette;
  readonly dpr: number;
}

/** When a message's arrow stopped changing: its arrival or drop (undefined while in flight). */
const endedAt = (mark: MessageMark): number | undefined => mark.arrivedAt ?? mark.droppedAt;

interface Layer<C extends LayerCanvas> {
  readonly canvas: C;
  readonly context: Painter;
  /** What the drawing depends on besides the messages: a change redraws it. */
  readonly plot: Plot;
  readonly palette: Palette;
  readonly style: ArrowStyle;
  readonly height: number;
  readonly dpr: number;
  readonly span: number;
  readonly follow: boolean;
  /** The stretch of time it covers, and the plot that places arrows on it (its left edge at `from`). */
  readonly covers: TimeWindow;
  readonly at: Plot;
  /** Every arrow ended by then (and in the window) is on it. */
  drawnUntil: number;
  /** The window last shown (a window not following redraws the layer when it moves). */
  window: TimeWindow;
}

export interface Backdrop {
  /** Draws the layer on `ctx`, in place under the window. */
  readonly draw: () => void;
  /** Whether the arrow of a message among those given to `update` is on it (so it is not drawn again). */
  readonly holds: (mark: MessageMark) => boolean;
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
    current.style !== input.style ||
    current.height !== input.height ||
    current.dpr !== input.dpr ||
    current.follow !== input.follow ||
    current.span !== input.window.to - input.window.from ||
    input.now < current.drawnUntil ||
    input.window.from < current.covers.from ||
    input.window.to > current.covers.to ||
    (!input.follow && (input.window.from !== current.window.from || input.window.to !== current.window.to));

  const build = (input: LayerInput): Layer<LayerCanvas> => {
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
    return {
      canvas,
      context,
      plot,
      palette: input.palette,
      style: input.style,
      height,
      dpr,
      span,
      follow: input.follow,
      covers,
      at: { left: 0, width, laneY: plot.laneY },
      drawnUntil: -Infinity,
      window,
    };
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
  };

  return {
    update(input, ctx) {
      if (layer === null || stale(input, layer)) layer = build(input);
      const current = layer;
      current.window = input.window;
      catchUp(current, input.marks, input.now);
      const { plot, window, dpr } = input;
      // The part of the layer under the plot, in whole device pixels: its hairlines stay sharp as the
      // view slides over it.
      const offset = Math.round((xOf(plot, window, current.covers.from) - plot.left) * dpr);
      const width = Math.min(Math.round(plot.width * dpr), current.canvas.width + offset);
      const height = current.canvas.height;
      return {
        draw: () => {
          if (width <= 0) return;
          const smoothing = ctx.imageSmoothingEnabled;
          ctx.imageSmoothingEnabled = false;
          ctx.drawImage(current.canvas, -offset, 0, width, height, plot.left, 0, width / dpr, height / dpr);
          ctx.imageSmoothingEnabled = smoothing;
        },
        holds: (mark) => {
          const at = endedAt(mark);
          return at !== undefined && at <= current.drawnUntil;
        },
      };
    },
  };
}
