import { describe, expect, it } from 'vitest';
import { createSimulation, nodeRefOf, resolveNodeRef, SimulationError, type NodeRef } from '../index.ts';
import { cluster } from '../testing.ts';

const idOf = (sim: Parameters<typeof resolveNodeRef>[0], ref: NodeRef) => {
  const resolved = resolveNodeRef(sim, ref);
  return resolved.ok ? resolved.id : resolved.reason;
};

describe('naming the primary by role', () => {
  it('names the primary that is up, and after a failover the promoted one', () => {
    const sim = createSimulation(cluster(2));
    sim.advance(100);
    expect(idOf(sim, { role: 'primary' })).toBe('db1');
    sim.kill('db1');
    sim.promote('db3');
    expect(idOf(sim, { role: 'primary' })).toBe('db3');
  });

  it('names the primary that is down when none is up, so a kill is refused for what it is', () => {
    const sim = createSimulation(cluster(1));
    sim.kill('db1');
    expect(idOf(sim, { role: 'primary' })).toBe('db1');
  });

  it('names the first master that is up in a multi-primary group', () => {
    const sim = createSimulation({
      nodes: ['m1', 'm2', 'm3'].map((id) => ({ id, role: 'primary' })),
    });
    expect(idOf(sim, { role: 'primary' })).toBe('m1');
    sim.kill('m1');
    expect(idOf(sim, { role: 'primary' })).toBe('m2');
    expect(idOf(sim, { role: 'primary', index: 0 })).toBe('m1');
    expect(idOf(sim, { role: 'primary', index: 2 })).toBe('m3');
  });
});

describe('naming a replica by its index', () => {
  it('counts replicas from 0 in topology order, cascaded ones included, up or down', () => {
    const sim = createSimulation(cluster(3, {}, { cascade: { db4: 'db2' } }));
    sim.kill('db3');
    expect([0, 1, 2].map((index) => idOf(sim, { role: 'replica', index }))).toEqual(['db2', 'db3', 'db4']);
  });

  it('says how many replicas there are when the index is past them', () => {
    const sim = createSimulation(cluster(1));
    expect(resolveNodeRef(sim, { role: 'replica', index: 1 })).toEqual({
      ok: false,
      reason: 'there is no replica 1 (counted from 0): there is 1 replica (db2)',
    });
    expect(idOf(createSimulation(cluster(0)), { role: 'replica', index: 0 })).toBe(
      'there is no replica 0 (counted from 0): there are 0 replicas',
    );
  });
});

describe('a node named by id', () => {
  it('is taken as it is: the side that lacks it refuses the command', () => {
    expect(resolveNodeRef(createSimulation(cluster(1)), 'pg7')).toEqual({ ok: true, id: 'pg7' });
  });
});

describe('the role reference of a node', () => {
  it('names each node so that it resolves back to it', () => {
    const sim = createSimulation(cluster(3, {}, { cascade: { db4: 'db2' } }));
    sim.advance(100);
    sim.kill('db1');
    sim.promote('db2');
    for (const node of sim.nodes()) expect(idOf(sim, nodeRefOf(sim, node.id))).toBe(node.id);
    expect(nodeRefOf(sim, 'db2')).toEqual({ role: 'primary' });
    expect(nodeRefOf(sim, 'db1')).toEqual({ role: 'replica', index: 0 });
  });

  it('is refused for a node the simulation does not have', () => {
    expect(() => nodeRefOf(createSimulation(cluster(1)), 'db9')).toThrow(SimulationError);
  });
});
