/**
 * The failover manager machine (Patroni with its consensus store): watches the leader's heartbeats and
 * replaces it after `timeoutMs` of silence; paused (Patroni's maintenance mode), it keeps the lock's
 * holder up to date but runs no timers. New timings apply to the next watch or timeout it starts.
 */
import { assign, emit } from 'xstate';
import { setup } from '../machineSetup.ts';
import type { Lsn, NodeId, SimTime } from '../types.ts';

export interface ManagerInput {
  readonly leader: NodeId | undefined;
  readonly heartbeatMs: number;
  readonly timeoutMs: number;
  /** When the manager starts: the leader's silence is counted from then. */
  readonly at: SimTime;
}

export interface ManagerContext {
  readonly heartbeatMs: number;
  readonly timeoutMs: number;
  /** The primary holding the leader lock. */
  readonly leader: NodeId | undefined;
  /** The leader's last reported position (Patroni's `/optime/leader`), for `maximum_lag_on_failover`. */
  readonly leaderLsn: Lsn;
  readonly lastHeartbeatAt: SimTime;
  readonly candidate: NodeId | undefined;
  /**
   * The suspicion delay of the watch under way, fixed when it started, so timings changed during the
   * watch still put the election `timeoutMs` plus the margin after the last heartbeat (absent in saves
   * from before timings could change, where it is `suspectAfterMs` of the context's timings).
   */
  readonly suspicionMs?: number;
}

export type ManagerEvent =
  | { type: 'HEARTBEAT'; at: SimTime; lsn: Lsn }
  | { type: 'LEADER_CHANGED'; nodeId: NodeId; at: SimTime; lsn: Lsn }
  | { type: 'CANDIDATE_CHOSEN'; nodeId: NodeId }
  | { type: 'PROMOTED'; nodeId: NodeId; at: SimTime }
  | { type: 'PROMOTION_FAILED' }
  /** `configure` changed `loop_wait` / `ttl`. */
  | { type: 'TIMINGS_CHANGED'; heartbeatMs: number; timeoutMs: number }
  /** `patronictl pause` and `resume`: failover set to manual, then back to automatic. */
  | { type: 'PAUSED' }
  | { type: 'RESUMED' };

/** Intents the machine emits; the manager wiring (manager.ts) carries them out against the cluster. */
export type ManagerEmitted =
  { type: 'suspect' } | { type: 'elect' } | { type: 'promote'; nodeId: NodeId } | { type: 'reconfigure' };

/** How long promotion takes (`pg_promote()`: end of recovery and a checkpoint), ms. */
export const PROMOTION_MS = 100;

/** A missed heartbeat raises suspicion; a failover waits for the full timeout. */
export function suspectAfterMs(heartbeatMs: number, timeoutMs: number): number {
  return Math.min(Math.round(heartbeatMs * 1.5), timeoutMs);
}

/**
 * Extra wait past `timeoutMs` before promoting (Patroni's watchdog `safety_margin`): the old primary's
 * lease runs from when it sent its last answered heartbeat, so it has fenced itself before this.
 */
export function safetyMarginMs(timeoutMs: number): number {
  return Math.max(1, Math.round(timeoutMs / 10));
}

/** The suspicion delay of the watch under way. */
function suspicionOf(context: ManagerContext): number {
  return context.suspicionMs ?? suspectAfterMs(context.heartbeatMs, context.timeoutMs);
}

/** A new watch starts: its suspicion delay is fixed from the timings in force now. */
function watchFrom(context: ManagerContext): Pick<ManagerContext, 'suspicionMs'> {
  return { suspicionMs: suspectAfterMs(context.heartbeatMs, context.timeoutMs) };
}

export const managerMachine = setup({
  types: {
    context: {} as ManagerContext,
    events: {} as ManagerEvent,
    input: {} as ManagerInput,
    emitted: {} as ManagerEmitted,
  },
  actions: {
    recordHeartbeat: assign(({ context, event }) =>
      event.type === 'HEARTBEAT'
        ? { lastHeartbeatAt: event.at, leaderLsn: event.lsn, ...watchFrom(context) }
        : {},
    ),
    adoptLeader: assign(({ context, event }) =>
      event.type === 'LEADER_CHANGED' || event.type === 'PROMOTED'
        ? { leader: event.nodeId, lastHeartbeatAt: event.at, candidate: undefined, ...watchFrom(context) }
        : {},
    ),
    takeTimings: assign(({ event }) =>
      event.type === 'TIMINGS_CHANGED' ? { heartbeatMs: event.heartbeatMs, timeoutMs: event.timeoutMs } : {},
    ),
    startWatch: assign(({ context }) => watchFrom(context)),
    adoptLeaderPosition: assign(({ event }) =>
      event.type === 'LEADER_CHANGED' ? { leaderLsn: event.lsn } : {},
    ),
    rememberCandidate: assign(({ event }) =>
      event.type === 'CANDIDATE_CHOSEN' ? { candidate: event.nodeId } : {},
    ),
    forgetCandidate: assign({ candidate: undefined }),
    announceSuspicion: emit({ type: 'suspect' as const }),
    chooseCandidate: emit({ type: 'elect' as const }),
    promoteCandidate: emit(({ context }) => ({ type: 'promote' as const, nodeId: context.candidate ?? '' })),
    repointReplicas: emit({ type: 'reconfigure' as const }),
  },
  delays: {
    suspicionDelay: ({ context }) => suspicionOf(context),
    electionDelay: ({ context }) =>
      Math.max(0, context.timeoutMs + safetyMarginMs(context.timeoutMs) - suspicionOf(context)),
    retryInterval: ({ context }) => context.heartbeatMs,
    promotionTime: PROMOTION_MS,
  },
}).createMachine({
  id: 'failoverManager',
  context: ({ input }) => ({
    heartbeatMs: input.heartbeatMs,
    timeoutMs: input.timeoutMs,
    leader: input.leader,
    leaderLsn: 0,
    lastHeartbeatAt: input.at,
    candidate: undefined,
    suspicionMs: suspectAfterMs(input.heartbeatMs, input.timeoutMs),
  }),
  initial: 'watching',
  on: {
    LEADER_CHANGED: { target: '.watching', reenter: true, actions: ['adoptLeader', 'adoptLeaderPosition'] },
    TIMINGS_CHANGED: { actions: 'takeTimings' },
    PAUSED: { target: '.paused', actions: 'forgetCandidate' },
  },
  states: {
    /** Heartbeats arrive every `heartbeatMs`; each one restarts the clock. */
    watching: {
      on: { HEARTBEAT: { target: 'watching', reenter: true, actions: 'recordHeartbeat' } },
      after: { suspicionDelay: 'suspecting' },
    },
    /** A heartbeat is overdue; the leader's lock has not expired yet. */
    suspecting: {
      entry: 'announceSuspicion',
      on: { HEARTBEAT: { target: 'watching', actions: 'recordHeartbeat' } },
      after: { electionDelay: 'electing' },
    },
    /** The lock expired: find the most advanced eligible replica, retrying while there is none. */
    electing: {
      entry: 'chooseCandidate',
      on: {
        HEARTBEAT: { target: 'watching', actions: 'recordHeartbeat' },
        CANDIDATE_CHOSEN: { target: 'promoting', actions: 'rememberCandidate' },
      },
      after: { retryInterval: { target: 'electing', reenter: true } },
    },
    /** The candidate is being promoted; the decision stands even if the old leader speaks up now. */
    promoting: {
      after: { promotionTime: { actions: 'promoteCandidate' } },
      on: {
        PROMOTED: { target: 'reconfiguring', actions: 'adoptLeader' },
        PROMOTION_FAILED: { target: 'electing', actions: 'forgetCandidate' },
      },
    },
    /** The other replicas are re-pointed; done when the new leader's first heartbeat arrives. */
    reconfiguring: {
      entry: 'repointReplicas',
      on: { HEARTBEAT: { target: 'watching', actions: 'recordHeartbeat' } },
      after: { suspicionDelay: 'suspecting' },
    },
    /**
     * Maintenance mode: no timers, so no failover. The leader still renews its lock, and a primary that
     * takes over (promoted by hand) holds it; resumed, the manager gives the leader a full timeout.
     */
    paused: {
      on: {
        RESUMED: { target: 'watching', actions: 'startWatch' },
        HEARTBEAT: { actions: 'recordHeartbeat' },
        LEADER_CHANGED: { actions: ['adoptLeader', 'adoptLeaderPosition'] },
      },
    },
  },
});
