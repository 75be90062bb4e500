/** A database server in saved state: its machine, log, data, positions, connections and group state. */
import type { Cluster } from '../cluster.ts';
import type {
  Certification,
  DbNode,
  DownstreamLink,
  PeerLink,
  PeerSubscription,
  TimelineBranch,
} from '../node/dbNode.ts';
import { Log } from '../node/log.ts';
import type { Role } from '../types.ts';
import { actorSnapshot, saveActor, type SavedActor } from './actors.ts';
import type { EntryPool, EntryTable } from './entries.ts';
import type { Reader } from './reader.ts';

/** The scalar fields of a node, saved and restored as they are. */
const NUMBERS = [
  'applyRate',
  'applyDelayMs',
  'timeline',
  'receivedLsn',
  'appliedLsn',
  'dataVersion',
  'generation',
  'senderBusyUntil',
  'roundRobin',
  'leaseUntil',
  'nextAckAt',
  'reportedAppliedLsn',
  'nextAppliedReportAt',
  'originSeq',
] as const;
const FLAGS = [
  'sync',
  'applying',
  'flushScheduled',
  'needsRewind',
  'rewindRequested',
  'pumpScheduled',
  'ackScheduled',
  'appliedReportScheduled',
  'quorum',
] as const;
const OPTIONAL_NUMBERS = ['connId', 'connectingSince', 'downSince'] as const;

export function saveNode(node: DbNode, pool: EntryPool, cluster: Cluster): Record<string, unknown> {
  const saved: Record<string, unknown> = {
    id: node.id,
    uid: node.uid,
    role: node.role,
    upstream: node.upstream ?? null,
    machine: saveActor(node.actor, node.clock, cluster.scheduler) satisfies SavedActor,
    history: node.history.map((h) => ({ ...h })),
    log: { start: node.log.startLsn, entries: pool.refs(node.log.save().entries) },
    data: [...node.data].map(([key, version]) => [key, pool.ref(version as never)]),
    links: [...node.links.values()].map((link) => ({ ...link })),
    load: node.load.save(),
    outbox: pool.refs(node.outbox),
    peerProgress: [...node.peerProgress],
    peerConfirmed: [...node.peerConfirmed],
    subscriptions: [...node.subscriptions].map(([peer, sub]) => [peer, { ...sub }]),
    peerLinks: [...node.peerLinks].map(([peer, link]) => [peer, { ...link }]),
    certified: [...node.certified].map(([key, certs]) => [key, certs.map((c) => ({ ...c }))]),
    abortedCerts: node.abortedCerts.slice(),
  };
  for (const name of NUMBERS) saved[name] = node[name];
  for (const name of FLAGS) saved[name] = node[name];
  for (const name of OPTIONAL_NUMBERS) saved[name] = node[name] ?? null;
  return saved;
}

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

export function readCertification(r: Reader): Certification {
  const cert: Certification = {
    certId: r.num('certId'),
    origin: r.str('origin'),
    key: r.str('key'),
    value: r.str('value'),
    order: r.num('order'),
    baseVv: r.counters('baseVv'),
  };
  const originSeq = r.optNum('originSeq');
  if (originSeq !== undefined) cert.originSeq = originSeq;
  return cert;
}

/** `[key, value]` pairs read by `read`. */
function pairs<T>(r: Reader, name: string, read: (value: Reader) => T): [string, T][] {
  return r.list(name, (item) => {
    const [key, value] = item.items((part) => part);
    if (key === undefined || value === undefined) return item.fail('expected [key, value]');
    return [key.asStr(), read(value)];
  });
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
  for (const name of NUMBERS) node[name] = r.num(name);
  for (const name of FLAGS) node[name] = r.bool(name);
  node.connId = r.optNum('connId');
  node.connectingSince = r.optNum('connectingSince');
  node.downSince = r.optNum('downSince');
  node.history = r.list('history', readBranch);
  const log = r.at('log');
  node.log = Log.restored(log.num('start'), table.list(log, 'entries'));
  for (const [key, version] of pairs(r, 'data', (v) => table.get(v))) node.data.set(key, version);
  for (const link of r.list('links', readLink)) node.links.set(link.replicaId, link);
  node.load.restore(r.at('load'));
  node.outbox = table.list(r, 'outbox');
  for (const [peer, seq] of pairs(r, 'peerProgress', (v) => v.asNum())) node.peerProgress.set(peer, seq);
  for (const [peer, seq] of pairs(r, 'peerConfirmed', (v) => v.asNum())) node.peerConfirmed.set(peer, seq);
  for (const [peer, sub] of pairs(r, 'subscriptions', readSubscription)) node.subscriptions.set(peer, sub);
  for (const [peer, link] of pairs(r, 'peerLinks', readPeerLink)) node.peerLinks.set(peer, link);
  for (const [key, certs] of pairs(r, 'certified', (v) => v.items(readCertification)))
    node.certified.set(key, certs);
  node.abortedCerts.push(...r.nums('abortedCerts'));
  return node;
}

function readSubscription(r: Reader): PeerSubscription {
  return { connId: r.num('connId'), since: r.num('since'), streaming: r.bool('streaming') };
}

function readPeerLink(r: Reader): PeerLink {
  return { connId: r.num('connId'), sentSeq: r.num('sentSeq') };
}
