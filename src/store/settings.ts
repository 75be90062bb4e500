/** The lab's adjustable scenario settings and how they turn a preset into the scenario that runs. */
import {
  parseScenario,
  presets,
  type ConflictResolution,
  type ScenarioInput,
  type WorkloadOptions,
} from '../engine/index.ts';
import type { PresetName } from './presetName.ts';
import type { RunRecord } from './run.ts';

export type ReplicationSettings = ReturnType<typeof parseScenario>['replication'];
/** The failover manager's settings: manual or automatic, heartbeats, timeout, max lag, fencing. */
export type FailoverSettings = ReturnType<typeof parseScenario>['failover'];

/** What the Settings panel edits; changing any of it rebuilds the simulation (a Reset). */
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
  /** `maxLagOnFailover: undefined` removes the limit. */
  readonly failover?: Partial<Omit<FailoverSettings, 'maxLagOnFailover'>> & {
    readonly maxLagOnFailover?: number | undefined;
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
  const scenario = typeof preset === 'string' ? presets[preset] : preset;
  const { mode, syncCount, intervalMs, ackOn } = parseScenario(scenario).replication;
  return { mode, syncCount, intervalMs, ackOn };
}

/** The engine's default network for a preset (used when the lab is given none). */
export function networkOf(preset: PresetName | ScenarioInput): LabSettings['network'] {
  const scenario = typeof preset === 'string' ? presets[preset] : preset;
  const { latencyMs, jitterMs } = parseScenario(scenario).network;
  return { latencyMs, jitterMs };
}

/** How a preset's (or any scenario's) multi-primary group settles conflicts, with the engine's default. */
export function conflictResolutionOf(preset: PresetName | ScenarioInput): ConflictResolution {
  return parseScenario(typeof preset === 'string' ? presets[preset] : preset).conflictResolution;
}

/** The failover settings a preset (or any scenario) defines, with the engine's defaults filled in. */
export function failoverOf(preset: PresetName | ScenarioInput): FailoverSettings {
  return parseScenario(typeof preset === 'string' ? presets[preset] : preset).failover;
}

function mergeFailover(failover: FailoverSettings, patch: SettingsPatch['failover']): FailoverSettings {
  const { maxLagOnFailover, ...rest } = { ...failover, ...patch };
  return maxLagOnFailover === undefined ? rest : { ...rest, maxLagOnFailover };
}

export function mergeSettings(settings: LabSettings, patch: SettingsPatch): LabSettings {
  return {
    replication: { ...settings.replication, ...patch.replication },
    network: { ...settings.network, ...patch.network },
    failover: mergeFailover(settings.failover, patch.failover),
    workload: { ...settings.workload, ...patch.workload },
    conflictResolution: patch.conflictResolution ?? settings.conflictResolution,
  };
}

/** A scenario's nodes (a preset's, an imported one's or a lesson's) with the lab's settings. */
export function scenarioFor(base: ScenarioInput, settings: LabSettings): ScenarioInput {
  return {
    ...base,
    replication: { ...base.replication, ...settings.replication },
    network: { ...settings.network },
    failover: { ...settings.failover },
    conflictResolution: settings.conflictResolution,
  };
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
  return {
    replication: replicationOf(run.scenario),
    network: networkOf(run.scenario),
    failover: failoverOf(run.scenario),
    workload: { ...NO_WORKLOAD, ...options },
    conflictResolution: conflictResolutionOf(run.scenario),
  };
}
