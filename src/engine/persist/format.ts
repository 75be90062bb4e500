/**
 * The saved-state format (`Simulation.save()`): versioned, plain JSON-safe data. Sections are opaque to
 * callers; `restoreSimulation` reads them back and names by path anything that does not fit.
 */
import type { SavedScheduler, SavedTask, TaskArgs } from '../scheduler.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import type { Command, LogEntry, SimTime } from '../types.ts';
import type { Reader } from './reader.ts';

export const SAVE_FORMAT = 'replication-lab/simulation';
/** Bump it when the format changes, and read the older version too (or say why not). */
export const SAVE_VERSION = 1;

/** A whole simulation at one instant, as data. */
export interface SavedSimulation {
  readonly format: typeof SAVE_FORMAT;
  readonly version: number;
  /** The simulated time it was saved at, ms. */
  readonly time: SimTime;
  /** What the simulation was created from. */
  readonly scenario: ScenarioInput;
  readonly scheduler: SavedScheduler;
  readonly nodes: readonly unknown[];
  readonly cluster: unknown;
  readonly failover: unknown;
  readonly records: unknown;
  readonly workload: unknown;
  readonly commands: readonly Command[];
  /** Every log entry the state refers to, once (by index elsewhere). */
  readonly entries: readonly LogEntry[];
}

export function readCommand(r: Reader): Command {
  return {
    seq: r.num('seq'),
    at: r.num('at'),
    type: r.str('type'),
    args: r.list('args', (a) => a.value),
  };
}

function readArg(r: Reader): TaskArgs[number] {
  const value = r.value;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  return r.asNum();
}

function readTask(r: Reader): SavedTask {
  return {
    at: r.num('at'),
    seq: r.num('seq'),
    kind: r.str('kind'),
    args: r.list('args', readArg),
    background: r.bool('background'),
  };
}

export function readScheduler(r: Reader): SavedScheduler {
  return {
    time: r.num('time'),
    seq: r.num('seq'),
    tasksRun: r.num('tasksRun'),
    tasks: r.list('tasks', readTask),
  };
}
