/**
 * Saves made by an older engine still restore. The fixtures were saved by the engine of version 1 (before
 * a node's fields were split into parts), with what that engine did next: a restore must do the same.
 */
import { describe, expect, it } from 'vitest';
import { restoreSimulation, SAVE_VERSION, type EngineEvent } from '../index.ts';
import fixtures from './fixtures/v1-saves.json';

interface Fixture {
  readonly saved: { readonly version: number };
  /** The events version 1 emitted in the 1.5 s after the save. */
  readonly later: readonly EngineEvent[];
  /** What each node held then. */
  readonly snapshotData: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

describe('a version 1 save', () => {
  for (const [name, fixture] of Object.entries(fixtures as Record<string, Fixture>)) {
    it(`(${name}) restores and continues as version 1 did`, () => {
      expect(fixture.saved.version).toBe(1);
      const sim = restoreSimulation(fixture.saved);
      const from = sim.events().length;
      sim.advance(1500);
      expect(sim.events().slice(from)).toEqual(fixture.later);
      const data = Object.fromEntries(sim.snapshot().nodes.map((n) => [n.id, { ...n.data }]));
      expect(data).toEqual(fixture.snapshotData);
      expect(sim.save().version).toBe(SAVE_VERSION);
    });
  }

  it('with a node that is not an object is refused by path', () => {
    const saved = JSON.parse(JSON.stringify((fixtures as Record<string, Fixture>).failover!.saved)) as {
      nodes: unknown[];
    };
    saved.nodes[1] = 7;
    expect(() => restoreSimulation(saved)).toThrow(/^saved state\.nodes\[1\]: expected an object/);
  });
});
