/**
 * Optional parts, by registration: save and restore (persist/save.ts, persist/restore.ts), the
 * consistency checker (observe/checker.ts), settings changed in a run (configure.ts), the automatic
 * failover manager (failover/manager.ts), the multi-primary group (multiprimary/group.ts) and the parser of
 * `synchronous_standby_names` (replication/standbyNamesParser.ts) register
 * themselves here when they load, and `sim.save()`, `sim.fork()`, `restoreSimulation`, `sim.check()`,
 * `sim.configure()` and a simulation with automatic failover or two primaries call through. The engine's
 * entry imports them all, so any code using the engine has them; the lab's bundle leaves them out of its
 * first frame and loads them with `loadPersistence()` / `loadChecker()` / `loadConfigure()` /
 * `loadFailover()` / `loadMultiPrimary()` before it first needs them.
 */
import { SimulationError, type ConfigureOptions, type Simulation } from '../api.ts';
import type { Cluster } from '../cluster.ts';
import type { FailoverControl } from '../configure.ts';
import type { FailoverManager } from '../failover/manager.ts';
import type { FailoverRecords } from '../failover/records.ts';
import type { DbNode, Version } from '../node/dbNode.ts';
import type { OpRecord } from '../observe/history.ts';
import type { SyncStandbyList } from '../replication/standbyNames.ts';
import type { Anomaly, LogEntry, SimTime } from '../types.ts';
import type { SavedSimulation } from './format.ts';

/** What a simulation hands the saver: its parts (see `BuildParts` in simulation.ts). */
export type Saver<Parts> = (parts: Parts) => SavedSimulation;

let save: Saver<never> | undefined;
let restore: ((saved: unknown) => Simulation) | undefined;

let check: ((cluster: Cluster) => readonly Anomaly[]) | undefined;

/** `Simulation.configure`'s work: checks `options` (unknown: a command replayed from a link), then applies them. */
export type Configurer = (cluster: Cluster, options: ConfigureOptions, control: FailoverControl) => void;

let configureWith: Configurer | undefined;

/** Starts a cluster's automatic failover manager. */
export type FailoverFactory = (cluster: Cluster, records: FailoverRecords) => FailoverManager;

let startManager: FailoverFactory | undefined;

/** What the core calls of a multi-primary group (a scenario with two or more primaries). */
export interface MultiPrimaryGroup {
  /** Opens every member's subscriptions to every other member (a new simulation). */
  readonly start: (cluster: Cluster) => void;
  /** A write to a member of a synchronous group: certified by the others before it commits. */
  readonly certify: (cluster: Cluster, node: DbNode, op: OpRecord) => void;
  /** A member's own write in a group commit: its dot, version vector and causal commit time. */
  readonly ownVersion: (
    cluster: Cluster,
    primary: DbNode,
    op: OpRecord,
    stored: Version | undefined,
    now: SimTime,
  ) => Pick<LogEntry, 'originSeq' | 'vv' | 'committedAt'>;
  /** `sql_slave_skip_counter = 1; START SLAVE` on a member whose applier stopped (`Simulation.skipEvent`). */
  readonly skipEvent: (cluster: Cluster, nodeId: unknown, source?: unknown) => void;
  /** Re-copies a member whose applier stopped from its source (`Simulation.resync`). */
  readonly resync: (cluster: Cluster, nodeId: unknown, source?: unknown) => void;
}

let group: MultiPrimaryGroup | undefined;

/** Parses `synchronous_standby_names`: the list, or a message saying what is wrong. */
export type StandbyNamesParser = (text: string) => SyncStandbyList | string;

let standbyNames: StandbyNamesParser | undefined;

const notLoaded = (what: string, loader = 'loadPersistence'): never => {
  throw new SimulationError(`${what} is not loaded: await ${loader}() from the engine first`);
};

export function registerChecker(fn: (cluster: Cluster) => readonly Anomaly[]): void {
  check = fn;
}

/** The registered checker. */
export function checker(): (cluster: Cluster) => readonly Anomaly[] {
  return check ?? notLoaded('the consistency checker', 'loadChecker');
}

export function registerConfigure(fn: Configurer): void {
  configureWith = fn;
}

/** Whether `sim.configure()` is loaded (`loadConfigure()` has resolved, or the engine's entry is imported whole). */
export function configureLoaded(): boolean {
  return configureWith !== undefined;
}

/** The registered configurer. */
export function configurer(): Configurer {
  return configureWith ?? notLoaded('changing settings in a run', 'loadConfigure');
}

export function registerFailover(fn: FailoverFactory): void {
  startManager = fn;
}

/** Whether automatic failover is loaded (`loadFailover()` has resolved, or the engine's entry is imported whole). */
export function failoverLoaded(): boolean {
  return startManager !== undefined;
}

/** The registered failover manager's factory. */
export function failoverManager(): FailoverFactory {
  return startManager ?? notLoaded('automatic failover', 'loadFailover');
}

export function registerMultiPrimary(part: MultiPrimaryGroup): void {
  group = part;
}

/** Whether multi-primary groups are loaded (`loadMultiPrimary()` has resolved, or the engine's entry is imported whole). */
export function multiPrimaryLoaded(): boolean {
  return group !== undefined;
}

/** The registered multi-primary group. */
export function multiPrimary(): MultiPrimaryGroup {
  return group ?? notLoaded('a multi-primary group', 'loadMultiPrimary');
}

export function registerStandbyNamesParser(parse: StandbyNamesParser): void {
  standbyNames = parse;
}

/** Whether the parser of `synchronous_standby_names` is loaded (`loadStandbyNames()` has resolved, or the entry is imported whole). */
export function standbyNamesLoaded(): boolean {
  return standbyNames !== undefined;
}

/** The registered parser, if loaded: a scenario's check reports its absence as a problem, not a throw. */
export function standbyNamesParser(): StandbyNamesParser | undefined {
  return standbyNames;
}

export function registerSave<Parts>(fn: Saver<Parts>): void {
  save = fn;
}

export function registerRestore(fn: (saved: unknown) => Simulation): void {
  restore = fn;
}

/** Whether save and restore are loaded (`loadPersistence()` has resolved, or the engine's entry is imported whole). */
export function persistenceLoaded(): boolean {
  return save !== undefined && restore !== undefined;
}

/** The registered saver, for a simulation's own parts. */
export function saver<Parts>(): Saver<Parts> {
  return (save as Saver<Parts> | undefined) ?? notLoaded('saving');
}

/**
 * A simulation that continues exactly as the one `saved` was taken from (`Simulation.save()`, as it is or
 * after a JSON round trip). A damaged or foreign save throws a SimulationError naming the problem.
 */
export function restoreSimulation(saved: unknown): Simulation {
  return (restore ?? notLoaded('restoring'))(saved);
}
