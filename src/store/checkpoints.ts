/**
 * Checkpoints of one run, the ground time travel stands on: saves of the simulation taken as it goes
 * forward, so `seek(t)` restores the last one at or before t and replays only the work since (the run's
 * commands at their recorded times). A seek never touches the live simulation or a save.
 */
import {
  createSimulation,
  restoreSimulation,
  type Command,
  type SavedSimulation,
  type Simulation,
} from '../engine/index.ts';
import { applyCommand, type Checked, type RunRecord } from './run.ts';

/** When a checkpoint is due, and how many are kept. */
export interface CheckpointPolicy {
  /** Engine tasks since the last checkpoint that make the next one due: what a seek replays at most. */
  readonly everyTasks: number;
  /** Simulated ms since the last checkpoint that make the next one due, whichever comes first. */
  readonly everyMs: number;
  /** Checkpoints kept at most: past it every other one goes and both spacings double. */
  readonly maxCheckpoints: number;
}

/**
 * Chosen from `npm run bench:seek` (two cores, shared): a seek is one restore plus the replay of the gap.
 * Ten minutes of the lab’s default run take about 17,000 tasks, so the 10 s bound spaces its 61
 * checkpoints (about 5 MB of heap; a seek about 4–5 ms of CPU at the median). Thirty nodes with 2,000
 * messages in flight run about 3,700 tasks a simulated second at about 5 µs each, so 8,000 tasks (about
 * 2 s) bound the replay to about 40 ms, for about 1.4 MB a checkpoint; halving it barely sped seeks
 * (the restore dominates) and doubled the memory and the time checkpoints add to the run.
 */
export const CHECKPOINT_POLICY: CheckpointPolicy = {
  everyTasks: 8_000,
  everyMs: 10_000,
  maxCheckpoints: 128,
};

/** One save and where it sits in the run, with what the caller attached to it (`attach`). */
export interface Checkpoint<X = undefined> {
  /** Simulated ms. */
  readonly time: number;
  /** Engine tasks run by then (`stats().tasksRun`). */
  readonly tasksRun: number;
  /** Commands in the run's log by then; a seek replays the ones after. */
  readonly commands: number;
  /**
   * Kept as the object `save()` made (no JSON): restoring it reads it and never changes it. Absent for the
   * first checkpoint of a run tracked with `origin`, which makes that simulation again instead.
   */
  readonly saved?: SavedSimulation;
  /** What `attach` returned when the checkpoint was taken (the lab's chart recorder, copied). */
  readonly extra: X;
}

/**
 * How a seek carries something of the caller's along the replay from a checkpoint: `start` makes it from
 * the checkpoint's attachment, `advance` brings the simulation to exactly `at` (the lab samples its
 * charts on the way).
 */
export interface Follower<X, Y> {
  start(extra: X): Y;
  advance(sim: Simulation, at: number, followed: Y): void;
}

/** How exact a seek must be. */
export interface SeekOptions {
  /**
   * At most about this many engine tasks to replay (estimated from the checkpoints around `t`): past it the
   * seek stops at the checkpoint's own instant, before `t` (a scrub's preview, as a video player shows the
   * key frame). Default: no bound, the seek lands on `t`.
   */
  readonly maxTasks?: number;
}

/** The checkpoints of one simulation, taken as it runs. */
export interface Checkpoints<X = undefined> {
  /** Call after each advance of the simulation, or command: takes a checkpoint if one is due. */
  note(): void;
  /**
   * A new simulation at exactly simulated time `t` (`start()` to `end()`): every command recorded at or before
   * `t` applied and every task before `t` run, as the run had it. At an instant where the run both ran
   * tasks and took commands, it is the state right after the commands (as a replay has it).
   * Throws a RangeError for a time outside the run.
   */
  seek(t: number): Simulation;
  /** `seek(t)`, carrying what `follower` starts from the checkpoint's attachment along the replay. */
  seekWith<Y>(
    t: number,
    follower: Follower<X, Y>,
    options?: SeekOptions,
  ): { readonly sim: Simulation; readonly followed: Y };
  /**
   * The checkpoints of a new branch of this run: `live` is a simulation sought from it (at `live.now()`),
   * about to take commands the run did not. It starts with this run's checkpoints up to that instant, which
   * are its past too, and this run's spacing; this run's own checkpoints are not touched.
   */
  fork(live: Simulation): Checkpoints<X>;
  /** The earliest instant a seek reaches: where tracking began (0 for a run tracked from its start). */
  start(): number;
  /** The furthest instant a seek reaches: the simulation's own time. */
  end(): number;
  /** The checkpoints, oldest first. */
  list(): readonly Checkpoint<X>[];
  /** The spacing in force (thinning doubles it). */
  policy(): CheckpointPolicy;
}

/** Brings `sim` to `at` if it is behind: every task before `at` (and at it) runs. */
function advanceTo(sim: Simulation, at: number): void {
  if (sim.now() < at) sim.advanceTo(at);
}

/** The index of the last checkpoint at or before `t` (the first is where tracking began). */
function lastAtOrBefore(list: readonly { readonly time: number }[], t: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((list[mid]?.time ?? Infinity) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Brings a sought simulation to exactly `at`, nothing of the caller's carried along. */
const PLAIN: Follower<unknown, undefined> = {
  start: () => undefined,
  advance: (sim, at) => {
    advanceTo(sim, at);
  },
};

/** What `trackCheckpoints` takes besides the simulation. */
export interface TrackOptions<X> {
  readonly policy?: Partial<CheckpointPolicy>;
  /** Called at each checkpoint: something of the caller's to keep with it (a copy: it must not change after). */
  readonly attach?: () => X;
  /**
   * Makes the simulation as it stands now again (its scenario, created afresh): the first checkpoint is
   * then free, and taken without the engine's persistence loaded.
   */
  readonly origin?: () => Simulation;
  /** Whether a checkpoint can be taken now (the app loads persistence after its first frame); default yes. */
  readonly ready?: () => boolean;
}

/**
 * Starts keeping checkpoints of `live`, the first one now. Needs the engine's persistence loaded
 * (`await loadPersistence()` in the app; Node code has it).
 */
export function trackCheckpoints(live: Simulation, policy: Partial<CheckpointPolicy> = {}): Checkpoints {
  return track(live, { attach: () => undefined }, [], { ...CHECKPOINT_POLICY, ...policy });
}

/** `trackCheckpoints`, keeping what `options.attach` returns with each checkpoint. */
export function trackCheckpointsWith<X>(
  live: Simulation,
  options: TrackOptions<X> & { readonly attach: () => X },
): Checkpoints<X> {
  return track(live, options, [], { ...CHECKPOINT_POLICY, ...options.policy });
}

function track<X>(
  live: Simulation,
  options: Pick<TrackOptions<X>, 'origin' | 'ready'> & { readonly attach: () => X },
  inherited: readonly Checkpoint<X>[],
  spacingNow: CheckpointPolicy,
): Checkpoints<X> {
  let spacing = spacingNow;
  const list: Checkpoint<X>[] = [...inherited];

  const take = (first = false): void => {
    const where = { time: live.now(), tasksRun: live.stats().tasksRun, commands: live.commands().length };
    if (first && options.origin !== undefined) list.push({ ...where, extra: options.attach() });
    else list.push({ ...where, saved: live.save(), extra: options.attach() });
    if (list.length > spacing.maxCheckpoints) {
      // Thin evenly, so no stretch of the run becomes slow to seek into: keep the first and every other.
      const kept = list.filter((_, i) => i % 2 === 0);
      list.length = 0;
      list.push(...kept);
      spacing = { ...spacing, everyTasks: spacing.everyTasks * 2, everyMs: spacing.everyMs * 2 };
    }
  };
  if (list.length === 0) take(true);
  const { origin } = options;

  /** Tasks a replay from checkpoint `i` to `t` runs, about: the tasks to the next checkpoint, pro rata. */
  const replayCost = (i: number, t: number): number => {
    const from = list[i];
    if (from === undefined) return 0;
    const next = list[i + 1] ?? { time: live.now(), tasksRun: live.stats().tasksRun };
    const span = next.time - from.time;
    return span <= 0 ? 0 : ((next.tasksRun - from.tasksRun) * (t - from.time)) / span;
  };

  const seekWith = <Y>(t: number, follower: Follower<X, Y>, options: SeekOptions = {}) => {
    const start = list[0]?.time ?? 0;
    const end = live.now();
    if (typeof t !== 'number' || !(t >= start && t <= end))
      throw new RangeError(`seek: ${String(t)} is not a time in this run (${start} to ${end} ms)`);
    const index = lastAtOrBefore(list, t);
    const from = list[index];
    if (from === undefined) throw new RangeError('seek: no checkpoint');
    if (options.maxTasks !== undefined && replayCost(index, t) > options.maxTasks) t = from.time;
    const sim =
      from.saved !== undefined
        ? restoreSimulation(from.saved)
        : (origin ?? (() => restoreSimulation(from.saved)))();
    const followed = follower.start(from.extra);
    const commands: readonly Command[] = live.commands();
    for (let i = from.commands; i < commands.length; i++) {
      const command = commands[i];
      if (command === undefined || command.at > t) break;
      follower.advance(sim, command.at, followed);
      applyCommand(sim, command);
    }
    follower.advance(sim, t, followed);
    return { sim, followed };
  };

  return {
    note: () => {
      const last = list.at(-1);
      if (last === undefined || options.ready?.() === false) return;
      const due =
        live.stats().tasksRun - last.tasksRun >= spacing.everyTasks ||
        live.now() - last.time >= spacing.everyMs;
      if (due) take();
    },
    seek: (t) => seekWith(t, PLAIN).sim,
    seekWith,
    fork: (branch) => {
      const at = branch.now();
      return track(
        branch,
        options,
        list.filter((c) => c.time <= at && c.commands <= branch.commands().length),
        spacing,
      );
    },
    start: () => list[0]?.time ?? 0,
    end: () => live.now(),
    list: () => list.slice(),
    policy: () => spacing,
  };
}

/** Simulated ms a headless replay advances between looks at whether a checkpoint is due (as the lab's 250 ms samples). */
const REPLAY_SLICE_MS = 250;

/**
 * Replays a validated run headlessly, keeping checkpoints as it goes, so any instant of it can be
 * sought: `checkpointRun(run)` then `.seek(t)`. A refused command becomes a problem naming it.
 */
export function checkpointRun(run: RunRecord, policy: Partial<CheckpointPolicy> = {}): Checked<Checkpoints> {
  const sim = createSimulation(run.scenario);
  const checkpoints = trackCheckpoints(sim, policy);
  const forwardTo = (at: number): void => {
    while (sim.now() < at) {
      sim.advanceTo(Math.min(at, sim.now() + REPLAY_SLICE_MS));
      checkpoints.note();
    }
  };
  for (const [i, command] of run.commands.entries()) {
    forwardTo(command.at);
    try {
      applyCommand(sim, command);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, problems: [`commands[${i}]: ${command.type} failed: ${message}`] };
    }
    checkpoints.note();
  }
  forwardTo(run.time);
  return { ok: true, value: checkpoints };
}
