import { describe, expect, it } from 'vitest';
import { layoutTopology } from '../layout.ts';
import { latencyAnchor, layoutRegions, REGION_PAD, type RegionLayoutInput } from './regionLayout.ts';

const twoRegions: RegionLayoutInput[] = [
  { id: 'pg1', region: 'eu' },
  { id: 'pg2', upstream: 'pg1', region: 'eu' },
  { id: 'pg3', upstream: 'pg1', region: 'us' },
  { id: 'report', upstream: 'pg3', region: 'us' },
];

const inside = (p: { x: number; y: number }, b: { x: number; y: number; width: number; height: number }) =>
  p.x - REGION_PAD.left >= b.x - 1e-9 &&
  p.x + REGION_PAD.right <= b.x + b.width + 1e-9 &&
  p.y - REGION_PAD.top >= b.y - 1e-9 &&
  p.y + REGION_PAD.bottom <= b.y + b.height + 1e-9;

describe('layoutRegions', () => {
  it('puts every node, with its labels, inside its region’s box', () => {
    const layout = layoutRegions(twoRegions, ['eu', 'us']);
    const box = (id: string) => layout.regions.find((r) => r.id === id)!.box;
    for (const node of twoRegions)
      expect(inside(layout.positions.get(node.id)!, box(node.region!))).toBe(true);
  });

  it('sets the regions side by side in the scenario’s order, without overlapping', () => {
    const layout = layoutRegions(
      [
        ...twoRegions,
        { id: 'ap1', upstream: 'pg1', region: 'ap' },
        { id: 'ap2', upstream: 'ap1', region: 'ap' },
      ],
      ['us', 'eu', 'ap'],
    );
    expect(layout.regions.map((r) => r.id)).toEqual(['us', 'eu', 'ap']);
    for (let i = 1; i < layout.regions.length; i++) {
      const left = layout.regions[i - 1]!.box;
      expect(layout.regions[i]!.box.x).toBeGreaterThan(left.x + left.width);
    }
    expect(new Set(layout.regions.map((r) => r.box.height)).size).toBe(1);
  });

  it('with three regions, sets the middle one lower, so a link between the outer two passes above its nodes', () => {
    const galera: RegionLayoutInput[] = [
      { id: 'g1', region: 'a' },
      { id: 'g2', region: 'b' },
      { id: 'g3', region: 'c' },
    ];
    const { positions } = layoutRegions(galera, ['a', 'b', 'c']);
    expect(positions.get('g1')!.y).toBe(positions.get('g3')!.y);
    expect(positions.get('g2')!.y - positions.get('g1')!.y).toBeGreaterThanOrEqual(60);
  });

  it('gives the same layout for the same nodes in any order', () => {
    const a = layoutRegions(twoRegions, ['eu', 'us'], 1.6);
    const b = layoutRegions([...twoRegions].reverse(), ['eu', 'us'], 1.6);
    expect([...b.positions.entries()].sort()).toEqual([...a.positions.entries()].sort());
    expect(b.regions).toEqual(a.regions);
  });

  it('lays a region out as a tree of its own: a replica of another region’s node heads it', () => {
    const { positions } = layoutRegions(twoRegions, ['eu', 'us']);
    expect(positions.get('pg3')!.y).toBe(0);
    expect(positions.get('report')!.y).toBeGreaterThan(0);
    expect(positions.get('report')!.x).toBe(positions.get('pg3')!.x);
  });

  it('wraps a region’s wide fan of replicas into rows in a narrow viewport, as without regions', () => {
    const fan: RegionLayoutInput[] = [
      { id: 'a0', region: 'a' },
      ...Array.from({ length: 8 }, (_, i) => ({ id: `a${i + 1}`, upstream: 'a0', region: 'a' })),
      { id: 'b0', region: 'b' },
    ];
    const wide = layoutRegions(fan, ['a', 'b']);
    const narrow = layoutRegions(fan, ['a', 'b'], 0.8);
    const rows = (l: typeof wide) =>
      new Set(fan.filter((n) => n.region === 'a').map((n) => l.positions.get(n.id)!.y)).size;
    expect(rows(wide)).toBe(2);
    expect(rows(narrow)).toBe(3);
  });

  it('leaves out a region no node is in', () => {
    const layout = layoutRegions(twoRegions, ['eu', 'empty', 'us']);
    expect(layout.regions.map((r) => r.id)).toEqual(['eu', 'us']);
  });

  it('frames every region box', () => {
    const { frame, regions } = layoutRegions(twoRegions, ['eu', 'us']);
    const last = regions.at(-1)!.box;
    expect(frame).toEqual({ x: 0, y: -REGION_PAD.top, width: last.x + last.width, height: last.height });
  });
});

describe('latencyAnchor', () => {
  it('writes a cross-region link’s latency in the gap between the two boxes, on the link', () => {
    const layout = layoutRegions(twoRegions, ['eu', 'us']);
    const [eu, us] = layout.regions;
    const a = layout.positions.get('pg1')!;
    const b = layout.positions.get('pg3')!;
    const at = latencyAnchor(a, b, eu, us, layout.regions);
    expect(at.x).toBeGreaterThan(eu!.box.x + eu!.box.width);
    expect(at.x).toBeLessThan(us!.box.x);
    expect(at.y).toBeCloseTo(a.y + ((at.x - a.x) / (b.x - a.x)) * (b.y - a.y));
  });
});

describe('layoutTopology without regions', () => {
  it('draws no frame, so the graph fits its nodes as before', () => {
    expect(layoutTopology([{ id: 'db1' }, { id: 'db2', upstream: 'db1' }]).frame).toBeUndefined();
  });
});
