import { describe, expect, it } from 'vitest';
import { parseScenario, type ScenarioInput } from '../../engine/index.ts';
import { CLASSIC_COMPARISONS, classicComparison, classicOf, differencesInWords } from './variants.ts';

describe('the one-click comparisons', () => {
  it.each(CLASSIC_COMPARISONS.map((c) => [c.label, c] as const))(
    '%s: both sides are scenarios the engine runs',
    (_, c) => {
      expect(() => parseScenario(c.a)).not.toThrow();
      expect(() => parseScenario(c.b)).not.toThrow();
      expect(differencesInWords(c.a, c.b).length).toBeGreaterThan(0);
    },
  );
});

describe('which one-click comparison two sides are', () => {
  it('names each by its own sides, and none for sides no comparison has', () => {
    for (const c of CLASSIC_COMPARISONS) expect(classicOf(c.a, c.b)).toBe(c.id);
    const async = classicComparison('async-sync')?.a ?? { nodes: [] };
    expect(classicOf(async, async)).toBeNull();
    expect(classicOf(async, { nodes: [{ id: 'db1', role: 'primary' }] })).toBeNull();
    expect(classicOf(async, { nodes: [] })).toBeNull();
  });
});

describe('how B differs from A, in words', () => {
  it('names the replication mode and its standbys', () => {
    const c = classicComparison('async-sync');
    expect(c && differencesInWords(c.a, c.b)).toEqual([
      'Replication: async on A, sync (1 synchronous standby) on B.',
    ]);
  });

  it('names the number of replicas, masters, and the conflict resolution between masters', () => {
    const replicas = classicComparison('replicas-2-8');
    expect(replicas && differencesInWords(replicas.a, replicas.b)).toEqual(['Replicas: 2 on A, 8 on B.']);
    const lww = classicComparison('lww-siblings');
    expect(lww && differencesInWords(lww.a, lww.b)).toEqual([
      'Conflict resolution: last writer wins on A, siblings on B.',
    ]);
    const masters = classicComparison('masters-2-5');
    expect(masters && differencesInWords(masters.a, masters.b)).toEqual(['Masters: 2 on A, 5 on B.']);
  });

  it('names fencing and the failover mode, and a cascade by its depth', () => {
    const fencing = classicComparison('fencing');
    expect(fencing && differencesInWords(fencing.a, fencing.b)).toEqual(['Fencing: off on A, on on B.']);
    const cascade = {
      nodes: [
        { id: 'a', role: 'primary' },
        { id: 'b', role: 'replica', upstream: 'a' },
        { id: 'c', role: 'replica', upstream: 'b' },
      ],
    } satisfies ScenarioInput;
    const flat = {
      nodes: [
        { id: 'a', role: 'primary' },
        { id: 'b', role: 'replica', upstream: 'a' },
        { id: 'c', role: 'replica', upstream: 'a' },
      ],
    } satisfies ScenarioInput;
    expect(differencesInWords(flat, cascade)).toEqual(['Cascade: none on A, 2 levels on B.']);
    expect(differencesInWords(flat, flat)).toEqual([]);
  });
});
