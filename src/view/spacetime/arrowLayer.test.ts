import { describe, expect, it } from 'vitest';
import { createArrowLayer, type Backdrop, type LayerInput } from './arrowLayer.ts';
import type { MessageMark } from './geometry.ts';
import { SvgContext } from './svgContext.ts';
import { testPalette as palette, twoLanes as plot } from './testPalette.ts';

/** A canvas whose drawing is SVG text, made afresh each time the layer is redrawn from scratch. */
class FakeCanvas {
  width = 0;
  height = 0;
  drawings: SvgContext[] = [];
  /** The areas cleared to be drawn again. */
  cleared: { x: number; y: number; w: number; h: number }[] = [];
  getContext() {
    const context = Object.assign(new SvgContext(), {
      setTransform: () => undefined,
      clearRect: (x: number, y: number, w: number, h: number) => {
        this.cleared.push({ x, y, w, h });
      },
    });
    this.drawings.push(context);
    return context;
  }
  /** The arrows' segments drawn on it since it was last built, each once. */
  segments(): string[] {
    const body = this.drawings.at(-1)?.body() ?? '';
    return [...body.matchAll(/<path d="([^"]*)" fill="none" stroke="orange"/g)].flatMap(
      ([, d]) => d?.match(/M[^M]+/g) ?? [],
    );
  }
}

const entries = (id: number, sentAt: number, arrivedAt?: number): MessageMark => ({
  id,
  kind: 'entries',
  from: 'db1',
  to: 'db2',
  sentAt,
  deliverAt: arrivedAt ?? sentAt + 100,
  ...(arrivedAt === undefined ? {} : { arrivedAt }),
});

const target = () => ({
  imageSmoothingEnabled: true,
  drawn: 0,
  drawImage() {
    this.drawn++;
  },
});

/** The fetches made, by their start. */
const fetched: number[] = [];

function input(marks: readonly MessageMark[], now: number, over: Partial<LayerInput> = {}): LayerInput {
  const window = over.window ?? { from: now - 1000, to: now };
  return {
    // As the store gives them: the messages whose flights overlap [from, the window's end].
    fetch: (from) => {
      fetched.push(from);
      return marks.filter(
        (m) => m.sentAt <= window.to && (m.arrivedAt ?? m.droppedAt ?? m.deliverAt ?? Infinity) >= from,
      );
    },
    plot,
    window,
    follow: true,
    now,
    height: 80,
    palette,
    dpr: 1,
    ...over,
  };
}

/** Whether a message's arrow is on the layer (not among the fresh ones drawn each frame). */
const held = (backdrop: Backdrop, mark: MessageMark): boolean =>
  !backdrop.fresh.some((m) => m.id === mark.id);

describe('the layer of ended arrows', () => {
  it('draws each ended message once, as it ends, and holds it from then on', () => {
    const canvases: FakeCanvas[] = [];
    const layer = createArrowLayer(() => {
      const canvas = new FakeCanvas();
      canvases.push(canvas);
      return canvas;
    });
    const a = entries(1, 1100, 1200);
    const b = entries(2, 1250);
    const ctx = target();
    let backdrop = layer.update(input([a, b], 1300), ctx);
    expect(held(backdrop, a)).toBe(true);
    expect(held(backdrop, b)).toBe(false);
    expect(canvases[0]?.segments()).toHaveLength(1);
    // b arrives; the next frame adds it and does not draw a again.
    // A frame soon after: what ended meanwhile stays off the layer (drawn with what is in flight).
    const soon = entries(3, 1280, 1302);
    expect(held(layer.update(input([a, b, soon], 1305), ctx), soon)).toBe(false);
    // It fetched only what is not on the layer: flights that overlap [1300, 1305].
    expect(fetched.at(-1)).toBe(1300);
    expect(canvases[0]?.segments()).toHaveLength(1);
    const arrived = { ...b, arrivedAt: 1350 };
    backdrop = layer.update(input([a, arrived, soon], 1400), ctx);
    expect(held(backdrop, arrived)).toBe(true);
    expect(held(backdrop, soon)).toBe(true);
    expect(canvases[0]?.segments()).toHaveLength(3);
    backdrop.draw();
    expect(ctx.drawn).toBe(1);
    expect(canvases).toHaveLength(1);
  });

  it('starts again when the instant shown goes back, the scale changes or a still window moves', () => {
    const canvas = new FakeCanvas();
    const layer = createArrowLayer(() => canvas);
    const a = entries(1, 1100, 1200);
    const ctx = target();
    layer.update(input([a], 1300), ctx);
    expect(canvas.drawings).toHaveLength(1);
    // Following, the view slides over the layer: nothing is drawn again.
    layer.update(input([a], 1400), ctx);
    expect(canvas.drawings).toHaveLength(1);
    // A seek back: another simulation's messages, drawn afresh.
    expect(held(layer.update(input([a], 1250), ctx), a)).toBe(true);
    expect(canvas.drawings).toHaveLength(2);
    expect(canvas.segments()).toHaveLength(1);
    // Zoomed: another scale.
    layer.update(input([a], 1400, { window: { from: 900, to: 1400 } }), ctx);
    expect(canvas.drawings).toHaveLength(3);
    expect(canvas.segments()).toHaveLength(1);
    // A window not following, moved.
    const still = { follow: false, window: { from: 1000, to: 1500 } };
    layer.update(input([a], 1400, still), ctx);
    layer.update(input([a], 1450, still), ctx);
    expect(canvas.drawings).toHaveLength(4);
    layer.update(input([a], 1450, { ...still, window: { from: 1100, to: 1600 } }), ctx);
    expect(canvas.drawings).toHaveLength(5);
  });

  it('strokes hairlines past 800 arrows in view, and is drawn again when the count crosses it', () => {
    const canvas = new FakeCanvas();
    const layer = createArrowLayer(() => canvas);
    const ctx = target();
    const early = Array.from({ length: 500 }, (_, i) => entries(i, 1000 + i / 10, 1100 + i / 10));
    const late = Array.from({ length: 400 }, (_, i) => entries(500 + i, 1150 + i / 10, 1250 + i / 10));
    // Before the late ones are sent.
    expect(layer.update(input(early, 1149), ctx).style).toBe('each');
    // The rest arrive: the frame that sees 900 in view marks the layer, the next draws it in hairlines.
    const many = [...early, ...late];
    layer.update(input(many, 1300), ctx);
    expect(layer.update(input(many, 1301), ctx).style).toBe('hairline');
    expect(canvas.drawings).toHaveLength(2);
    // Once they have scrolled out of view, back to one stroke each.
    layer.update(input(many, 2300), ctx);
    expect(layer.update(input(many, 2301), ctx).style).toBe('each');
  });

  it('is redrawn when the view leaves the stretch it covers (twice the window while following)', () => {
    const canvas = new FakeCanvas();
    const layer = createArrowLayer(() => canvas);
    const ctx = target();
    layer.update(input([], 1000), ctx);
    layer.update(input([], 1900), ctx);
    expect(canvas.drawings).toHaveLength(1);
    layer.update(input([], 2100), ctx);
    expect(canvas.drawings).toHaveLength(2);
  });

  describe('in hairlines, arrows in flight on the layer', () => {
    /** 900 heartbeats (grey) that ended early: hairlines, and no orange on the layer but the message's. */
    const crowd = Array.from({ length: 900 }, (_, i): MessageMark => ({
      id: 1000 + i,
      kind: 'heartbeat',
      from: 'db2',
      to: 'db1',
      sentAt: 1000 + i / 10,
      deliverAt: 1010 + i / 10,
      arrivedAt: 1010 + i / 10,
    }));
    /** A window 1,000 ms wide on 400 px (0.4 px a ms); following, the layer's left edge is the window's. */
    const layerX = (t: number, from: number) => ((t - from) * 400) / 1000;

    function setUp() {
      const canvas = new FakeCanvas();
      const layer = createArrowLayer(() => canvas);
      const ctx = target();
      // Drawn in hairlines from the first frame (900 in view): built once at 1200.
      expect(layer.update(input(crowd, 1200), ctx).style).toBe('hairline');
      return { canvas, layer, ctx };
    }

    /** The orange pieces on the layer as [x1, y1, x2, y2]. */
    const pieces = (canvas: FakeCanvas) =>
      canvas.segments().map((d) => (d.match(/-?[\d.]+/g) ?? []).map(Number));

    it('grows each frame by the piece since the last, ends where it arrives, its head drawn each frame', () => {
      const { canvas, layer, ctx } = setUp();
      const sent = { id: 1, kind: 'entries' as const, from: 'db1', to: 'db2', sentAt: 1210, deliverAt: 1310 };
      let backdrop = layer.update(input([...crowd, sent], 1240), ctx);
      expect(backdrop.heads.map((m) => m.id)).toEqual([1]);
      expect(backdrop.fresh).toEqual([]);
      layer.update(input([...crowd, sent], 1290), ctx);
      backdrop = layer.update(input([...crowd, { ...sent, arrivedAt: 1310 }], 1320), ctx);
      expect(backdrop.heads).toEqual([]);
      // No redraw: three pieces, end to end, from the send on db1 (y 30) to the arrival on db2 (y 60).
      expect(canvas.drawings).toHaveLength(1);
      const from = 1200 - 1000;
      expect(pieces(canvas)).toEqual([
        [layerX(1210, from), 30, layerX(1240, from), 39],
        [layerX(1240, from), 39, layerX(1290, from), 54],
        [layerX(1290, from), 54, layerX(1310, from), 60],
      ]);
      expect(canvas.cleared).toEqual([]);
    });

    it('repairs the stretch of a line that was cut short: cleared, and drawn again as it ended', () => {
      const { canvas, layer, ctx } = setUp();
      const sent = { id: 1, kind: 'entries' as const, from: 'db1', to: 'db2', sentAt: 1210, deliverAt: 1310 };
      layer.update(input([...crowd, sent], 1290), ctx);
      layer.update(input([...crowd, { ...sent, droppedAt: 1310, dropReason: 'cut' as const }], 1320), ctx);
      const from = 1200 - 1000;
      // Where its line had come by 1290, padded by 3 px.
      const round = (n: number) => Math.round(n * 1000) / 1000;
      expect(canvas.cleared.map(({ x, y, w, h }) => [x, y, w, h].map(round))).toEqual([
        [layerX(1210, from) - 3, 27, layerX(1290, from) - layerX(1210, from) + 6, 24 + 6].map(round),
      ]);
      // Drawn again three quarters of the way, as a dropped arrow is, ending in a red cross.
      const last = pieces(canvas).at(-1);
      expect(last).toEqual([
        layerX(1210, from),
        30,
        layerX(1210, from) + 0.75 * (layerX(1310, from) - layerX(1210, from)),
        52.5,
      ]);
      expect(canvas.drawings.at(-1)?.body()).toContain('stroke="red"');
      expect(canvas.drawings).toHaveLength(1);
    });
  });
});
