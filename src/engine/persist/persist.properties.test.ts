/**
 * Save, restore and fork: a restored simulation continues exactly as the original would, a fork is
 * independent of its original, and a save survives a JSON round trip.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, restoreSimulation, type Simulation } from '../index.ts';
import { apply, observed, scenarioArb, stepArb, type Step } from '../testRuns.ts';

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 40);

const HORIZON = 6000;
const runArb = fc.record({
  scenario: scenarioArb,
  steps: fc.array(stepArb(HORIZON), { maxLength: 25 }).map((steps) => [...steps].sort((a, b) => a.at - b.at)),
  t: fc.integer({ min: 0, max: HORIZON }),
  delta: fc.integer({ min: 1, max: 3000 }),
});

/** Runs the steps due after `after` and up to `until`, then time up to `until`. */
function runTo(sim: Simulation, steps: readonly Step[], until: number, after = -1): void {
  for (const step of steps) {
    if (step.at <= after || step.at > until) continue;
    if (step.at > sim.now()) sim.advance(step.at - sim.now());
    apply(sim, step);
  }
  if (until > sim.now()) sim.advance(until - sim.now());
}

describe('a restored simulation', () => {
  it('continues exactly as the original: same events, snapshot and history', () => {
    fc.assert(
      fc.property(runArb, ({ scenario, steps, t, delta }) => {
        const straight = createSimulation(scenario);
        runTo(straight, steps, t + delta);
        const saver = createSimulation(scenario);
        runTo(saver, steps, t);
        const restored = restoreSimulation(saver.save());
        runTo(restored, steps, t + delta, t);
        expect(observed(restored)).toEqual(observed(straight));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('survives a JSON round trip of its save', () => {
    fc.assert(
      fc.property(runArb, ({ scenario, steps, t, delta }) => {
        const straight = createSimulation(scenario);
        runTo(straight, steps, t + delta);
        const saver = createSimulation(scenario);
        runTo(saver, steps, t);
        const restored = restoreSimulation(JSON.parse(JSON.stringify(saver.save())));
        runTo(restored, steps, t + delta, t);
        expect(observed(restored)).toEqual(observed(straight));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('a fork', () => {
  it('given the same later commands, stays identical to its original', () => {
    fc.assert(
      fc.property(runArb, ({ scenario, steps, t, delta }) => {
        const original = createSimulation(scenario);
        runTo(original, steps, t);
        const fork = original.fork();
        runTo(original, steps, t + delta, t);
        runTo(fork, steps, t + delta, t);
        expect(observed(fork)).toEqual(observed(original));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('given other commands, never changes its original', () => {
    fc.assert(
      fc.property(
        runArb,
        fc.array(stepArb(HORIZON), { maxLength: 10 }),
        ({ scenario, steps, t, delta }, others) => {
          const untouched = createSimulation(scenario);
          runTo(untouched, steps, t + delta);
          const original = createSimulation(scenario);
          runTo(original, steps, t);
          const fork = original.fork();
          const shifted = others
            .map((s) => ({ ...s, at: t + (s.at % (delta + 1)) }))
            .sort((a, b) => a.at - b.at);
          runTo(fork, shifted, t + delta, t - 1);
          runTo(original, steps, t + delta, t);
          expect(observed(original)).toEqual(observed(untouched));
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
