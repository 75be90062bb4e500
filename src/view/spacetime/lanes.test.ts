import { describe, expect, it } from 'vitest';
import { laneOrder } from './lanes.ts';

describe('the diagram lanes', () => {
  it('put a primary first, then its replicas depth first down their cascades', () => {
    const nodes = [
      { id: 'db4', role: 'replica' as const, upstream: 'db2' },
      { id: 'db1', role: 'primary' as const },
      { id: 'db3', role: 'replica' as const, upstream: 'db1' },
      { id: 'db2', role: 'replica' as const, upstream: 'db1' },
      { id: 'db5', role: 'replica' as const, upstream: 'db4' },
    ];
    expect(laneOrder(nodes)).toEqual(['db1', 'db3', 'db2', 'db4', 'db5']);
  });

  it('put the primaries of a group side by side, then each one’s replicas; then the rest', () => {
    const nodes = [
      { id: 'r1', role: 'replica' as const, upstream: 'p1' },
      { id: 'p1', role: 'primary' as const },
      { id: 'p2', role: 'primary' as const },
      { id: 'r2', role: 'replica' as const, upstream: 'p2' },
      { id: 'lost', role: 'replica' as const, upstream: 'gone' },
      { id: 'solo', role: 'replica' as const },
    ];
    expect(laneOrder(nodes, ['removed', 'p1'])).toEqual(['p1', 'p2', 'r1', 'r2', 'lost', 'solo', 'removed']);
  });

  it('end on a cycle of upstreams rather than loop', () => {
    const nodes = [
      { id: 'a', role: 'replica' as const, upstream: 'b' },
      { id: 'b', role: 'replica' as const, upstream: 'a' },
    ];
    expect(laneOrder(nodes)).toEqual(['a', 'b']);
  });
});
