import { describe, expect, it } from 'vitest';
import { createSimulation, presets } from '../../engine/index.ts';
import { appliedTimes } from './emphasis.ts';

describe('when each node applied a followed write', () => {
  it('is its commit on the primary, then each replica down the cascade as it replayed it', () => {
    const sim = createSimulation({ ...presets.cascading, seed: 2, network: { latencyMs: 40, jitterMs: 0 } });
    sim.advance(500);
    const write = sim.write('db1', 'k', 'v');
    sim.runUntilIdle();
    const reach = Object.fromEntries(sim.writeReach(write.id).map((r) => [r.nodeId, r.state]));
    const applied = appliedTimes(sim.events(), write.id, reach);
    expect(applied.map((a) => a.nodeId).sort()).toEqual(
      sim
        .nodes()
        .map((n) => n.id)
        .sort(),
    );
    const at = new Map(applied.map((a) => [a.nodeId, a]));
    expect(at.get('db1')).toMatchObject({ at: sim.op(write.id)?.endedAt, since: 0 });
    // A direct replica a one-way trip later, one cascaded below it another trip after that.
    const direct = sim.nodes().find((n) => n.upstream === 'db1')?.id ?? '';
    const cascaded = sim.nodes().find((n) => n.upstream === direct)?.id ?? '';
    expect(at.get(direct)?.since).toBeGreaterThanOrEqual(40);
    expect(at.get(cascaded)?.since).toBeGreaterThanOrEqual((at.get(direct)?.since ?? 0) + 40);
  });

  it('leaves out nodes that do not hold the write now', () => {
    const sim = createSimulation({ ...presets['master-slave'], seed: 2 });
    sim.advance(500);
    const write = sim.write('db1', 'k', 'v');
    sim.runUntilIdle();
    const reach = Object.fromEntries(sim.writeReach(write.id).map((r) => [r.nodeId, r.state]));
    const missing = { ...reach, db2: 'missing' as const };
    expect(appliedTimes(sim.events(), write.id, missing).map((a) => a.nodeId)).not.toContain('db2');
    expect(appliedTimes(sim.events(), 12345, reach)).toEqual([]);
  });
});
