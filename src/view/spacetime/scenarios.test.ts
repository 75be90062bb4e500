/**
 * The diagram against the engine on seeded runs: its arrows are the engine's message records (how many,
 * between which lanes, from when to when), a conflict's two writes travel on arrows that cross, and a
 * write lost at a failover rides an arrow cut short where the cut dropped it.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation, presets, type MessageRecord, type Simulation } from '../../engine/index.ts';
import { paint } from './draw.ts';
import { arrowsIn, DROPPED_SHARE, xOf, type Arrow, type Plot, type TimeWindow } from './geometry.ts';
import { laneOrder } from './lanes.ts';
import { SvgContext } from './svgContext.ts';
import { testPalette as palette } from './testPalette.ts';

function plotOf(sim: Simulation): Plot {
  const lanes = laneOrder(sim.nodes());
  return { left: 60, width: 800, laneY: new Map(lanes.map((id, i) => [id, 20 + i * 30])) };
}

/** Whether two arrows' segments cross (touching ends do not count). */
function cross(a: Arrow, b: Arrow): boolean {
  const side = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  return (
    side(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1) * side(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2) < 0 &&
    side(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1) * side(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2) < 0
  );
}

const carrying = (arrows: readonly Arrow[], opId: number) =>
  arrows.filter((a) => a.mark.opIds?.includes(opId) === true);

describe('the diagram on seeded runs', () => {
  it("draws one arrow per message record in the window, lane to lane, at the records' times", () => {
    const sim = createSimulation({ ...presets.cascading, seed: 11 });
    sim.startWorkload({ writesPerSec: 20, readsPerSec: 5 });
    sim.advance(3000);
    const now = sim.now();
    const window: TimeWindow = { from: 1000, to: 2500 };
    const plot = plotOf(sim);
    const records = sim.messages({ from: window.from, to: window.to });
    const arrows = arrowsIn(records, plot, window, now);
    const expected = records.filter((r: MessageRecord) => r.sentAt <= window.to);
    expect(arrows.length).toBe(expected.length);
    expect(arrows.length).toBeGreaterThan(100);
    const byId = new Map(arrows.map((a) => [a.mark.id, a]));
    for (const record of expected) {
      const arrow = byId.get(record.id);
      expect(arrow, `message ${record.id}`).toBeDefined();
      if (arrow === undefined) continue;
      expect(arrow.y1).toBe(plot.laneY.get(record.from));
      expect(arrow.x1).toBeCloseTo(xOf(plot, window, record.sentAt), 9);
      if (record.arrivedAt !== undefined) {
        expect(arrow.end).toBe('arrived');
        expect(arrow.y2).toBe(plot.laneY.get(record.to));
        expect(arrow.x2).toBeCloseTo(xOf(plot, window, record.arrivedAt), 9);
      }
    }
  });

  it("shows a conflict's two writes on arrows that cross, drawn in the conflict colour", () => {
    const sim = createSimulation({
      seed: 3,
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'db2', role: 'primary' },
      ],
      network: { latencyMs: 40, jitterMs: 0 },
    });
    sim.advance(300);
    const one = sim.write('db1', 'k', 'one');
    sim.advance(10);
    const two = sim.write('db2', 'k', 'two');
    sim.runUntilIdle();
    const [conflict] = sim.conflicts();
    expect(conflict?.versions.map((v) => v.opId).sort()).toEqual([one.id, two.id].sort());

    const window: TimeWindow = { from: 250, to: sim.now() };
    const plot = plotOf(sim);
    const arrows = arrowsIn(sim.messages(window), plot, window, sim.now());
    const [first] = carrying(arrows, one.id);
    const [second] = carrying(arrows, two.id);
    expect(first?.mark.from).toBe('db1');
    expect(second?.mark.from).toBe('db2');
    if (first === undefined || second === undefined) return;
    // Each was sent before the other arrived: concurrent, and their arrows cross.
    expect(cross(first, second)).toBe(true);

    const svg = new SvgContext();
    const opIds = new Set([one.id, two.id]);
    paint(
      svg,
      {
        plot,
        window,
        height: 80,
        now: sim.now(),
        arrows,
        operations: sim.history(),
        markers: [],
        focus: null,
        emphasis: { opIds, tone: 'conflict' },
      },
      palette,
    );
    const traced = [...svg.body().matchAll(/<path d="([^"]*)" fill="none" stroke="red" stroke-width="3"/g)];
    expect(traced).toHaveLength(1);
    const d = traced[0]?.[1] ?? '';
    for (const arrow of [first, second]) expect(d).toContain(`M${Math.round(arrow.x1 * 100) / 100},`);
  });

  it('cuts short the arrow of a write lost at a failover, where the partition dropped it', () => {
    const sim = createSimulation({
      ...presets['auto-failover'],
      seed: 5,
      network: { latencyMs: 20, jitterMs: 0 },
    });
    sim.advance(2000);
    sim.partition([['db1'], ['db2', 'db3']]);
    sim.advance(50);
    const lost = sim.write('db1', 'balance', '150');
    sim.advance(10_000);
    expect(sim.failovers()).toHaveLength(1);
    expect(sim.op(lost.id)?.lost).toBe(true);

    const window: TimeWindow = { from: 1500, to: 3000 };
    const plot = plotOf(sim);
    const arrows = carrying(arrowsIn(sim.messages(window), plot, window, sim.now()), lost.id);
    expect(arrows.length).toBeGreaterThan(0);
    for (const arrow of arrows) {
      expect(arrow.mark.dropReason).toBe('cut');
      expect(arrow.end).toBe('dropped');
      const fromY = plot.laneY.get(arrow.mark.from) ?? NaN;
      const toY = plot.laneY.get(arrow.mark.to) ?? NaN;
      expect(arrow.y2).toBeCloseTo(fromY + (toY - fromY) * DROPPED_SHARE, 9);
      expect(arrow.x2).toBeLessThan(xOf(plot, window, arrow.mark.droppedAt ?? NaN));
    }
  });
});
