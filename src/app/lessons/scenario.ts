/** A lesson's scenario: a preset with fields overridden, as the engine's scenario format. */
import { presetScenario, type ScenarioInput } from '../../engine/index.ts';
import type { LessonScenario } from './types.ts';

export function resolveScenario({ preset, overrides = {} }: LessonScenario): ScenarioInput {
  const base: ScenarioInput = presetScenario(preset);
  return {
    ...base,
    ...overrides,
    replication: { ...base.replication, ...overrides.replication },
    network: { ...base.network, ...overrides.network },
    failover: { ...base.failover, ...overrides.failover },
  };
}
