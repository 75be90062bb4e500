/**
 * Checks untrusted runs (links, files, host pages) against the run format, naming every problem by
 * its path. A module of its own, imported directly rather than through the store's index, so its
 * schemas load with the code that needs them (links, files, the embed), not with the first frame.
 */
import * as z from 'zod/mini';
import { ScenarioError, parseScenario, type Scenario, type ScenarioInput } from '../engine/index.ts';
import { MAX_REPLAY_COST, replayCost } from './replayCost.ts';
import { isPresetName } from './presetName.ts';
import { MAX_COMMANDS, MAX_RUN_MS, type Checked, type RunRecord } from './run.ts';

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
export type CommandType = keyof typeof ARGS;
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

/** The engine's scenario check, with every problem's path under `prefix` ("scenario.nodes[0].id"). */
export function checkScenario(input: unknown, prefix = 'scenario'): Checked<ScenarioInput> {
  const checked = parsedScenario(input, prefix);
  return checked.ok ? { ok: true, value: input as ScenarioInput } : checked;
}

/** The engine's scenario check, returning the scenario with its defaults filled in. */
function parsedScenario(input: unknown, prefix: string): Checked<Scenario> {
  try {
    return { ok: true, value: parseScenario(input) };
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

/** Checks untrusted input against the run format; every problem is named by its path. */
export function validateRun(input: unknown): Checked<RunRecord> {
  const parsed = runSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: issuesOf(parsed.error) };
  const raw = parsed.data;
  const problems: string[] = [];
  const scenario = parsedScenario(raw.scenario, 'scenario');
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
  if (problems.length > 0 || !scenario.ok) return { ok: false, problems };
  const { cost } = replayCost(scenario.value, raw.commands, raw.time);
  if (cost > MAX_REPLAY_COST) {
    problems.push(
      `time: replaying this run would take about ${(cost / MAX_REPLAY_COST).toFixed(1)} times the work a link may ask for (its ${scenario.value.nodes.length} nodes, workload and heartbeats over ${(raw.time / 1000).toFixed(1)} s); a shorter run, fewer nodes, a lighter workload or slower heartbeats fit`,
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
