import { describe, expect, it } from 'vitest';
import {
  clearance,
  fitViewBox,
  LEVEL_SPACING,
  MAX_UPSCALE,
  LINK_CLEARANCE,
  NODE_SPACING,
  layoutTopology,
  type LayoutInput,
} from './layout.ts';

const masterSlave: LayoutInput[] = [
  { id: 'db1' },
  { id: 'db2', upstream: 'db1' },
  { id: 'db3', upstream: 'db1' },
];

describe('layoutTopology', () => {
  it('gives the same positions for the same nodes in any order', () => {
    const a = layoutTopology(masterSlave);
    const b = layoutTopology([...masterSlave].reverse());
    expect([...b.positions.entries()].sort()).toEqual([...a.positions.entries()].sort());
  });

  it('puts replicas one level below their upstream, ordered by id', () => {
    const { positions } = layoutTopology(masterSlave);
    const db1 = positions.get('db1')!;
    const db2 = positions.get('db2')!;
    const db3 = positions.get('db3')!;
    expect(db1.y).toBe(0);
    expect(db2.y).toBe(LEVEL_SPACING);
    expect(db3.y).toBe(LEVEL_SPACING);
    expect(db2.x).toBeLessThan(db3.x);
    expect(db1.x).toBeCloseTo((db2.x + db3.x) / 2);
  });

  it('places cascading replicas below the replica they stream from', () => {
    const { positions } = layoutTopology([...masterSlave, { id: 'db4', upstream: 'db2' }]);
    expect(positions.get('db4')!.y).toBe(2 * LEVEL_SPACING);
    expect(positions.get('db4')!.x).toBe(positions.get('db2')!.x);
  });

  it('sets several primaries side by side with their subtrees', () => {
    const { positions } = layoutTopology([
      { id: 'db1' },
      { id: 'db2' },
      { id: 'db3', upstream: 'db1' },
      { id: 'db4', upstream: 'db2' },
    ]);
    expect(positions.get('db1')!.y).toBe(0);
    expect(positions.get('db2')!.y).toBe(0);
    expect(positions.get('db1')!.x).toBeLessThan(positions.get('db2')!.x);
    expect(positions.get('db3')!.x).toBeLessThan(positions.get('db4')!.x);
  });

  it('staggers three or more primaries without replicas, so no link between two passes through a third', () => {
    const ids = ['g1', 'g2', 'g3', 'g4'];
    const { positions, bounds } = layoutTopology(ids.map((id) => ({ id })));
    const at = ids.map((id) => positions.get(id)!);
    expect(at.map((p) => p.y)).toEqual([0, LEVEL_SPACING * 0.75, 0, LEVEL_SPACING * 0.75]);
    expect(bounds.maxY).toBe(LEVEL_SPACING * 0.75);
    for (const [i, a] of at.entries())
      for (const [j, b] of at.entries())
        for (const [k, c] of at.entries())
          if (i < j && k !== i && k !== j) expect(clearance(c, a, b)).toBeGreaterThanOrEqual(LINK_CLEARANCE);
    // Two primaries (master-master) stay level, as do primaries with replicas below them.
    expect(layoutTopology([{ id: 'a' }, { id: 'b' }]).positions.get('b')!.y).toBe(0);
    const withReplica = layoutTopology([...ids.map((id) => ({ id })), { id: 'r1', upstream: 'g1' }]);
    expect(ids.map((id) => withReplica.positions.get(id)!.y)).toEqual([0, 0, 0, 0]);
  });

  it('turns the staggered group into a column in a tall viewport, a row in a wide one', () => {
    const ids = ['g1', 'g2', 'g3'];
    const nodes = ids.map((id) => ({ id }));
    expect(layoutTopology(nodes, 2)).toEqual(layoutTopology(nodes));
    const { positions } = layoutTopology(nodes, 0.5);
    const at = ids.map((id) => positions.get(id)!);
    expect(at.map((p) => p.y)).toEqual([0, LEVEL_SPACING, 2 * LEVEL_SPACING]);
    expect(at.map((p) => p.x)).toEqual([0, LEVEL_SPACING * 0.75, 0]);
    expect(clearance(at[1]!, at[0]!, at[2]!)).toBeGreaterThanOrEqual(LINK_CLEARANCE);
  });

  it('treats a node with an unknown upstream as a root instead of dropping it', () => {
    const { positions } = layoutTopology([{ id: 'a' }, { id: 'b', upstream: 'gone' }]);
    expect(positions.get('b')!.y).toBe(0);
  });
});

describe('layoutTopology in a viewport of a given shape', () => {
  const fan = (n: number, upstream = 'db1'): LayoutInput[] =>
    Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}`, upstream }));
  const rowsOf = (positions: ReadonlyMap<string, { y: number }>, ids: readonly string[]) =>
    new Set(ids.map((id) => positions.get(id)!.y)).size;

  it('keeps eight replicas in one row in a wide viewport, and wraps them in a narrow one', () => {
    const nodes = [{ id: 'db1' }, ...fan(8)];
    const ids = nodes.slice(1).map((n) => n.id);
    expect(rowsOf(layoutTopology(nodes, 4).positions, ids)).toBe(1);
    const narrow = layoutTopology(nodes, 1.2);
    expect(rowsOf(narrow.positions, ids)).toBeGreaterThan(1);
    // Narrower than one row, and no two nodes on one spot.
    expect(narrow.bounds.maxX - narrow.bounds.minX).toBeLessThan(7 * NODE_SPACING);
    const spots = new Set([...narrow.positions.values()].map((p) => `${p.x},${p.y}`));
    expect(spots.size).toBe(nodes.length);
  });

  it('shifts the rows so a link to a lower row passes clear of the nodes above it', () => {
    for (let n = 5; n <= 24; n++) {
      const nodes = [{ id: 'db1' }, ...fan(n)];
      const { positions } = layoutTopology(nodes, 1.2);
      const from = positions.get('db1')!;
      for (const leaf of fan(n)) {
        const to = positions.get(leaf.id)!;
        // Links to the first row are as they always were; those to a lower row cross the rows above.
        for (const [id, p] of positions) {
          if (id === 'db1' || p.y >= to.y) continue;
          const gap = clearance(p, from, to);
          expect(gap, `${n} replicas: db1 → ${leaf.id} passes ${id}`).toBeGreaterThanOrEqual(LINK_CLEARANCE);
        }
      }
    }
  });

  it('wraps only what draws the graph larger: a few replicas stay in their row', () => {
    const nodes = [{ id: 'db1' }, ...fan(3)];
    expect(layoutTopology(nodes, 0.5)).toEqual(layoutTopology(nodes));
  });

  it('keeps a cousin’s cascade clear of the wrapped rows', () => {
    const nodes: LayoutInput[] = [
      { id: 'db1' },
      { id: 'a', upstream: 'db1' },
      { id: 'b', upstream: 'db1' },
      ...fan(9, 'a'),
      { id: 'c', upstream: 'b' },
      { id: 'd', upstream: 'c' },
    ];
    const { positions } = layoutTopology(nodes, 1);
    const all = [...positions.entries()];
    for (const [id, p] of all) {
      for (const [other, q] of all) {
        if (id < other && p.y === q.y)
          expect(Math.abs(p.x - q.x), `${id} and ${other}`).toBeGreaterThanOrEqual(NODE_SPACING);
      }
    }
    expect(
      rowsOf(
        positions,
        fan(9, 'a').map((n) => n.id),
      ),
    ).toBeGreaterThan(1);
  });

  it('gives the same positions for the same nodes in any order', () => {
    const nodes = [{ id: 'db1' }, ...fan(8)];
    const a = layoutTopology(nodes, 1.2);
    const b = layoutTopology([...nodes].reverse(), 1.2);
    expect([...b.positions.entries()].sort()).toEqual([...a.positions.entries()].sort());
  });
});

describe('fitViewBox', () => {
  const content = { x: 0, y: 0, width: 400, height: 200 };

  it('enlarges a small graph at most MAX_UPSCALE times, centred', () => {
    const box = fitViewBox(content, { width: 1600, height: 1200 });
    expect(box.width).toBeCloseTo(1600 / MAX_UPSCALE);
    expect(box.x + box.width / 2).toBeCloseTo(200);
    expect(box.y + box.height / 2).toBeCloseTo(100);
  });

  it('scales a graph larger than its viewport down to fit, keeping the viewport aspect', () => {
    const box = fitViewBox(content, { width: 200, height: 200 });
    expect(box.width).toBe(400);
    expect(box.height).toBe(400);
    expect(box.y).toBe(-100);
  });

  it('fits and centres the graph above an overlay at the bottom, the box still the whole viewport', () => {
    const box = fitViewBox(content, { width: 400, height: 300 }, 100);
    expect(box.width).toBe(400);
    expect(box.height).toBe(300);
    // The content's 200 units fill the 200 px left above the overlay, none under it.
    expect(box.y).toBe(0);
    expect(box.y + box.height - content.height).toBe(100);
  });

  it('keeps the top half of the viewport for the graph however tall the overlay', () => {
    const box = fitViewBox(content, { width: 400, height: 200 }, 180);
    expect(box.height / 2).toBe(content.height);
    expect(box.y).toBe(0);
  });

  it('falls back to the content box before the viewport is measured', () => {
    expect(fitViewBox(content, null)).toEqual(content);
  });
});
