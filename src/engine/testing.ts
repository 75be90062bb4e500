/** Small helpers shared by the engine's tests: scenarios in one line and readable lookups. */
import type { Simulation } from './api.ts';
import type { ScenarioInput } from './scenario/schema.ts';
import { createSimulation } from './index.ts';

type Replication = NonNullable<ScenarioInput['replication']>;

/** One primary `db1` and replicas `db2..` streaming from it; `cascade` maps a replica to another upstream. */
export function cluster(
  replicas: number,
  replication: Replication = {},
  options: { latencyMs?: number; jitterMs?: number; cascade?: Record<string, string>; seed?: number } = {},
): ScenarioInput {
  const nodes: ScenarioInput['nodes'] = [{ id: 'db1', role: 'primary' }];
  for (let i = 2; i <= replicas + 1; i++) {
    const id = `db${i}`;
    nodes.push({ id, role: 'replica', upstream: options.cascade?.[id] ?? 'db1' });
  }
  return {
    seed: options.seed ?? 7,
    nodes,
    replication,
    network: { latencyMs: options.latencyMs ?? 10, jitterMs: options.jitterMs ?? 0 },
  };
}

/** A simulation of `cluster(...)` whose replication streams are already open (after the first round trip). */
export function startedCluster(...args: Parameters<typeof cluster>): Simulation {
  const sim = createSimulation(cluster(...args));
  sim.advance(100);
  return sim;
}
