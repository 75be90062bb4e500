import { describe, expect, it } from 'vitest';
import { createLab } from '../../store/index.ts';
import { DROP_REACH, canDrag, dropTargetAt } from './drop.ts';
import { layoutTopology } from './layout.ts';

/** A cascade: db1 → db2 → db4, and db1 → db3. */
function cascade() {
  const store = createLab({ preset: 'master-slave', playing: false });
  store.getState().actions.addReplica('db2');
  const { nodes } = store.getState().snapshot;
  const { positions } = layoutTopology(nodes.map((n) => ({ id: n.id, upstream: n.upstream })));
  return { nodes, positions, at: (id: string) => positions.get(id)! };
}

describe('dragging a replica onto a node', () => {
  it('drags replicas only', () => {
    const { nodes } = cascade();
    expect(nodes.filter(canDrag).map((n) => n.id)).toEqual(['db2', 'db3', 'db4']);
  });

  it('offers the node under the pointer as its new upstream', () => {
    const { nodes, positions, at } = cascade();
    const over = { x: at('db2').x + DROP_REACH - 1, y: at('db2').y };
    expect(dropTargetAt(nodes, positions, 'db3', over)).toEqual({ id: 'db2', refusal: null });
  });

  it('is over nothing away from every node, and never over itself', () => {
    const { nodes, positions, at } = cascade();
    expect(dropTargetAt(nodes, positions, 'db3', { x: at('db2').x + DROP_REACH + 1, y: at('db2').y })).toBe(
      null,
    );
    expect(dropTargetAt(nodes, positions, 'db3', at('db3'))).toBe(null);
  });

  it('refuses its current upstream and its own downstream, saying why', () => {
    const { nodes, positions, at } = cascade();
    expect(dropTargetAt(nodes, positions, 'db4', at('db2'))).toEqual({
      id: 'db2',
      refusal: 'db4 already streams from db2',
    });
    expect(dropTargetAt(nodes, positions, 'db2', at('db4'))).toEqual({
      id: 'db4',
      refusal: 'db4 streams from db2: a loop',
    });
  });
});
