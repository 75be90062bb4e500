/**
 * The engine's API without its optional parts registered (save and restore, the checker): the lab's
 * bundle builds against this (vite.config.ts points `engine/index.ts` here), so those parts load on
 * demand with `loadPersistence()` / `loadChecker()` as chunks of their own. Import `index.ts`, never this.
 */
export { createSimulation } from './simulation.ts';
export { persistenceLoaded, restoreSimulation } from './persist/registry.ts';
export { loadChecker, loadPersistence } from './persist/load.ts';
export { SAVE_FORMAT, SAVE_VERSION, type SavedSimulation } from './persist/format.ts';
export { dict, own } from './dict.ts';
export { DEFAULT_WORKLOAD } from './workload.ts';
export { MESSAGE_RECORDS_KEPT } from './observe/messages.ts';
export {
  COMMIT_LEVELS,
  MAX_ADVANCE_MS,
  MAX_KEY_LENGTH,
  MAX_VALUE_LENGTH,
  READ_ROUTINGS,
  charCount,
} from './args.ts';
export { parseScenario, ScenarioError } from './scenario/parse.ts';
export { presets, type PresetName } from './scenario/presets.ts';
export {
  DEFAULTS,
  MAX_NODES,
  REPLICATION_MODES,
  SCENARIO_VERSION,
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
  type ConfigureOptions,
  type AdvanceOptions,
  type SimulationStats,
} from './api.ts';
export type * from './types.ts';
export {
  compare,
  measure,
  DEFAULT_SAMPLE_EVERY_MS,
  MAX_LAG_SAMPLES,
  type CompareOptions,
  type CompareSide,
  type Comparison,
  type Refusal,
} from './compare/compare.ts';
export {
  applyCompareCommand,
  checkCommands,
  type Applied,
  type CompareArgs,
  type CompareCommand,
  type WriteRef,
} from './compare/commands.ts';
export {
  COMPARE_METRICS,
  NO_LAG_SAMPLES,
  REPLICA_METRICS,
  compareFigures,
  differences,
  sampleLag,
  type Better,
  type CompareFigures,
  type CompareMetric,
  type Difference,
  type LagSamples,
  type LagTally,
  type ReplicaLag,
  type Unit,
} from './compare/figures.ts';
export { checkNodeRef, nodeRefOf, resolveNodeRef, type NodeRef, type Resolved } from './compare/nodeRef.ts';
