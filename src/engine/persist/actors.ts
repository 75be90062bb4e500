/**
 * XState actors in saved state: their persisted snapshot (state and context) and their pending timers
 * (delayed transitions), each with its place in the engine's queue, so a restored actor fires them at the
 * same instant and in the same order as the original.
 */
import type { AnyActor, EventObject } from 'xstate';
import type { ActorClock, Scheduler } from '../scheduler.ts';
import type { SimTime } from '../types.ts';

export interface SavedTimer {
  readonly at: SimTime;
  readonly seq: number;
  readonly id: string;
  readonly event: EventObject;
}

export interface SavedActor {
  readonly snapshot: unknown;
  readonly timers: readonly SavedTimer[];
}

export function saveActor(actor: AnyActor, clock: ActorClock, scheduler: Scheduler): SavedActor {
  const handles = clock.pending();
  // XState lists its scheduled events in the order they were set, as the clock keeps its timers.
  const events = Object.values(actor.system.getSnapshot()._scheduledEvents);
  if (handles.length !== events.length)
    throw new Error(`an actor has ${events.length} scheduled events but ${handles.length} timers`);
  return {
    snapshot: actor.getPersistedSnapshot(),
    timers: handles.map((handle, i) => {
      const scheduled = events[i] as (typeof events)[number];
      return { ...scheduler.placeOf(handle), id: scheduled.id, event: scheduled.event };
    }),
  };
}

/** Puts a started actor's timers back in the queue, each at its saved time and place. */
export function restoreTimers(actor: AnyActor, timers: readonly SavedTimer[], scheduler: Scheduler): void {
  for (const { at, seq, id, event } of timers) {
    scheduler.fillSlot(at, seq);
    actor.system.scheduler.schedule(actor, actor, event, at - scheduler.now(), id);
  }
}
