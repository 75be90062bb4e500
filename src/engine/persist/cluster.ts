/**
 * The cluster's own state in saved form: backups, commits in progress, the group, certifications in
 * progress, counters, and the observers (history, events, conflicts) and the network it holds.
 */
import type { Cluster, StoredBackup } from '../cluster.ts';
import { dict } from '../dict.ts';
import type { NodeId } from '../types.ts';
import type { EntryPool, EntryTable } from './entries.ts';
import { readCertification } from './node.ts';
import { readPayload, savePayload } from './payloads.ts';
import type { Reader } from './reader.ts';

const COUNTERS = ['nextConnId', 'nextBackupId', 'nextUid', 'maxTimeline', 'version'] as const;

export function saveCluster(cluster: Cluster, pool: EntryPool): Record<string, unknown> {
  const saved: Record<string, unknown> = {
    random: cluster.random.state(),
    backups: [...cluster.backups.values()].map((b) => ({
      id: b.id,
      nodeId: b.nodeId,
      lsn: b.lsn,
      timeline: b.timeline,
      takenAt: b.takenAt,
      versions: [...b.versions].map(([key, version]) => [key, pool.ref(version as never)]),
      history: b.history.map((h) => ({ ...h })),
    })),
    flushQueue: [...cluster.flushQueue].map(([id, ops]) => [id, ops.map((op) => op.id)]),
    waiting: [...cluster.waiting].map(([id, writes]) => [
      id,
      writes.map((w) => ({ opId: w.op.id, lsn: w.lsn })),
    ]),
    releasedLsn: [...cluster.releasedLsn],
    tickScheduled: [...cluster.tickScheduled],
    group: [...cluster.group],
    certifying: [...cluster.certifying.values()].map((c) => ({
      opId: c.op.id,
      nodeId: c.node.id,
      cert: { ...c.cert },
      waitingFor: [...c.waitingFor],
    })),
    history: cluster.history.save(),
    events: cluster.events.save(),
    conflicts: cluster.conflicts.save(),
    network: cluster.network.save((payload) => savePayload(payload, pool)),
  };
  for (const name of COUNTERS) saved[name] = cluster[name];
  return saved;
}

/** `[id, value]` pairs read by `read`. */
function pairs<T>(r: Reader, name: string, read: (value: Reader) => T): [string, T][] {
  return r.list(name, (item) => {
    const [key, value] = item.items((part) => part);
    if (key === undefined || value === undefined) return item.fail('expected [id, value]');
    return [key.asStr(), read(value)];
  });
}

/** Restores the cluster's state (its nodes already restored), naming by path anything that does not fit. */
export function restoreCluster(cluster: Cluster, r: Reader, table: EntryTable): void {
  cluster.random.restore(r.num('random'));
  cluster.history.restore(r.at('history'));
  cluster.events.restore(r.at('events'));
  cluster.conflicts.restore(r.at('conflicts'));
  cluster.network.restore(r.at('network'), (payload) => readPayload(payload, table));
  for (const name of COUNTERS) cluster[name] = r.num(name);
  for (const backup of r.list('backups', (b) => readBackup(b, table))) cluster.backups.set(backup.id, backup);
  const op = (item: Reader) => {
    const id = item.asNum();
    return cluster.history.get(id) ?? item.fail(`no operation #${id} in the history`);
  };
  for (const [id, ops] of pairs(r, 'flushQueue', (v) => v.items(op))) cluster.flushQueue.set(id, ops);
  for (const [id, writes] of pairs(r, 'waiting', (v) =>
    v.items((w) => ({ op: op(w.at('opId')), lsn: w.num('lsn') })),
  ))
    cluster.waiting.set(id, writes);
  for (const [id, lsn] of pairs(r, 'releasedLsn', (v) => v.asNum())) cluster.releasedLsn.set(id, lsn);
  for (const id of r.strs('tickScheduled')) cluster.tickScheduled.add(id);
  cluster.group.clear();
  for (const id of r.strs('group')) cluster.group.add(id);
  for (const item of r.list('certifying', (c) => c)) {
    const cert = readCertification(item.at('cert'));
    const nodeId: NodeId = item.str('nodeId');
    const node = cluster.nodes.get(nodeId) ?? item.at('nodeId').fail(`no node "${nodeId}"`);
    cluster.certifying.set(cert.certId, {
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
