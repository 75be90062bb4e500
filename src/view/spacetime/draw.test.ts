import { describe, expect, it } from 'vitest';
import { downSpans, paint, ticks } from './draw.ts';
import { arrowsIn, type MessageMark } from './geometry.ts';
import { SvgContext } from './svgContext.ts';
import { testPalette as palette, twoLanes as plot } from './testPalette.ts';

const window = { from: 0, to: 1000 };

describe('the diagram painter, into SVG', () => {
  it('draws each kind in its colour and dash, heads where they arrived, a cross where one was lost', () => {
    const marks: MessageMark[] = [
      { id: 1, kind: 'entries', from: 'db1', to: 'db2', sentAt: 100, deliverAt: 200, arrivedAt: 200 },
      { id: 2, kind: 'ack', from: 'db2', to: 'db1', sentAt: 210, deliverAt: 310, arrivedAt: 310 },
      {
        id: 3,
        kind: 'entries',
        from: 'db1',
        to: 'db2',
        sentAt: 400,
        deliverAt: 500,
        droppedAt: 500,
        dropReason: 'cut',
      },
    ];
    const context = new SvgContext();
    paint(
      context,
      {
        plot,
        window,
        height: 80,
        now: 900,
        arrows: arrowsIn(marks, plot, window, 900),
        operations: [],
        markers: [],
        focus: null,
        emphasis: null,
      },
      palette,
    );
    const svg = context.body();
    expect(svg).toContain('stroke="orange" stroke-width="1.5"/>');
    expect(svg).toContain('stroke="purple" stroke-width="1.25" stroke-dasharray="5 3"');
    // The entries lines: one path with both arrows; the lost one ends 3/4 of the way, at (460-ish, 52.5).
    expect(svg).toMatch(/M100,30L140,60M220,30L250,52\.5/);
    expect(svg).toContain('stroke="red" stroke-width="2"');
    // The cursor at 900 ms, and the axis labels.
    expect(svg).toContain('M420.5,0L420.5,80');
    expect(svg).toContain('>0.50 s</text>');
    expect((svg.match(/<clipPath /g) ?? []).length).toBe(1);
  });

  it('traces the writes picked: the arrows carrying them over the rest, in the conflict colour', () => {
    const marks: MessageMark[] = [
      { id: 1, kind: 'entries', from: 'db1', to: 'db2', sentAt: 100, arrivedAt: 200, opIds: [7] },
      { id: 2, kind: 'entries', from: 'db1', to: 'db2', sentAt: 300, arrivedAt: 400, opIds: [8] },
    ];
    const context = new SvgContext();
    paint(
      context,
      {
        plot,
        window,
        height: 80,
        now: 900,
        arrows: arrowsIn(marks, plot, window, 900),
        operations: [],
        markers: [],
        focus: null,
        emphasis: { opIds: new Set([7]), tone: 'conflict' },
      },
      palette,
    );
    expect(context.body()).toContain('<path d="M100,30L140,60" fill="none" stroke="red" stroke-width="3"/>');
    expect(context.body()).not.toContain('<path d="M180,30L220,60" fill="none" stroke="red"');
  });

  it('greys a lane from a kill to the restart, or to now', () => {
    const marker = (kind: 'kill' | 'restart', at: number, nodeId: string) => ({
      kind,
      at,
      nodeId,
      text: '',
      seq: at,
    });
    expect(
      downSpans([marker('kill', 100, 'db1'), marker('kill', 150, 'db2'), marker('restart', 300, 'db1')], 500),
    ).toEqual([
      { nodeId: 'db1', from: 100, to: 300 },
      { nodeId: 'db2', from: 150, to: 500 },
    ]);
  });

  it('puts round ticks across the window', () => {
    expect(ticks({ from: 0, to: 1000 }, 5)).toEqual([0, 200, 400, 600, 800, 1000]);
    expect(ticks({ from: 1234, to: 1300 }, 3)).toEqual([1250, 1300]);
  });
});
