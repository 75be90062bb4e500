import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';
import { cluster } from '../testing.ts';
import type { AnomalyKind, OperationRecord } from '../types.ts';
import { findAnomalies, type Comparison } from './checker.ts';

let nextId = 1;

/** A committed, acknowledged write of `key = value` on `nodeId` at (`timeline`, `lsn`), acknowledged at `at`. */
function write(
  nodeId: string,
  key: string,
  value: string,
  lsn: number,
  at: number,
  extra: Partial<OperationRecord> = {},
) {
  const op: OperationRecord = {
    id: nextId++,
    kind: 'write',
    nodeId,
    key,
    value,
    status: 'ok',
    startedAt: at - 1,
    endedAt: at,
    lsn,
    timeline: 1,
    ...extra,
  };
  return op;
}

function read(
  nodeId: string,
  key: string,
  value: string | undefined,
  at: number,
  extra: Partial<OperationRecord> = {},
) {
  const op: OperationRecord = {
    id: nextId++,
    kind: 'read',
    nodeId,
    key,
    ...(value === undefined ? {} : { value }),
    status: 'ok',
    startedAt: at,
    endedAt: at,
    ...extra,
  };
  return op;
}

const same = (data: Record<string, string>): Comparison => ({
  a: { id: 'db2', data },
  b: { id: 'db1', data },
  relation: 'its upstream',
});

const kinds = (history: OperationRecord[], comparisons: Comparison[] = []): AnomalyKind[] =>
  findAnomalies(history, comparisons, 100).map((a) => a.kind);

describe('the consistency checker', () => {
  it('finds nothing in a clean history', () => {
    const s = { session: 's' };
    const history = [
      write('db1', 'k', 'v1', 1, 10, s),
      read('db1', 'k', 'v1', 11, s),
      read('db2', 'k', 'v1', 20, s),
      write('db1', 'k', 'v2', 2, 30),
      read('db2', 'k', 'v2', 40, s),
    ];
    expect(findAnomalies(history, [same({ k: 'v2' })], 100)).toEqual([]);
  });

  it('finds an acknowledged write that was lost, and says why', () => {
    const lost = write('db1', 'k', 'v1', 1, 10, { lost: true, lostReason: 'db2 never received it' });
    const [anomaly] = findAnomalies([lost], [], 100);
    expect(anomaly).toMatchObject({ kind: 'lost-write', opIds: [lost.id], nodeIds: ['db1'], at: 10 });
    expect(anomaly?.explanation).toMatch(/db2 never received it/);
  });

  it('finds a stale read and names the write it missed', () => {
    const w = write('db1', 'k', 'v2', 2, 10);
    const r = read('db2', 'k', 'v1', 20, { stale: true, expected: 'v2' });
    expect(findAnomalies([w, r], [], 100)).toMatchObject([{ kind: 'stale-read', opIds: [r.id, w.id] }]);
  });

  it('finds a session that did not read its own acknowledged write', () => {
    const s = { session: 'alice' };
    const history = [
      write('db1', 'k', 'v1', 1, 5),
      write('db1', 'k', 'v2', 2, 10, s),
      read('db2', 'k', 'v1', 20, s),
    ];
    expect(kinds(history)).toEqual(['read-your-writes']);
  });

  it('finds a session whose reads went back in time', () => {
    const s = { session: 'bob' };
    const history = [
      write('db1', 'k', 'v1', 1, 5),
      write('db1', 'k', 'v2', 2, 10),
      read('db1', 'k', 'v2', 20, s),
      read('db3', 'k', 'v1', 21, s),
    ];
    expect(kinds(history)).toEqual(['monotonic-read']);
  });

  it('finds two primaries on different timelines acknowledging writes at once', () => {
    const history = [
      write('db1', 'k', 'v1', 1, 10),
      write('db2', 'k', 'v2', 2, 20, { timeline: 2 }),
      write('db1', 'k', 'v3', 2, 30),
    ];
    expect(findAnomalies(history, [], 100)).toMatchObject([
      { kind: 'split-brain', nodeIds: ['db1', 'db2'], at: 20 },
    ]);
  });

  it('finds nodes that still differ once the system is idle and connected', () => {
    const comparison: Comparison = {
      a: { id: 'db2', data: { k: 'v1' } },
      b: { id: 'db1', data: { k: 'v2', x: '1' } },
      relation: 'its upstream',
    };
    const [anomaly] = findAnomalies([], [comparison], 100);
    expect(anomaly).toMatchObject({ kind: 'divergence', nodeIds: ['db2', 'db1'], at: 100 });
    expect(anomaly?.explanation).toMatch(/k, x/);
  });
});

describe('check() on a running simulation', () => {
  it('reports a session reading its own write from a replica that has not applied it yet', () => {
    const sim = createSimulation(cluster(1, {}, { latencyMs: 50 }));
    sim.advance(200);
    const w = sim.write('db1', 'k', 'v', { session: 'alice' });
    sim.advance(5);
    const r = sim.read('db2', 'k', { session: 'alice' });
    expect(sim.op(w.id)?.session).toBe('alice');
    expect(sim.check()).toMatchObject([
      { kind: 'stale-read', opIds: [r.id, w.id] },
      { kind: 'read-your-writes', opIds: [w.id, r.id], nodeIds: ['db1', 'db2'] },
    ]);
  });

  it('finds nothing once a clean run is idle', () => {
    const sim = createSimulation(cluster(2));
    sim.advance(100);
    for (let i = 0; i < 10; i++) sim.write('db1', `k${i % 3}`, `${i}`, { session: 's' });
    sim.runUntilIdle();
    for (const node of ['db1', 'db2', 'db3']) sim.read(node, 'k0', { session: 's' });
    expect(sim.check()).toEqual([]);
  });

  it('rejects a session that is not a short name', () => {
    const sim = createSimulation(cluster(1));
    expect(() => sim.write('db1', 'k', 'v', { session: '' })).toThrow(/session/);
    expect(sim.history()).toEqual([]);
  });
});
