/**
 * Seeking: a simulation sought to an instant is the one the run showed live at that instant (snapshot,
 * events, history, failovers, conflicts, backups, commands, anomalies, what is pending), and seeking
 * changes neither the live simulation nor its checkpoints.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, presets, type ScenarioInput, type Simulation } from '../engine/index.ts';
import { apply, observed, scenarioArb, stepArb, type Step } from '../engine/testRuns.ts';
import { checkpointRun, trackCheckpoints, type Checkpoints } from './checkpoints.ts';
import { recordRun, type RunRecord } from './run.ts';

const NUM_RUNS = Number(process.env.PROPERTY_RUNS ?? 30);

const HORIZON = 5000;
interface LiveRun {
  readonly live: Simulation;
  readonly checkpoints: Checkpoints;
  /** What the live run showed at instants it stopped at, after every command of the instant. */
  readonly seen: Map<number, ReturnType<typeof observed>>;
  /** Each checkpoint's save as JSON when it was taken, by time and command count. */
  readonly saves: Map<string, string>;
}

const saveKey = (c: { time: number; commands: number }) => `${c.time}/${c.commands}`;

/**
 * Runs the steps live in frames of the given sizes (cycled, as the lab's loop advances), noting
 * checkpoints after every advance and command, and observing the simulation at every `lookEvery`-th
 * frame.
 */
function runLive(
  scenario: ScenarioInput,
  steps: readonly Step[],
  frames: readonly number[],
  policy: Parameters<typeof trackCheckpoints>[1],
  lookEvery: number,
  end = HORIZON,
): LiveRun {
  const live = createSimulation(scenario);
  const checkpoints = trackCheckpoints(live, policy);
  const seen = new Map<number, ReturnType<typeof observed>>();
  const saves = new Map<string, string>();
  const keepSaves = () => {
    for (const c of checkpoints.list())
      if (!saves.has(saveKey(c))) saves.set(saveKey(c), JSON.stringify(c.saved));
  };
  keepSaves();
  const sorted = [...steps].sort((a, b) => a.at - b.at);
  let next = 0;
  let frame = 0;
  for (;;) {
    while (next < sorted.length && (sorted[next]?.at ?? Infinity) <= live.now()) {
      const step = sorted[next++];
      if (step !== undefined) apply(live, step);
      checkpoints.note();
      keepSaves();
    }
    // Only once every command of this instant is in: a look between two of them is no instant of the run.
    if (frame % lookEvery === 0) seen.set(live.now(), observed(live));
    if (live.now() >= end) break;
    const target = Math.min(end, sorted[next]?.at ?? end);
    const size = frames[frame++ % frames.length] ?? 16;
    if (live.now() + size >= target) live.advanceTo(target);
    else live.advance(size);
    checkpoints.note();
    keepSaves();
  }
  seen.set(live.now(), observed(live));
  return { live, checkpoints, seen, saves };
}

const frameArb = fc.array(fc.constantFrom(16.67, 16.66, 33.4, 7.1, 250, 0.3, 101.01, 1000), {
  minLength: 1,
  maxLength: 6,
});
const policyArb = fc.record({
  everyTasks: fc.integer({ min: 20, max: 2000 }),
  everyMs: fc.integer({ min: 50, max: 3000 }),
  maxCheckpoints: fc.integer({ min: 2, max: 12 }),
});

describe('seeking a run', () => {
  it('gives the simulation the run showed live at that instant, whichever checkpoint it starts from', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(stepArb(HORIZON), { maxLength: 25 }),
        frameArb,
        policyArb,
        fc.integer({ min: 3, max: 40 }),
        (scenario, steps, frames, policy, lookEvery) => {
          const { live, checkpoints, seen } = runLive(scenario, steps, frames, policy, lookEvery);
          expect(checkpoints.list().length).toBeLessThanOrEqual(policy.maxCheckpoints);
          for (const [t, shown] of seen) expect(observed(checkpoints.seek(t))).toEqual(shown);
          expect(checkpoints.end()).toBe(live.now());
        },
      ),
      { numRuns: NUM_RUNS },
    );
  }, 120_000);

  it('changes neither the live simulation nor a checkpoint, even when the sought simulation goes its own way', () => {
    fc.assert(
      fc.property(
        scenarioArb,
        fc.array(stepArb(HORIZON), { maxLength: 20 }),
        frameArb,
        policyArb,
        fc.array(stepArb(HORIZON), { maxLength: 8 }),
        (scenario, steps, frames, policy, others) => {
          const { live, checkpoints, saves } = runLive(scenario, steps, frames, policy, 1_000_000);
          const before = observed(live);
          for (const c of checkpoints.list()) expect(JSON.stringify(c.saved)).toBe(saves.get(saveKey(c)));
          for (const c of checkpoints.list()) {
            const past = checkpoints.seek(c.time);
            for (const step of others) {
              apply(past, { ...step, at: past.now() });
              past.advance(97.3);
            }
          }
          expect(observed(live)).toEqual(before);
          for (const c of checkpoints.list()) expect(JSON.stringify(c.saved)).toBe(saves.get(saveKey(c)));
        },
      ),
      { numRuns: Math.ceil(NUM_RUNS / 2) },
    );
  }, 120_000);
});

/** A lab-like run: the default preset at its default workload with a failover, in 60 Hz frames. */
const LAB_SCENARIO = { ...presets['master-slave'], network: { latencyMs: 150, jitterMs: 30 } };

function labRun(policy: Parameters<typeof trackCheckpoints>[1] = {}, lookEvery = 7) {
  const scenario = LAB_SCENARIO;
  const steps: Step[] = [
    { at: 0, kind: 'workload', writes: 3, reads: 3 },
    { at: 2000, kind: 'kill', node: 0 },
    { at: 2600, kind: 'promote', node: 1 },
    { at: 2600, kind: 'write', node: 1, key: 'k1' },
    { at: 4000, kind: 'restart', node: 0 },
  ];
  return runLive(scenario, steps, [16.67, 16.66, 16.67], policy, lookEvery);
}

describe('seeking, case by case', () => {
  const run = labRun({ everyTasks: 100, everyMs: 700, maxCheckpoints: 64 }, 1);
  const { live, checkpoints, seen } = run;
  const at = (t: number) => {
    const shown = seen.get(t);
    if (shown === undefined) throw new Error(`no look at ${t}`);
    return shown;
  };

  it('keeps checkpoints through the run (this run is long enough for several)', () => {
    expect(checkpoints.list().length).toBeGreaterThan(5);
    expect(checkpoints.list()[0]?.time).toBe(0);
  });

  it('previews at the checkpoint before t when the replay would run more tasks than asked', () => {
    const plain = {
      start: () => undefined,
      advance: (sim: Simulation, at: number) => {
        sim.advanceTo(at);
      },
    };
    const list = checkpoints.list();
    const inside = list.filter(
      (c, i) => (list[i + 1]?.tasksRun ?? Infinity) - c.tasksRun > 40 && seen.has(c.time),
    );
    expect(inside.length).toBeGreaterThan(2);
    let checked = 0;
    for (const c of inside) {
      const later = [...seen.keys()].find(
        (t) => t > c.time + 100 && t < (list[list.indexOf(c) + 1]?.time ?? Infinity),
      );
      if (later === undefined) continue;
      const preview = checkpoints.seekWith(later, plain, { maxTasks: 0 }).sim;
      expect(preview.now()).toBe(c.time);
      expect(observed(preview)).toEqual(at(c.time));
      expect(observed(checkpoints.seekWith(later, plain, { maxTasks: 1e9 }).sim)).toEqual(at(later));
      checked++;
    }
    expect(checked).toBeGreaterThan(1);
  });

  it('seeks to 0', () => {
    expect(observed(checkpoints.seek(0))).toEqual(at(0));
  });

  it('seeks to the end: the live simulation’s state, as a copy', () => {
    const end = checkpoints.seek(live.now());
    expect(observed(end)).toEqual(observed(live));
    expect(end).not.toBe(live);
  });

  it('seeks to a checkpoint’s instant exactly', () => {
    const boundaries = checkpoints.list().filter((c) => seen.has(c.time));
    expect(boundaries.length).toBeGreaterThan(2);
    for (const c of boundaries) expect(observed(checkpoints.seek(c.time))).toEqual(at(c.time));
  });

  it('seeks to an instant where commands were taken (after them, as it was shown)', () => {
    const promotedAt = live.commands().find((c) => c.type === 'promote')?.at;
    expect(promotedAt).toBeDefined();
    if (promotedAt === undefined) return;
    const sought = checkpoints.seek(promotedAt);
    expect(sought.commands()).toEqual(live.commands().filter((c) => c.at <= promotedAt));
    expect(sought.history().at(-1)?.kind).toBe('write');
  });

  it('seeks twice in a row to the same instant: equal, independent simulations', () => {
    const times = [...seen.keys()];
    const t = times[Math.floor(times.length / 2)] ?? 0;
    const first = checkpoints.seek(t);
    const second = checkpoints.seek(t);
    expect(observed(second)).toEqual(observed(first));
    first.advance(500);
    expect(observed(second)).toEqual(at(t));
  });

  it('seeks backwards, then forwards', () => {
    const times = [...seen.keys()];
    const late = times[times.length - 3] ?? 0;
    const early = times[2] ?? 0;
    expect(observed(checkpoints.seek(late))).toEqual(at(late));
    expect(observed(checkpoints.seek(early))).toEqual(at(early));
    expect(observed(checkpoints.seek(late))).toEqual(at(late));
  });

  it('refuses a time outside the run, naming the run’s span', () => {
    for (const t of [-1, live.now() + 1, Number.NaN, Number.POSITIVE_INFINITY])
      expect(() => checkpoints.seek(t)).toThrow(/is not a time in this run \(0 to \d+(\.\d+)? ms\)/);
  });

  it('refuses an instant before tracking began', () => {
    const sim = createSimulation(LAB_SCENARIO);
    sim.advance(1000);
    const late = trackCheckpoints(sim);
    sim.advance(500);
    late.note();
    expect(late.start()).toBe(1000);
    expect(() => late.seek(999)).toThrow(/is not a time in this run \(1000 to 1500 ms\)/);
    expect(observed(late.seek(1200))).toEqual(observed(late.seek(1200)));
  });

  it('thins evenly when there are too many: the first stays, the spacing doubles', () => {
    const thin = labRun({ everyTasks: 1_000_000, everyMs: 100, maxCheckpoints: 8 }).checkpoints;
    const list = thin.list();
    expect(list.length).toBeLessThanOrEqual(8);
    expect(list[0]?.time).toBe(0);
    expect(thin.policy().everyMs).toBeGreaterThanOrEqual(800);
    const gaps = list.slice(1).map((c, i) => c.time - (list[i]?.time ?? 0));
    expect(Math.max(...gaps)).toBeLessThan(3 * thin.policy().everyMs);
  });
});

describe('seeking a recorded run headlessly', () => {
  it('replays the run with checkpoints, and any instant of it is the one shown live', () => {
    const { live, seen } = labRun();
    const run = JSON.parse(JSON.stringify(recordRun(live, LAB_SCENARIO))) as RunRecord;
    const replayed = checkpointRun(run, { everyTasks: 150, everyMs: 1000 });
    expect(replayed.ok).toBe(true);
    if (!replayed.ok) return;
    expect(replayed.value.list().length).toBeGreaterThan(3);
    for (const [t, shown] of seen) expect(observed(replayed.value.seek(t))).toEqual(shown);
  });

  it('names a command the engine refuses', () => {
    const run = {
      scenario: presets['master-slave'],
      commands: [{ at: 10, type: 'kill', args: ['nobody'] }],
      time: 100,
    };
    const replayed = checkpointRun(run);
    expect(replayed.ok ? [] : replayed.problems).toEqual([
      expect.stringMatching(/^commands\[0\]: kill failed/),
    ]);
  });
});
