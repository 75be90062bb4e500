/** Engine-side helpers: build a simulation in PostgreSQL's terms and drive it as the PostgreSQL side is driven. */
import {
  createSimulation,
  type NodeSpec,
  type ScenarioInput,
  type Simulation,
} from '../../src/engine/index.ts';

type Replication = NonNullable<ScenarioInput['replication']>;
type NodeInput = Omit<NodeSpec, 'sync'> & { readonly sync?: boolean };

/** A simulation with a primary `primary` and the given replicas; loopback-like network, fixed seed. */
export function simulate(replicas: readonly NodeInput[], replication: Replication = {}): Simulation {
  return createSimulation({
    seed: 7,
    nodes: [{ id: 'primary', role: 'primary' }, ...replicas],
    replication,
    network: { latencyMs: 1, jitterMs: 0 },
  });
}

/** A replica of `upstream` (the primary by default). */
export function replica(id: string, upstream = 'primary', sync?: boolean): NodeInput {
  return { id, role: 'replica', upstream, ...(sync === undefined ? {} : { sync }) };
}

/** Writes keys `${prefix}from`..`${prefix}to` on a node one after another; returns how many were acknowledged. */
export function writeRange(sim: Simulation, node: string, from: number, to: number): number {
  let acked = 0;
  for (let i = from; i <= to; i++) {
    const op = sim.write(node, `k${i}`, String(i));
    sim.advance(20);
    if (sim.op(op.id)?.status === 'ok') acked++;
  }
  return acked;
}

/** How many of keys k{from}..k{to} a node's reads see. */
export function countKeys(sim: Simulation, node: string, from: number, to: number): number {
  const data = sim.node(node).data;
  let count = 0;
  for (let i = from; i <= to; i++) if (data[`k${i}`] !== undefined) count++;
  return count;
}
