/** The cluster: the shared state every engine module works on (nodes, network, clock, observers). */
import { Network } from './network/network.ts';
import { DbNode, type Certification, type TimelineBranch, type Version } from './node/dbNode.ts';
import { History } from './observe/history.ts';
import { EventLog } from './observe/eventLog.ts';
import { inFlightRecord, recordEnded } from './observe/messages.ts';
import { createRandom, type Random } from './random.ts';
import { createActorClock, Scheduler } from './scheduler.ts';
import { installTasks } from './tasks.ts';
import { Hooks, partDefinitions, type PartDefinition } from './hooks.ts';
import { RETRY_MS } from './timing.ts';
import type { DatabaseSystem, Region, Scenario } from './scenario/schema.ts';
import { REGIONS } from './network/regions.ts';
import type {
  Backup,
  ConflictResolution,
  EngineEventBody,
  LogEntry,
  Lsn,
  NodeId,
  Role,
  SimTime,
  VersionVector,
} from './types.ts';
import { ConflictLedger } from './multiprimary/conflicts.ts';
import { CertificationRounds } from './multiprimary/certificationState.ts';
import { CommitState } from './replication/commitState.ts';
import { ShippingState } from './replication/senderState.ts';
import { SimulationError } from './api.ts';
import { syncRuleOf } from './replication/syncStandbys.ts';

/** What travels on the wire between nodes. */
export type Payload =
  | { kind: 'hello'; connId: number; timeline: number; receivedLsn: Lsn }
  | {
      kind: 'entries';
      connId: number;
      timeline: number;
      history: readonly TimelineBranch[];
      entries: readonly LogEntry[];
      senderLastLsn: Lsn;
    }
  | {
      kind: 'snapshot';
      connId: number;
      reason: 'retention' | 'rewind' | 'new-node';
      /** For a rewind: where the replica's history left the sender's. */
      branchLsn: Lsn;
      data: ReadonlyMap<string, Version>;
      lsn: Lsn;
      timeline: number;
      history: readonly TimelineBranch[];
      senderLastLsn: Lsn;
    }
  | { kind: 'ack'; connId: number; timeline: number; writtenLsn: Lsn; receivedLsn: Lsn; appliedLsn: Lsn }
  /** A primary renewing its leader lock with the failover manager, and the manager's answer. */
  | { kind: 'heartbeat'; phase: 'ping'; sentAt: SimTime; timeline: number; lastLsn: Lsn }
  | {
      kind: 'heartbeat';
      phase: 'reply';
      /** When the answered ping left the primary: the renewed lease runs from then. */
      sentAt: SimTime;
      /** The lease is renewed; otherwise the primary learns who leads now. */
      grant: boolean;
      leader: NodeId | undefined;
      leaderTimeline: number;
    }
  /** Multi-primary: a subscription to a peer's own writes from `fromSeq` on, its batches and confirmations. */
  | { kind: 'peer-hello'; connId: number; fromSeq: number }
  | { kind: 'peer-entries'; connId: number; entries: readonly LogEntry[] }
  | { kind: 'peer-ack'; connId: number; seq: number }
  /** Sync groups: a write-set to certify, a member's vote on it, and its origin's decision. */
  | { kind: 'certify'; certId: number; key: string; value: string; order: SimTime; baseVv: VersionVector }
  /** A no names the write-set certified first. */
  | { kind: 'vote'; certId: number; ok: boolean; first?: Certification }
  | { kind: 'decided'; certId: number; committed: boolean; originSeq?: number };

export interface StoredBackup extends Backup {
  readonly versions: ReadonlyMap<string, Version>;
  readonly history: readonly TimelineBranch[];
}

export class Cluster {
  readonly scheduler = new Scheduler();
  readonly random: Random;
  readonly network: Network<Payload>;
  readonly nodes = new Map<NodeId, DbNode>();
  readonly history = new History();
  readonly events = new EventLog();
  readonly backups = new Map<string, StoredBackup>();
  /** Each subsystem's cluster-wide state: commits waiting (syncCommit.ts), scheduled shipping (sender.ts). */
  readonly commit = new CommitState();
  readonly shipping = new ShippingState();
  /** Settings `configure` may change while the cluster runs (configure.ts). */
  config: Scenario['replication'];
  failoverConfig: Scenario['failover'];
  conflictResolution: ConflictResolution;
  /** The database the scenario models: whose error texts its nodes answer with (serverErrors.ts). */
  readonly system: DatabaseSystem;
  /** The scenario's regions (empty without): the latency between them is the network's. */
  readonly regions: readonly Region[];
  /** The primaries that replicate to each other (a multi-primary group); empty with one primary. */
  readonly group = new Set<NodeId>();
  readonly conflicts = new ConflictLedger();
  /** Sync groups: certifications under way (certification.ts). */
  readonly certifying = new CertificationRounds();
  /** Observes every event as it is emitted (the failover records watch acknowledgements and losses). */
  onEmit: ((body: EngineEventBody) => void) | undefined;
  nextConnId = 1;
  nextBackupId = 1;
  /** Each node object's unique number: a task for a removed node never touches one re-added under its name. */
  nextUid = 1;
  maxTimeline = 1;
  /** Bumped on every change; the snapshot is rebuilt only when it moved. */
  version = 0;

  /** What subsystems react to, and who receives each kind of message (hooks.ts). */
  readonly hooks: Hooks;
  /** Each subsystem's own state (`definePart`), by its name. */
  /** Each part's state, by name (saved and put back by persist/state.ts). */
  readonly parts = new Map<string, unknown>();

  constructor(scenario: Scenario) {
    this.config = scenario.replication;
    this.failoverConfig = scenario.failover;
    this.conflictResolution = scenario.conflictResolution;
    this.system = scenario.system;
    const primaries = scenario.nodes.filter((n) => n.role === 'primary');
    if (primaries.length > 1) for (const p of primaries) this.group.add(p.id);
    this.random = createRandom(scenario.seed);
    installTasks(this);
    this.hooks = new Hooks(this);
    for (const part of partDefinitions()) this.parts.set(part.name, part.create());
    this.network = new Network<Payload>(
      this.scheduler,
      this.random.fork(1),
      scenario.network.latencyMs,
      scenario.network.jitterMs,
      (message, payload) => this.hooks.deliver(this.nodes.get(message.to), message, payload),
      { ended: recordEnded, inFlight: inFlightRecord },
    );
    this.regions = scenario.regions;
    for (const link of scenario.network.between)
      this.network.between.set(`${link.from}>${link.to}`, {
        latencyMs: link.latencyMs,
        ...(link.jitterMs === undefined ? {} : { jitterMs: link.jitterMs }),
      });
    for (const link of scenario.network.links) this.network.setLatency(link.a, link.b, link.latencyMs);
    const regions = this.part(REGIONS);
    for (const node of scenario.nodes) {
      if (node.region !== undefined) regions.nodes.set(node.id, node.region);
      if (node.label !== undefined) regions.labels.set(node.id, node.label);
    }
    // Read through the part each time: a restore replaces it with the saved one.
    if (this.regions.length > 0) this.network.regionOf = (id) => this.part(REGIONS).nodes.get(id);
  }

  /** A subsystem's own state on this cluster. */
  part<S>(definition: PartDefinition<S>): S {
    return this.parts.get(definition.name) as S;
  }

  now(): number {
    return this.scheduler.now();
  }

  emit(body: EngineEventBody): void {
    this.events.push(this.now(), body);
    this.onEmit?.(body);
  }

  /** The node named `id` (untrusted callers may pass anything, so anything else is an unknown node). */
  node(id: unknown): DbNode {
    const node = typeof id === 'string' ? this.nodes.get(id) : undefined;
    if (node === undefined) throw new SimulationError(`unknown node "${String(id)}"`);
    return node;
  }

  createNode(
    id: NodeId,
    role: Role,
    options: {
      upstream?: NodeId;
      sync?: boolean;
      applyRate?: number;
      applyDelayMs?: number;
      after?: Lsn;
      /** A restore's saved machine snapshot and node number. */
      snapshot?: unknown;
      uid?: number;
    },
  ): DbNode {
    const node = new DbNode(id, role, {
      ...(options.upstream === undefined ? {} : { upstream: options.upstream }),
      ...(options.after === undefined ? {} : { after: options.after }),
      sync: options.sync ?? true,
      applyRate: options.applyRate ?? this.config.applyRate,
      applyDelayMs: options.applyDelayMs ?? 0,
      retryMs: RETRY_MS,
      clock: createActorClock(this.scheduler),
      uid: options.uid ?? this.nextUid++,
      ...(options.snapshot === undefined ? {} : { snapshot: options.snapshot }),
    });
    this.nodes.set(id, node);
    return node;
  }

  /** The primary at the root of a node's upstream chain. */
  rootOf(node: DbNode): DbNode {
    let current = node;
    for (let hops = 0; hops <= this.nodes.size && current.upstream !== undefined; hops++) {
      const next = this.nodes.get(current.upstream);
      if (next === undefined) break;
      current = next;
    }
    return current;
  }

  primaries(): DbNode[] {
    return [...this.nodes.values()].filter((n) => n.isPrimary);
  }

  upPrimaries(): DbNode[] {
    return this.primaries().filter((n) => n.isUp);
  }

  /** The primary writes should go to: an up one on the newest timeline, else the newest. */
  currentPrimary(): DbNode | undefined {
    // Asked for every workload write: one pass, no arrays. The first on the newest timeline wins.
    let up: DbNode | undefined;
    let any: DbNode | undefined;
    for (const node of this.nodes.values()) {
      if (!node.isPrimary) continue;
      if (any === undefined || node.timeline > any.timeline) any = node;
      if (node.isUp && (up === undefined || node.timeline > up.timeline)) up = node;
    }
    return up ?? any;
  }

  downstreamOf(id: NodeId): DbNode[] {
    return [...this.nodes.values()].filter((n) => n.upstream === id);
  }

  /** Direct replicas that may confirm this primary's commits, in priority order (see `syncRuleOf`). */
  syncCandidates(primary: DbNode): DbNode[] {
    return [...syncRuleOf(this, primary).members];
  }

  /**
   * Confirmations a commit needs: `n` of `FIRST n` / `ANY n` in `synchronousStandbyNames`, else all
   * `sync` replicas (sync) or `syncCount` of them (semi-sync, PostgreSQL `ANY k`); 0 when none count.
   */
  requiredConfirmations(primary: DbNode): number {
    return syncRuleOf(this, primary).num;
  }

  /** The other members of `node`'s multi-primary group, up or down. */
  peersOf(node: DbNode): DbNode[] {
    if (!this.group.has(node.id)) return [];
    const peers: DbNode[] = [];
    for (const id of this.group) {
      const peer = this.nodes.get(id);
      if (peer !== undefined && peer !== node) peers.push(peer);
    }
    return peers;
  }

  isMultiPrimary(): boolean {
    return this.group.size > 1;
  }

  /** Up primaries that accept writes (not fenced). */
  writablePrimaries(): DbNode[] {
    return this.upPrimaries().filter((n) => !n.isFenced && n.certification.quorum);
  }

  isReadOnly(): boolean {
    return this.writablePrimaries().length === 0;
  }

  touch(): void {
    this.version++;
  }
}
