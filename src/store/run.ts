/**
 * A recorded run: the scenario, the engine's command log and the moment to show. Replaying it
 * gives the same simulation, event for event (the engine is deterministic). Runs arrive from
 * links, files and host pages, so `validateRun` (runCheck.ts) checks everything before `replayRun` touches it.
 */
import {
  createSimulation,
  failoverLoaded,
  loadFailover,
  loadMultiPrimary,
  loadPresetData,
  loadStandbyNames,
  standbyNamesLoaded,
  multiPrimaryLoaded,
  type ScenarioInput,
  type Simulation,
} from '../engine/index.ts';
import type { PresetName } from './presetName.ts';
import { loadConfigureParts } from './timeline/settingWords.ts';
import type { CommandType } from './runCheck.ts';

/** Longest run a link may ask to replay, in simulated ms (one hour). */
export const MAX_RUN_MS = 3_600_000;
export const MAX_COMMANDS = 5_000;

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
  /** How far the run goes, simulated ms: the replay runs to here. */
  readonly time: number;
  /** The instant the lab showed, when it was in the past (before `time`); absent: `time`. */
  readonly at?: number;
}

/**
 * A check's verdict. `ignored` lists problems with parts the value left out (a link's bad `at`: the run
 * opens at its end), each as "path: what is wrong", for the banner; absent when there were none.
 */
export type Checked<T> =
  | { readonly ok: true; readonly value: T; readonly ignored?: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Calls the engine method a recorded command names, with its arguments (so the command is recorded again). */
export function applyCommand(sim: Simulation, command: Pick<RunCommand, 'type' | 'args'>): unknown {
  return (sim[command.type as CommandType] as (...a: readonly unknown[]) => unknown)(...command.args);
}

/** Whether `scenario` has two or more primaries: a multi-primary group (no command makes one later). */
function hasGroup(scenario: ScenarioInput | undefined): boolean {
  return (scenario?.nodes.filter((n) => n.role === 'primary').length ?? 0) > 1;
}

/**
 * Loads what starting `run.scenario` or replaying `run.commands` needs of the engine that the lab's first
 * frame leaves out (the automatic failover manager; the multi-primary group, for two or more primaries; the parser of
 * `synchronous_standby_names`, for a scenario that names its standbys;
 * `configure`, for a run whose settings changed; `run.preset`'s data, for a regional one), or returns null
 * when nothing is missing, so what needs nothing starts at once. A part that fails to load is left for the engine to report (the replay names
 * the command; a start names the part).
 */
export function loadPartsFor(run: {
  readonly preset?: PresetName;
  readonly scenario?: ScenarioInput;
  readonly commands?: readonly Pick<RunCommand, 'type'>[];
}): Promise<void> | null {
  const loads: Promise<void>[] = [];
  const preset = run.preset === undefined ? null : loadPresetData(run.preset);
  if (preset !== null) loads.push(preset);
  if (!failoverLoaded() && run.scenario?.failover?.mode === 'automatic') loads.push(loadFailover());
  if (!multiPrimaryLoaded() && hasGroup(run.scenario)) loads.push(loadMultiPrimary());
  if (!standbyNamesLoaded() && run.scenario?.replication?.synchronousStandbyNames !== undefined)
    loads.push(loadStandbyNames());
  const configure = run.commands?.some((c) => c.type === 'configure') === true ? loadConfigureParts() : null;
  if (configure !== null) loads.push(configure);
  return loads.length === 0
    ? null
    : Promise.all(loads).then(
        () => undefined,
        () => undefined,
      );
}

/** What a replay lets its caller do along the way (the lab's charts, markers and checkpoints). */
export interface ReplayHooks {
  /** The next instant the replay must stand at exactly, every task up to it run (a chart sample). */
  nextStop(): number;
  /** Called at each such instant. */
  stopped(): void;
  /** Called after each piece of work: an advance or a command. */
  noted(): void;
}

const NO_HOOKS: ReplayHooks = { nextStop: () => Infinity, stopped: () => undefined, noted: () => undefined };

/** A replay in progress, run a slice at a time so a long one never blocks the page for long. */
export interface Replay {
  /** Replays for about `budgetMs` of wall time; true once it has finished (see `result`). */
  step(budgetMs: number): boolean;
  /** How far it has come, from 0 to 1, in simulated time. */
  readonly progress: number;
  /** The replayed simulation, or the problem that stopped it; undefined while it runs. */
  readonly result: Checked<Simulation> | undefined;
}

/** Tasks one advance may run at first; the number doubles or shrinks so each takes about ADVANCE_WALL_MS. */
const FIRST_TASKS = 500;
const ADVANCE_WALL_MS = 8;
const MAX_TASKS = 1_000_000;

/**
 * Starts replaying a validated run: the same commands at the same simulated times, so the same events.
 * Time between commands passes a bounded number of engine tasks at a time, sized to the wall clock, so
 * a slice ends on time however uneven the work is.
 */
export function startReplay(
  run: RunRecord,
  clock: () => number = () => performance.now(),
  follow: (sim: Simulation) => ReplayHooks = () => NO_HOOKS,
): Replay {
  const sim = createSimulation(run.scenario);
  const hooks = follow(sim);
  let next = 0;
  let maxTasks = FIRST_TASKS;
  /** The simulated time every task up to which has run (a command there comes next). */
  let reached = -1;
  let result: Checked<Simulation> | undefined;

  /** One unit of work: the next command, or a bounded run of tasks towards it. False once all is done. */
  const work = (): boolean => {
    const command = run.commands[next];
    const target = command?.at ?? run.time;
    if (reached !== target) {
      const stop = Math.min(target, hooks.nextStop());
      const started = clock();
      sim.advanceTo(stop, { maxTasks });
      const took = clock() - started;
      if (took < ADVANCE_WALL_MS / 2) maxTasks = Math.min(maxTasks * 2, MAX_TASKS);
      else if (took > ADVANCE_WALL_MS * 2)
        maxTasks = Math.max(1, Math.floor((maxTasks * ADVANCE_WALL_MS) / took));
      const pending = sim.nextEventAt();
      if (sim.now() === stop && (pending === undefined || pending > stop)) {
        if (stop === hooks.nextStop()) hooks.stopped();
        if (stop === target) reached = target;
      }
      hooks.noted();
      return true;
    }
    if (command === undefined) {
      result = { ok: true, value: sim };
      return false;
    }
    try {
      applyCommand(sim, command);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      result = { ok: false, problems: [`commands[${next}]: ${command.type} failed: ${message}`] };
      return false;
    }
    hooks.noted();
    next++;
    return true;
  };

  return {
    step: (budgetMs) => {
      const deadline = clock() + budgetMs;
      while (result === undefined && work()) if (clock() >= deadline) break;
      return result !== undefined;
    },
    get progress() {
      // Short of 1 until it is done: the last commands may still be to run at the run's last instant.
      return result !== undefined ? 1 : run.time <= 0 ? 0 : Math.min(0.999, sim.now() / run.time);
    },
    get result() {
      return result;
    },
  };
}

/** Replays a validated run at once (for tests and headless use); a refused command becomes a problem naming it. */
export function replayRun(run: RunRecord): Checked<Simulation> {
  const replay = startReplay(run);
  while (!replay.step(Number.POSITIVE_INFINITY));
  return replay.result ?? { ok: false, problems: ['the replay did not finish'] };
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
