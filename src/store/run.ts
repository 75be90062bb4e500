/**
 * A recorded run: the scenario, the engine's command log and the moment to show. Replaying it
 * gives the same simulation, event for event (the engine is deterministic). Runs arrive from
 * links, files and host pages, so `validateRun` (runCheck.ts) checks everything before `replayRun` touches it.
 */
import { createSimulation, type ScenarioInput, type Simulation } from '../engine/index.ts';
import type { PresetName } from './presetName.ts';
import type { CommandType } from './runCheck.ts';

/** Longest run a link may ask to replay, in simulated ms (one hour). */
export const MAX_RUN_MS = 3_600_000;
export const MAX_COMMANDS = 5_000;
/** Client operations a replayed workload may generate before the page would stall. */
export const MAX_REPLAYED_OPERATIONS = 400_000;

export interface RunCommand {
  readonly at: number;
  readonly type: string;
  readonly args: readonly unknown[];
}

export interface RunRecord {
  /** What `createSimulation` was given (seed included). */
  readonly scenario: ScenarioInput;
  /** The preset the lab lists it under, when it came from one. */
  readonly preset?: PresetName;
  readonly commands: readonly RunCommand[];
  /** The simulated time to show, ms. */
  readonly time: number;
}

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The step that brings `now` to exactly `at`: `now + (at - now)` can miss by one unit in the last
 * place, and the original run's commands happened at exactly `at`.
 */
export function stepTo(now: number, at: number): number {
  let step = at - now;
  for (let i = 0; i < 8 && now + step !== at; i++) {
    step =
      now + step < at ? step + Number.EPSILON * Math.max(1, at) : step - Number.EPSILON * Math.max(1, at);
  }
  return Math.max(0, step);
}

type Invoke = (sim: Simulation, args: readonly unknown[]) => unknown;
const call =
  (method: CommandType): Invoke =>
  (sim, args) =>
    (sim[method] as (...a: readonly unknown[]) => unknown)(...args);

/** Replays a validated run; a command the engine refuses becomes a problem naming it. */
export function replayRun(run: RunRecord): Checked<Simulation> {
  const sim = createSimulation(run.scenario);
  for (const [i, command] of run.commands.entries()) {
    if (command.at > sim.now()) sim.advance(stepTo(sim.now(), command.at));
    try {
      call(command.type as CommandType)(sim, command.args);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, problems: [`commands[${i}]: ${command.type} failed: ${message}`] };
    }
  }
  if (run.time > sim.now()) sim.advance(stepTo(sim.now(), run.time));
  return { ok: true, value: sim };
}

/** The run a simulation has made so far, for a link or a file. */
export function recordRun(sim: Simulation, scenario: ScenarioInput, preset?: PresetName): RunRecord {
  return {
    scenario,
    ...(preset === undefined ? {} : { preset }),
    commands: sim
      .commands()
      .map(({ at, type, args }) => ({ at, type, args: withoutTrailingUndefined(args) })),
    time: sim.now(),
  };
}

/** JSON turns a trailing `undefined` argument into `null`; the engine never needs it. */
function withoutTrailingUndefined(args: readonly unknown[]): readonly unknown[] {
  let end = args.length;
  while (end > 0 && args[end - 1] === undefined) end--;
  return args.slice(0, end);
}
