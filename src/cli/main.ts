/**
 * `replication-lab`, the engine on the command line: `run` a scenario and print its figures, failovers,
 * conflicts and anomalies; `check` it against forbidden anomaly kinds (a grader); `link` it as a share
 * link. Exit codes: 0 done, 1 `check` found a forbidden anomaly, 2 bad input (a one-line message, no
 * stack trace unless `--debug`). Pure of process and files: `cli(argv, io)` returns the exit code.
 */
import { parseArgs } from 'node:util';
import {
  SimulationError,
  ScenarioError,
  measure,
  parseScenario,
  type Anomaly,
  type AnomalyKind,
  type CompareCommand,
  type CompareSide,
  type ScenarioInput,
} from '../engine/index.ts';
import { recordRun } from '../store/run.ts';
import { encodeRun } from '../app/share/linkCodec.ts';
import { validateRun } from '../store/runCheck.ts';
import { reportJson, reportText } from './report.ts';

export const EXIT = { ok: 0, forbidden: 1, badInput: 2 } as const;

/** What the command line reads and writes: the process's in `bin`, stand-ins in tests. */
export interface Io {
  readonly readFile: (path: string) => string;
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
  /** A terminal for the progress bar: null when output is piped (no bar). */
  readonly progress: ((fraction: number) => void) | null;
}

export const ANOMALY_KINDS: readonly AnomalyKind[] = [
  'lost-write',
  'stale-read',
  'read-your-writes',
  'monotonic-read',
  'divergence',
  'split-brain',
];

const USAGE = `Usage: replication-lab <command> SCENARIO.json [options]

Commands:
  run SCENARIO.json     run it and print its figures, failovers, conflicts and anomalies
  check SCENARIO.json   run it; exit 1 if the checker finds an anomaly --forbid names
  link SCENARIO.json    print a share link that opens the run in the lab

Options:
  --commands FILE       commands to apply, a JSON array of { at, type, args } (nodes by id or role)
  --until DURATION      how long to run in simulated time: 60s (default), 500ms, 2m, or ms
  --seed N              the seed (instead of the scenario's)
  --json                run, check: print JSON instead of tables
  --forbid KINDS        check: anomaly kinds, comma-separated (${ANOMALY_KINDS.join(', ')})
  --base URL            link: where the lab is served (default https://replication-lab.example/)
  --debug               print the stack trace of an error
  --help                this text

Exit codes: 0 done, 1 check found a forbidden anomaly, 2 bad input.`;

/** A problem with what was given: one line, exit code 2. */
export class InputError extends Error {}

const DEFAULT_UNTIL_MS = 60_000;
const DEFAULT_BASE = 'https://replication-lab.example/';

/** "60s", "1.5m", "500ms" or "60000" (ms) as simulated ms. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  if (match === null) throw new InputError(`--until: "${text}" is not a duration such as 60s, 500ms or 2m`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] ?? 'ms'] ?? 1;
  return Math.round(Number(match[1]) * unit);
}

function readJson(io: Io, path: string, what: string): unknown {
  let text: string;
  try {
    text = io.readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(
      code === 'ENOENT'
        ? `${what} ${path}: no such file`
        : `${what} ${path}: cannot be read (${code ?? String(error)})`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${what} ${path}: not valid JSON (${(error as Error).message})`);
  }
}

interface Options {
  readonly command: 'run' | 'check' | 'link';
  readonly scenarioPath: string;
  readonly commandsPath?: string | undefined;
  readonly untilMs: number;
  readonly seed?: number | undefined;
  readonly json: boolean;
  readonly forbid: readonly AnomalyKind[];
  readonly base: string;
  readonly debug: boolean;
}

function parse(argv: readonly string[]): Options | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        commands: { type: 'string' },
        until: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean' },
        forbid: { type: 'string' },
        base: { type: 'string' },
        debug: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's message names the flag: "Unknown option '--frobnicate'".
    throw new InputError(((error as Error).message.split('\n')[0] ?? '').replace(/\. To specify.*$/, ''));
  }
  const { values, positionals } = parsed;
  if (values.help === true) return 'help';
  const [command, scenarioPath, ...extra] = positionals;
  if (command === undefined) throw new InputError('no command: run, check or link (see --help)');
  if (command !== 'run' && command !== 'check' && command !== 'link')
    throw new InputError(`unknown command "${command}": run, check or link (see --help)`);
  if (scenarioPath === undefined) throw new InputError(`${command}: which scenario? (a SCENARIO.json file)`);
  if (extra.length > 0) throw new InputError(`${command}: one scenario file, not also ${extra.join(' ')}`);
  const seedText = values.seed;
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32))
    throw new InputError(`--seed: "${seedText ?? ''}" is not a whole number from 0 to 4294967295`);
  const forbid = (values.forbid ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter((k) => k !== '');
  const unknown = forbid.filter((k) => !(ANOMALY_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0)
    throw new InputError(
      `--forbid: unknown anomaly kind ${unknown.join(', ')} (known: ${ANOMALY_KINDS.join(', ')})`,
    );
  if (command === 'check' && forbid.length === 0)
    throw new InputError(`check: which anomalies to forbid? --forbid ${ANOMALY_KINDS.join(',')}`);
  if (command !== 'check' && values.forbid !== undefined)
    throw new InputError('--forbid: only check takes it');
  if (command !== 'link' && values.base !== undefined) throw new InputError('--base: only link takes it');
  const base = values.base ?? DEFAULT_BASE;
  if (!/^https?:\/\/[^\s]+$/.test(base)) throw new InputError(`--base: "${base}" is not an http(s) URL`);
  return {
    command,
    scenarioPath,
    commandsPath: values.commands,
    untilMs: values.until === undefined ? DEFAULT_UNTIL_MS : parseDuration(values.until),
    seed,
    json: values.json === true,
    forbid: forbid as AnomalyKind[],
    base: base.endsWith('/') ? base : `${base}/`,
    debug: values.debug === true,
  };
}

/** The scenario with the seed of `--seed`, checked (problems by path). */
function scenarioOf(io: Io, options: Options): Record<string, unknown> {
  const input = readJson(io, options.scenarioPath, 'scenario');
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    throw new InputError(`scenario ${options.scenarioPath}: must be a JSON object (the scenario format)`);
  const scenario = options.seed === undefined ? { ...input } : { ...input, seed: options.seed };
  try {
    parseScenario(scenario);
  } catch (error) {
    if (error instanceof ScenarioError)
      throw new InputError(`scenario ${options.scenarioPath}: ${error.problems.join('; ')}`);
    throw error;
  }
  return scenario;
}

function runOf(io: Io, options: Options, scenario: unknown): CompareSide {
  const commands = options.commandsPath === undefined ? [] : readJson(io, options.commandsPath, 'commands');
  const progress = io.progress;
  try {
    return measure(scenario, {
      commands: commands as CompareCommand[],
      durationMs: options.untilMs,
      ...(progress === null
        ? {}
        : {
            onProgress: (time: number) => {
              progress(time / options.untilMs);
            },
          }),
    });
  } catch (error) {
    if (error instanceof SimulationError) {
      const where = error.message.startsWith('commands') ? `commands ${options.commandsPath ?? ''}: ` : '';
      throw new InputError(`${where}${error.message.replace(/^options: /, '')}`);
    }
    throw error;
  }
}

function link(options: Options, scenario: unknown, side: CompareSide): string {
  // The run as the lab records it (its recorder, so a link from here and one from the lab are alike).
  const run = recordRun(side.simulation, scenario as ScenarioInput);
  const checked = validateRun(run);
  if (!checked.ok) throw new InputError(`this run cannot travel in a link: ${checked.problems.join('; ')}`);
  return `${options.base}#s=${encodeRun(run)}`;
}

/** Runs the command line; returns the exit code. */
export function cli(argv: readonly string[], io: Io): number {
  const debug = argv.includes('--debug');
  try {
    const options = parse(argv);
    if (options === 'help') {
      io.out(USAGE);
      return EXIT.ok;
    }
    const scenario = scenarioOf(io, options);
    const side = runOf(io, options, scenario);
    if (options.command === 'link') {
      io.out(link(options, scenario, side));
      return EXIT.ok;
    }
    const anomalies = side.simulation.check();
    const forbidden: Anomaly[] = anomalies.filter((a) => options.forbid.includes(a.kind));
    const report = { scenario, options, side, anomalies, forbidden };
    io.out(options.json ? reportJson(report) : reportText(report));
    return forbidden.length > 0 ? EXIT.forbidden : EXIT.ok;
  } catch (error) {
    // An InputError names what was given wrong; anything else is reported the same way, one line.
    io.err(`replication-lab: ${error instanceof Error ? error.message : String(error)}`);
    if (debug && error instanceof Error) io.err(error.stack ?? '');
    return EXIT.badInput;
  }
}
