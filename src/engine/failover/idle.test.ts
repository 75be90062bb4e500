import { describe, expect, it } from 'vitest';
import { createSimulation, restoreSimulation, type SavedSimulation } from '../index.ts';
import type { Simulation } from '../api.ts';
import { PROMOTION_MS, safetyMarginMs } from './managerMachine.ts';

const HEARTBEAT_MS = 1000;
const TIMEOUT_MS = 3000;
/** Past the manager's decision: the timeout, its safety margin and a heartbeat's worth of slack. */
const DECIDED_MS = TIMEOUT_MS + safetyMarginMs(TIMEOUT_MS) + HEARTBEAT_MS;

/** db1 primary with replicas db2 and db3, under a failover manager. */
function automatic(fencing = false): Simulation {
  const sim = createSimulation({
    seed: 3,
    nodes: [
      { id: 'db1', role: 'primary' },
      { id: 'db2', role: 'replica', upstream: 'db1' },
      { id: 'db3', role: 'replica', upstream: 'db1' },
    ],
    network: { latencyMs: 10, jitterMs: 0 },
    failover: { mode: 'automatic', heartbeatMs: HEARTBEAT_MS, timeoutMs: TIMEOUT_MS, fencing },
  });
  sim.advance(100);
  return sim;
}

const primaries = (sim: Simulation) =>
  sim
    .nodes()
    .filter((n) => n.role === 'primary')
    .map((n) => n.id);

/** db1 cut off from the others long enough for the manager to promote a replica. */
function deposedByPartition(fencing = false): Simulation {
  const sim = automatic(fencing);
  sim.write('db1', 'a', '1');
  sim.runUntilIdle();
  sim.partition([['db1'], ['db2', 'db3']]);
  sim.advance(DECIDED_MS + PROMOTION_MS + 100);
  expect(primaries(sim).sort()).toEqual(['db1', 'db2']);
  return sim;
}

describe('runUntilIdle after a heal', () => {
  it.each([false, true])(
    'waits until the deposed primary has learnt of the new leader (fencing: %s)',
    (fencing) => {
      const sim = deposedByPartition(fencing);
      const healedAt = sim.now();
      sim.heal();
      sim.runUntilIdle();
      expect(primaries(sim)).toEqual(['db2']);
      expect(sim.node('db1')).toMatchObject({ role: 'replica', upstream: 'db2' });
      const demoted = sim.events().find((e) => e.type === 'demoted' && e.nodeId === 'db1');
      expect(demoted).toMatchObject({ newPrimary: 'db2' });
      // Its next heartbeat told it: within one heartbeat interval and a round trip of the heal.
      expect(demoted?.at).toBeGreaterThan(healedAt);
      expect(demoted?.at).toBeLessThanOrEqual(healedAt + HEARTBEAT_MS + 20);
      expect(sim.metrics().splitBrain).toBe(false);
    },
  );

  it('also waits for a heartbeat over a slow link, and stops once it has landed', () => {
    const sim = deposedByPartition();
    // The manager sits with db3 now: db1's heartbeat and its answer take 5 s each way.
    sim.setLatency('db1', 'db3', 5000);
    const healedAt = sim.now();
    sim.heal();
    sim.runUntilIdle();
    expect(primaries(sim)).toEqual(['db2']);
    const demoted = sim.events().find((e) => e.type === 'demoted' && e.nodeId === 'db1');
    expect(demoted?.at).toBeGreaterThan(healedAt + 2 * 5000);
    expect(sim.now() - (demoted?.at ?? 0)).toBeLessThan(HEARTBEAT_MS);
  });
});

describe('runUntilIdle on a restored copy', () => {
  it('waits for the same pending deposition and ends the same way: nothing new needs saving', () => {
    const sim = deposedByPartition();
    sim.heal();
    const copy = sim.fork();
    const restored = restoreSimulation(JSON.parse(JSON.stringify(sim.save())) as SavedSimulation);
    for (const s of [sim, copy, restored]) s.runUntilIdle();
    expect(primaries(sim)).toEqual(['db2']);
    for (const s of [copy, restored]) {
      expect(s.now()).toBe(sim.now());
      expect(s.events()).toEqual(sim.events());
    }
  });
});

describe('runUntilIdle while the deposed primary is still cut off', () => {
  it('does not wait for news that cannot reach it: it returns, leaving the split brain as it is', () => {
    const sim = deposedByPartition();
    const before = sim.now();
    sim.runUntilIdle();
    expect(sim.now() - before).toBeLessThan(HEARTBEAT_MS);
    expect(primaries(sim).sort()).toEqual(['db1', 'db2']);
    expect(sim.metrics().splitBrain).toBe(true);
  });
});

describe('runUntilIdle while a promotion is under way', () => {
  it('returns only once the chosen replica has been promoted', () => {
    const sim = automatic();
    sim.kill('db1');
    // Step to the manager's choice: it is promoting, and the promotion itself is a timer.
    while (sim.snapshot().failover?.state !== 'promoting') sim.advance(10);
    expect(primaries(sim)).toEqual(['db1']);
    sim.runUntilIdle();
    expect(sim.snapshot().failover?.state).not.toBe('promoting');
    expect(primaries(sim)).toEqual(expect.arrayContaining(['db2']));
    expect(sim.events().some((e) => e.type === 'promoted' && e.nodeId === 'db2')).toBe(true);
  });
});
