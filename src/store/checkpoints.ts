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
import { applyCommand, stepTo, type Checked, type RunRecord } from './run.ts';

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

/** One save and where it sits in the run. */
export interface Checkpoint {
  /** Simulated ms. */
  readonly time: number;
  /** Engine tasks run by then (`stats().tasksRun`). */
  readonly tasksRun: number;
  /** Commands in the run's log by then; a seek replays the ones after. */
  readonly commands: number;
  /** Kept as the object `save()` made (no JSON): restoring it reads it and never changes it. */
  readonly saved: SavedSimulation;
}

/** The checkpoints of one simulation, taken as it runs. */
export interface Checkpoints {
  /** Call after each advance of the simulation, or command: takes a checkpoint if one is due. */
  note(): void;
  /**
   * A new simulation at exactly simulated time `t` (`start()` to `end()`): every command recorded at or before
   * `t` applied and every task before `t` run, as the run had it. At an instant where the run both ran
   * tasks and took commands, it is the state right after the commands (as a replay has it).
   * Throws a RangeError for a time outside the run.
   */
  seek(t: number): Simulation;
  /** The earliest instant a seek reaches: where tracking began (0 for a run tracked from its start). */
  start(): number;
  /** The furthest instant a seek reaches: the simulation's own time. */
  end(): number;
  /** The checkpoints, oldest first. */
  list(): readonly Checkpoint[];
  /** The spacing in force (thinning doubles it). */
  policy(): CheckpointPolicy;
}

/** Brings `sim` to `at` if it is behind: every task before `at` (and at it) runs. */
function advanceTo(sim: Simulation, at: number): void {
  if (sim.now() < at) sim.advance(stepTo(sim.now(), at));
}

/** The index of the last checkpoint at or before `t` (the first is where tracking began). */
function lastAtOrBefore(list: readonly Checkpoint[], t: number): number {
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((list[mid]?.time ?? Infinity) <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Starts keeping checkpoints of `live`, the first one now. Needs the engine's persistence loaded
 * (`await loadPersistence()` in the app; Node code has it).
 */
export function trackCheckpoints(live: Simulation, policy: Partial<CheckpointPolicy> = {}): Checkpoints {
  let spacing: CheckpointPolicy = { ...CHECKPOINT_POLICY, ...policy };
  const list: Checkpoint[] = [];

  const take = (): void => {
    list.push({
      time: live.now(),
      tasksRun: live.stats().tasksRun,
      commands: live.commands().length,
      saved: live.save(),
    });
    if (list.length > spacing.maxCheckpoints) {
      // Thin evenly, so no stretch of the run becomes slow to seek into: keep the first and every other.
      const kept = list.filter((_, i) => i % 2 === 0);
      list.length = 0;
      list.push(...kept);
      spacing = { ...spacing, everyTasks: spacing.everyTasks * 2, everyMs: spacing.everyMs * 2 };
    }
  };
  take();

  return {
    note: () => {
      const last = list.at(-1);
      if (last === undefined) return;
      const due =
        live.stats().tasksRun - last.tasksRun >= spacing.everyTasks ||
        live.now() - last.time >= spacing.everyMs;
      if (due) take();
    },
    seek: (t) => {
      const start = list[0]?.time ?? 0;
      const end = live.now();
      if (typeof t !== 'number' || !(t >= start && t <= end))
        throw new RangeError(`seek: ${String(t)} is not a time in this run (${start} to ${end} ms)`);
      const from = list[lastAtOrBefore(list, t)];
      if (from === undefined) throw new RangeError('seek: no checkpoint');
      const sim = restoreSimulation(from.saved);
      const commands: readonly Command[] = live.commands();
      for (let i = from.commands; i < commands.length; i++) {
        const command = commands[i];
        if (command === undefined || command.at > t) break;
        advanceTo(sim, command.at);
        applyCommand(sim, command);
      }
      advanceTo(sim, t);
      return sim;
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
      sim.advance(stepTo(sim.now(), Math.min(at, sim.now() + REPLAY_SLICE_MS)));
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
