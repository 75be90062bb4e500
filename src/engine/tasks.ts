/**
 * Scheduled work as data: each module defines the kinds of task it schedules, with the handler that runs
 * them, so the scheduler's queue holds only kinds and arguments and can be saved and restored.
 */
import type { Cluster } from './cluster.ts';
import type { DbNode } from './node/dbNode.ts';
import type { TaskArgs, TaskHandle } from './scheduler.ts';
import type { NodeId, SimTime } from './types.ts';

type Handler = (cluster: Cluster, ...args: TaskArgs) => void;

const TASKS = new Map<string, Handler>();

/** Schedules a task of one kind at `at`, with its arguments. */
export type ScheduleTask<A extends TaskArgs> = (cluster: Cluster, at: SimTime, ...args: A) => TaskHandle;

/**
 * Defines a kind of task: its handler runs with the cluster and the arguments it was scheduled with.
 * `background` tasks (timers, retries) do not keep `runUntilIdle` going, unless a consequence already
 * decided waits on them (`Hooks.onPending`).
 */
export function defineTask<A extends TaskArgs>(
  kind: string,
  run: (cluster: Cluster, ...args: A) => void,
  options: { readonly background?: boolean } = {},
): ScheduleTask<A> {
  if (TASKS.has(kind)) throw new Error(`task kind "${kind}" is defined twice`);
  TASKS.set(kind, run as unknown as Handler);
  const background = options.background ?? false;
  return (cluster, at, ...args) => cluster.scheduler.schedule(at, kind, args, background);
}

/** Registers every defined kind's handler with a cluster's scheduler. */
export function installTasks(cluster: Cluster): void {
  for (const [kind, run] of TASKS) {
    cluster.scheduler.on(kind, (args) => {
      run(cluster, ...args);
    });
  }
}

/** The node a task was scheduled for, if it is still that incarnation (not removed and re-added). */
export function nodeFor(cluster: Cluster, id: NodeId, uid: number): DbNode | undefined {
  const node = cluster.nodes.get(id);
  return node?.uid === uid ? node : undefined;
}
