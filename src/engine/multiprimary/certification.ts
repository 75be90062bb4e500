/**
 * Certification in a synchronous multi-primary group (Galera; MySQL Group Replication in multi-primary
 * mode): a write is acknowledged only after every member in its view certified it. Write-sets are ordered
 * by when they asked (then the origin's id), which every member computes alike, so "the transaction that
 * was ordered first commits on all servers, and the transaction ordered second aborts": a distributed
 * first-committer-wins rule. The loser's client gets Galera's `ERROR 1213 (40001)`. A member cut off
 * from the majority of its group leaves the Primary Component and refuses queries (`ERROR 1047 (08S01)`).
 */
import type { Cluster, Payload } from '../cluster.ts';
import { NON_PRIMARY_ERROR, type PendingCertification } from './certificationState.ts';
import type { Certification, DbNode } from '../node/dbNode.ts';
import { REPLICATION_TIMEOUT_MS } from '../timing.ts';
import type { OpRecord } from '../observe/history.ts';
import { queueCommit } from '../replication/syncCommit.ts';
import { onMessage } from '../hooks.ts';
import { defineTask } from '../tasks.ts';
import type { ConflictVersion, LogEntry, NodeId } from '../types.ts';
import { noteConflict } from './ledger.ts';
import { dominates, EMPTY_VV, hasSeen } from './versions.ts';

const pendingOf = (cluster: Cluster): Map<number, PendingCertification> => cluster.certifying.pending;

/**
 * How long after a member dies the others install a view without it: the suite's Galera sets
 * `evs.inactive_timeout=PT3S` (measured on MariaDB 10.11: the survivor of two `kill -9`s left the Primary
 * Component 2.6–2.8 s after the kill, a keepalive period after it last heard them).
 */
export const FAILURE_DETECTION_MS = REPLICATION_TIMEOUT_MS;

/** Whether `node` still has `peer` in its view: reachable, and up or dead too recently to be declared so. */
function inView(cluster: Cluster, node: DbNode, peer: DbNode): boolean {
  if (cluster.network.isCut(node.id, peer.id)) return false;
  // Added, not subtracted from now: the check runs at exactly downSince + FAILURE_DETECTION_MS, and
  // now - FAILURE_DETECTION_MS can round below downSince there.
  return peer.isUp || (peer.downSince ?? -Infinity) + FAILURE_DETECTION_MS > cluster.now();
}

/**
 * Whether `node`'s write-sets no longer wait for `peer`: it is gone from the group, or dead for longer than
 * failure detection takes. A member dead more recently is still in the view, and group communication
 * delivers nothing until the view without it is installed: commits stall meanwhile (measured on MariaDB
 * 10.11: a commit on a survivor right after one of three was killed took 1.8–2.8 s, then succeeded).
 */
function noLongerAwaited(cluster: Cluster, node: DbNode, peer: DbNode | undefined): boolean {
  return peer === undefined || (!peer.isUp && !inView(cluster, node, peer));
}

/** The members `node` can reach right now: its component, itself first. */
function component(cluster: Cluster, node: DbNode): DbNode[] {
  return [node, ...cluster.peersOf(node).filter((p) => inView(cluster, node, p))];
}

/**
 * The last Primary Component a component's quorum is counted against: a member still in one (the others
 * join it), else one that did not come back from a crash, else this member's own; members removed from the
 * group left it cleanly and no longer count.
 */
function lastPrimaryView(cluster: Cluster, members: readonly DbNode[]): Set<NodeId> {
  const holder =
    members.find((m) => m.certification.quorum && !m.certification.rejoining) ??
    members.find((m) => !m.certification.rejoining) ??
    members[0];
  const view = holder?.certification.primaryView ?? [];
  return new Set((view.length > 0 ? view : [...cluster.group]).filter((id) => cluster.group.has(id)));
}

/**
 * Galera's quorum: a component is primary when the members it kept from the last Primary Component are
 * more than half of it (a crashed member is a failure, not a leave, so one survivor of three is not), or
 * when every member of that component is back (`pc.recovery`). A member restarted after a crash is a new
 * member: it does not count towards the old majority on its own.
 */
function isPrimaryComponent(cluster: Cluster, members: readonly DbNode[]): boolean {
  const last = lastPrimaryView(cluster, members);
  const ids = new Set(members.map((m) => m.id));
  if ([...last].every((id) => ids.has(id))) return true;
  const kept = members.filter((m) => last.has(m.id) && !m.certification.rejoining).length;
  return kept * 2 > last.size;
}

/** The members `node` can reach right now: its view of the group. */
function view(cluster: Cluster, node: DbNode): DbNode[] {
  return cluster.peersOf(node).filter((p) => p.isUp && !cluster.network.isCut(node.id, p.id));
}

/** Runs a certified write for a member of a synchronous group, or fails it at once. */
export function certify(cluster: Cluster, node: DbNode, op: OpRecord): void {
  const now = cluster.now();
  if (!node.certification.quorum) {
    failCertification(cluster, node, op, `${node.id} is not in the Primary Component: ${NON_PRIMARY_ERROR}`);
    return;
  }
  const cert: Certification = {
    certId: op.id,
    origin: node.id,
    key: op.key,
    value: op.value ?? '',
    order: now,
    baseVv: node.data.get(op.key)?.vv ?? EMPTY_VV,
  };
  const loser = conflictFor(node, cert);
  if (loser !== undefined) {
    lose(cluster, node, op, cert, loser);
    return;
  }
  addCertified(node, cert);
  // Every member in the view is waited for: one across a cut never answers and is suspected after the
  // timeout; one that died is not asked, and holds the write until the view without it is installed.
  const members = cluster.peersOf(node).filter((p) => !noLongerAwaited(cluster, node, p));
  const entry: PendingCertification = { op, node, cert, waitingFor: new Set(members.map((m) => m.id)) };
  pendingOf(cluster).set(cert.certId, entry);
  op.waitedForSync = true;
  for (const member of members) {
    if (!member.isUp) continue;
    cluster.network.send({
      from: node.id,
      to: member.id,
      kind: 'certify',
      payload: {
        kind: 'certify',
        certId: cert.certId,
        key: cert.key,
        value: cert.value,
        order: cert.order,
        baseVv: cert.baseVv,
      },
    });
  }
  suspectSilent(cluster, now + REPLICATION_TIMEOUT_MS, cert.certId);
  settle(cluster, entry);
}

/** Members that never answer are suspected and leave the view (Galera's `evs.suspect_timeout`). */
const suspectSilent = defineTask('certification.timeout', (cluster, certId: number) => {
  const still = pendingOf(cluster).get(certId);
  if (still === undefined) return;
  for (const id of [...still.waitingFor]) {
    const member = cluster.nodes.get(id);
    if (noLongerAwaited(cluster, still.node, member) || cluster.network.isCut(still.node.id, id))
      still.waitingFor.delete(id);
  }
  updateQuorum(cluster);
  settle(cluster, still);
});

/** Whether `cert` loses to a write-set certified earlier: returns that one, else undefined. */
function conflictFor(node: DbNode, cert: Certification): Certification | undefined {
  const stored = node.data.get(cert.key);
  // Something committed here that the write never saw was certified first, unless it came from the write's
  // own member: there the later transaction waited for the earlier one's row lock (Galera certifies a
  // write-set only against other members' write-sets).
  if (
    stored !== undefined &&
    stored.vv !== undefined &&
    (stored.origin ?? node.id) !== cert.origin &&
    !dominates(cert.baseVv, stored.vv)
  ) {
    return {
      certId: stored.opId,
      origin: stored.origin ?? node.id,
      key: cert.key,
      value: stored.value,
      order: stored.committedAt ?? 0,
      baseVv: stored.vv,
    };
  }
  for (const other of node.certification.certified.get(cert.key) ?? []) {
    if (other.certId === cert.certId || other.origin === cert.origin) continue;
    if (other.originSeq !== undefined && hasSeen(cert.baseVv, other.origin, other.originSeq)) continue;
    if (orderedBefore(other, cert)) return other;
  }
  return undefined;
}

function orderedBefore(a: Certification, b: Certification): boolean {
  return a.order !== b.order ? a.order < b.order : a.origin > b.origin;
}

function addCertified(node: DbNode, cert: Certification): void {
  const list = node.certification.certified.get(cert.key) ?? [];
  list.push(cert);
  node.certification.certified.set(cert.key, list);
}

function forget(node: DbNode, key: string, certId: number): void {
  const list = node.certification.certified.get(key);
  if (list === undefined) return;
  const rest = list.filter((c) => c.certId !== certId);
  if (rest.length === 0) node.certification.certified.delete(key);
  else node.certification.certified.set(key, rest);
}

/** A member votes on another's write-set; a yes keeps it until it is applied or aborted. */
export function receiveCertify(
  cluster: Cluster,
  node: DbNode,
  from: NodeId,
  request: Extract<Payload, { kind: 'certify' }>,
): void {
  if (!cluster.group.has(node.id)) return;
  const cert: Certification = {
    certId: request.certId,
    origin: from,
    key: request.key,
    value: request.value,
    order: request.order,
    baseVv: request.baseVv,
  };
  const first = conflictFor(node, cert);
  const ok = node.certification.quorum && first === undefined;
  if (ok) {
    addCertified(node, cert);
  }
  cluster.network.send({
    from: node.id,
    to: from,
    kind: 'ack',
    payload: {
      kind: 'vote',
      certId: cert.certId,
      ok,
      ...(first === undefined ? {} : { first: { ...first } }),
    },
  });
}

export function receiveVote(
  cluster: Cluster,
  node: DbNode,
  from: NodeId,
  vote: Extract<Payload, { kind: 'vote' }>,
): void {
  const entry = pendingOf(cluster).get(vote.certId);
  if (entry?.node !== node || !entry.waitingFor.has(from)) return;
  entry.waitingFor.delete(from);
  if (!vote.ok) {
    lose(cluster, node, entry.op, entry.cert, vote.first);
    return;
  }
  settle(cluster, entry);
}

/** Every member in the view said yes: commit (group commit, then acknowledge). */
function settle(cluster: Cluster, entry: PendingCertification): void {
  if (entry.waitingFor.size > 0 || entry.op.status !== 'pending') return;
  pendingOf(cluster).delete(entry.cert.certId);
  if (!entry.node.isUp) return;
  if (!entry.node.certification.quorum) {
    failCertification(
      cluster,
      entry.node,
      entry.op,
      `${entry.node.id} left the Primary Component: ${NON_PRIMARY_ERROR}`,
    );
    abort(cluster, entry.node, entry.cert);
    return;
  }
  // Write-sets ordered first that this member certified while it waited (the peer that would have said
  // no may have died before its vote arrived) still win.
  const first = conflictFor(entry.node, entry.cert);
  if (first !== undefined) {
    lose(cluster, entry.node, entry.op, entry.cert, first);
    return;
  }
  queueCommit(cluster, entry.node, entry.op);
}

/** The write lost a write conflict: rolled back on its origin, every member told, and recorded. */
function lose(
  cluster: Cluster,
  node: DbNode,
  op: OpRecord,
  cert: Certification,
  winner: Certification | undefined,
): void {
  pendingOf(cluster).delete(cert.certId);
  const versions: ConflictVersion[] = [versionOfCert(cert)];
  if (winner !== undefined) versions.unshift(versionOfCert(winner));
  const { record } = noteConflict(cluster, node.id, cert.key, 'certification', versions, {
    winner: winner === undefined ? null : versionOfCert(winner),
    siblings: [],
  });
  cluster.emit({
    type: 'conflict',
    conflictId: record.id,
    nodeId: node.id,
    key: cert.key,
    strategy: 'certification',
    origins: versions.map((v) => v.origin),
    ...(winner === undefined ? {} : { winner: winner.origin }),
  });
  const against =
    winner === undefined
      ? 'a write-set certified first'
      : `${winner.origin}'s write #${String(winner.certId)}`;
  failCertification(
    cluster,
    node,
    op,
    `${node.id} lost a write conflict on ${cert.key} to ${against} (certification failed): ERROR 1213 (40001): Deadlock found when trying to get lock; try restarting transaction`,
  );
  abort(cluster, node, cert);
}

function versionOfCert(cert: Certification): ConflictVersion {
  return {
    value: cert.value,
    origin: cert.origin,
    originTime: cert.order,
    vv: cert.baseVv,
    opId: cert.certId,
  };
}

function failCertification(cluster: Cluster, node: DbNode, op: OpRecord, error: string): void {
  cluster.history.fail(op, error, cluster.now());
  cluster.emit({ type: 'write-failed', nodeId: node.id, opId: op.id, error });
}

function abort(cluster: Cluster, node: DbNode, cert: Certification): void {
  forget(node, cert.key, cert.certId);
  rememberAbort(node, cert.certId);
  broadcastDecision(cluster, node, { kind: 'decided', certId: cert.certId, committed: false });
}

function broadcastDecision(
  cluster: Cluster,
  node: DbNode,
  decision: Extract<Payload, { kind: 'decided' }>,
): void {
  for (const member of cluster.peersOf(node)) {
    if (member.isUp) cluster.network.send({ from: node.id, to: member.id, kind: 'ack', payload: decision });
  }
}

/** After the flush: the origin's own certified writes are applied, and members learn their dots. */
export function publishCommitted(cluster: Cluster, node: DbNode, ops: readonly OpRecord[]): void {
  if (cluster.config.mode !== 'sync') return;
  for (const op of ops) {
    if (op.originSeq === undefined) continue;
    forget(node, op.key, op.id);
    broadcastDecision(cluster, node, {
      kind: 'decided',
      certId: op.id,
      committed: true,
      originSeq: op.originSeq,
    });
  }
}

export function receiveDecided(node: DbNode, decision: Extract<Payload, { kind: 'decided' }>): void {
  for (const [key, list] of node.certification.certified) {
    const cert = list.find((c) => c.certId === decision.certId);
    if (cert === undefined) continue;
    if (decision.committed && decision.originSeq !== undefined) cert.originSeq = decision.originSeq;
    else forget(node, key, cert.certId);
    return;
  }
}

/** A peer's committed write arrived: its write-set no longer holds the key here. */
export function onApplied(node: DbNode, entry: LogEntry): void {
  if (node.certification.certified.size > 0) forget(node, entry.key, entry.opId);
}

/**
 * Recomputes each member's Primary Component membership from its component (decided for every member
 * before any changes, so the order of the group does not matter); a member that left it fails its waiting
 * writes. A primary component installs its view: the members it reaches.
 */
export function updateQuorum(cluster: Cluster): void {
  if (cluster.config.mode !== 'sync' || !cluster.isMultiPrimary()) return;
  const decided: [DbNode, DbNode[], boolean][] = [];
  for (const id of cluster.group) {
    const node = cluster.node(id);
    if (!node.isUp) continue;
    const members = component(cluster, node);
    decided.push([node, members, isPrimaryComponent(cluster, members)]);
  }
  for (const [node, members, quorum] of decided) {
    if (quorum) {
      node.certification.primaryView = members.map((m) => m.id);
      node.certification.rejoining = false;
    }
    if (quorum === node.certification.quorum) continue;
    node.certification.quorum = quorum;
    cluster.touch();
    if (quorum) cluster.emit({ type: 'quorum-regained', nodeId: node.id });
    else {
      const members = lastPrimaryView(cluster, component(cluster, node)).size;
      const reachable = 1 + view(cluster, node).length;
      cluster.emit({ type: 'quorum-lost', nodeId: node.id, reachable, members });
    }
  }
  for (const entry of [...pendingOf(cluster).values()]) {
    for (const id of [...entry.waitingFor]) {
      if (noLongerAwaited(cluster, entry.node, cluster.nodes.get(id))) entry.waitingFor.delete(id);
    }
    if (!entry.node.certification.quorum) entry.waitingFor.clear();
    settle(cluster, entry);
  }
}

/** A member restarted: what its old incarnation was asked is lost with it, so no write waits for that. */
export function onCertifierUp(cluster: Cluster, node: DbNode): void {
  for (const entry of pendingOf(cluster).values()) entry.waitingFor.delete(node.id);
}

/**
 * A member died: its waiting writes die with it. Members that certified them cannot know whether it
 * committed before dying, so they hold those keys (in doubt) until its stream delivers the write or,
 * back up, it tells them the write aborted.
 */
export function onCertifierDown(cluster: Cluster, node: DbNode): void {
  for (const entry of [...pendingOf(cluster).values()]) {
    if (entry.node !== node) continue;
    pendingOf(cluster).delete(entry.cert.certId);
    cluster.history.fail(entry.op, `${node.id} went down before the write was certified`, cluster.now());
    rememberAbort(node, entry.cert.certId);
  }
  updateQuorum(cluster);
}

/** Aborts a member repeats to each peer that (re)subscribes, since a cut or a crash may have eaten them. */
const REMEMBERED_ABORTS = 256;

function rememberAbort(node: DbNode, certId: number): void {
  node.certification.abortedCerts.push(certId);
  if (node.certification.abortedCerts.length > REMEMBERED_ABORTS) node.certification.abortedCerts.shift();
}

/** Tells a (re)subscribing peer which of this member's write-sets aborted. */
export function repeatAborts(cluster: Cluster, node: DbNode, peerId: NodeId): void {
  for (const certId of node.certification.abortedCerts) {
    cluster.network.send({
      from: node.id,
      to: peerId,
      kind: 'ack',
      payload: { kind: 'decided', certId, committed: false },
    });
  }
}

onMessage('certify', (cluster, node, message, request) => {
  receiveCertify(cluster, node, message.from, request);
});
onMessage('vote', (cluster, node, message, vote) => {
  receiveVote(cluster, node, message.from, vote);
});
onMessage('decided', (_cluster, node, _message, decision) => {
  receiveDecided(node, decision);
});
