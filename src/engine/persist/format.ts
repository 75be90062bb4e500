/**
 * The saved-state format (`Simulation.save()`): versioned, plain JSON-safe data. Sections are opaque to
 * callers; `restoreSimulation` reads them back and names by path anything that does not fit.
 */
import type { SavedScheduler } from '../scheduler.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import type { Command, LogEntry, SimTime } from '../types.ts';

export const SAVE_FORMAT = 'replication-lab/simulation';
/** Bump it when the format changes, and read the older version too (or say why not). */
export const SAVE_VERSION = 4;

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
