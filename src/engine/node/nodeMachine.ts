/** The node machine: a database server's lifecycle and role. Data lives in DbNode; this decides what state it is in. */
import { assign, emit, type StateValue, type StateValueFrom } from 'xstate';
import { setup } from '../machineSetup.ts';
import type { NodeId, Role } from '../types.ts';

export interface NodeContext {
  readonly id: NodeId;
  readonly role: Role;
  /** How long a replica waits before retrying its upstream (PostgreSQL `wal_retrieve_retry_interval`). */
  readonly retryMs: number;
}

export interface NodeInput {
  readonly id: NodeId;
  readonly role: Role;
  readonly retryMs: number;
}

export type NodeEvent =
  | { type: 'KILL' }
  | { type: 'RESTART' }
  | { type: 'PROMOTE' }
  | { type: 'DEMOTE' }
  | { type: 'STREAM_STARTED'; caughtUp: boolean }
  | { type: 'CAUGHT_UP' }
  | { type: 'SNAPSHOT_STARTED' }
  | { type: 'SNAPSHOT_RESTORED'; caughtUp: boolean }
  | { type: 'DISCONNECTED' }
  | { type: 'SYNC_TIMED_OUT' }
  | { type: 'SYNC_RESTORED' }
  | { type: 'LEASE_EXPIRED' }
  | { type: 'LEASE_RENEWED' };

/** Intents the machine emits; the engine carries them out. */
export type NodeEmitted = { type: 'connect' } | { type: 'recovering' };

/** Every path of a machine's state value, dotted: { primary: 'serving' } gives "primary.serving". */
type Dotted<V> = V extends string
  ? V
  : { [K in keyof V & string]-?: `${K}.${Dotted<NonNullable<V[K]>>}` }[keyof V & string];
/** The states with children: an active one is always an object, never its bare name. */
type Compound<V> = V extends string ? never : keyof V & string;
type NodeStateValue = StateValueFrom<typeof nodeMachine>;

/**
 * A node's state as `NodeView.state` shows it ("down", "primary.serving", "replica.streaming"),
 * derived from the machine's config, so renaming a state breaks the build, not a comparison.
 */
export type NodeStateName = Exclude<Dotted<NodeStateValue>, Compound<NodeStateValue>>;

function dotted(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0] ?? ['', undefined];
  return child === undefined ? key : `${key}.${dotted(child)}`;
}

/** "primary.serving" from { primary: 'serving' }. */
export function stateName(value: NodeStateValue): NodeStateName {
  return dotted(value) as NodeStateName;
}

export const nodeMachine = setup({
  types: {
    context: {} as NodeContext,
    events: {} as NodeEvent,
    input: {} as NodeInput,
    emitted: {} as NodeEmitted,
  },
  guards: {
    isPrimary: ({ context }) => context.role === 'primary',
    isCaughtUp: ({ event }) =>
      (event.type === 'STREAM_STARTED' || event.type === 'SNAPSHOT_RESTORED') && event.caughtUp,
  },
  actions: {
    becomePrimary: assign({ role: 'primary' as const }),
    becomeReplica: assign({ role: 'replica' as const }),
    requestConnection: emit({ type: 'connect' as const }),
    replayReceivedLog: emit({ type: 'recovering' as const }),
  },
  delays: {
    retryInterval: ({ context }) => context.retryMs,
  },
}).createMachine({
  id: 'node',
  context: ({ input }) => ({ id: input.id, role: input.role, retryMs: input.retryMs }),
  initial: 'booting',
  on: {
    KILL: { target: '.down' },
  },
  states: {
    booting: {
      entry: 'replayReceivedLog',
      always: [{ guard: 'isPrimary', target: 'primary' }, { target: 'replica' }],
    },
    primary: {
      initial: 'serving',
      on: {
        DEMOTE: { target: 'replica', actions: 'becomeReplica' },
        LEASE_EXPIRED: '.fenced',
      },
      states: {
        serving: { on: { SYNC_TIMED_OUT: 'degraded' } },
        /** Synchronous commit gave up waiting and acknowledges asynchronously (MySQL semi-sync fallback). */
        degraded: { on: { SYNC_RESTORED: 'serving' } },
        /** Lost its leader lease: read-only until the manager renews it (Patroni demotes on losing the lock). */
        fenced: { on: { LEASE_RENEWED: 'serving' } },
      },
    },
    replica: {
      initial: 'connecting',
      on: {
        PROMOTE: { target: 'primary', actions: 'becomePrimary' },
        DISCONNECTED: { target: '.connecting', reenter: true },
        DEMOTE: { target: '.connecting', reenter: true },
      },
      states: {
        connecting: {
          entry: 'requestConnection',
          after: { retryInterval: { target: 'connecting', reenter: true } },
          on: {
            STREAM_STARTED: [{ guard: 'isCaughtUp', target: 'streaming' }, { target: 'catchingUp' }],
            SNAPSHOT_STARTED: 'resyncing',
          },
        },
        /** PostgreSQL `catchup`: streaming, but not yet at zero lag for the first time. */
        catchingUp: { on: { CAUGHT_UP: 'streaming', SNAPSHOT_STARTED: 'resyncing' } },
        streaming: { on: { SNAPSHOT_STARTED: 'resyncing' } },
        /** Copying a full snapshot (a base backup) because catch-up from the log is impossible. */
        resyncing: {
          on: {
            SNAPSHOT_RESTORED: [{ guard: 'isCaughtUp', target: 'streaming' }, { target: 'catchingUp' }],
          },
        },
      },
    },
    down: {
      on: {
        RESTART: 'booting',
        DEMOTE: { actions: 'becomeReplica' },
      },
    },
  },
});
