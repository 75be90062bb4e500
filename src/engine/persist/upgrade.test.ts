/**
 * Saves made by an older engine still restore. The version 1 fixtures were saved by the engine of version 1
 * (before a node's fields were split into parts), the version 2 ones by the engine of version 2 (before a
 * log was saved as runs of entries), the version 3 ones by the engine of version 3 (before message records),
 * each with what that engine did next: a restore must do the same. The group saves hold a member killed
 * under 3 s before: their continuations were recorded again when commits began to wait until such a member
 * leaves the view (as Galera's do), so they hold what a restore does since then.
 */
import { describe, expect, it } from 'vitest';
import { restoreSimulation, SAVE_VERSION, type EngineEvent } from '../index.ts';
import v1 from './fixtures/v1-saves.json';
import v2 from './fixtures/v2-saves.json';
import v3 from './fixtures/v3-saves.json';

interface Fixture {
  readonly saved: { readonly version: number };
  /** The events that engine emitted in the 1.5 s after the save. */
  readonly later: readonly EngineEvent[];
  /** What each node held then. */
  readonly snapshotData: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

for (const [version, fixtures] of [
  [1, v1],
  [2, v2],
  [3, v3],
] as const) {
  describe(`a version ${version} save`, () => {
    for (const [name, fixture] of Object.entries(fixtures as Record<string, Fixture>)) {
      it(`(${name}) restores and continues as version ${version} did`, () => {
        expect(fixture.saved.version).toBe(version);
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
}

describe('a save from version 3 on', () => {
  it('refuses a log run that names no saved entry, by path', () => {
    const saved = JSON.parse(
      JSON.stringify(restoreSimulation((v2 as Record<string, Fixture>).failover!.saved).save()),
    ) as {
      nodes: { log: { runs: number[] } }[];
      entries: unknown[];
    };
    saved.nodes[0]!.log.runs = [saved.entries.length - 1, 2];
    expect(() => restoreSimulation(saved)).toThrow(
      /^saved state\.nodes\[0\]\.log\.runs: no saved entry #\d+/,
    );
  });
});

describe('a save older than message records (version 3)', () => {
  it('restores with a record for each message in flight, and none before them', () => {
    for (const fixture of Object.values(v3 as Record<string, Fixture>)) {
      const sim = restoreSimulation(fixture.saved);
      const inFlight = sim.snapshot().messages;
      expect(inFlight.length).toBeGreaterThan(0);
      expect(sim.messages().map((m) => m.id)).toEqual(inFlight.map((m) => m.id));
      for (const record of sim.messages()) {
        const message = inFlight.find((m) => m.id === record.id);
        expect(record).toMatchObject({ from: message?.from, to: message?.to, kind: message?.kind });
        expect(record.arrivedAt ?? record.droppedAt).toBeUndefined();
      }
      sim.advance(1500);
      const ended = sim.messages().filter((m) => m.id <= (inFlight.at(-1)?.id ?? 0));
      expect(ended).toHaveLength(inFlight.length);
      for (const record of ended) expect(record.arrivedAt ?? record.droppedAt).toBe(record.deliverAt);
      expect(sim.messages().length).toBeGreaterThan(inFlight.length);
    }
  });
});
