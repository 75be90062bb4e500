/** The engine's only door: everything outside src/engine imports from here. */
export { createSimulation } from './simulation.ts';
export { persistenceLoaded, restoreSimulation } from './persist/registry.ts';
export { loadChecker, loadPersistence } from './persist/load.ts';
// Optional parts register themselves (persist/registry.ts); a bundle may leave them for their loaders.
import './persist/restore.ts';
import './observe/checker.ts';
export { SAVE_FORMAT, SAVE_VERSION, type SavedSimulation } from './persist/format.ts';
export { dict, own } from './dict.ts';
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
  type AdvanceOptions,
  type SimulationStats,
} from './api.ts';
export type * from './types.ts';
