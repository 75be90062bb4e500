import { describe, expect, it } from 'vitest';
import { createArrowLayer, type LayerInput } from './arrowLayer.ts';
import type { Palette } from './draw.ts';
import type { MessageMark, Plot } from './geometry.ts';
import { SvgContext } from './svgContext.ts';

const palette: Palette = {
  kinds: { entries: 'orange', ack: 'purple', hello: 'teal', snapshot: 'pink', heartbeat: 'grey' },
  text: 'black',
  muted: 'grey',
  grid: 'silver',
  down: 'gainsboro',
  cursor: 'blue',
  ok: 'green',
  bad: 'red',
  warn: 'gold',
  highlight: 'black',
};
const plot: Plot = {
  left: 60,
  width: 400,
  laneY: new Map([
    ['db1', 30],
    ['db2', 60],
  ]),
};

/** A canvas whose drawing is SVG text, made afresh each time the layer is redrawn from scratch. */
class FakeCanvas {
  width = 0;
  height = 0;
  drawings: SvgContext[] = [];
  getContext() {
    const context = Object.assign(new SvgContext(), { setTransform: () => undefined });
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

function input(marks: readonly MessageMark[], now: number, over: Partial<LayerInput> = {}): LayerInput {
  return {
    marks,
    plot,
    window: { from: now - 1000, to: now },
    follow: true,
    now,
    height: 80,
    style: 'path',
    palette,
    dpr: 1,
    ...over,
  };
}

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
    expect(backdrop.holds(a)).toBe(true);
    expect(backdrop.holds(b)).toBe(false);
    expect(canvases[0]?.segments()).toHaveLength(1);
    // b arrives; the next frame adds it and does not draw a again.
    const arrived = { ...b, arrivedAt: 1350 };
    backdrop = layer.update(input([a, arrived], 1400), ctx);
    expect(backdrop.holds(arrived)).toBe(true);
    expect(canvases[0]?.segments()).toHaveLength(2);
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
    expect(layer.update(input([a], 1250), ctx).holds(a)).toBe(true);
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
});
