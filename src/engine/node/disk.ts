/**
 * A slow disk: a node whose fsyncs and replay take `factor` times as long (a degraded volume, a noisy
 * neighbour on shared storage). On a primary its commits flush slowly, so every write waits longer; on a
 * standby its flushes (what `synchronous_commit = on` waits for) and its replay fall behind, so lag grows.
 * Everything about it lives here: its state (kept across restarts: the disk is still slow), the durations
 * it stretches, and its two commands.
 */
import { SimulationError } from '../api.ts';
import type { Cluster } from '../cluster.ts';
import { definePart, onDuration } from '../hooks.ts';
import type { NodeId } from '../types.ts';

/** The most a disk may be slowed: a hundred times. */
export const MAX_DISK_FACTOR = 100;

/** Each slow node's factor (absent: a healthy disk). */
export const DISK = definePart<Map<NodeId, number>>({
  name: 'disk',
  create: () => new Map(),
  save: (slow) => [...slow],
  load: (data) => {
    if (!Array.isArray(data)) throw new Error('disk: expected [node, factor] pairs');
    return new Map(
      data.map((pair: unknown) => {
        if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'number')
          throw new Error('disk: expected [node, factor] pairs');
        return [pair[0], pair[1]] as const;
      }),
    );
  },
});

/** How many times slower `nodeId`'s disk is (1 when it is healthy). */
export function diskFactor(cluster: Cluster, nodeId: NodeId): number {
  return cluster.part(DISK).get(nodeId) ?? 1;
}

for (const kind of ['apply', 'flush', 'commit'] as const)
  onDuration(kind, (cluster, node, ms) => ms * diskFactor(cluster, node.id));

/** Slows `nodeId`'s disk by `factor` (more than 1, at most MAX_DISK_FACTOR); work already under way keeps its pace. */
export function slowDisk(cluster: Cluster, nodeId: unknown, factor: unknown): void {
  const node = cluster.node(nodeId);
  if (typeof factor !== 'number' || !Number.isFinite(factor) || factor <= 1 || factor > MAX_DISK_FACTOR)
    throw new SimulationError(
      `a slow disk is more than 1 and at most ${MAX_DISK_FACTOR} times slower, not ${String(factor)}`,
    );
  cluster.part(DISK).set(node.id, factor);
  cluster.emit({ type: 'disk-slowed', nodeId: node.id, factor });
  cluster.touch();
}

/** Gives `nodeId` its normal disk back. */
export function fixDisk(cluster: Cluster, nodeId: unknown): void {
  const node = cluster.node(nodeId);
  if (!cluster.part(DISK).delete(node.id)) throw new SimulationError(`${node.id}'s disk is not slow`);
  cluster.emit({ type: 'disk-fixed', nodeId: node.id });
  cluster.touch();
}
