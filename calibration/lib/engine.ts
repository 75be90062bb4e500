/** Engine-side helpers: build a simulation in the server's terms and drive it as the server side is driven. */
import {
  createSimulation,
  type DatabaseSystem,
  type NodeSpec,
  type ScenarioInput,
  type Simulation,
} from '../../src/engine/index.ts';
import type { Facts } from './scenario.ts';

type Replication = NonNullable<ScenarioInput['replication']>;
type NodeInput = Omit<NodeSpec, 'sync'> & { readonly sync?: boolean };

/** A simulation with a primary `primary` and the given replicas; loopback-like network, fixed seed. */
export function simulate(
  replicas: readonly NodeInput[],
  replication: Replication = {},
  system: DatabaseSystem = 'postgresql',
): Simulation {
  return createSimulation({
    seed: 7,
    system,
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

/**
 * `cutOff` is partitioned away after rows 1..100 while rows 101..100+k are acknowledged, the primary
 * crashes, `cutOff` is promoted (nothing rewinds by itself; the promotion re-points `other`) and writes
 * `newRow`. The facts: writes acknowledged, those the promoted node misses, and whether the other
 * (`Standby` or `Replica`, in the system's word) keeps them and follows the promoted node; then `after`'s.
 */
export function promoteCutOff(
  system: DatabaseSystem,
  [cutOff, other]: readonly [string, string],
  k: number,
  newRow: number,
  word: 'Standby' | 'Replica',
  after?: (sim: Simulation) => Facts,
): Facts {
  const sim = simulate([replica(cutOff), replica(other)], { autoRewind: false }, system);
  writeRange(sim, 'primary', 1, 100);
  sim.runUntilIdle();
  sim.partition([['primary', other], [cutOff]]);
  const acknowledged = writeRange(sim, 'primary', 101, 100 + k);
  sim.runUntilIdle();
  sim.kill('primary');
  sim.heal();
  sim.promote(cutOff);
  const missingOnPromoted = k - countKeys(sim, cutOff, 101, 100 + k);
  const keeps = countKeys(sim, other, 101, 100 + k) === k;
  writeRange(sim, cutOff, newRow, newRow);
  sim.runUntilIdle();
  return {
    acknowledged,
    missingOnPromoted,
    [`other${word}KeepsThem`]: keeps,
    [`other${word}Follows`]: countKeys(sim, other, newRow, newRow) === 1,
    ...after?.(sim),
  };
}

/** The calibration's Galera cluster in the engine: g1, g2 and g3 certifying each write, settled before any work. */
export function galera(latencyMs: number): Simulation {
  const sim = createSimulation({
    seed: 7,
    system: 'mariadb',
    nodes: ['g1', 'g2', 'g3'].map((id) => ({ id, role: 'primary' as const })),
    replication: { mode: 'sync' },
    network: { latencyMs, jitterMs: 0 },
  });
  sim.runUntilIdle();
  return sim;
}
