/**
 * Checks untrusted runs (links, files, host pages) against the run format, naming every problem by
 * its path. A module of its own, imported directly rather than through the store's index, so its
 * schemas load with the code that needs them (links, files, the embed), not with the first frame.
 */
import { z } from './zod.ts';
import {
  COMMIT_LEVELS,
  KEY_DISTRIBUTIONS,
  MAX_LABEL_LENGTH,
  MAX_NODES,
  MAX_REGIONS,
  READ_ROUTINGS,
  REPLICATION_MODES,
  type CommandName,
  ScenarioError,
  parseScenario,
  type Scenario,
  type ScenarioInput,
} from '../engine/index.ts';
import { keyField, nodeIdField as nodeId, valueField } from './fieldSchemas.ts';

/** A node's label: what `renameNode` takes (the engine counts characters as code points and trims). */
const labelField = z.string().check(z.maxLength(MAX_LABEL_LENGTH * 2));
import { MAX_REPLAY_COST, replayCost } from './replayCost.ts';
import { isPresetName } from './presetName.ts';
import { MAX_COMMANDS, MAX_RUN_MS, type Checked, type RunRecord } from './run.ts';

const ms = z
  .number()
  .check(
    z.minimum(0),
    z.maximum(MAX_RUN_MS, `must be at most ${MAX_RUN_MS} ms (one hour of simulated time)`),
  );
/** Region ids follow node ids' rules (the engine checks them against the scenario's regions). */
const regionId = nodeId;
const clientOptions = z.strictObject({
  session: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  synchronousCommit: z.optional(z.enum(COMMIT_LEVELS)),
  region: z.optional(regionId),
  insert: z.optional(z.boolean()),
});
/** A workload's options, as `startWorkload` takes them (lesson files check theirs with these too). */
export const workloadOptions = z.strictObject({
  writesPerSec: z.optional(z.number().check(z.minimum(0), z.maximum(1000))),
  readsPerSec: z.optional(z.number().check(z.minimum(0), z.maximum(1000))),
  opsPerSec: z.optional(z.number().check(z.minimum(0), z.maximum(2000))),
  readRatio: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
  keys: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000))),
  keyDistribution: z.optional(z.enum(KEY_DISTRIBUTIONS)),
  zipfSkew: z.optional(z.number().check(z.minimum(0), z.maximum(10))),
  readRouting: z.optional(z.enum(READ_ROUTINGS)),
  clientsPerRegion: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(100))),
  readYourWrites: z.optional(z.boolean()),
});
const burstOptions = z.strictObject({
  factor: z.optional(z.number().check(z.gt(1), z.maximum(100))),
  durationMs: z.optional(z.number().check(z.minimum(1), z.maximum(600_000))),
});
/** `configure`'s options: their values are checked by the engine with the scenario format's rules. */
export const configureOptions = z.strictObject({
  replication: z.optional(
    z.strictObject({
      mode: z.optional(z.enum(REPLICATION_MODES)),
      syncCount: z.optional(z.number()),
      intervalMs: z.optional(z.number()),
      ackOn: z.optional(z.enum(['written', 'received', 'applied'])),
    }),
  ),
  network: z.optional(
    z.strictObject({ latencyMs: z.optional(z.number()), jitterMs: z.optional(z.number()) }),
  ),
  conflictResolution: z.optional(z.enum(['lww', 'siblings', 'none'])),
  failover: z.optional(
    z.strictObject({
      mode: z.optional(z.enum(['manual', 'automatic'])),
      heartbeatMs: z.optional(z.number()),
      timeoutMs: z.optional(z.number()),
      maxLagOnFailover: z.optional(z.nullable(z.number())),
      fencing: z.optional(z.boolean()),
    }),
  ),
});
const addNodeOptions = z.strictObject({
  id: nodeId,
  role: z.optional(z.enum(['primary', 'replica'])),
  upstream: z.optional(nodeId),
  fromBackup: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
  sync: z.optional(z.boolean()),
  region: z.optional(regionId),
  label: z.optional(labelField),
});

/**
 * The argument list each recorded command takes, as the engine's Simulation methods do. Keys, values and
 * node ids follow the same rules as the lab's forms and the embed's messages (fields.ts, fieldSchemas.ts).
 */
const ARGS = {
  // Tuples with an optional last element, not unions: a union would say only "Invalid input".
  write: z.tuple([nodeId, keyField, valueField, z.optional(clientOptions)]),
  read: z.tuple([nodeId, keyField, z.optional(clientOptions)]),
  cancel: z.tuple([z.number().check(z.int(), z.minimum(0))]),
  kill: z.tuple([nodeId]),
  restart: z.tuple([nodeId]),
  promote: z.tuple([nodeId]),
  takeBackup: z.tuple([nodeId]),
  addNode: z.tuple([addNodeOptions]),
  removeNode: z.tuple([nodeId]),
  rewind: z.tuple([nodeId]),
  repoint: z.tuple([nodeId, nodeId]),
  partition: z.tuple([z.array(z.array(nodeId).check(z.maxLength(MAX_NODES))).check(z.maxLength(MAX_NODES))]),
  heal: z.tuple([]),
  setLatency: z.tuple([nodeId, nodeId, z.number().check(z.minimum(0), z.maximum(60_000))]),
  slowDisk: z.tuple([nodeId, z.number().check(z.gt(1), z.maximum(100))]),
  fixDisk: z.tuple([nodeId]),
  configure: z.tuple([configureOptions]),
  startWorkload: z.tuple([workloadOptions]),
  stopWorkload: z.tuple([]),
  resolve: z.tuple([nodeId, keyField, valueField]),
  burst: z.tuple([z.optional(burstOptions)]),
  partitionRegions: z.tuple([
    z.array(z.array(regionId).check(z.maxLength(MAX_REGIONS))).check(z.maxLength(MAX_REGIONS)),
  ]),
  renameNode: z.tuple([nodeId, labelField]),
  skipEvent: z.tuple([nodeId, z.optional(nodeId)]),
  resync: z.tuple([nodeId, z.optional(nodeId)]),
} as const satisfies Record<CommandName, z.ZodMiniType>;
export type CommandType = keyof typeof ARGS;
const COMMAND_TYPES = Object.keys(ARGS) as CommandType[];

/** What the arguments of commands that take several mean, so a problem names the field ("args[1] (key)"). */
const ARG_NAMES: { readonly [T in CommandType]?: readonly string[] } = {
  write: ['node', 'key', 'value', 'options'],
  read: ['node', 'key', 'options'],
  resolve: ['node', 'key', 'value'],
  repoint: ['node', 'upstream'],
  setLatency: ['from', 'to', 'ms'],
  renameNode: ['node', 'label'],
};

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
  // Checked on its own (instantProblem): a bad instant costs the run only its instant, not the run.
  at: z.optional(z.unknown()),
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

/** A command's argument problems, each naming the argument when it has a name: "args[1] (key): ...". */
function argumentIssues(type: CommandType, error: z.core.$ZodError, prefix: string): string[] {
  return error.issues.map((issue) => {
    const full = formatPath(issue.path, prefix);
    const first = issue.path[0];
    const name = typeof first === 'number' ? ARG_NAMES[type]?.[first] : undefined;
    if (name === undefined) return `${full}: ${issue.message}`;
    const head = `${prefix}[${first as number}]`;
    return `${head} (${name})${full.slice(head.length)}: ${issue.message}`;
  });
}

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

/** What a value is, for a message, without repeating whatever a link holds. */
function kindOf(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Whether `t` names an instant of a run: ms from its start (past its end, the lab shows the end and says so). */
const isInstant = (t: unknown): t is number => typeof t === 'number' && Number.isFinite(t) && t >= 0;

/**
 * What is wrong with `t` as an instant to show (a run's `at`, the embed's `seek`), or null when nothing
 * is: "must be a number of ms ≥ 0 (this one is -5)".
 */
export function instantProblem(t: unknown): string | null {
  if (isInstant(t)) return null;
  return `must be a number of ms ≥ 0 (${t === undefined ? 'it is missing' : `this one is ${kindOf(t)}`})`;
}

/**
 * Checks untrusted input against the run format; every problem is named by its path. A bad `at` alone
 * does not refuse the run: the run comes without it, the problem in `ignored`.
 */
export function validateRun(input: unknown): Checked<RunRecord> {
  const parsed = runSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: issuesOf(parsed.error) };
  const raw = parsed.data;
  const problems: string[] = [];
  const atProblem = raw.at === undefined ? null : instantProblem(raw.at);
  const badAt = atProblem === null ? null : `at: ${atProblem}`;
  const refuse = (): Checked<RunRecord> => ({
    ok: false,
    problems: badAt === null ? problems : [...problems, badAt],
  });
  const scenario = parsedScenario(raw.scenario, 'scenario');
  if (!scenario.ok) problems.push(...scenario.problems);
  if (raw.preset !== undefined && !isPresetName(raw.preset)) {
    problems.push(`preset: unknown preset "${raw.preset}"`);
  }
  let last = 0;
  raw.commands.forEach((command, i) => {
    const args = ARGS[command.type].safeParse(command.args);
    if (!args.success) problems.push(...argumentIssues(command.type, args.error, `commands[${i}].args`));
    if (command.at < last) problems.push(`commands[${i}].at: earlier than the command before it`);
    if (command.at > raw.time) problems.push(`commands[${i}].at: later than time (${raw.time} ms)`);
    last = command.at;
  });
  if (problems.length > 0 || !scenario.ok) return refuse();
  const { cost } = replayCost(scenario.value, raw.commands, raw.time);
  if (cost > MAX_REPLAY_COST) {
    problems.push(
      `time: replaying this run would take about ${(cost / MAX_REPLAY_COST).toFixed(1)} times the work a link may ask for (its ${scenario.value.nodes.length} nodes, workload and heartbeats over ${(raw.time / 1000).toFixed(1)} s); a shorter run, fewer nodes, a lighter workload or slower heartbeats fit`,
    );
    return refuse();
  }
  return {
    ok: true,
    value: {
      scenario: raw.scenario as ScenarioInput,
      ...(raw.preset !== undefined && isPresetName(raw.preset) ? { preset: raw.preset } : {}),
      commands: raw.commands,
      time: raw.time,
      ...(isInstant(raw.at) ? { at: raw.at } : {}),
    },
    ...(badAt === null ? {} : { ignored: [`${badAt}; the run opens at its end`] }),
  };
}
