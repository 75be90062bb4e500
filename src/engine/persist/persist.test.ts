/** Saved state: what it holds, and how a damaged or foreign one is refused. */
import { describe, expect, it } from 'vitest';
import {
  createSimulation,
  presets,
  restoreSimulation,
  SAVE_VERSION,
  SimulationError,
  type Simulation,
} from '../index.ts';

function busy(): Simulation {
  const sim = createSimulation({
    ...presets['sync-standby'],
    failover: { mode: 'automatic', heartbeatMs: 200, timeoutMs: 600 },
  });
  sim.startWorkload({ writesPerSec: 40, readsPerSec: 20, keys: 5 });
  sim.advance(2000);
  sim.takeBackup('pg3');
  sim.kill('pg1');
  sim.advance(1500);
  return sim;
}

/** A save as JSON would give it back, to damage. */
const savedJson = (sim: Simulation): Record<string, unknown> =>
  JSON.parse(JSON.stringify(sim.save())) as Record<string, unknown>;

describe('a save', () => {
  it('is plain data: the same after a JSON round trip', () => {
    const saved = busy().save();
    expect(JSON.parse(JSON.stringify(saved))).toEqual(JSON.parse(JSON.stringify(saved)));
    expect(saved.format).toBe('replication-lab/simulation');
    expect(saved.version).toBe(SAVE_VERSION);
  });

  it('shares with the save before it what has not changed since (a run’s checkpoints hold it once)', () => {
    const sim = createSimulation({ ...presets['sync-standby'], seed: 3 });
    sim.startWorkload({ writesPerSec: 40, readsPerSec: 20, keys: 5 });
    sim.advance(2000);
    const ops = (saved: unknown) =>
      (saved as { cluster: { history: { ops: { id: number; status: string }[] } } }).cluster.history.ops;
    const first = ops(sim.save());
    sim.advance(1000);
    const second = new Map(ops(sim.save()).map((op) => [op.id, op]));
    const settled = first.filter((op) => op.status === 'pending' && second.get(op.id)?.status !== 'pending');
    expect(settled.length).toBeGreaterThan(0);
    for (const op of settled) {
      expect(second.get(op.id)).not.toBe(op);
      expect(op.status).toBe('pending');
    }
    const unchanged = first.filter((op) => op.status !== 'pending');
    expect(unchanged.length).toBeGreaterThan(10);
    for (const op of unchanged) expect(second.get(op.id)).toBe(op);
  });

  it('restores a simulation at the same instant, with the same view of everything', () => {
    const sim = busy();
    const restored = restoreSimulation(sim.save());
    expect(restored.now()).toBe(sim.now());
    expect({ ...restored.snapshot(), version: 0 }).toEqual({ ...sim.snapshot(), version: 0 });
    expect(restored.failovers()).toEqual(sim.failovers());
    expect(restored.backups()).toEqual(sim.backups());
    expect(restored.commands()).toEqual(sim.commands());
  });
});

describe('restoring a damaged or foreign save', () => {
  const refusals: [string, (saved: Record<string, unknown>) => unknown, RegExp][] = [
    ['nothing at all', () => null, /^saved state: expected an object/],
    [
      'another program’s data',
      () => ({ format: 'excalidraw', version: 2 }),
      /^saved state\.format: not a saved Replication Lab simulation/,
    ],
    [
      'a newer version',
      (s) => ({ ...s, version: SAVE_VERSION + 1 }),
      /^saved state\.version: version \d+ is newer than this engine reads/,
    ],
    [
      'a scenario the engine refuses',
      (s) => ({ ...s, scenario: { nodes: [] } }),
      /^saved state\.scenario: .*at least one node/,
    ],
    [
      'a node without its log',
      (s) => ({
        ...s,
        nodes: (s.nodes as Record<string, unknown>[]).map((n, i) => (i === 0 ? { ...n, log: undefined } : n)),
      }),
      /^saved state\.nodes\[0\]\.log: expected an object/,
    ],
    [
      'a position that is text',
      (s) => ({
        ...s,
        nodes: (s.nodes as Record<string, unknown>[]).map((n, i) =>
          i === 1 ? { ...n, appliedLsn: '12' } : n,
        ),
      }),
      /^saved state\.nodes\[1\]\.appliedLsn: expected a number/,
    ],
    ['entries cut short', (s) => ({ ...s, entries: [] }), /no saved entry #\d+/],
    [
      'a message record with a time that is text',
      (s) => {
        const saved = structuredClone(s) as {
          cluster: { network: { records: { chunks: { sentAt: unknown[] }[] } } };
        };
        saved.cluster.network.records.chunks[0]!.sentAt[3] = '12';
        return saved;
      },
      /^saved state\.cluster\.network\.records\.chunks\[0\]\.sentAt\[3\]: expected a number/,
    ],
    [
      'a task nothing runs',
      (s) => {
        const scheduler = s.scheduler as { tasks: object[] };
        return {
          ...s,
          scheduler: {
            ...scheduler,
            tasks: [
              ...scheduler.tasks,
              { at: 1e9, seq: 1e9, kind: 'format-disk', args: [], background: false },
            ],
          },
        };
      },
      /^saved state\.scheduler: no handler for "format-disk" tasks/,
    ],
  ];

  for (const [name, damage, message] of refusals) {
    it(`refuses ${name} with a SimulationError that names the problem`, () => {
      const sim = busy();
      const before = JSON.stringify(sim.save());
      let thrown: unknown;
      try {
        restoreSimulation(damage(savedJson(sim)));
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(SimulationError);
      expect((thrown as Error).message).toMatch(message);
      // The simulation the save came from is untouched.
      expect(JSON.stringify(sim.save())).toBe(before);
    });
  }
});
