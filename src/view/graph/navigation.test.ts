import { describe, expect, it } from 'vitest';
import { layoutTopology } from './layout.ts';
import { focusTarget, neighbour, readingOrder } from './navigation.ts';

const { positions } = layoutTopology([
  { id: 'db1' },
  { id: 'db2', upstream: 'db1' },
  { id: 'db3', upstream: 'db1' },
  { id: 'db4', upstream: 'db2' },
]);

describe('arrow-key neighbour', () => {
  it('goes down to a replica and back up to its upstream', () => {
    expect(neighbour(positions, 'db2', 'down')).toBe('db4');
    expect(neighbour(positions, 'db4', 'up')).toBe('db2');
  });

  it('moves between siblings left and right', () => {
    expect(neighbour(positions, 'db2', 'right')).toBe('db3');
    expect(neighbour(positions, 'db3', 'left')).toBe('db2');
  });

  it('stays put at the edge of the graph', () => {
    expect(neighbour(positions, 'db1', 'up')).toBeNull();
    expect(neighbour(positions, 'db3', 'right')).toBeNull();
  });
});

describe('Home and End', () => {
  it('orders nodes top to bottom, then left to right', () => {
    expect(readingOrder(positions)).toEqual(['db1', 'db2', 'db3', 'db4']);
  });

  it('jumps to the first and the last node from anywhere', () => {
    expect(focusTarget(positions, 'db3', 'first')).toBe('db1');
    expect(focusTarget(positions, 'db1', 'last')).toBe('db4');
    expect(focusTarget(positions, 'db2', 'right')).toBe('db3');
  });
});
