/** Operator actions on nodes: kill, restart, add, remove, re-point, back up. Each validates before it changes anything. */
import { SimulationError, type AddNodeOptions } from './api.ts';
import type { Cluster, StoredBackup } from './cluster.ts';
import { accountLostWrites, demote, startTimeline } from './failover/promotion.ts';
import type { DbNode } from './node/dbNode.ts';
import { disconnect, startApplying } from './replication/receiver.ts';
import { failWaiting } from './replication/syncCommit.ts';
import { charCount, checkChoice, checkOptions } from './args.ts';
import { MAX_LABEL_LENGTH, MAX_NODES } from './scenario/schema.ts';
import { checkRegion, REGIONS, regionOf } from './network/regions.ts';
import { defineTask, nodeFor } from './tasks.ts';
import type { Backup, NodeId, RegionId, Role } from './types.ts';

const resumeReplay = defineTask('node.resumeReplay', (cluster, id: NodeId, uid: number) => {
  const node = nodeFor(cluster, id, uid);
  if (node !== undefined) startApplying(cluster, node);
});

/** A replica notices its upstream died once the packets already on the wire have arrived. */
const hangUp = defineTask(
  'replica.hangUp',
  (cluster, id: NodeId, uid: number, upstream: NodeId, connId: number) => {
    const replica = nodeFor(cluster, id, uid);
    if (replica?.receiver.connId === connId && replica.upstream === upstream) disconnect(cluster, replica);
  },
);

/** Starts a node's machine and wires its intents to the engine. */
export function boot(cluster: Cluster, node: DbNode): void {
  node.actor.subscribe(() => {
    node.syncState();
    cluster.touch();
  });
  node.actor.on('connect', () => {
    connect(cluster, node);
  });
  // Replay resumes once the machine has settled in its new state (the intent fires mid-transition).
  node.actor.on('recovering', () => {
    resumeReplay(cluster, cluster.now(), node.id, node.uid);
  });
  node.actor.start();
  node.syncState();
}

/** A replica opens a new stream to its upstream (START_REPLICATION from its received position). */
function connect(cluster: Cluster, node: DbNode): void {
  if (node.upstream === undefined) return;
  // The walreceiver does not abandon an attempt whose answer may still be on its way.
  if (
    node.receiver.connId !== undefined &&
    cluster.network.awaitingAnswer(node.id, node.upstream, node.receiver.connectingSince)
  )
    return;
  const upstream = cluster.nodes.get(node.upstream);
  upstream?.sender.links.delete(node.id);
  node.receiver.connectingSince = cluster.now();
  node.receiver.connId = cluster.nextConnId++;
  cluster.network.send({
    from: node.id,
    to: node.upstream,
    kind: 'hello',
    payload: {
      kind: 'hello',
      connId: node.receiver.connId,
      timeline: node.timeline,
      receivedLsn: node.receivedLsn,
    },
  });
}

export function kill(cluster: Cluster, node: DbNode): void {
  if (!node.isUp) throw new SimulationError(`${node.id} is already down`);
  const wasPrimary = node.isPrimary;
  node.crash(cluster.now());
  // What a standby wrote but had not flushed dies with it.
  if (!wasPrimary) node.log.truncateAfter(node.receivedLsn);
  if (wasPrimary)
    failWaiting(cluster, node, `${node.id} went down before acknowledging (outcome unknown to the client)`);
  node.actor.send({ type: 'KILL' });
  cluster.emit({ type: 'node-down', nodeId: node.id });
  // The connections die with it: its upstream drops the walsender, its replicas start retrying.
  if (node.upstream !== undefined) cluster.nodes.get(node.upstream)?.sender.links.delete(node.id);
  for (const child of cluster.downstreamOf(node.id)) hangUpAfterDrain(cluster, node, child);
  if (wasPrimary && cluster.isReadOnly()) {
    cluster.emit({ type: 'read-only', reason: `${node.id} is down and no other primary is up` });
  }
}

/** A replica notices its upstream died only after the packets already on the wire have arrived. */
function hangUpAfterDrain(cluster: Cluster, upstream: DbNode, replica: DbNode): void {
  const connId = replica.receiver.connId;
  if (!replica.isUp || connId === undefined) return;
  hangUp(
    cluster,
    cluster.network.drainedAt(upstream.id, replica.id),
    replica.id,
    replica.uid,
    upstream.id,
    connId,
  );
}

export function restart(cluster: Cluster, node: DbNode): void {
  if (node.isUp) throw new SimulationError(`${node.id} is already up`);
  const current = cluster.currentPrimary();
  const deposed =
    node.isPrimary && current !== undefined && current !== node && current.timeline > node.timeline;
  // Another node was promoted meanwhile. PostgreSQL's old primary rejoins as its replica (Patroni rewinds
  // it); a MariaDB server starts as configured: writable, replicating from no one, beside the new primary.
  const besides = deposed && cluster.system === 'mariadb' ? current : undefined;
  if (deposed && besides === undefined) {
    demote(cluster, node, current);
    // Writes it accepted after the promotion (a split brain) are discarded by its rewind.
    accountLostWrites(cluster, current);
  }
  node.actor.send({ type: 'RESTART' });
  cluster.emit({ type: 'node-up', nodeId: node.id });
  if (besides !== undefined) {
    cluster.emit({ type: 'writable', nodeId: node.id, besides: besides.id });
    cluster.emit({ type: 'split-brain', nodeIds: [node.id, besides.id] });
  } else if (node.isPrimary && cluster.upPrimaries().length === 1)
    cluster.emit({ type: 'writable', nodeId: node.id });
}

export function repoint(cluster: Cluster, node: DbNode, upstreamId: NodeId): void {
  const upstream = cluster.node(upstreamId);
  if (upstream === node) throw new SimulationError(`${node.id} cannot replicate from itself`);
  if (node.isPrimary) {
    // A MariaDB server is pointed at another as any is (CHANGE MASTER TO, read_only on), a writable one too:
    // it becomes that primary's replica, and stops with error 1236 if it has transactions the primary lacks.
    if (cluster.system !== 'mariadb' || cluster.group.has(node.id) || !upstream.isPrimary || !node.isUp)
      throw new SimulationError(`${node.id} is a primary: only replicas have an upstream`);
    demote(cluster, node, upstream);
    return;
  }
  for (
    let n: DbNode | undefined = upstream;
    n !== undefined;
    n = n.upstream === undefined ? undefined : cluster.nodes.get(n.upstream)
  ) {
    if (n === node)
      throw new SimulationError(`re-pointing ${node.id} to ${upstreamId} would make a replication cycle`);
  }
  if (node.upstream !== undefined) cluster.nodes.get(node.upstream)?.sender.links.delete(node.id);
  node.upstream = upstreamId;
  cluster.emit({ type: 'repointed', nodeId: node.id, upstream: upstreamId });
  if (node.isUp) disconnect(cluster, node);
}

/** pg_rewind: the replica's divergent tail is replaced by what changed on its upstream. */
export function rewind(cluster: Cluster, node: DbNode): void {
  if (node.isPrimary)
    throw new SimulationError(`${node.id} is a primary: only a diverged replica is rewound`);
  if (!node.needsRewind)
    throw new SimulationError(`${node.id} has not diverged from its upstream: nothing to rewind`);
  node.rewindRequested = true;
  if (node.isUp) disconnect(cluster, node);
}

export function takeBackup(cluster: Cluster, node: DbNode): Backup {
  if (!node.isUp) throw new SimulationError(`${node.id} is down: a backup needs a running server`);
  const backup: StoredBackup = {
    id: `backup-${cluster.nextBackupId++}`,
    nodeId: node.id,
    lsn: node.appliedLsn,
    timeline: node.timeline,
    takenAt: cluster.now(),
    data: node.dataRecord(),
    versions: new Map(node.data),
    history: [...node.history],
  };
  cluster.backups.set(backup.id, backup);
  cluster.emit({ type: 'backup-taken', backupId: backup.id, nodeId: node.id, lsn: backup.lsn });
  return publicBackup(backup);
}

export function publicBackup(backup: StoredBackup): Backup {
  return {
    id: backup.id,
    nodeId: backup.nodeId,
    lsn: backup.lsn,
    timeline: backup.timeline,
    takenAt: backup.takenAt,
    data: backup.data,
  };
}

const ID_PATTERN = /^[A-Za-z0-9_.-]{1,32}$/;

/** Checks `addNode`'s options whole, before anything changes. */
function checkAddNode(input: unknown): AddNodeOptions & { role: Role } {
  const options = checkOptions<AddNodeOptions>('addNode options', input, [
    'id',
    'role',
    'upstream',
    'fromBackup',
    'sync',
    'region',
    'label',
  ]);
  if (options === undefined) throw new SimulationError('addNode needs options with an id');
  const { id, upstream, fromBackup, sync, label } = options as Record<keyof AddNodeOptions, unknown>;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new SimulationError(`node id "${String(id)}" must be 1–32 letters, digits, ".", "_" or "-"`);
  }
  const role = checkChoice('role', options.role, ROLES) ?? 'replica';
  if (upstream !== undefined && typeof upstream !== 'string')
    throw new SimulationError('upstream must be a node id');
  if (fromBackup !== undefined && typeof fromBackup !== 'string')
    throw new SimulationError('fromBackup must be a backup id');
  if (sync !== undefined && typeof sync !== 'boolean')
    throw new SimulationError('sync must be true or false');
  if (label !== undefined && (typeof label !== 'string' || charCount(label) > MAX_LABEL_LENGTH))
    throw new SimulationError(`a label is a string of at most ${MAX_LABEL_LENGTH} characters`);
  return { ...(options as AddNodeOptions), role };
}

const ROLES: readonly Role[] = ['primary', 'replica'];

export function addNode(cluster: Cluster, input: AddNodeOptions): DbNode {
  const options = checkAddNode(input);
  const role = options.role;
  if (cluster.nodes.has(options.id)) throw new SimulationError(`a node named "${options.id}" already exists`);
  if (cluster.nodes.size >= MAX_NODES) {
    throw new SimulationError(`the cluster already has ${MAX_NODES} nodes, the most a scenario may have`);
  }
  const backup = options.fromBackup === undefined ? undefined : cluster.backups.get(options.fromBackup);
  if (options.fromBackup !== undefined && backup === undefined) {
    throw new SimulationError(`unknown backup "${options.fromBackup}"`);
  }
  if (role === 'replica') {
    if (options.upstream === undefined) throw new SimulationError('a replica needs an upstream');
    cluster.node(options.upstream);
  } else if (cluster.upPrimaries().length > 0) {
    throw new SimulationError(
      'a primary is already up: add a replica, or promote one after the primary fails',
    );
  }
  const previousPrimary = cluster.currentPrimary();
  const region = regionForNew(cluster, options.region, options.upstream ?? previousPrimary?.id);
  const node = cluster.createNode(options.id, role, {
    ...(role === 'replica' && options.upstream !== undefined ? { upstream: options.upstream } : {}),
    ...(options.sync === undefined ? {} : { sync: options.sync }),
    ...(backup === undefined ? {} : { after: backup.lsn }),
  });
  const regions = cluster.part(REGIONS);
  if (region !== undefined) regions.nodes.set(node.id, region);
  const label = options.label?.trim();
  if (label !== undefined && label !== '' && label !== node.id) regions.labels.set(node.id, label);
  if (backup !== undefined) node.restore(backup.versions, backup.lsn, backup.timeline, backup.history);
  if (role === 'primary') provisionPrimary(cluster, node, previousPrimary, backup);
  boot(cluster, node);
  cluster.emit({
    type: 'node-added',
    nodeId: node.id,
    role,
    ...(backup === undefined ? {} : { fromBackup: backup.id }),
  });
  if (role === 'primary') cluster.emit({ type: 'writable', nodeId: node.id });
  return node;
}

/** A new node's region: the one asked for, else its neighbour's (`near`), else the first; none without regions. */
function regionForNew(cluster: Cluster, asked: unknown, near: NodeId | undefined): RegionId | undefined {
  if (asked !== undefined) return checkRegion(cluster, asked);
  if (cluster.regions.length === 0) return undefined;
  return (near === undefined ? undefined : regionOf(cluster, near)) ?? cluster.regions[0]?.id;
}

/** A new primary provisioned from a backup starts a new timeline; orphaned replicas follow it. */
function provisionPrimary(
  cluster: Cluster,
  node: DbNode,
  old: DbNode | undefined,
  backup: StoredBackup | undefined,
): void {
  const branchLsn = backup?.lsn ?? 0;
  startTimeline(cluster, node, branchLsn);
  accountLostWrites(cluster, node);
  if (old === undefined) return;
  for (const replica of cluster.downstreamOf(old.id)) {
    replica.upstream = node.id;
    cluster.emit({ type: 'repointed', nodeId: replica.id, upstream: node.id });
    if (replica.isUp) disconnect(cluster, replica);
  }
}

export function removeNode(cluster: Cluster, node: DbNode): void {
  const children = cluster.downstreamOf(node.id);
  if (cluster.nodes.size === 1) throw new SimulationError(`${node.id} is the last node`);
  if (node.isPrimary && children.length > 0) {
    throw new SimulationError(
      `${node.id} is a primary with replicas: promote one of them or remove them first`,
    );
  }
  if (node.isUp) kill(cluster, node);
  node.actor.stop();
  leaveGroup(cluster, node);
  cluster.nodes.delete(node.id);
  cluster.network.forget(node.id);
  cluster.part(REGIONS).nodes.delete(node.id);
  cluster.part(REGIONS).labels.delete(node.id);
  for (const child of children) {
    if (node.upstream === undefined) continue;
    child.upstream = node.upstream;
    cluster.emit({ type: 'repointed', nodeId: child.id, upstream: node.upstream });
    if (child.isUp) disconnect(cluster, child);
  }
  cluster.emit({ type: 'node-removed', nodeId: node.id });
}

/** A member removed from a multi-primary group: the others stop replicating with it. */
function leaveGroup(cluster: Cluster, node: DbNode): void {
  if (!cluster.group.has(node.id)) return;
  for (const peer of cluster.peersOf(node)) {
    peer.logical.subscriptions.delete(node.id);
    peer.logical.peerLinks.delete(node.id);
    peer.logical.peerConfirmed.delete(node.id);
  }
  cluster.group.delete(node.id);
  if (cluster.group.size === 1) cluster.group.clear();
}
