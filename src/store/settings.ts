/** The lab's adjustable scenario settings and how they turn a preset into the scenario that runs. */
import {
  DEFAULT_WORKLOAD,
  parseScenario,
  workloadRates,
  type Command,
  type ConfigureOptions,
  presetScenario,
  type ConflictResolution,
  type ScenarioInput,
  type WorkloadOptions,
} from '../engine/index.ts';
import type { PresetName } from './presetName.ts';
import type { RunRecord } from './run.ts';

export type ReplicationSettings = ReturnType<typeof parseScenario>['replication'];
/** The failover manager's settings: manual or automatic, heartbeats, timeout, max lag, fencing. */
export type FailoverSettings = ReturnType<typeof parseScenario>['failover'];

/**
 * What the Settings panel edits. Replication, network, failover, conflict resolution and workload change
 * in the run (`configure`, `startWorkload`); only a group's replication mode starts it over.
 */
export interface LabSettings {
  readonly replication: Pick<ReplicationSettings, 'mode' | 'syncCount' | 'intervalMs' | 'ackOn'>;
  readonly network: { readonly latencyMs: number; readonly jitterMs: number };
  readonly failover: FailoverSettings;
  /** The background client workload; both rates 0 means none runs. */
  readonly workload: WorkloadOptions;
  /** How a multi-primary group settles concurrent async writes (the scenario's top-level field). */
  readonly conflictResolution: ConflictResolution;
}

export interface SettingsPatch {
  readonly replication?: Partial<LabSettings['replication']>;
  readonly network?: Partial<LabSettings['network']>;
  /** `maxLagOnFailover: undefined` (or null, as `configure` says it) removes the limit. */
  readonly failover?: Partial<Omit<FailoverSettings, 'maxLagOnFailover'>> & {
    readonly maxLagOnFailover?: number | null | undefined;
  };
  readonly workload?: Partial<WorkloadOptions>;
  readonly conflictResolution?: ConflictResolution;
}

/** No background workload unless asked for (tests and lessons start quiet). */
export const NO_WORKLOAD: WorkloadOptions = {
  writesPerSec: 0,
  readsPerSec: 0,
  keys: 10,
  readRouting: 'replicas',
};

/** The replication settings a preset (or any scenario) defines, with the engine's defaults filled in. */
export function replicationOf(preset: PresetName | ScenarioInput): LabSettings['replication'] {
  const scenario = typeof preset === 'string' ? presetScenario(preset) : preset;
  const { mode, syncCount, intervalMs, ackOn } = parseScenario(scenario).replication;
  return { mode, syncCount, intervalMs, ackOn };
}

/** The engine's default network for a preset (used when the lab is given none). */
export function networkOf(preset: PresetName | ScenarioInput): LabSettings['network'] {
  const scenario = typeof preset === 'string' ? presetScenario(preset) : preset;
  const { latencyMs, jitterMs } = parseScenario(scenario).network;
  return { latencyMs, jitterMs };
}

/** How a preset's (or any scenario's) multi-primary group settles conflicts, with the engine's default. */
export function conflictResolutionOf(preset: PresetName | ScenarioInput): ConflictResolution {
  return parseScenario(typeof preset === 'string' ? presetScenario(preset) : preset).conflictResolution;
}

/** The failover settings a preset (or any scenario) defines, with the engine's defaults filled in. */
export function failoverOf(preset: PresetName | ScenarioInput): FailoverSettings {
  return parseScenario(typeof preset === 'string' ? presetScenario(preset) : preset).failover;
}

function mergeFailover(failover: FailoverSettings, patch: SettingsPatch['failover']): FailoverSettings {
  const { maxLagOnFailover, ...rest } = { ...failover, ...patch };
  return maxLagOnFailover === undefined || maxLagOnFailover === null ? rest : { ...rest, maxLagOnFailover };
}

export function mergeSettings(settings: LabSettings, patch: SettingsPatch): LabSettings {
  return {
    replication: { ...settings.replication, ...patch.replication },
    network: { ...settings.network, ...patch.network },
    failover: mergeFailover(settings.failover, patch.failover),
    workload: mergeWorkload(settings.workload, patch.workload),
    conflictResolution: patch.conflictResolution ?? settings.conflictResolution,
  };
}

const hundredths = (n: number) => Math.round(n * 100) / 100;

/**
 * A workload patch over `current`, its rates and read share kept in agreement once it has one (`readRatio`,
 * `opsPerSec`, which win over the rates in the engine): rates asked for set the share to theirs; a share
 * asked for splits the rate between writes and reads. So the Settings fields always say what runs.
 */
export function mergeWorkload(
  current: WorkloadOptions,
  patch: Partial<WorkloadOptions> = {},
): WorkloadOptions {
  const merged = { ...current, ...patch };
  if (merged.readRatio === undefined && merged.opsPerSec === undefined) return merged;
  const shareAsked = patch.readRatio !== undefined || patch.opsPerSec !== undefined;
  if (!shareAsked && (patch.writesPerSec !== undefined || patch.readsPerSec !== undefined)) {
    const total = merged.writesPerSec + merged.readsPerSec;
    return {
      ...merged,
      ...(merged.opsPerSec === undefined ? {} : { opsPerSec: total }),
      ...(total > 0 ? { readRatio: merged.readsPerSec / total } : {}),
    };
  }
  const { writes, reads } = workloadRates(merged);
  return { ...merged, writesPerSec: hundredths(writes), readsPerSec: hundredths(reads) };
}

/** A scenario's own `workload` section, as `startWorkload` merges its options over it. */
export function workloadOf(scenario: ScenarioInput): Partial<WorkloadOptions> {
  const entries = Object.entries(scenario.workload ?? {}).filter(([, value]) => value !== undefined);
  return Object.fromEntries(entries);
}

/** The fields every workload has: what a preset's own workload (Zipf keys, clients per region...) goes over. */
function coreWorkload({ writesPerSec, readsPerSec, keys, readRouting }: WorkloadOptions): WorkloadOptions {
  return { writesPerSec, readsPerSec, keys, readRouting };
}

/** The network and workload the lab runs a preset with that has none of its own. */
export type LabDefaults = Pick<LabSettings, 'network' | 'workload'>;

/**
 * The settings a preset starts with over the lab's `current` ones: its replication, failover and conflict
 * resolution; its own network and workload when it has them (a regional preset's latency inside a region,
 * its clients and key popularity); else the lab's current ones, or the lab's `defaults` when the preset
 * it leaves (`from`) had its own (0.8 ms inside a region is too quick to watch on one without regions).
 */
export function presetSettings(
  name: PresetName,
  current: LabSettings,
  defaults: LabDefaults = current,
  from?: PresetName,
): LabSettings {
  const preset: ScenarioInput = presetScenario(name);
  const left: ScenarioInput | undefined = from === undefined ? undefined : presetScenario(from);
  const keep = <K extends keyof LabDefaults>(key: K): LabDefaults[K] =>
    left?.[key] === undefined ? current[key] : defaults[key];
  return {
    replication: replicationOf(name),
    network: preset.network === undefined ? keep('network') : networkOf(name),
    failover: failoverOf(name),
    workload:
      preset.workload === undefined
        ? keep('workload')
        : { ...coreWorkload(current.workload), ...workloadOf(preset) },
    conflictResolution: conflictResolutionOf(name),
  };
}

/** A scenario's nodes (a preset's, an imported one's or a lesson's) with the lab's settings. */
export function scenarioFor(base: ScenarioInput, settings: LabSettings): ScenarioInput {
  return {
    ...base,
    replication: { ...base.replication, ...settings.replication },
    // The lab sets the default latency (inside a region); the latencies between regions and links stay.
    network: { ...base.network, ...settings.network },
    failover: { ...settings.failover },
    conflictResolution: settings.conflictResolution,
  };
}

/**
 * The settings of a run at its shown instant: those it started with, changed by the commands it has
 * recorded since (`configure`, and the workload started or stopped), as the engine applied them: a
 * started workload is its options over the scenario's `workload` (`scenarioWorkload`) over the defaults.
 */
export function settingsAfter(
  start: LabSettings,
  commands: readonly Command[],
  scenarioWorkload: Partial<WorkloadOptions> = {},
): LabSettings {
  let settings = start;
  for (const command of commands) {
    if (command.type === 'configure') settings = mergeSettings(settings, command.args[0] as ConfigureOptions);
    else if (command.type === 'startWorkload')
      settings = {
        ...settings,
        workload: {
          ...DEFAULT_WORKLOAD,
          ...scenarioWorkload,
          ...(command.args[0] as Partial<WorkloadOptions>),
        },
      };
    else if (command.type === 'stopWorkload')
      settings = { ...settings, workload: { ...settings.workload, writesPerSec: 0, readsPerSec: 0 } };
  }
  return settings;
}

/** The failover fields that differ, as `configure` takes them (null for a limit removed). */
function failoverChange(
  from: FailoverSettings,
  to: FailoverSettings,
): ConfigureOptions['failover'] | undefined {
  const out: ConfigureOptions['failover'] = {
    ...(from.mode === to.mode ? {} : { mode: to.mode }),
    ...(from.heartbeatMs === to.heartbeatMs ? {} : { heartbeatMs: to.heartbeatMs }),
    ...(from.timeoutMs === to.timeoutMs ? {} : { timeoutMs: to.timeoutMs }),
    ...(from.maxLagOnFailover === to.maxLagOnFailover
      ? {}
      : { maxLagOnFailover: to.maxLagOnFailover ?? null }),
    ...(from.fencing === to.fencing ? {} : { fencing: to.fencing }),
  };
  return Object.keys(out).length === 0 ? undefined : out;
}

/** What `configure` must be told to go from `from` to `to` (only what changed), or null for nothing. */
export function configureOptionsFor(from: LabSettings, to: LabSettings): ConfigureOptions | null {
  const changed = <T extends object>(a: T, b: T): Partial<T> | undefined => {
    const out: Partial<T> = {};
    for (const key of Object.keys(b) as (keyof T)[]) if (a[key] !== b[key]) out[key] = b[key];
    return Object.keys(out).length === 0 ? undefined : out;
  };
  const replication = changed(from.replication, to.replication);
  const network = changed(from.network, to.network);
  const failover = failoverChange(from.failover, to.failover);
  const options: ConfigureOptions = {
    ...(replication === undefined ? {} : { replication }),
    ...(network === undefined ? {} : { network }),
    ...(from.conflictResolution === to.conflictResolution
      ? {}
      : { conflictResolution: to.conflictResolution }),
    ...(failover === undefined ? {} : { failover }),
  };
  return Object.keys(options).length === 0 ? null : options;
}

export function workloadRuns(workload: WorkloadOptions): boolean {
  return workload.writesPerSec > 0 || workload.readsPerSec > 0;
}

/**
 * The settings a recorded run was made with: its scenario's, and the workload the lab started it
 * with (a `startWorkload` at time 0), so Reset and the Settings panel carry on from there.
 */
export function settingsOfRun(run: RunRecord): LabSettings {
  const start = run.commands.find((c) => c.at === 0 && c.type === 'startWorkload');
  const options = (start?.args[0] ?? {}) as Partial<WorkloadOptions>;
  // A workload started at 0 runs its options over the scenario's own (a stopped one shows the lab's none).
  const own = start === undefined ? {} : workloadOf(run.scenario);
  return {
    replication: replicationOf(run.scenario),
    network: networkOf(run.scenario),
    failover: failoverOf(run.scenario),
    workload: { ...NO_WORKLOAD, ...own, ...options },
    conflictResolution: conflictResolutionOf(run.scenario),
  };
}
