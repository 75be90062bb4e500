/** The lab's adjustable scenario settings and how they turn a preset into the scenario that runs. */
import { parseScenario, presets, type ScenarioInput, type WorkloadOptions } from '../engine/index.ts';
import type { PresetName } from './presetName.ts';

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
}

export interface SettingsPatch {
  readonly replication?: Partial<LabSettings['replication']>;
  readonly network?: Partial<LabSettings['network']>;
  /** `maxLagOnFailover: undefined` removes the limit. */
  readonly failover?: Partial<Omit<FailoverSettings, 'maxLagOnFailover'>> & {
    readonly maxLagOnFailover?: number | undefined;
  };
  readonly workload?: Partial<WorkloadOptions>;
}

/** No background workload unless asked for (tests and lessons start quiet). */
export const NO_WORKLOAD: WorkloadOptions = {
  writesPerSec: 0,
  readsPerSec: 0,
  keys: 10,
  readRouting: 'replicas',
};

/** The replication settings a preset defines, with the engine's defaults filled in. */
export function replicationOf(preset: PresetName): LabSettings['replication'] {
  const { mode, syncCount, intervalMs, ackOn } = parseScenario(presets[preset]).replication;
  return { mode, syncCount, intervalMs, ackOn };
}

/** The engine's default network for a preset (used when the lab is given none). */
export function networkOf(preset: PresetName): LabSettings['network'] {
  const { latencyMs, jitterMs } = parseScenario(presets[preset]).network;
  return { latencyMs, jitterMs };
}

/** The failover settings a preset defines, with the engine's defaults filled in. */
export function failoverOf(preset: PresetName): FailoverSettings {
  return parseScenario(presets[preset]).failover;
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
  };
}

/** The preset's nodes with the lab's replication and network settings. */
export function scenarioFor(preset: PresetName, settings: LabSettings): ScenarioInput {
  const base: ScenarioInput = presets[preset];
  return {
    ...base,
    replication: { ...base.replication, ...settings.replication },
    network: { ...settings.network },
    failover: { ...settings.failover },
  };
}

export function workloadRuns(workload: WorkloadOptions): boolean {
  return workload.writesPerSec > 0 || workload.readsPerSec > 0;
}
