/**
 * What subsystems react to, by registration: the simulation says what happened (a node killed or
 * restarted, a partition, a heal, a commit) and delivers each message kind to whoever handles it,
 * without naming who listens. Modules register at load time (`onLifecycle`, `onMessage`) and objects
 * with state of their own at construction (`cluster.hooks.on`, `onPending`); each runs in the order it
 * asked for.
 */
import type { Cluster, Payload } from './cluster.ts';
import type { DbNode } from './node/dbNode.ts';
import type { OpRecord } from './observe/history.ts';
import type { Message, MessageDropReason, NodeId } from './types.ts';

export interface Lifecycle {
  /** A node went down (after the engine's own bookkeeping). */
  killed: (node: DbNode) => void;
  /** A node came back up. */
  restarted: (node: DbNode) => void;
  partitioned: (groups: readonly (readonly NodeId[])[]) => void;
  /** The network healed; `dropped` names the directed pairs that lost messages to the cut. */
  healed: (dropped: ReadonlySet<string>) => void;
  /** A primary flushed a group commit of these writes. */
  committed: (primary: DbNode, ops: readonly OpRecord[]) => void;
}

type LifecycleName = keyof Lifecycle;
type Listener<K extends LifecycleName> = { readonly order: number; readonly run: Lifecycle[K] };

/** When a listener runs among others: the failover manager first, then the multi-primary group. */
export const ORDER = { manager: 10, group: 20 } as const;

type ModuleListener = {
  [K in LifecycleName]: {
    name: K;
    order: number;
    run: (cluster: Cluster, ...args: Parameters<Lifecycle[K]>) => void;
  };
}[LifecycleName];

const MODULE_LISTENERS: ModuleListener[] = [];

/** A message handler of an object's own: undefined when a running receiver took the message, else why not. */
type DirectReceiver<P extends Payload> = (
  to: DbNode | undefined,
  message: Message,
  payload: P,
) => MessageDropReason | undefined;

/** Registers a module's reaction to something that happens to a cluster (at load time). */
export function onLifecycle<K extends LifecycleName>(
  name: K,
  order: number,
  run: (cluster: Cluster, ...args: Parameters<Lifecycle[K]>) => void,
): void {
  MODULE_LISTENERS.push({ name, order, run } as ModuleListener);
}

type Receiver<K extends Payload['kind']> = (
  cluster: Cluster,
  to: DbNode,
  message: Message,
  payload: Extract<Payload, { kind: K }>,
) => void;

const RECEIVERS = new Map<Payload['kind'], Receiver<Payload['kind']>>();

/** Registers the module that handles one kind of message (at load time). */
export function onMessage<K extends Payload['kind']>(kind: K, receive: Receiver<K>): void {
  if (RECEIVERS.has(kind)) throw new Error(`"${kind}" messages already have a receiver`);
  RECEIVERS.set(kind, receive as unknown as Receiver<Payload['kind']>);
}

/** One cluster's listeners and receivers. */
export class Hooks {
  private readonly listeners: { [K in LifecycleName]: Listener<K>[] } = {
    killed: [],
    restarted: [],
    partitioned: [],
    healed: [],
    committed: [],
  };
  private readonly receivers = new Map<
    Payload['kind'],
    (to: DbNode, message: Message, payload: Payload) => void
  >();

  constructor(cluster: Cluster) {
    for (const listener of MODULE_LISTENERS) {
      this.add(listener.name, listener.order, (...args: unknown[]) => {
        (listener.run as (cluster: Cluster, ...rest: unknown[]) => void)(cluster, ...args);
      });
    }
    for (const [kind, receive] of RECEIVERS) {
      this.receivers.set(kind, (to, message, payload) => {
        receive(cluster, to, message, payload);
      });
    }
  }

  /** Registers an object's reaction (at its construction). */
  on<K extends LifecycleName>(name: K, order: number, run: Lifecycle[K]): void {
    this.add(name, order, run);
  }

  /**
   * An object that handles a kind of message itself (the failover manager its heartbeats), whatever the
   * state of the node it is addressed to; it says whether a running receiver took it.
   */
  receive<K extends Payload['kind']>(kind: K, handle: DirectReceiver<Extract<Payload, { kind: K }>>): void {
    this.direct.set(kind, handle as DirectReceiver<Payload>);
  }

  private readonly direct = new Map<Payload['kind'], DirectReceiver<Payload>>();

  private readonly pendingChecks: (() => boolean)[] = [];

  /**
   * An object whose decisions can be settled by background work alone (a deposed primary's next heartbeat,
   * a promotion's timer) says when one is pending: `runUntilIdle` keeps running until none is. `check`
   * must turn false by itself, on the network as it is, within a bounded time, or it holds each run to its
   * limit: a consequence that depends on a heal is not determined yet.
   */
  onPending(check: () => boolean): void {
    this.pendingChecks.push(check);
  }

  /** Whether some consequence already determined has yet to land. */
  pending(): boolean {
    return this.pendingChecks.some((check) => check());
  }

  /** Tells every listener, in order. */
  emit<K extends LifecycleName>(name: K, ...args: Parameters<Lifecycle[K]>): void {
    for (const listener of this.listeners[name])
      (listener.run as (...a: Parameters<Lifecycle[K]>) => void)(...args);
  }

  /**
   * Routes a delivered message to its receiver; one for a node that is gone or down is lost, and says so
   * (undefined: a running receiver took it, even if only to ignore it).
   */
  deliver(to: DbNode | undefined, message: Message, payload: Payload): MessageDropReason | undefined {
    const direct = this.direct.get(payload.kind);
    if (direct !== undefined) return direct(to, message, payload);
    if (to === undefined) return 'removed';
    if (!to.isUp) return 'down';
    this.receivers.get(payload.kind)?.(to, message, payload);
    return undefined;
  }

  private add<K extends LifecycleName>(name: K, order: number, run: Lifecycle[K]): void {
    const list = this.listeners[name];
    list.push({ order, run });
    // Stable: listeners of equal order keep the order they registered in.
    list.sort((a, b) => a.order - b.order);
  }
}

/** Durations a subsystem may stretch: a replay step, a standby's fsync, a primary's commit flush. */
export type DurationKind = 'apply' | 'flush' | 'commit';

const DURATIONS: {
  readonly kind: DurationKind;
  readonly scale: (cluster: Cluster, node: DbNode, ms: number) => number;
}[] = [];

/** Registers a module that stretches (or shortens) one kind of duration on some nodes (at load time). */
export function onDuration(
  kind: DurationKind,
  scale: (cluster: Cluster, node: DbNode, ms: number) => number,
): void {
  DURATIONS.push({ kind, scale });
}

/** How long `kind` takes on `node`, after every registered module had its say. */
export function duration(cluster: Cluster, kind: DurationKind, node: DbNode, ms: number): number {
  let out = ms;
  for (const d of DURATIONS) if (d.kind === kind) out = d.scale(cluster, node, out);
  return out;
}

/**
 * State a subsystem keeps on a cluster, created with it and saved with it: `definePart` at load time, then
 * `cluster.part(PART)` where it is used. `load` reads back what `save` wrote (from untrusted JSON: check).
 */
export interface PartDefinition<S> {
  readonly name: string;
  readonly create: () => S;
  readonly save: (state: S) => unknown;
  readonly load: (data: unknown) => S;
}

const PARTS: PartDefinition<unknown>[] = [];

export function definePart<S>(part: PartDefinition<S>): PartDefinition<S> {
  if (PARTS.some((p) => p.name === part.name)) throw new Error(`part "${part.name}" is defined twice`);
  PARTS.push(part as PartDefinition<unknown>);
  return part;
}

/** Every defined part, in the order defined. */
export function partDefinitions(): readonly PartDefinition<unknown>[] {
  return PARTS;
}
