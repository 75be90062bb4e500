import { describe, expect, it } from 'vitest';
import { createSimulation, restoreSimulation, SimulationError, type Simulation } from '../index.ts';
import { cluster } from '../testing.ts';

/** A write's latency, from its invocation to its acknowledgement. */
function writeLatency(sim: Simulation, key: string): number {
  const op = sim.write('db1', key, 'v');
  sim.runUntilIdle();
  const done = sim.op(op.id);
  return (done?.endedAt ?? Number.NaN) - (done?.startedAt ?? 0);
}

describe('a slow disk', () => {
  describe('on the primary', () => {
    it('makes every commit flush that many times slower', () => {
      const sim = createSimulation(cluster(1, { commitMs: 2 }, { latencyMs: 10 }));
      sim.advance(100);
      expect(writeLatency(sim, 'a')).toBe(2);
      sim.slowDisk('db1', 10);
      expect(writeLatency(sim, 'b')).toBe(20);
      sim.fixDisk('db1');
      expect(writeLatency(sim, 'c')).toBe(2);
    });
  });

  describe('on a synchronous standby', () => {
    it('delays the flush that synchronous_commit = on waits for', () => {
      const sim = createSimulation(cluster(1, { mode: 'sync', commitMs: 1, flushMs: 4 }, { latencyMs: 10 }));
      sim.advance(200);
      const healthy = writeLatency(sim, 'a');
      sim.slowDisk('db2', 5);
      expect(writeLatency(sim, 'b')).toBe(healthy + 4 * 4);
    });
  });

  describe('on an asynchronous replica', () => {
    it('replays behind, so its lag grows while the others keep up', () => {
      const sim = createSimulation(cluster(2, { applyRate: 1000 }, { latencyMs: 5 }));
      sim.advance(100);
      sim.slowDisk('db3', 50);
      sim.startWorkload({ writesPerSec: 200, readsPerSec: 0 });
      sim.advance(3000);
      expect(sim.node('db3').lag.entries).toBeGreaterThan(10 * Math.max(1, sim.node('db2').lag.entries));
      expect(sim.node('db3').diskFactor).toBe(50);
      expect(sim.events().some((e) => e.type === 'disk-slowed' && e.nodeId === 'db3')).toBe(true);
    });
  });

  it('stays slow across a restart, and is saved and restored with the rest', () => {
    const sim = createSimulation(cluster(1));
    sim.slowDisk('db2', 3);
    sim.kill('db2');
    sim.restart('db2');
    expect(sim.node('db2').diskFactor).toBe(3);
    const restored = restoreSimulation(JSON.parse(JSON.stringify(sim.save())));
    expect(restored.node('db2').diskFactor).toBe(3);
    expect(restored.commands().map((c) => c.type)).toEqual(['slowDisk', 'kill', 'restart']);
  });

  it('refuses a factor of 1 or less, over 100 or not a number, and fixing a healthy disk', () => {
    const sim = createSimulation(cluster(1));
    for (const factor of [1, 0.5, -2, 101, Number.NaN, '10'])
      expect(() => {
        sim.slowDisk('db2', factor as number);
      }).toThrow(SimulationError);
    expect(() => {
      sim.fixDisk('db2');
    }).toThrow(/not slow/);
    expect(() => {
      sim.slowDisk('db9', 2);
    }).toThrow(/unknown node/);
    expect(sim.commands()).toEqual([]);
  });
});
