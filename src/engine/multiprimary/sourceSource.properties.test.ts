/** Property tests for source-source (`conflictResolution: 'none'`): arrival order, appliers that keep running. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index.ts';

interface Step {
  readonly node: 'a' | 'b' | 'c';
  readonly key: string;
  readonly waitMs: number;
}

const stepArb: fc.Arbitrary<Step> = fc.record({
  node: fc.constantFrom('a', 'b', 'c'),
  key: fc.constantFrom('x', 'y'),
  waitMs: fc.integer({ min: 0, max: 60 }),
});

/** At most as many writes as a node view's log tail shows (12), so every arrival can be read back. */
const stepsArb = fc.array(stepArb, { minLength: 1, maxLength: 10 });

describe("source-source with no inserts (conflictResolution: 'none')", () => {
  it('keeps every applier running, records no conflict, and leaves each node the last arrival it applied', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.boolean(), stepsArb, (seed, three, steps) => {
        const ids = three ? ['a', 'b', 'c'] : ['a', 'b'];
        const sim = createSimulation({
          seed,
          system: 'mariadb',
          nodes: ids.map((id) => ({ id, role: 'primary' as const })),
          network: { latencyMs: 20, jitterMs: 10 },
          conflictResolution: 'none',
        });
        sim.advance(200);
        steps.forEach((step, i) => {
          if (ids.includes(step.node)) sim.write(step.node, step.key, `${step.node}${i}`);
          sim.advance(step.waitMs);
        });
        sim.runUntilIdle();
        expect(sim.conflicts()).toEqual([]);
        for (const node of sim.nodes()) {
          expect(node.stoppedAppliers).toEqual([]);
          for (const [key, value] of Object.entries(node.data)) {
            const arrivals = node.logTail.filter((e) => e.key === key);
            expect(arrivals.at(-1)?.value).toBe(value);
          }
        }
        // Writes of one key from one node only never diverge: every node ends with its last.
        for (const key of ['x', 'y']) {
          const writers = new Set(
            steps.filter((s) => s.key === key && ids.includes(s.node)).map((s) => s.node),
          );
          if (writers.size !== 1) continue;
          const values = new Set(sim.nodes().map((n) => n.data[key]));
          expect(values.size).toBe(1);
        }
      }),
      { numRuns: 60 },
    );
  });
});
