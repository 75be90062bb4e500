/**
 * A recorded run: the scenario, the engine's command log and the moment to show. Replaying it
 * gives the same simulation, event for event (the engine is deterministic). Runs arrive from
 * links, files and host pages, so `validateRun` checks everything before `replayRun` touches it.
 */
import * as z from 'zod/mini';
import {
  ScenarioError,
  createSimulation,
  parseScenario,
  type ScenarioInput,
  type Simulation,
} from '../engine/index.ts';
import { isPresetName, type PresetName } from './presetName.ts';

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

const nodeId = z.string().check(z.minLength(1), z.maxLength(32));
const text = z.string().check(z.maxLength(200, 'must be at most 200 characters'));
const ms = z.number().check(z.minimum(0), z.maximum(MAX_RUN_MS));
const clientOptions = z.strictObject({
  session: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  synchronousCommit: z.optional(z.enum(['local', 'remote_write', 'on', 'remote_apply'])),
});
const workloadOptions = z.strictObject({
  writesPerSec: z.optional(z.number().check(z.minimum(0), z.maximum(1000))),
  readsPerSec: z.optional(z.number().check(z.minimum(0), z.maximum(1000))),
  keys: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000))),
  readRouting: z.optional(z.enum(['primary', 'replicas', 'any'])),
});
const addNodeOptions = z.strictObject({
  id: nodeId,
  role: z.optional(z.enum(['primary', 'replica'])),
  upstream: z.optional(nodeId),
  fromBackup: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  sync: z.optional(z.boolean()),
});

/** The argument list each recorded command takes, as the engine's Simulation methods do. */
const ARGS = {
  write: z.union([z.tuple([nodeId, text, text]), z.tuple([nodeId, text, text, clientOptions])]),
  read: z.union([z.tuple([nodeId, text]), z.tuple([nodeId, text, clientOptions])]),
  cancel: z.tuple([z.number().check(z.int(), z.minimum(0))]),
  kill: z.tuple([nodeId]),
  restart: z.tuple([nodeId]),
  promote: z.tuple([nodeId]),
  takeBackup: z.tuple([nodeId]),
  addNode: z.tuple([addNodeOptions]),
  removeNode: z.tuple([nodeId]),
  rewind: z.tuple([nodeId]),
  repoint: z.tuple([nodeId, nodeId]),
  partition: z.tuple([z.array(z.array(nodeId).check(z.maxLength(64))).check(z.maxLength(64))]),
  heal: z.tuple([]),
  setLatency: z.tuple([nodeId, nodeId, z.number().check(z.minimum(0), z.maximum(60_000))]),
  startWorkload: z.tuple([workloadOptions]),
  stopWorkload: z.tuple([]),
  resolve: z.tuple([nodeId, text, text]),
} as const;
type CommandType = keyof typeof ARGS;
const COMMAND_TYPES = Object.keys(ARGS) as CommandType[];

const commandSchema = z.strictObject({
  at: ms,
  type: z.enum(COMMAND_TYPES as [CommandType, ...CommandType[]]),
  args: z.array(z.unknown()).check(z.maxLength(8)),
});

const runSchema = z.strictObject({
  scenario: z.unknown(),
  preset: z.optional(z.string().check(z.maxLength(64))),
  commands: z.array(commandSchema).check(z.maxLength(MAX_COMMANDS, `at most ${MAX_COMMANDS} commands`)),
  time: ms,
});

/** "commands[2].args[0]" from a zod path. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

const issuesOf = (error: z.core.$ZodError, prefix = ''): string[] =>
  error.issues.map((issue) => `${formatPath(issue.path, prefix)}: ${issue.message}`);

export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly string[] };

/** The engine's scenario check, with every problem's path under `prefix` ("scenario.nodes[0].id"). */
export function checkScenario(input: unknown, prefix = 'scenario'): Checked<ScenarioInput> {
  try {
    parseScenario(input);
    return { ok: true, value: input as ScenarioInput };
  } catch (error) {
    if (error instanceof ScenarioError) {
      return {
        ok: false,
        problems: error.problems.map((p) =>
          p.startsWith('(scenario)') ? `${prefix}${p.slice('(scenario)'.length)}` : `${prefix}.${p}`,
        ),
      };
    }
    throw error;
  }
}

/** Workload operations the commands would make before `time`: a bound on replay cost. */
function replayedOperations(commands: readonly RunCommand[], time: number): number {
  let total = 0;
  let rate = 0;
  let since = 0;
  for (const command of commands) {
    total += (rate * (command.at - since)) / 1000;
    since = command.at;
    if (command.type === 'startWorkload') {
      const options = command.args[0] as z.infer<typeof workloadOptions>;
      rate = (options.writesPerSec ?? 0) + (options.readsPerSec ?? 0);
    } else if (command.type === 'stopWorkload') rate = 0;
  }
  return total + (rate * (time - since)) / 1000;
}

/** Checks untrusted input against the run format; every problem is named by its path. */
export function validateRun(input: unknown): Checked<RunRecord> {
  const parsed = runSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: issuesOf(parsed.error) };
  const raw = parsed.data;
  const problems: string[] = [];
  const scenario = checkScenario(raw.scenario);
  if (!scenario.ok) problems.push(...scenario.problems);
  if (raw.preset !== undefined && !isPresetName(raw.preset)) {
    problems.push(`preset: unknown preset "${raw.preset}"`);
  }
  let last = 0;
  raw.commands.forEach((command, i) => {
    const args = ARGS[command.type].safeParse(command.args);
    if (!args.success) problems.push(...issuesOf(args.error, `commands[${i}].args`));
    if (command.at < last) problems.push(`commands[${i}].at: earlier than the command before it`);
    if (command.at > raw.time) problems.push(`commands[${i}].at: later than time (${raw.time} ms)`);
    last = command.at;
  });
  if (problems.length > 0) return { ok: false, problems };
  const operations = replayedOperations(raw.commands, raw.time);
  if (operations > MAX_REPLAYED_OPERATIONS) {
    problems.push(
      `time: replaying would simulate about ${Math.round(operations)} client operations (at most ${MAX_REPLAYED_OPERATIONS})`,
    );
    return { ok: false, problems };
  }
  return {
    ok: true,
    value: {
      scenario: raw.scenario as ScenarioInput,
      ...(raw.preset !== undefined && isPresetName(raw.preset) ? { preset: raw.preset } : {}),
      commands: raw.commands,
      time: raw.time,
    },
  };
}

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
