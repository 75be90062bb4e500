/**
 * What replaying a run costs, estimated before it starts: an upper bound on the engine's work (scheduled
 * tasks: timers, message deliveries, client arrivals) weighted by the node count, since much of the
 * engine's work per task scans the nodes. Links and files are untrusted, so a run whose estimate
 * exceeds MAX_REPLAY_COST is refused before it can freeze the page.
 */
import {
  DEFAULT_BURST,
  DEFAULT_WORKLOAD,
  MAX_NODES,
  workloadRates,
  type BurstOptions,
  type ConfigureOptions,
  type Scenario,
  type WorkloadOptions,
} from '../engine/index.ts';
import type { RunCommand } from './run.ts';

/**
 * The most cost units a run may take to replay. One unit is about 2–6 µs of engine time on a two-core
 * machine (`npm run bench:replay` measures it), so the largest run accepted replays in well under a
 * minute, in slices that keep the page responsive.
 */
export const MAX_REPLAY_COST = 15_000_000;

interface Shape {
  /** Clients in regions: each operation's request is one more task. */
  regional: boolean;
  nodes: number;
  primaries: number;
  writesPerSec: number;
  readsPerSec: number;
  /** The settings that pace background work, as `configure` commands change them. */
  scheduled: boolean;
  intervalMs: number;
  /** A failover manager runs: from the start, or once failover turned automatic (paused, it still ticks). */
  managed: boolean;
  heartbeatMs: number;
}

/** Tasks per write: its commit and acknowledgement, then per other node a batch, its apply and status replies. */
const writeTasks = (shape: Shape): number => 4 + 4 * (shape.nodes - 1);

/** Tasks per simulated second while the shape holds. */
function tasksPerSecond(shape: Shape): number {
  const request = shape.regional ? 1 : 0;
  let rate = shape.writesPerSec * (writeTasks(shape) + request) + shape.readsPerSec * (2 + request);
  // Retries of replicas that lost their upstream, and subscriptions between masters: about one a second each.
  rate += 2 * shape.nodes;
  if (shape.scheduled) rate += (1000 / shape.intervalMs) * shape.primaries;
  if (shape.managed) {
    // Each heartbeat: a ping, its answer, the lease and the manager's timers; a failover it may set off
    // re-points every replica, so count the nodes once per heartbeat too.
    rate += (1000 / shape.heartbeatMs) * (8 * shape.primaries + 2 * shape.nodes);
  }
  return rate;
}

/** Takes the settings a `configure` command changes (an invalid one is refused by the engine anyway). */
function configure(shape: Shape, options: ConfigureOptions | undefined): void {
  const { replication, failover } = options ?? {};
  if (replication?.mode !== undefined) shape.scheduled = replication.mode === 'scheduled';
  if (replication?.intervalMs !== undefined) shape.intervalMs = replication.intervalMs;
  if (failover?.mode === 'automatic') shape.managed = true;
  if (failover?.heartbeatMs !== undefined) shape.heartbeatMs = failover.heartbeatMs;
}

/** Tasks a single command sets off at once (a kill, a promotion or a partition touches every node). */
const commandTasks = (shape: Shape): number => 8 + 6 * shape.nodes;

export interface ReplayCost {
  /** An upper bound on the engine tasks the replay runs (`Simulation.stats().tasksRun`). */
  readonly tasks: number;
  /** The tasks, each weighted by the node count when it runs: what MAX_REPLAY_COST bounds. */
  readonly cost: number;
}

/** What replaying `commands` on `scenario` up to `time` (simulated ms) costs. */
export function replayCost(scenario: Scenario, commands: readonly RunCommand[], time: number): ReplayCost {
  const shape: Shape = {
    regional: scenario.regions.length > 0,
    nodes: scenario.nodes.length,
    primaries: scenario.nodes.filter((n) => n.role === 'primary').length,
    writesPerSec: 0,
    readsPerSec: 0,
    scheduled: scenario.replication.mode === 'scheduled',
    intervalMs: scenario.replication.intervalMs,
    managed: scenario.failover.mode === 'automatic',
    heartbeatMs: scenario.failover.heartbeatMs,
  };
  let tasks = 0;
  let cost = 0;
  let since = 0;
  const add = (n: number): void => {
    tasks += n;
    cost += n * (2 + shape.nodes / 8);
  };
  const pass = (until: number): void => {
    add((tasksPerSecond(shape) * Math.max(0, until - since)) / 1000);
    since = Math.max(since, until);
  };
  // Booting: each node replays its log and opens its stream or subscriptions.
  add(8 + 8 * shape.nodes);
  for (const command of commands) {
    pass(command.at);
    add(command.type === 'write' ? writeTasks(shape) : commandTasks(shape));
    switch (command.type) {
      case 'startWorkload': {
        // The engine merges the command's options over the scenario's workload, over its defaults.
        const options = (command.args[0] ?? {}) as Partial<WorkloadOptions>;
        const { writes, reads } = workloadRates({ ...DEFAULT_WORKLOAD, ...scenario.workload, ...options });
        shape.writesPerSec = writes;
        shape.readsPerSec = reads;
        break;
      }
      case 'burst': {
        // The workload runs `factor` times as fast for `durationMs`: count the extra work now.
        const options = (command.args[0] ?? {}) as BurstOptions;
        const factor = options.factor ?? DEFAULT_BURST.factor;
        const durationMs = options.durationMs ?? DEFAULT_BURST.durationMs;
        const burst = {
          ...shape,
          writesPerSec: shape.writesPerSec * (factor - 1),
          readsPerSec: shape.readsPerSec * (factor - 1),
        };
        add(
          (tasksPerSecond(burst) - tasksPerSecond({ ...burst, writesPerSec: 0, readsPerSec: 0 })) *
            (durationMs / 1000),
        );
        break;
      }
      case 'stopWorkload':
        shape.writesPerSec = 0;
        shape.readsPerSec = 0;
        break;
      case 'addNode': {
        // The engine refuses a node past the cap: those commands fail and add nothing.
        if (shape.nodes >= MAX_NODES) break;
        shape.nodes += 1;
        const options = command.args[0] as { readonly role?: string } | undefined;
        if (options?.role === 'primary') shape.primaries += 1;
        break;
      }
      case 'removeNode':
        shape.nodes = Math.max(1, shape.nodes - 1);
        break;
      case 'promote':
        shape.primaries += 1;
        break;
      case 'configure':
        configure(shape, command.args[0] as ConfigureOptions | undefined);
        break;
    }
  }
  pass(time);
  return { tasks, cost };
}
