/**
 * The automatic failover manager's wiring: heartbeats on the network, leader leases (fencing), election and
 * promotion. Invariant: with fencing, a primary's lease ends before the manager may promote anyone else.
 *
 * The manager stands for a consensus store (etcd) and lives with the majority: while the network is
 * partitioned it sits on the largest side (on a tie, the side without the leader). It is a virtual endpoint
 * co-located with one node on its side (its `location`, first up replica in scenario order): every primary
 * sends it a real `heartbeat` message each `heartbeatMs`, and it answers with a `heartbeat` reply that renews
 * the primary's lease. A primary across the cut reaches no one, so its heartbeats are dropped.
 *
 * Failover set back to manual pauses the manager rather than removing it (Patroni's maintenance mode,
 * `patronictl pause`): it keeps its place, leases and heartbeats, so a save holds it as it is, but it
 * promotes, fences and demotes no one until it resumes.
 *
 * It registers itself with the engine once loaded (persist/registry.ts): the lab's first frame leaves it
 * out and loads it with `loadFailover()` before it starts a scenario with automatic failover.
 */
import { createActor, type Actor, type Snapshot } from 'xstate';
import { ORDER } from '../hooks.ts';
import type { SavedActor } from '../persist/actors.ts';
import { registerFailover } from '../persist/registry.ts';
import { createActorClock, type ActorClock, type TaskArgs } from '../scheduler.ts';
import type { Cluster, Payload } from '../cluster.ts';
import type { DbNode } from '../node/dbNode.ts';
import type { FailoverState, FailoverView, Message, MessageDropReason, NodeId, SimTime } from '../types.ts';
import { chooseCandidate, majoritySide } from './election.ts';
import { Leases } from './lease.ts';
import { managerMachine } from './managerMachine.ts';
import type { FailoverRecords } from './records.ts';
import { repointOrphans, stepDown, takeOver } from './takeover.ts';

type Heartbeat = Extract<Payload, { kind: 'heartbeat' }>;
type Ping = Extract<Heartbeat, { phase: 'ping' }>;
type Reply = Extract<Heartbeat, { phase: 'reply' }>;

/** The manager as saved: its machine, where it stands in a partition, and its pending lease checks. */
export interface SavedManager {
  readonly machine: SavedActor;
  readonly anchor: NodeId | null;
  readonly partitionedAt: SimTime | null;
  readonly electionStartedAt: SimTime | null;
  readonly noCandidateReported: boolean;
  readonly leases: readonly (readonly [NodeId, number])[];
}

export class FailoverManager {
  // Its state is saved and its queue put back by persist/save.ts and persist/restore.ts (`saveManager`,
  // `restoreParts`), which load with the rest of save and restore.
  readonly actor: Actor<typeof managerMachine>;
  readonly clock: ActorClock;
  /** A node on the manager's side while the network is partitioned. */
  anchor: NodeId | undefined;
  partitionedAt: SimTime | undefined;
  electionStartedAt: SimTime | undefined;
  noCandidateReported = false;
  readonly leases: Leases;

  /**
   * A new manager, started now (at the start of a run, or when failover turns automatic), or (with
   * `saved`) one continuing from a save: its queue is restored by `restoreParts` (persist/restore.ts).
   */
  constructor(
    readonly cluster: Cluster,
    private readonly records: FailoverRecords,
    saved?: SavedManager,
  ) {
    const { heartbeatMs, timeoutMs } = cluster.failoverConfig;
    this.leases = new Leases(cluster, () => this.paused);
    this.clock = createActorClock(cluster.scheduler);
    this.actor = createActor(managerMachine, {
      clock: this.clock,
      input: { leader: cluster.currentPrimary()?.id, heartbeatMs, timeoutMs, at: cluster.now() },
      ...(saved === undefined ? {} : { snapshot: saved.machine.snapshot as Snapshot<unknown> }),
    });
    cluster.hooks.receive('heartbeat', (_to, message, payload) => this.receive(message, payload));
    cluster.hooks.on('restarted', ORDER.manager, (node) => {
      this.onRestart(node);
    });
    cluster.hooks.on('partitioned', ORDER.manager, (groups) => {
      this.onPartition(groups);
    });
    cluster.hooks.on('healed', ORDER.manager, () => {
      this.onHeal();
    });
    cluster.hooks.onPending(() => this.hasPendingConsequence());
    cluster.scheduler.on('failover.tick', () => {
      this.tick();
    });
    cluster.scheduler.on('failover.elect', () => {
      this.elect();
    });
    cluster.scheduler.on('failover.promote', ([nodeId]) => {
      this.promoteCandidate(nodeId as NodeId);
    });
    cluster.scheduler.on('failover.reconfigure', () => {
      this.reconfigure();
    });
    this.actor.subscribe((snapshot) => {
      if (snapshot.value === 'watching' || snapshot.value === 'paused') {
        this.electionStartedAt = undefined;
        this.noCandidateReported = false;
      }
      cluster.touch();
    });
    this.actor.on('suspect', () => {
      const leader = this.context.leader;
      if (leader !== undefined)
        cluster.emit({ type: 'primary-suspected', nodeId: leader, silentMs: this.silentMs() });
    });
    // Intents fire mid-transition: act once the machine has settled, at the same simulated moment.
    this.actor.on('elect', () => {
      this.soon('failover.elect', []);
    });
    this.actor.on('promote', ({ nodeId }) => {
      this.soon('failover.promote', [nodeId]);
    });
    this.actor.on('reconfigure', () => {
      this.soon('failover.reconfigure', []);
    });
    this.actor.start();
    if (saved !== undefined) {
      this.anchor = saved.anchor ?? undefined;
      this.partitionedAt = saved.partitionedAt ?? undefined;
      this.electionStartedAt = saved.electionStartedAt ?? undefined;
      this.noCandidateReported = saved.noCandidateReported;
      return;
    }
    // The up primary takes the leader lock; a dead one is the leader the manager waits `timeoutMs` for.
    for (const primary of cluster.upPrimaries()) this.leases.grant(primary, cluster.now());
    this.tick();
  }

  private get context() {
    return this.actor.getSnapshot().context;
  }

  private get state(): FailoverState {
    return this.actor.getSnapshot().value;
  }

  /** In maintenance mode (failover set to manual after it ran automatic). */
  get paused(): boolean {
    return this.state === 'paused';
  }

  /** `patronictl pause`: no failover, fencing or demotion from now on; heartbeats still renew the lock. */
  pause(): void {
    this.actor.send({ type: 'PAUSED' });
  }

  /**
   * `patronictl resume`: the manager watches the leader again, giving it a full timeout from now, and a
   * primary whose lease ran out meanwhile is fenced now (with fencing).
   */
  resume(): void {
    this.actor.send({ type: 'RESUMED' });
    this.checkLeases();
  }

  /** `loop_wait` or `ttl` changed: the next heartbeat, watch and timeout use the new values. */
  retime(): void {
    const { heartbeatMs, timeoutMs } = this.cluster.failoverConfig;
    this.actor.send({ type: 'TIMINGS_CHANGED', heartbeatMs, timeoutMs });
  }

  /** Fencing turned on (or the manager resumed): a primary whose lease already ran out turns read-only. */
  checkLeases(): void {
    for (const primary of this.cluster.upPrimaries()) this.leases.check(primary);
  }

  private soon(kind: string, args: TaskArgs): void {
    this.cluster.scheduler.schedule(this.cluster.now(), kind, args);
  }

  private silentMs(): number {
    return this.cluster.now() - this.context.lastHeartbeatAt;
  }

  /** Whether a node is on the manager's side of the network. */
  reachable(id: NodeId): boolean {
    return this.anchor === undefined || !this.cluster.network.isCut(this.anchor, id);
  }

  /**
   * A decision already taken that only background work stands between: a promotion under way (its timer),
   * or an up primary the manager can reach but does not hold as the leader, whose next heartbeat settles
   * it (it steps down for the leader, or the manager adopts it). A primary across a cut hears nothing, so
   * nothing is determined for it: it stays as it is (fenced when its lease runs out) until the heal.
   */
  hasPendingConsequence(): boolean {
    if (this.paused) return false;
    if (this.state === 'promoting') return true;
    const leader = this.context.leader;
    return this.cluster.upPrimaries().some((p) => p.id !== leader && this.reachable(p.id));
  }

  /** The node the manager is co-located with: the first up replica on its side, else any node there. */
  location(): NodeId | undefined {
    const side = [...this.cluster.nodes.values()].filter((n) => this.reachable(n.id));
    return (side.find((n) => n.isUp && !n.isPrimary) ?? side.find((n) => n.isUp) ?? side[0])?.id;
  }

  /** Every `heartbeatMs`, each up primary renews its leader lock (Patroni's `loop_wait`). */
  private tick(): void {
    for (const primary of this.cluster.upPrimaries()) this.ping(primary);
    const next = this.cluster.now() + this.cluster.failoverConfig.heartbeatMs;
    this.cluster.scheduler.schedule(next, 'failover.tick', [], true);
  }

  private ping(primary: DbNode): void {
    const ping: Ping = {
      kind: 'heartbeat',
      phase: 'ping',
      sentAt: this.cluster.now(),
      timeline: primary.timeline,
      lastLsn: primary.log.lastLsn,
    };
    const host = this.location();
    if (host === undefined || host === primary.id) {
      if (this.reachable(primary.id)) this.hear(primary.id, ping, primary.id);
      return;
    }
    this.cluster.network.send({
      from: primary.id,
      to: host,
      kind: 'heartbeat',
      payload: ping,
      background: true,
    });
  }

  /**
   * A heartbeat message arrived (the network already dropped those that crossed a cut). A ping is the
   * manager's, which runs whatever its host's state; a reply is lost on a primary that is down or gone.
   */
  receive(message: Message, payload: Heartbeat): MessageDropReason | undefined {
    if (payload.phase === 'ping') {
      if (this.reachable(message.to)) this.hear(message.from, payload, message.to);
      return undefined;
    }
    const primary = this.cluster.nodes.get(message.to);
    if (primary === undefined) return 'removed';
    if (!primary.isUp) return 'down';
    if (primary.isPrimary) this.answered(primary, payload);
    return undefined;
  }

  private hear(from: NodeId, ping: Ping, host: NodeId): void {
    const primary = this.cluster.nodes.get(from);
    if (primary === undefined) return;
    const leader = this.leaderNode();
    const at = this.cluster.now();
    if (from === this.context.leader) this.actor.send({ type: 'HEARTBEAT', at, lsn: ping.lastLsn });
    else if (leader === undefined || !leader.isPrimary || ping.timeline > leader.timeline) {
      this.actor.send({ type: 'LEADER_CHANGED', nodeId: from, at, lsn: ping.lastLsn });
    }
    const current = this.leaderNode();
    const leaderTimeline = current?.timeline ?? 0;
    // While a replica is being promoted the old lock is gone: no lease for anyone until it is done.
    const grant =
      this.state !== 'promoting' && (from === this.context.leader || ping.timeline >= leaderTimeline);
    const reply: Reply = {
      kind: 'heartbeat',
      phase: 'reply',
      sentAt: ping.sentAt,
      grant,
      leader: this.context.leader,
      leaderTimeline,
    };
    if (host === from) this.answered(primary, reply);
    else
      this.cluster.network.send({
        from: host,
        to: from,
        kind: 'heartbeat',
        payload: reply,
        background: true,
      });
  }

  /** The manager's answer reached a primary: renew its lease, or step down for the newer leader. */
  private answered(primary: DbNode, reply: Reply): void {
    if (reply.grant) {
      this.leases.grant(primary, reply.sentAt);
      return;
    }
    // Paused, Patroni warns of a second primary but does not demote it.
    if (this.paused) return;
    const leader = reply.leader === undefined ? undefined : this.cluster.nodes.get(reply.leader);
    if (leader !== undefined && leader !== primary && reply.leaderTimeline > primary.timeline) {
      stepDown(this.cluster, this.records, primary, leader);
    }
  }

  private leaderNode(): DbNode | undefined {
    const leader = this.context.leader;
    return leader === undefined ? undefined : this.cluster.nodes.get(leader);
  }

  private elect(): void {
    if (this.state !== 'electing') return;
    // The lock is free only once the leader's lease ran out: a lease granted before `timeoutMs` was
    // shortened may outlast the timeout, and with fencing no one is promoted while it holds.
    const old = this.leaderNode();
    const holds = old?.isUp === true && old.isPrimary && !old.isFenced && this.cluster.now() < old.leaseUntil;
    if (this.cluster.failoverConfig.fencing && holds) return;
    const leader = this.context.leader ?? '';
    if (this.electionStartedAt === undefined) {
      this.electionStartedAt = this.cluster.now();
      this.cluster.emit({ type: 'failover-started', nodeId: leader, silentMs: this.silentMs() });
    }
    const candidate = chooseCandidate(this.cluster, this.leaderNode(), this.context.leaderLsn, (id) =>
      this.reachable(id),
    );
    if (candidate !== undefined) {
      this.actor.send({ type: 'CANDIDATE_CHOSEN', nodeId: candidate.id });
      return;
    }
    if (!this.noCandidateReported) {
      this.noCandidateReported = true;
      const reason = 'no replica is up, reachable and within the maximum lag on failover';
      this.cluster.emit({ type: 'failover-no-candidate', nodeId: leader, reason });
    }
  }

  private promoteCandidate(id: NodeId): void {
    if (this.paused) return;
    const node = this.cluster.nodes.get(id);
    const reachable = (nodeId: NodeId) => this.reachable(nodeId);
    if (node === undefined || !node.isUp || node.isPrimary || !reachable(id)) {
      this.actor.send({ type: 'PROMOTION_FAILED' });
      return;
    }
    const now = this.cluster.now();
    takeOver(this.cluster, this.records, node, {
      old: this.leaderNode() ?? this.cluster.rootOf(node),
      lastHeartbeatAt: this.context.lastHeartbeatAt,
      detectedAt: this.electionStartedAt ?? now,
      partitionedAt: this.partitionedAt,
      reachable,
    });
    this.leases.grant(node, now);
    this.actor.send({ type: 'PROMOTED', nodeId: node.id, at: now });
    // The new leader renews the lock it just took at once, not at the old leader's next tick: over a slow
    // link that tick plus the trip would look like silence.
    this.ping(node);
  }

  private reconfigure(): void {
    const leader = this.leaderNode();
    if (leader?.isPrimary === true) repointOrphans(this.cluster, leader, (id) => this.reachable(id));
  }

  /** An operator promoted a node by hand: it holds the lock now. */
  onPromoted(node: DbNode): void {
    this.actor.send({
      type: 'LEADER_CHANGED',
      nodeId: node.id,
      at: this.cluster.now(),
      lsn: node.log.lastLsn,
    });
    this.leases.grant(node, this.cluster.now());
    this.ping(node);
  }

  /** A restarted primary whose lease ran out comes up read-only until the manager renews it. */
  onRestart(node: DbNode): void {
    if (node.isPrimary) this.leases.check(node);
  }

  onPartition(groups: readonly (readonly NodeId[])[]): void {
    this.anchor = majoritySide(groups, [...this.cluster.nodes.keys()], this.context.leader)[0];
    this.partitionedAt = this.cluster.now();
  }

  onHeal(): void {
    this.anchor = undefined;
    this.partitionedAt = undefined;
  }

  view(): FailoverView {
    const { leader, candidate, lastHeartbeatAt } = this.context;
    const config = this.cluster.failoverConfig;
    const location = this.location();
    return {
      mode: config.mode,
      state: this.state,
      fencing: config.fencing,
      heartbeatMs: config.heartbeatMs,
      timeoutMs: config.timeoutMs,
      ...(config.maxLagOnFailover === undefined ? {} : { maxLagOnFailover: config.maxLagOnFailover }),
      ...(leader === undefined ? {} : { leader }),
      ...(location === undefined ? {} : { location }),
      lastHeartbeatAt,
      ...(candidate === undefined ? {} : { candidate }),
    };
  }
}

registerFailover((cluster, records) => new FailoverManager(cluster, records));
