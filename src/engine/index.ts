/** The engine's only door: everything outside src/engine imports from here. */
export { createSimulation } from './simulation.ts';
export { parseScenario, ScenarioError } from './scenario/parse.ts';
export { presets, type PresetName } from './scenario/presets.ts';
export {
  DEFAULTS,
  MAX_NODES,
  SCENARIO_VERSION,
  type Scenario,
  type ScenarioInput,
  type NodeSpec,
} from './scenario/schema.ts';
export { SimulationError, type Simulation, type AddNodeOptions } from './api.ts';
export type * from './types.ts';
