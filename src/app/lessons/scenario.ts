/** A lesson's scenario: a preset with fields overridden, as the engine's scenario format. */
import { presets, type ScenarioInput } from '../../engine/index.ts';
import type { LessonScenario } from './types.ts';

export function resolveScenario({ preset, overrides = {} }: LessonScenario): ScenarioInput {
  const base: ScenarioInput = presets[preset];
  return {
    ...base,
    ...overrides,
    replication: { ...base.replication, ...overrides.replication },
    network: { ...base.network, ...overrides.network },
    failover: { ...base.failover, ...overrides.failover },
  };
}
