/** Builds the read-only views (nodes, links, metrics, snapshot) from the cluster's live state. */
import type { Cluster } from '../cluster.ts';
import { dict } from '../dict.ts';
import { diskFactor } from '../node/disk.ts';
import type { FailoverManager } from '../failover/manager.ts';
import type { FailoverRecords } from '../failover/records.ts';
import type { DbNode } from '../node/dbNode.ts';
import { formatStandbyNames } from '../replication/standbyNames.ts';
import { blockedWrites } from '../replication/syncCommit.ts';
import { syncStateOf } from '../replication/syncStandbys.ts';
import { REGIONS } from '../network/regions.ts';
import type {
  ApplierStop,
  LinkView,
  Metrics,
  NodeView,
  RegionLinkView,
  RegionView,
  Snapshot,
  SimTime,
  VersionVector,
  WorkloadOptions,
} from '../types.ts';

const LOG_TAIL = 12;

/** Lag behind the primary at the root of the node's chain, like `replay_lag`: ms since the oldest unapplied commit. */
function lagOf(cluster: Cluster, node: DbNode): { entries: number; ms: number } {
  if (node.isPrimary) return { entries: 0, ms: 0 };
  const root = cluster.rootOf(node);
  if (!root.isPrimary) return { entries: 0, ms: 0 };
  const behind = Math.max(0, root.log.lastLsn - node.appliedLsn);
  if (behind === 0) return { entries: 0, ms: 0 };
  const oldest = root.log.get(node.appliedLsn + 1) ?? root.log.get(root.log.startLsn);
  const ms = oldest === undefined ? 0 : Math.max(0, cluster.now() - oldest.committedAt);
  return { entries: behind, ms };
}

const dataCache = new WeakMap<DbNode, { version: number; record: Record<string, string> }>();

function dataOf(node: DbNode): Record<string, string> {
  const cached = dataCache.get(node);
  if (cached?.version === node.dataVersion) return cached.record;
  const record = Object.freeze(node.dataRecord());
  dataCache.set(node, { version: node.dataVersion, record });
  return record;
}

export function nodeView(cluster: Cluster, node: DbNode): NodeView {
  const syncState = syncStateOf(cluster, node);
  const sync = syncState === 'sync' || syncState === 'quorum';
  const regions = cluster.part(REGIONS);
  const label = regions.labels.get(node.id);
  const region = regions.nodes.get(node.id);
  return {
    id: node.id,
    ...(label === undefined ? {} : { label }),
    ...(region === undefined ? {} : { region }),
    role: node.role,
    status: node.isUp ? 'up' : 'down',
    ...(node.upstream === undefined ? {} : { upstream: node.upstream }),
    downstream: cluster.downstreamOf(node.id).map((n) => n.id),
    sync,
    syncState,
    timeline: node.timeline,
    writtenLsn: node.writtenLsn,
    receivedLsn: node.receivedLsn,
    appliedLsn: node.appliedLsn,
    lastLsn: node.log.lastLsn,
    lag: lagOf(cluster, node),
    data: dataOf(node),
    needsRewind: node.needsRewind,
    state: node.state,
    load: node.load.perSecond(cluster.now()),
    applyRate: node.applyRate,
    applyDelayMs: node.applyDelayMs,
    logTail: node.log.tail(LOG_TAIL),
    peers: cluster.peersOf(node).map((p) => p.id),
    siblings: siblingsOf(node),
    vectors: vectorsOf(node),
    quorum: node.certification.quorum,
    diskFactor: diskFactor(cluster, node.id),
    stoppedAppliers: node.logical.stopped.size === 0 ? NO_STOPS : [...node.logical.stopped.values()],
  };
}

const NO_STOPS: readonly ApplierStop[] = Object.freeze([]);

const NO_VECTORS: Readonly<Record<string, VersionVector>> = Object.freeze(dict<VersionVector>());
const vectorCache = new WeakMap<
  DbNode,
  { version: number; record: Readonly<Record<string, VersionVector>> }
>();

function vectorsOf(node: DbNode): Readonly<Record<string, VersionVector>> {
  const cached = vectorCache.get(node);
  if (cached?.version === node.dataVersion) return cached.record;
  let record: Record<string, VersionVector> | undefined;
  for (const [key, version] of node.data) {
    if (version.vv === undefined) continue;
    record ??= dict();
    record[key] = version.vv;
  }
  const frozen = record === undefined ? NO_VECTORS : Object.freeze(record);
  vectorCache.set(node, { version: node.dataVersion, record: frozen });
  return frozen;
}

const NO_SIBLINGS: Readonly<Record<string, readonly string[]>> = Object.freeze(dict<readonly string[]>());
const siblingCache = new WeakMap<
  DbNode,
  { version: number; record: Readonly<Record<string, readonly string[]>> }
>();

function siblingsOf(node: DbNode): Readonly<Record<string, readonly string[]>> {
  const cached = siblingCache.get(node);
  if (cached?.version === node.dataVersion) return cached.record;
  let record: Record<string, readonly string[]> | undefined;
  for (const [key, version] of node.data) {
    if (version.siblings === undefined) continue;
    record ??= dict();
    record[key] = version.siblings.map((s) => s.value).sort();
  }
  const frozen = record === undefined ? NO_SIBLINGS : Object.freeze(record);
  siblingCache.set(node, { version: node.dataVersion, record: frozen });
  return frozen;
}

export function linkViews(cluster: Cluster, nodes: readonly NodeView[]): LinkView[] {
  const links: LinkView[] = [];
  for (const node of nodes) {
    if (node.upstream === undefined) continue;
    const upstream = cluster.nodes.get(node.upstream);
    links.push({
      from: node.upstream,
      to: node.id,
      sync: node.sync,
      connected: upstream?.sender.links.has(node.id) === true,
      cut: cluster.network.isCut(node.upstream, node.id),
      latencyMs: cluster.network.latency(node.upstream, node.id),
      peer: false,
    });
  }
  // One link per pair of group members; it is connected when both subscriptions stream.
  const members = [...cluster.group].map((id) => cluster.node(id));
  for (const [i, a] of members.entries()) {
    for (const b of members.slice(i + 1)) {
      links.push({
        from: a.id,
        to: b.id,
        sync: cluster.config.mode === 'sync',
        connected:
          a.logical.subscriptions.get(b.id)?.streaming === true &&
          b.logical.subscriptions.get(a.id)?.streaming === true,
        cut: cluster.network.isCut(a.id, b.id),
        latencyMs: cluster.network.latency(a.id, b.id),
        peer: true,
      });
    }
  }
  return links;
}

/** Two primaries on different timelines accept writes: a deposed one that never heard of its successor. */
export function isSplitBrain(cluster: Cluster): boolean {
  const writable = cluster.writablePrimaries();
  return writable.some((p) => p.timeline !== writable[0]?.timeline);
}

export function metricsOf(cluster: Cluster, records: FailoverRecords): Metrics {
  const counts = cluster.history.counts;
  return {
    ...counts,
    blockedWrites: blockedWrites(cluster),
    conflicts: cluster.conflicts.count,
    writeLatency: { p50: cluster.history.latencyPercentile(50), p99: cluster.history.latencyPercentile(99) },
    readOnly: cluster.isReadOnly(),
    syncDegraded: cluster.primaries().some((p) => p.state === 'primary.degraded'),
    splitBrain: isSplitBrain(cluster),
    failovers: records.count,
    lastFailover: records.latest(),
  };
}

/** Each region with its nodes now and the latency inside it. */
export function regionViews(cluster: Cluster, nodes: readonly NodeView[]): RegionView[] {
  return cluster.regions.map((region) => ({
    id: region.id,
    name: region.name,
    nodes: nodes.filter((n) => n.region === region.id).map((n) => n.id),
    ...cluster.network.regionTiming(region.id, region.id),
  }));
}

/** Every ordered pair of two different regions: latency, jitter, and whether a partition cuts them apart. */
export function betweenViews(cluster: Cluster, regions: readonly RegionView[]): RegionLinkView[] {
  const links: RegionLinkView[] = [];
  const network = cluster.network;
  for (const from of regions)
    for (const to of regions) {
      if (from === to) continue;
      const cut =
        network.isPartitioned &&
        from.nodes.length > 0 &&
        to.nodes.length > 0 &&
        from.nodes.every((a) => to.nodes.every((b) => network.isCut(a, b)));
      links.push({ from: from.id, to: to.id, ...network.regionTiming(from.id, to.id), cut });
    }
  return links;
}

export function snapshotOf(
  cluster: Cluster,
  workload: WorkloadOptions | null,
  burst: { readonly factor: number; readonly until: SimTime } | null,
  records: FailoverRecords,
  manager: FailoverManager | undefined,
): Snapshot {
  const nodes = [...cluster.nodes.values()].map((n) => nodeView(cluster, n));
  const names = cluster.config.mode === 'sync' ? cluster.config.synchronousStandbyNames : undefined;
  const regions = regionViews(cluster, nodes);
  return Object.freeze({
    version: cluster.version,
    time: cluster.now(),
    nodes,
    links: linkViews(cluster, nodes),
    messages: cluster.network.messages(),
    metrics: metricsOf(cluster, records),
    replication: {
      mode: cluster.config.mode,
      ackOn: cluster.config.ackOn,
      conflictResolution: cluster.conflictResolution,
      multiPrimary: cluster.isMultiPrimary(),
      ...(names === undefined ? {} : { synchronousStandbyNames: formatStandbyNames(names) }),
    },
    network: { partitioned: cluster.network.isPartitioned, dropped: cluster.network.dropped },
    regions,
    between: betweenViews(cluster, regions),
    workload,
    burst,
    failover: manager?.view() ?? null,
  });
}
