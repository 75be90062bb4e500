/**
 * The engine's API without its optional parts registered (save and restore, the checker, `configure`, the
 * automatic failover manager, the multi-primary group): the lab's bundle builds against this
 * (vite.config.ts points `engine/index.ts` here), so those parts load on demand with `loadPersistence()` /
 * `loadChecker()` / `loadConfigure()` / `loadFailover()` / `loadMultiPrimary()` as chunks of their own, and so
 * does the parser of `synchronous_standby_names` (`loadStandbyNames()`).
 * Import `index.ts`, never this.
 */
export { createSimulation } from './simulation.ts';
export {
  configureLoaded,
  failoverLoaded,
  multiPrimaryLoaded,
  persistenceLoaded,
  restoreSimulation,
  standbyNamesLoaded,
} from './persist/registry.ts';
export {
  loadChecker,
  loadConfigure,
  loadFailover,
  loadMultiPrimary,
  loadPersistence,
  loadStandbyNames,
} from './persist/load.ts';
export { SAVE_FORMAT, SAVE_VERSION, type SavedSimulation } from './persist/format.ts';
export { dict, own } from './dict.ts';
export { DEFAULT_BURST, DEFAULT_WORKLOAD, workloadRates } from './workload.ts';
export { MESSAGE_RECORDS_KEPT } from './observe/messages.ts';
export {
  COMMIT_LEVELS,
  KEY_DISTRIBUTIONS,
  MAX_ADVANCE_MS,
  MAX_KEY_LENGTH,
  MAX_VALUE_LENGTH,
  READ_ROUTINGS,
  charCount,
} from './args.ts';
export { parseScenario, ScenarioError } from './scenario/parse.ts';
export {
  PRESET_NAMES,
  isPresetName,
  loadPresetData,
  presetLoaded,
  presetScenario,
  presetTitle,
  type PresetName,
} from './scenario/presets.ts';
export {
  DEFAULTS,
  MAX_LABEL_LENGTH,
  MAX_NODES,
  MAX_REGIONS,
  REPLICATION_MODES,
  SCENARIO_VERSION,
  SYSTEMS,
  WORKLOAD_LIMITS,
  type DatabaseSystem,
  type Region,
  type RegionLink,
  type Scenario,
  type ScenarioInput,
  type NodeSpec,
} from './scenario/schema.ts';
export {
  COMMAND_NAMES,
  SimulationError,
  type CommandName,
  type Simulation,
  type AddNodeOptions,
  type BurstOptions,
  type ConfigureOptions,
  type AdvanceOptions,
  type SimulationStats,
} from './api.ts';
export type * from './types.ts';
// Compare's values are in index.ts (Node, tests, scripts); the lab's compare chunk loads what it needs with
// compare/load.ts's loadCompare(), imported from that chunk so not even the loader is in the first frame.
export type { CompareOptions, CompareSide, Comparison, Refusal } from './compare/compare.ts';
export type { Applied, CompareArgs, CompareCommand, WriteRef } from './compare/commands.ts';
export type {
  Better,
  CompareFigures,
  CompareMetric,
  Difference,
  LagSamples,
  LagTally,
  ReplicaLag,
  Unit,
} from './compare/figures.ts';
export type { NodeRef, Resolved } from './compare/nodeRef.ts';
export type { CompareKit } from './compare/load.ts';
