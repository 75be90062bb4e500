import { describe, expect, it } from 'vitest';
import { SimulationError } from './api.ts';
import { createSimulation, restoreSimulation } from './index.ts';
import { cluster, startedCluster } from './testing.ts';
import type { Simulation } from './api.ts';

/** How long a write on db1 takes to be acknowledged, ms. */
function writeLatency(sim: Simulation, key: string): number {
  const op = sim.write('db1', key, 'v');
  sim.runUntilIdle();
  const done = sim.op(op.id);
  expect(done?.status).toBe('ok');
  return (done?.endedAt ?? NaN) - (done?.startedAt ?? NaN);
}

describe('configure: settings changed while the cluster runs', () => {
  it('makes later writes wait for a standby after switching to sync, and says what changed', () => {
    const sim = startedCluster(2, {}, { latencyMs: 50 });
    expect(writeLatency(sim, 'a')).toBeLessThan(50);
    sim.configure({ replication: { mode: 'sync' } });
    expect(sim.snapshot().replication.mode).toBe('sync');
    // A round trip to the nearest standby, 50 ms each way.
    expect(writeLatency(sim, 'b')).toBeGreaterThanOrEqual(100);
    const event = sim.events().find((e) => e.type === 'configured');
    expect(event).toMatchObject({ changes: [{ setting: 'replication.mode', from: 'async', to: 'sync' }] });
    expect(sim.commands().at(-2)).toMatchObject({
      type: 'configure',
      args: [{ replication: { mode: 'sync' } }],
    });
  });

  it('acknowledges writes blocked on missing standbys when synchronous replication is turned off', () => {
    const sim = startedCluster(1, { mode: 'sync' });
    sim.kill('db2');
    const op = sim.write('db1', 'a', '1');
    sim.advance(500);
    expect(sim.op(op.id)?.status).toBe('pending');
    expect(sim.metrics().blockedWrites).toBe(1);
    sim.configure({ replication: { mode: 'async' } });
    expect(sim.op(op.id)?.status).toBe('ok');
    expect(sim.metrics().blockedWrites).toBe(0);
    const read = sim.read('db1', 'a');
    sim.runUntilIdle();
    expect(sim.op(read.id)?.value).toBe('1');
  });

  it('releases the writes a lowered ANY k already counts as confirmed, and no others', () => {
    const sim = startedCluster(3, { mode: 'semi-sync', syncCount: 2 });
    sim.kill('db3');
    sim.kill('db4');
    const op = sim.write('db1', 'a', '1');
    sim.advance(500);
    expect(sim.op(op.id)?.status).toBe('pending');
    sim.configure({ replication: { syncCount: 1 } });
    expect(sim.op(op.id)?.status).toBe('ok');
  });

  it('sends later messages at the new default latency; links given their own keep it', () => {
    const sim = startedCluster(2, {}, { latencyMs: 10 });
    sim.setLatency('db1', 'db3', 30);
    sim.configure({ network: { latencyMs: 200 } });
    const links = sim.snapshot().links;
    expect(links.find((l) => l.from === 'db1' && l.to === 'db2')?.latencyMs).toBe(200);
    expect(links.find((l) => l.from === 'db1' && l.to === 'db3')?.latencyMs).toBe(30);
    sim.write('db1', 'a', '1');
    sim.advance(150);
    expect(sim.node('db2').appliedLsn).toBe(0);
    expect(sim.node('db3').appliedLsn).toBe(1);
  });

  it('refuses a new mode for a multi-primary group and bad values by their paths; nothing changes', () => {
    const group = createSimulation({
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'db2', role: 'primary' },
      ],
    });
    const before = group.commands().length;
    expect(() => {
      group.configure({ replication: { mode: 'sync' } });
    }).toThrow(/a group of 2 primaries keeps the mode it formed with \("async"\)/);
    group.configure({ conflictResolution: 'siblings' });
    expect(group.snapshot().replication.conflictResolution).toBe('siblings');

    const sim = startedCluster(1);
    const bad: [unknown, RegExp][] = [
      [{ replication: { syncCount: 0 } }, /replication\.syncCount: /],
      [{ replication: { mode: 'eventual' } }, /replication\.mode: /],
      [{ network: { latencyMs: -1 } }, /network\.latencyMs: /],
      [{ failover: { timeoutMs: 100 } }, /failover\.timeoutMs: must be at least twice/],
      [{ failover: { loopWait: 10 } }, /unknown field "loopWait"/],
      [{ replication: { retainEntries: 3 } }, /unknown field "retainEntries"/],
      ['sync', /must be an object/],
    ];
    for (const [options, problem] of bad) {
      expect(() => {
        sim.configure(options as never);
      }).toThrow(problem);
      expect(() => {
        sim.configure(options as never);
      }).toThrow(SimulationError);
    }
    expect(sim.commands().length).toBe(0);
    expect(group.commands().length).toBe(before + 1);
    expect(sim.events().some((e) => e.type === 'configured')).toBe(false);
  });

  it('a save after configure restores the new settings and continues exactly as the original', () => {
    const sim = createSimulation(cluster(2, { mode: 'semi-sync' }, { latencyMs: 20, jitterMs: 5 }));
    sim.startWorkload({ writesPerSec: 40, readsPerSec: 10, keys: 5 });
    sim.advance(1_000);
    sim.configure({ replication: { mode: 'scheduled', intervalMs: 300 }, network: { latencyMs: 60 } });
    sim.advance(700);
    const copy = restoreSimulation(sim.save());
    expect(copy.snapshot().replication.mode).toBe('scheduled');
    sim.advance(2_000);
    copy.advance(2_000);
    expect(copy.events()).toEqual(sim.events());
    expect(copy.metrics()).toEqual(sim.metrics());
  });

  it('a replayed run with configure commands reaches the same state', () => {
    const sim = createSimulation(cluster(2, {}, { latencyMs: 20 }));
    sim.startWorkload({ writesPerSec: 30, keys: 4 });
    sim.advance(800);
    sim.configure({ replication: { mode: 'sync' } });
    sim.advance(800);
    sim.configure({ replication: { mode: 'async' }, network: { jitterMs: 15 } });
    sim.advance(800);
    const again = createSimulation(cluster(2, {}, { latencyMs: 20 }));
    for (const command of sim.commands()) {
      again.advanceTo(command.at);
      (again[command.type] as (...args: unknown[]) => unknown)(...command.args);
    }
    again.advanceTo(sim.now());
    expect(again.events()).toEqual(sim.events());
  });
});
