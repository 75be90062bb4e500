/**
 * `restoreSimulation`: a simulation continuing exactly where a save left it. It registers itself as the
 * engine's restorer (so `fork()` works) once loaded; the app loads it only where time travel needs it.
 */
import type { Cluster, Payload, StoredBackup } from '../cluster.ts';
import { dict } from '../dict.ts';
import type { DbNode, DownstreamLink, PeerLink, PeerSubscription, TimelineBranch } from '../node/dbNode.ts';
import type { SenderState, ShippingState } from '../replication/senderState.ts';
import type { CommitState } from '../replication/commitState.ts';
import type { ReceiverState } from '../replication/receiverState.ts';
import type { LogicalState } from '../multiprimary/logicalState.ts';
import type { CertificationState } from '../multiprimary/certificationState.ts';
import { Log } from '../node/log.ts';
import type { SavedScheduler, SavedTask, TaskArgs } from '../scheduler.ts';
import type { ApplierStop, Command, NodeId, Role } from '../types.ts';
import {
  EntryTable,
  readCertification,
  readConflicts,
  readEvents,
  readHistory,
  readEntry,
  readFailoverRecords,
  readLoad,
  readManager,
  readNetwork,
  readTimers,
  readWorkload,
  actorSnapshot,
} from './read.ts';
import './save.ts';
import { COMMAND_NAMES, SimulationError, type CommandName, type Simulation } from '../api.ts';
import { settingsAfter } from '../configure.ts';
import { boot } from '../control.ts';
import { FailoverManager } from '../failover/manager.ts';
import { parseScenario } from '../scenario/parse.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { build, type BuildParts } from '../simulation.ts';
import type { TaskHandle } from '../scheduler.ts';
import { restoreTimers } from './actors.ts';
import { SAVE_FORMAT, SAVE_VERSION } from './format.ts';
import { Reader } from './reader.ts';
import { loadHistory } from './history.ts';
import { loadNetwork } from './network.ts';
import { restoreScheduler } from './scheduler.ts';
import {
  loadConflicts,
  loadEvents,
  loadFailoverRecords,
  loadLoad,
  loadParts,
  loadWorkload,
  restoreLeases,
} from './state.ts';
import { upgradeFromV1, upgradeFromV2, upgradeFromV3 } from './upgrade.ts';
import { registerRestore } from './registry.ts';

function readRole(r: Reader): Role {
  const role = r.str('role');
  if (role !== 'primary' && role !== 'replica') return r.at('role').fail('expected primary or replica');
  return role;
}

function readBranch(r: Reader): TimelineBranch {
  return { timeline: r.num('timeline'), branchLsn: r.num('branchLsn') };
}

function readLink(r: Reader): DownstreamLink {
  return {
    replicaId: r.str('replicaId'),
    connId: r.num('connId'),
    sentLsn: r.num('sentLsn'),
    writtenLsn: r.num('writtenLsn'),
    receivedLsn: r.num('receivedLsn'),
    appliedLsn: r.num('appliedLsn'),
    streaming: r.bool('streaming'),
  };
}

/** `[key, value]` pairs read by `read`. */
function pairs<T>(r: Reader, name: string, read: (value: Reader) => T): [string, T][] {
  return r.list(name, (item) => {
    const [key, value] = item.items((part) => part);
    if (key === undefined || value === undefined) return item.fail('expected [key, value]');
    return [key.asStr(), read(value)];
  });
}

/** A part's fields with their types: a reader that misses one, or names one the part lacks, does not compile. */
type Loaded<T> = {
  -readonly [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K];
};

/** Puts what was read into a part: maps, sets and arrays it owns are filled in place, the rest assigned. */
function fill<T extends object>(part: T, loaded: Loaded<T>): void {
  const target = part as Record<string, unknown>;
  for (const [name, value] of Object.entries(loaded)) {
    const current = target[name];
    if (current instanceof Map) {
      current.clear();
      for (const [k, v] of value as Map<unknown, unknown>) current.set(k, v);
    } else if (current instanceof Set) {
      current.clear();
      for (const item of value as Set<unknown>) current.add(item);
    } else if (Array.isArray(current)) {
      current.length = 0;
      for (const item of value as unknown[]) current.push(item);
    } else target[name] = value;
  }
}

function readSender(r: Reader): Loaded<SenderState> {
  return {
    links: new Map(r.list('links', readLink).map((link) => [link.replicaId, link])),
    busyUntil: r.num('busyUntil'),
    pumpScheduled: r.bool('pumpScheduled'),
    roundRobin: r.num('roundRobin'),
  };
}

function readReceiver(r: Reader): Loaded<ReceiverState> {
  return {
    connId: r.optNum('connId'),
    connectingSince: r.optNum('connectingSince'),
    applying: r.bool('applying'),
    flushScheduled: r.bool('flushScheduled'),
    nextAckAt: r.num('nextAckAt'),
    ackScheduled: r.bool('ackScheduled'),
    reportedAppliedLsn: r.num('reportedAppliedLsn'),
    nextAppliedReportAt: r.num('nextAppliedReportAt'),
    appliedReportScheduled: r.bool('appliedReportScheduled'),
  };
}

function readLogical(r: Reader, table: EntryTable): Loaded<LogicalState> {
  return {
    originSeq: r.num('originSeq'),
    outbox: table.list(r, 'outbox'),
    peerProgress: new Map(pairs(r, 'peerProgress', (v) => v.asNum())),
    peerConfirmed: new Map(pairs(r, 'peerConfirmed', (v) => v.asNum())),
    subscriptions: new Map(pairs(r, 'subscriptions', readSubscription)),
    peerLinks: new Map(pairs(r, 'peerLinks', readPeerLink)),
    // Saves before source-source have no stopped appliers.
    stopped: new Map(r.raw('stopped') === undefined ? [] : pairs(r, 'stopped', readApplierStop)),
  };
}

function readApplierStop(r: Reader): ApplierStop {
  return {
    source: r.str('source'),
    key: r.str('key'),
    errno: r.num('errno'),
    error: r.str('error'),
    originSeq: r.num('originSeq'),
    at: r.num('at'),
  };
}

function readCertificationState(r: Reader): Loaded<CertificationState> {
  return {
    certified: new Map(pairs(r, 'certified', (v) => v.items(readCertification))),
    abortedCerts: r.nums('abortedCerts'),
    quorum: r.bool('quorum'),
    // Saves before the last primary view counted against the whole group, as a fresh start does.
    primaryView: r.raw('primaryView') === undefined ? [] : r.strs('primaryView'),
    rejoining: r.raw('rejoining') === undefined ? false : r.bool('rejoining'),
  };
}

/** The node's own fields (its parts, identity and machine are read apart). */
type NodeFields = Loaded<
  Omit<
    DbNode,
    | 'actor'
    | 'clock'
    | 'state'
    | 'id'
    | 'uid'
    | 'upstream'
    | 'sender'
    | 'receiver'
    | 'logical'
    | 'certification'
    | 'load'
    | 'role'
    | 'writtenLsn'
    | 'isUp'
    | 'isPrimary'
    | 'isFenced'
  >
>;

function readNodeFields(r: Reader, table: EntryTable): NodeFields {
  const log = r.at('log');
  return {
    sync: r.bool('sync'),
    applyRate: r.num('applyRate'),
    applyDelayMs: r.num('applyDelayMs'),
    timeline: r.num('timeline'),
    history: r.list('history', readBranch),
    log: Log.restored(log.num('start'), table.runs(log, 'runs')),
    receivedLsn: r.num('receivedLsn'),
    appliedLsn: r.num('appliedLsn'),
    data: new Map(pairs(r, 'data', (v) => table.get(v))),
    dataVersion: r.num('dataVersion'),
    generation: r.num('generation'),
    needsRewind: r.bool('needsRewind'),
    rewindRequested: r.bool('rewindRequested'),
    downSince: r.optNum('downSince'),
    leaseUntil: r.num('leaseUntil'),
  };
}

/** Makes the saved node in `cluster` (its machine not started yet: `boot` starts it). */
export function restoreNode(cluster: Cluster, r: Reader, table: EntryTable): DbNode {
  const id = r.str('id');
  const upstream = r.optStr('upstream');
  const machine = r.at('machine');
  const node = cluster.createNode(id, readRole(r), {
    ...(upstream === undefined ? {} : { upstream }),
    snapshot: actorSnapshot(machine),
    uid: r.num('uid'),
  });
  fill(node, readNodeFields(r, table));
  loadLoad(node.load, readLoad(r.at('load')));
  fill(node.sender, readSender(r.at('sender')));
  fill(node.receiver, readReceiver(r.at('receiver')));
  fill(node.logical, readLogical(r.at('logical'), table));
  fill(node.certification, readCertificationState(r.at('certification')));
  return node;
}

function readSubscription(r: Reader): PeerSubscription {
  return { connId: r.num('connId'), since: r.num('since'), streaming: r.bool('streaming') };
}

function readPeerLink(r: Reader): PeerLink {
  return { connId: r.num('connId'), sentSeq: r.num('sentSeq') };
}

const branches = (r: Reader): TimelineBranch[] =>
  r.list('history', (b) => ({ timeline: b.num('timeline'), branchLsn: b.num('branchLsn') }));

export function readPayload(r: Reader, table: EntryTable): Payload {
  const kind = r.str('kind');
  switch (kind) {
    case 'hello':
      return {
        kind,
        connId: r.num('connId'),
        timeline: r.num('timeline'),
        receivedLsn: r.num('receivedLsn'),
      };
    case 'entries':
      return {
        kind,
        connId: r.num('connId'),
        timeline: r.num('timeline'),
        history: branches(r),
        entries: table.list(r, 'entries'),
        senderLastLsn: r.num('senderLastLsn'),
      };
    case 'snapshot': {
      const reason = r.str('reason');
      if (reason !== 'retention' && reason !== 'rewind' && reason !== 'new-node')
        return r.at('reason').fail('expected retention, rewind or new-node');
      const data = r.list('data', (pair) => {
        const [key, version] = pair.items((part) => part);
        if (key === undefined || version === undefined) return pair.fail('expected [key, entry]');
        return [key.asStr(), table.get(version)] as const;
      });
      return {
        kind,
        connId: r.num('connId'),
        reason,
        branchLsn: r.num('branchLsn'),
        data: new Map(data),
        lsn: r.num('lsn'),
        timeline: r.num('timeline'),
        history: branches(r),
        senderLastLsn: r.num('senderLastLsn'),
      };
    }
    case 'ack':
      return {
        kind,
        connId: r.num('connId'),
        timeline: r.num('timeline'),
        writtenLsn: r.num('writtenLsn'),
        receivedLsn: r.num('receivedLsn'),
        appliedLsn: r.num('appliedLsn'),
      };
    case 'heartbeat': {
      const phase = r.str('phase');
      if (phase === 'ping')
        return {
          kind,
          phase,
          sentAt: r.num('sentAt'),
          timeline: r.num('timeline'),
          lastLsn: r.num('lastLsn'),
        };
      if (phase !== 'reply') return r.at('phase').fail('expected ping or reply');
      const leader = r.optStr('leader');
      return {
        kind,
        phase,
        sentAt: r.num('sentAt'),
        grant: r.bool('grant'),
        leader,
        leaderTimeline: r.num('leaderTimeline'),
      };
    }
    case 'peer-hello':
      return { kind, connId: r.num('connId'), fromSeq: r.num('fromSeq') };
    case 'peer-entries':
      return { kind, connId: r.num('connId'), entries: table.list(r, 'entries') };
    case 'peer-ack':
      return { kind, connId: r.num('connId'), seq: r.num('seq') };
    case 'certify':
      return {
        kind,
        certId: r.num('certId'),
        key: r.str('key'),
        value: r.str('value'),
        order: r.num('order'),
        baseVv: r.counters('baseVv'),
      };
    case 'vote':
      return {
        kind,
        certId: r.num('certId'),
        ok: r.bool('ok'),
        ...(r.raw('first') === undefined ? {} : { first: readCertification(r.at('first')) }),
      };
    case 'decided': {
      const originSeq = r.optNum('originSeq');
      return {
        kind,
        certId: r.num('certId'),
        committed: r.bool('committed'),
        ...(originSeq === undefined ? {} : { originSeq }),
      };
    }
    default:
      return r.at('kind').fail(`unknown payload kind "${kind}"`);
  }
}

/** Restores the cluster's state (its nodes already restored), naming by path anything that does not fit. */
export function restoreCluster(cluster: Cluster, r: Reader, table: EntryTable): void {
  cluster.random.restore(r.num('random'));
  loadHistory(cluster.history, readHistory(r.at('history')));
  loadEvents(cluster.events, readEvents(r.at('events')));
  loadConflicts(cluster.conflicts, readConflicts(r.at('conflicts')));
  loadNetwork(
    cluster.network,
    readNetwork(r.at('network'), (payload) => readPayload(payload, table)),
  );
  cluster.nextConnId = r.num('nextConnId');
  cluster.nextBackupId = r.num('nextBackupId');
  cluster.nextUid = r.num('nextUid');
  cluster.maxTimeline = r.num('maxTimeline');
  cluster.version = r.num('version');
  const parts = r.raw('parts');
  if (parts !== undefined) {
    if (typeof parts !== 'object' || parts === null) r.at('parts').fail('expected an object');
    try {
      loadParts(cluster, parts as Record<string, unknown>);
    } catch (error) {
      r.at('parts').fail(error instanceof Error ? error.message : String(error));
    }
  }
  for (const backup of r.list('backups', (b) => readBackup(b, table))) cluster.backups.set(backup.id, backup);
  const op = (item: Reader) => {
    const id = item.asNum();
    return cluster.history.get(id) ?? item.fail(`no operation #${id} in the history`);
  };
  const commit: Loaded<CommitState> = {
    flushQueue: new Map(pairs(r, 'flushQueue', (v) => v.items(op))),
    waiting: new Map(
      pairs(r, 'waiting', (v) => v.items((w) => ({ op: op(w.at('opId')), lsn: w.num('lsn') }))),
    ),
  };
  fill(cluster.commit, commit);
  const shipping: Loaded<ShippingState> = {
    releasedLsn: new Map(pairs(r, 'releasedLsn', (v) => v.asNum())),
    tickScheduled: new Set(r.strs('tickScheduled')),
  };
  fill(cluster.shipping, shipping);
  cluster.group.clear();
  for (const id of r.strs('group')) cluster.group.add(id);
  for (const item of r.list('certifying', (c) => c)) {
    const cert = readCertification(item.at('cert'));
    const nodeId: NodeId = item.str('nodeId');
    const node = cluster.nodes.get(nodeId) ?? item.at('nodeId').fail(`no node "${nodeId}"`);
    cluster.certifying.pending.set(cert.certId, {
      op: op(item.at('opId')),
      node,
      cert,
      waitingFor: new Set(item.strs('waitingFor')),
    });
  }
}

function readBackup(r: Reader, table: EntryTable): StoredBackup {
  const versions = new Map(pairs(r, 'versions', (v) => table.get(v)));
  return {
    id: r.str('id'),
    nodeId: r.str('nodeId'),
    lsn: r.num('lsn'),
    timeline: r.num('timeline'),
    takenAt: r.num('takenAt'),
    data: dict([...versions].map(([key, version]) => [key, version.value])),
    versions,
    history: r.list('history', (h) => ({ timeline: h.num('timeline'), branchLsn: h.num('branchLsn') })),
  };
}

export function readCommand(r: Reader): Command {
  const type = r.str('type') as CommandName;
  if (!COMMAND_NAMES.includes(type)) r.at('type').fail(`unknown command "${type}"`);
  return {
    seq: r.num('seq'),
    at: r.num('at'),
    type,
    args: r.list('args', (a) => a.value),
  };
}

function readArg(r: Reader): TaskArgs[number] {
  const value = r.value;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  return r.asNum();
}

function readTask(r: Reader): SavedTask {
  return {
    at: r.num('at'),
    seq: r.num('seq'),
    kind: r.str('kind'),
    args: r.list('args', readArg),
    background: r.bool('background'),
  };
}

export function readScheduler(r: Reader): SavedScheduler {
  return {
    time: r.num('time'),
    seq: r.num('seq'),
    tasksRun: r.num('tasksRun'),
    tasks: r.list('tasks', readTask),
  };
}

/** Restores the parts of a simulation under construction from a save; returns its failover manager. */
function restoreParts(r: Reader, scenario: Scenario, parts: BuildParts): FailoverManager | undefined {
  const { cluster, records, workload, commands } = parts;
  const now = r.at('scheduler').num('time');
  // Machines start in their saved states (no entry actions run); their timers go back below.
  const table = new EntryTable(r.list('entries', readEntry));
  const nodes = r.list('nodes', (n) => ({ r: n, node: restoreNode(cluster, n, table) }));
  for (const { node } of nodes) boot(cluster, node);
  // A manager runs from the start (an automatic scenario, which must have one) or from a `configure`.
  const section = r.raw('failover');
  const managed = scenario.failover.mode === 'automatic' || (section !== undefined && section !== null);
  const saved = managed ? readManager(r.at('failover'), now) : undefined;
  const manager = saved === undefined ? undefined : new FailoverManager(cluster, records, saved);
  restoreCluster(cluster, r.at('cluster'), table);
  loadFailoverRecords(records, readFailoverRecords(r.at('records')));
  loadWorkload(workload, readWorkload(r.at('workload')));
  commands.push(...r.list('commands', readCommand));
  let bySeq: Map<number, TaskHandle>;
  try {
    bySeq = restoreScheduler(cluster.scheduler, readScheduler(r.at('scheduler')));
  } catch (error) {
    return r.at('scheduler').fail(error instanceof Error ? error.message : String(error));
  }
  for (const { r: n, node } of nodes)
    restoreTimers(node.actor, readTimers(n.at('machine'), now), cluster.scheduler);
  if (saved !== undefined && manager !== undefined) {
    // The manager's timers and lease checks, once the scheduler's queue is restored.
    restoreTimers(manager.actor, saved.machine.timers, cluster.scheduler);
    restoreLeases(manager.leases, saved.leases, bySeq);
  }
  return manager;
}

/** Reads a save back (registered as `restoreSimulation`; see registry.ts). */
function restoreSimulation(saved: unknown): Simulation {
  const r = new Reader(saved);
  const format = r.raw('format');
  if (format !== SAVE_FORMAT)
    r.at('format').fail(`not a saved Replication Lab simulation (expected "${SAVE_FORMAT}")`);
  const version = r.num('version');
  if (version > SAVE_VERSION)
    r.at('version').fail(
      `version ${version} is newer than this engine reads (${SAVE_VERSION}): update the lab`,
    );
  if (version !== SAVE_VERSION && version !== 1 && version !== 2 && version !== 3)
    r.at('version').fail(`unknown version ${version}`);
  if (version === 1) return restoreSimulation(upgradeFromV1(r.value));
  if (version === 2) return restoreSimulation(upgradeFromV2(r.value));
  if (version === 3) return restoreSimulation(upgradeFromV3(r.value));
  let scenario: Scenario;
  try {
    scenario = parseScenario(r.raw('scenario'));
  } catch (error) {
    return r.at('scenario').fail(error instanceof Error ? error.message : String(error));
  }
  try {
    return build(scenario, r.raw('scenario') as ScenarioInput, (parts) => {
      const manager = restoreParts(r, scenario, parts);
      // The settings it ran with: its scenario's, changed by its recorded `configure` commands.
      settingsAfter(parts.cluster, parts.commands);
      return manager;
    });
  } catch (error) {
    if (error instanceof SimulationError) throw error;
    // Anything else is a save whose parts do not fit together.
    throw new SimulationError(
      `saved state is damaged: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

registerRestore(restoreSimulation);
