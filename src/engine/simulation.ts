/** createSimulation: the engine's public object. Every mutating call is recorded as a command at its simulated time. */
import './subsystems.ts';
import { writeReach } from './observe/reach.ts';
import {
  SimulationError,
  type AddNodeOptions,
  type BurstOptions,
  type CommandName,
  type ConfigureOptions,
  type Simulation,
} from './api.ts';
import {
  MAX_KEY_LENGTH,
  MAX_VALUE_LENGTH,
  checkClientOptions,
  checkAdvanceOptions,
  checkDuration,
  checkMessageWindow,
  checkText,
  checkBurst,
  checkWorkload,
} from './args.ts';
import { Cluster } from './cluster.ts';
import * as control from './control.ts';
import type { FailoverManager } from './failover/manager.ts';
import { accountLostWrites, promote } from './failover/promotion.ts';
import type { DbNode } from './node/dbNode.ts';
import type { OpRecord } from './observe/history.ts';
import { FailoverRecords } from './failover/records.ts';
import * as faults from './network/faults.ts';
import * as disk from './node/disk.ts';
import { nodeView, metricsOf, snapshotOf } from './observe/views.ts';
import { cancelWait } from './replication/syncCommit.ts';
import { sendRequest, serveRead, serveWrite } from './clients.ts';
import { checkRegion, regionGroups, renameNode } from './network/regions.ts';
import { parseScenario } from './scenario/parse.ts';
import type { Scenario, ScenarioInput } from './scenario/schema.ts';
import {
  checker,
  configurer,
  failoverManager,
  multiPrimary,
  restoreSimulation,
  saver,
} from './persist/registry.ts';
import type {
  ClientOptions,
  Command,
  NodeId,
  OperationRecord,
  RegionId,
  Snapshot,
  WorkloadOptions,
} from './types.ts';
import { DEFAULT_WORKLOAD, Workload } from './workload.ts';

const copy = (op: OperationRecord): OperationRecord => ({ ...op });

/** Validates `input` like `parseScenario` (throwing ScenarioError) and starts the simulation at time 0. */
export function createSimulation(input: unknown): Simulation {
  const scenario = parseScenario(input);
  return build(scenario, JSON.parse(JSON.stringify(input)) as ScenarioInput);
}

/** What a restore fills in of a simulation under construction (persist/restore.ts). */
export interface BuildParts {
  readonly cluster: Cluster;
  readonly records: FailoverRecords;
  readonly workload: Workload;
  readonly commands: Command[];
}

/** What a save reads of a simulation (persist/save.ts). */
export interface SaveParts extends BuildParts {
  readonly manager: FailoverManager | undefined;
  readonly input: ScenarioInput;
}

/**
 * Builds a simulation of `scenario` at time 0 or, with `restore`, where a save left it: `restore` makes
 * the nodes and puts the state back, and returns the failover manager it made, if any.
 */
export function build(
  scenario: Scenario,
  input: ScenarioInput,
  restore?: (parts: BuildParts) => FailoverManager | undefined,
): Simulation {
  let manager: FailoverManager | undefined;
  const cluster = new Cluster(scenario);
  // Two or more primaries form a group, a part of its own: refused, before anything runs, until it is loaded.
  const group = cluster.isMultiPrimary() ? multiPrimary() : undefined;
  const records = new FailoverRecords(cluster);
  const commands: Command[] = [];
  const listeners = new Set<() => void>();
  let snapshotCache: Snapshot | undefined;

  const notify = (): void => {
    if (listeners.size === 0) return;
    for (const listener of listeners) listener();
  };
  const record = (type: CommandName, args: readonly unknown[]): void => {
    commands.push({ seq: commands.length, at: cluster.now(), type, args });
    cluster.touch();
  };

  // The client calls return the live record; the public methods hand out copies, the workload none.
  const write = (nodeId: NodeId, key: string, value: string, options?: ClientOptions): OpRecord => {
    // Every argument is checked before anything changes: a refused call leaves no trace.
    checkText('key', key, MAX_KEY_LENGTH);
    checkText('value', value, MAX_VALUE_LENGTH);
    const { session, synchronousCommit: level, region, insert } = checkClientOptions(options);
    cluster.node(nodeId);
    const from = region === undefined ? undefined : checkRegion(cluster, region);
    const op = cluster.history.begin('write', nodeId, key, cluster.now(), value);
    if (session !== undefined) op.session = session;
    if (insert === true) op.insert = true;
    if (level !== undefined) op.synchronousCommit = level;
    if (from === undefined || !sendRequest(cluster, op, from)) serveWrite(cluster, op);
    return op;
  };

  const read = (nodeId: NodeId, key: string, options?: ClientOptions): OpRecord => {
    checkText('key', key, MAX_KEY_LENGTH);
    const { session, synchronousCommit, region, insert } = checkClientOptions(options);
    if (synchronousCommit !== undefined) throw new SimulationError('a read has no commit level');
    if (insert !== undefined) throw new SimulationError('a read inserts nothing');
    cluster.node(nodeId);
    const from = region === undefined ? undefined : checkRegion(cluster, region);
    const op = cluster.history.begin('read', nodeId, key, cluster.now());
    if (session !== undefined) op.session = session;
    if (from === undefined || !sendRequest(cluster, op, from)) serveRead(cluster, op);
    return op;
  };

  const workload = new Workload(cluster, cluster.random.fork(2), {
    write: (nodeId, key, value, options) => write(nodeId, key, value, options),
    read: (nodeId, key, options) => {
      read(nodeId, key, options);
    },
  });
  const workloadBase: WorkloadOptions = { ...DEFAULT_WORKLOAD, ...scenario.workload };

  if (restore === undefined) {
    for (const spec of scenario.nodes) {
      cluster.createNode(spec.id, spec.role, {
        ...(spec.upstream === undefined ? {} : { upstream: spec.upstream }),
        sync: spec.sync,
        ...(spec.applyRate === undefined ? {} : { applyRate: spec.applyRate }),
        ...(spec.applyDelayMs === undefined ? {} : { applyDelayMs: spec.applyDelayMs }),
      });
    }
    for (const node of cluster.nodes.values()) control.boot(cluster, node);
    group?.start(cluster);
    if (scenario.failover.mode === 'automatic') manager = failoverManager()(cluster, records);
  } else {
    manager = restore({ cluster, records, workload, commands });
  }

  /** A promotion by hand (`pg_promote()`), recorded as a manual failover. */
  const promoteByHand = (id: NodeId): void => {
    const node = cluster.node(id);
    const old = cluster.rootOf(node);
    const now = cluster.now();
    // pg_promote() runs on the standby: an old primary across a cut never hears of it and keeps
    // accepting writes (a split brain until someone stops it); one it can reach is switched over.
    const lost = records.capture(() => {
      promote(cluster, node, { canReach: (n) => !cluster.network.isCut(node.id, n.id) });
    });
    const heartbeat = manager?.view().lastHeartbeatAt;
    records.open(
      {
        trigger: 'manual',
        oldPrimary: old.id,
        newPrimary: node.id,
        failedAt: old.isUp || old === node ? now : (old.downSince ?? now),
        lastHeartbeatAt: heartbeat ?? null,
        detectedAt: now,
        promotedAt: now,
      },
      lost,
    );
    manager?.onPromoted(node);
  };

  /**
   * A deposed primary (a newer timeline took over) that dies is rewound whenever it returns: what it
   * acknowledged in a split brain is lost now, not only at its restart.
   */
  const chargeDeposed = (node: DbNode): void => {
    const current = cluster.currentPrimary();
    if (!node.isPrimary || current === undefined || current === node || current.timeline <= node.timeline)
      return;
    const lost = records.capture(() => {
      accountLostWrites(cluster, current);
    });
    const record = records.latestReplacing(node.id);
    if (record !== undefined && lost.length > 0) records.addLost(record.id, lost);
  };

  /** Wraps a mutating call: validate, record, run, notify. A thrown SimulationError changes nothing. */
  const command = <A extends unknown[], R>(type: CommandName, run: (...args: A) => R) => {
    return (...args: A): R => {
      const result = run(...args);
      record(type, args);
      notify();
      return result;
    };
  };

  const simulation: Simulation = {
    now: () => cluster.now(),
    advance: (ms, options) => {
      checkDuration('advance', ms);
      const maxTasks = checkAdvanceOptions(options);
      cluster.scheduler.runUntil(cluster.now() + ms, maxTasks);
      cluster.touch();
      notify();
    },
    advanceTo: (time, options) => {
      checkDuration('advance', typeof time === 'number' ? Math.max(0, time - cluster.now()) : time);
      const maxTasks = checkAdvanceOptions(options);
      cluster.scheduler.runUntil(Math.max(time, cluster.now()), maxTasks);
      cluster.touch();
      notify();
    },
    runUntilIdle: (maxMs = 60_000) => {
      checkDuration('run until idle', maxMs);
      const deadline = cluster.now() + maxMs;
      // Idle: no foreground task, and no consequence already determined (a deposition, a promotion)
      // waiting on background work; then what is left are timers that change nothing by themselves.
      const busy = () => cluster.scheduler.hasWork() || cluster.hooks.pending();
      for (;;) {
        const next = cluster.scheduler.peekTime();
        if (next === undefined || next > deadline || !busy()) break;
        cluster.scheduler.step();
      }
      cluster.touch();
      notify();
    },
    nextEventAt: () => cluster.scheduler.peekTime(),
    write: command('write', (nodeId: NodeId, key: string, value: string, options?: ClientOptions) =>
      copy(write(nodeId, key, value, options)),
    ),
    read: command('read', (nodeId: NodeId, key: string, options?: ClientOptions) =>
      copy(read(nodeId, key, options)),
    ),
    op: (id) => {
      const op = cluster.history.get(id);
      return op === undefined ? undefined : copy(op);
    },
    cancel: command('cancel', (opId: number) => {
      if (!Number.isInteger(opId))
        throw new SimulationError(`an operation id is a whole number, not ${String(opId)}`);
      return copy(cancelWait(cluster, opId));
    }),
    writeReach: (id) => writeReach(cluster, cluster.history.get(id)),
    history: () => cluster.history.all().map(copy),
    kill: command('kill', (id: NodeId) => {
      const node = cluster.node(id);
      control.kill(cluster, node);
      chargeDeposed(node);
      cluster.hooks.emit('killed', node);
    }),
    restart: command('restart', (id: NodeId) => {
      const node = cluster.node(id);
      // A deposed primary is demoted as it restarts; what it accepted in a split brain is lost then.
      const lost = records.capture(() => {
        control.restart(cluster, node);
      });
      const record = records.latestReplacing(id);
      if (record !== undefined && lost.length > 0) records.addLost(record.id, lost);
      cluster.hooks.emit('restarted', node);
    }),
    promote: command('promote', promoteByHand),
    takeBackup: command('takeBackup', (id: NodeId) => control.takeBackup(cluster, cluster.node(id))),
    backups: () => [...cluster.backups.values()].map(control.publicBackup),
    addNode: command('addNode', (options: AddNodeOptions) =>
      nodeView(cluster, control.addNode(cluster, options)),
    ),
    removeNode: command('removeNode', (id: NodeId) => {
      control.removeNode(cluster, cluster.node(id));
    }),
    rewind: command('rewind', (id: NodeId) => {
      control.rewind(cluster, cluster.node(id));
    }),
    repoint: command('repoint', (id: NodeId, upstream: NodeId) => {
      control.repoint(cluster, cluster.node(id), upstream);
    }),
    partition: command('partition', (groups: readonly (readonly NodeId[])[]) => {
      faults.partition(cluster, groups);
      cluster.hooks.emit('partitioned', groups);
    }),
    partitionRegions: command('partitionRegions', (groups: readonly (readonly RegionId[])[]) => {
      const nodes = regionGroups(cluster, groups);
      faults.partition(cluster, nodes);
      cluster.hooks.emit('partitioned', nodes);
    }),
    renameNode: command('renameNode', (id: NodeId, label: string) => {
      renameNode(cluster, id, label);
    }),
    heal: command('heal', () => {
      const dropped = new Set(cluster.network.droppedPairs);
      faults.heal(cluster);
      cluster.hooks.emit('healed', dropped);
    }),
    setLatency: command('setLatency', (a: NodeId, b: NodeId, ms: number) => {
      faults.setLatency(cluster, a, b, ms);
    }),
    slowDisk: command('slowDisk', (id: NodeId, factor: number) => {
      disk.slowDisk(cluster, id, factor);
    }),
    fixDisk: command('fixDisk', (id: NodeId) => {
      disk.fixDisk(cluster, id);
    }),
    configure: command('configure', (options: ConfigureOptions) => {
      configurer()(cluster, options, {
        manager: () => manager,
        start: () => {
          manager = failoverManager()(cluster, records);
        },
      });
    }),
    startWorkload: command('startWorkload', (options: Partial<WorkloadOptions>) => {
      workload.start(checkWorkload(options, workloadBase));
      cluster.emit({ type: 'workload', running: true });
    }),
    burst: command('burst', (options?: BurstOptions) => {
      const { factor, durationMs } = checkBurst(options);
      if (workload.options === null) throw new SimulationError('no workload is running: start one first');
      workload.startBurst(factor, durationMs);
      cluster.emit({ type: 'workload-burst', factor, durationMs });
    }),
    stopWorkload: command('stopWorkload', () => {
      workload.stop();
      cluster.emit({ type: 'workload', running: false });
    }),
    node: (id) => nodeView(cluster, cluster.node(id)),
    nodes: () => [...cluster.nodes.values()].map((n) => nodeView(cluster, n)),
    metrics: () => metricsOf(cluster, records),
    failovers: () => records.all(),
    conflicts: () => cluster.conflicts.all(),
    resolve: command('resolve', (nodeId: NodeId, key: string, value: string) => {
      checkText('key', key, MAX_KEY_LENGTH);
      checkText('value', value, MAX_VALUE_LENGTH);
      const node = cluster.node(nodeId);
      if (node.data.get(key)?.siblings === undefined)
        throw new SimulationError(`${nodeId} holds no siblings of "${key}" to resolve`);
      return copy(write(nodeId, key, value));
    }),
    skipEvent: command('skipEvent', (id: NodeId, source?: NodeId) => {
      multiPrimary().skipEvent(cluster, id, source);
    }),
    resync: command('resync', (id: NodeId, source?: NodeId) => {
      multiPrimary().resync(cluster, id, source);
    }),
    check: () => checker()(cluster),
    events: () => cluster.events.all(),
    messages: (window) => {
      const { from, to } = checkMessageWindow(window);
      return cluster.network.messageRecords(from, to);
    },
    snapshot: () => {
      if (snapshotCache?.version !== cluster.version)
        snapshotCache = snapshotOf(cluster, workload.options, workload.burst, records, manager);
      return snapshotCache;
    },
    stats: () => ({ tasksRun: cluster.scheduler.tasksRun, messagesSent: cluster.network.sent }),
    commands: () => commands.slice(),
    save: () => saver<SaveParts>()({ cluster, records, workload, commands, manager, input }),
    fork: () => restoreSimulation(simulation.save()),
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
  return simulation;
}
