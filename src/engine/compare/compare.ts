/**
 * Two configurations side by side on one workload: both sides run on one clock and seed, and every command
 * reaches both, by role where their node names differ. Invariant: each side is exactly the run it would be
 * alone with the commands it accepted; a command one side refuses leaves that side unchanged.
 */
import { SimulationError, type Simulation } from '../api.ts';
import { MAX_ADVANCE_MS, checkOptions } from '../args.ts';
import { ScenarioError, parseScenario } from '../scenario/parse.ts';
import { createSimulation } from '../simulation.ts';
import type { SimTime } from '../types.ts';
import { applyCompareCommand, checkCommands, type CompareCommand } from './commands.ts';
import {
  NO_LAG_SAMPLES,
  compareFigures,
  differences,
  sampleLag,
  type CompareFigures,
  type Difference,
  type LagSamples,
} from './figures.ts';

export interface CompareOptions {
  /** Applied to both sides, each at its time (in time order, from 0 to `durationMs`). */
  readonly commands: readonly CompareCommand[];
  /** How long both sides run, simulated ms (at most `MAX_ADVANCE_MS`, one hour). */
  readonly durationMs: number;
  /** How often replica lag is sampled, simulated ms (default 100; at most `MAX_LAG_SAMPLES` samples). */
  readonly sampleEveryMs?: number;
  /** Told the simulated time reached at every lag sample (a command line's progress bar). */
  readonly onProgress?: (time: SimTime) => void;
}

export const DEFAULT_SAMPLE_EVERY_MS = 100;
/** The most lag samples one run may take (a run's length over its sampling interval). */
export const MAX_LAG_SAMPLES = 100_000;

/** A command one side could not apply, and why (the other side carried on). */
export interface Refusal {
  /** Its position in the commands. */
  readonly index: number;
  readonly at: SimTime;
  readonly command: CompareCommand;
  readonly reason: string;
}

/** One side of a comparison at the end of its run. */
export interface CompareSide {
  readonly figures: CompareFigures;
  readonly refused: readonly Refusal[];
  /** The lag samples its figures came from. */
  readonly lag: LagSamples;
  /** Its simulation at `durationMs`, for anything else worth a look (events, history, failovers). */
  readonly simulation: Simulation;
}

export interface Comparison {
  readonly a: CompareSide;
  readonly b: CompareSide;
  readonly differences: readonly Difference[];
}

interface Checked {
  readonly commands: readonly CompareCommand[];
  readonly durationMs: number;
  readonly sampleEveryMs: number;
  readonly onProgress?: ((time: SimTime) => void) | undefined;
}

function checkCompareOptions(value: unknown): Checked {
  const options = checkOptions<CompareOptions>('options', value, [
    'commands',
    'durationMs',
    'sampleEveryMs',
    'onProgress',
  ]);
  if (options === undefined) throw new SimulationError('options: { commands, durationMs } are required');
  const { durationMs, sampleEveryMs = DEFAULT_SAMPLE_EVERY_MS } = options;
  if (typeof durationMs !== 'number' || !Number.isFinite(durationMs) || durationMs < 0)
    throw new SimulationError(
      `durationMs: must be a number of simulated ms from 0, not ${String(durationMs)}`,
    );
  if (durationMs > MAX_ADVANCE_MS)
    throw new SimulationError(
      `durationMs: at most ${MAX_ADVANCE_MS} ms (one simulated hour), not ${durationMs}`,
    );
  if (typeof sampleEveryMs !== 'number' || !Number.isFinite(sampleEveryMs) || sampleEveryMs <= 0)
    throw new SimulationError(`sampleEveryMs: must be a number of ms above 0, not ${String(sampleEveryMs)}`);
  if (durationMs / sampleEveryMs > MAX_LAG_SAMPLES)
    throw new SimulationError(
      `sampleEveryMs: ${sampleEveryMs} ms over ${durationMs} ms is more than ${MAX_LAG_SAMPLES} samples`,
    );
  const { onProgress } = options;
  if (onProgress !== undefined && typeof onProgress !== 'function')
    throw new SimulationError('onProgress: must be a function (time) => void');
  return { commands: checkCommands(options.commands, durationMs), durationMs, sampleEveryMs, onProgress };
}

/** Runs one checked side: its commands at their times, lag sampled every `sampleEveryMs`. */
function run(scenario: unknown, { commands, durationMs, sampleEveryMs, onProgress }: Checked): CompareSide {
  const sim = createSimulation(scenario);
  const refused: Refusal[] = [];
  const opIds = new Map<number, number>();
  let lag = NO_LAG_SAMPLES;
  let samplesTaken = 0;
  // Sample times as multiples of the interval, not sums of it: no rounding drift over a long run.
  const nextSampleAt = (): SimTime => (samplesTaken + 1) * sampleEveryMs;
  /** Runs to `time`, sampling lag at every sample time on the way (one due at `time` included). */
  const runTo = (time: SimTime): void => {
    while (nextSampleAt() <= time) {
      sim.advanceTo(nextSampleAt());
      lag = sampleLag(lag, sim);
      samplesTaken++;
      onProgress?.(sim.now());
    }
    sim.advanceTo(time);
  };
  commands.forEach((command, index) => {
    runTo(command.at);
    const applied = applyCompareCommand(sim, command, (i) => opIds.get(i));
    if (!applied.ok) refused.push({ index, at: command.at, command, reason: applied.reason });
    else if (command.type === 'write' || command.type === 'resolve')
      opIds.set(index, (applied.result as { id: number }).id);
  });
  runTo(durationMs);
  return { figures: compareFigures(sim, lag), refused, lag, simulation: sim };
}

/**
 * One configuration on its own, measured as a side of a comparison: `scenario` run for `durationMs` with
 * `commands` (their nodes by id or by role), its figures and the commands it refused. Throws ScenarioError
 * for a bad scenario and SimulationError for bad options, each problem named by its path.
 */
export function measure(scenario: unknown, options: CompareOptions): CompareSide {
  const checked = checkCompareOptions(options);
  parseScenario(scenario);
  return run(scenario, checked);
}

/** Each side's scenario problems, prefixed with its side ("B: nodes[2].upstream: ..."), and a shared seed. */
function checkScenarios(a: unknown, b: unknown): void {
  const problems: string[] = [];
  const seeds = (['A', 'B'] as const).map((side, i) => {
    try {
      return parseScenario(i === 0 ? a : b).seed;
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      problems.push(...error.problems.map((p) => `${side}: ${p}`));
      return undefined;
    }
  });
  const [seedA, seedB] = seeds;
  if (problems.length === 0 && seedA !== seedB)
    problems.push(`B: seed: ${String(seedB)}, but A's is ${String(seedA)}: both sides run on one seed`);
  if (problems.length > 0) throw new ScenarioError(problems);
}

/**
 * Runs scenarios `a` and `b` side by side for `durationMs` of simulated time on one clock and seed, applying
 * every command to both at its time, its nodes resolved on each side (`NodeRef`). A command that cannot
 * apply on one side is recorded in that side's `refused`, and the other side carries on. Returns both
 * sides' figures and their differences. Throws ScenarioError naming the side and path of every scenario
 * problem ("B: nodes[2].upstream: ..."), and SimulationError for bad options ("commands[3].at: ...").
 */
export function compare(a: unknown, b: unknown, options: CompareOptions): Comparison {
  const checked = checkCompareOptions(options);
  checkScenarios(a, b);
  const sideA = run(a, checked);
  const sideB = run(b, checked);
  return { a: sideA, b: sideB, differences: differences(sideA.figures, sideB.figures) };
}
