/**
 * XState actors in saved state: their persisted snapshot (state and context) and their pending timers
 * (delayed transitions), each with its place in the engine's queue, so a restored actor fires them at the
 * same instant and in the same order as the original.
 */
import type { AnyActor, EventObject } from 'xstate';
import type { ActorClock, Scheduler } from '../scheduler.ts';
import type { SimTime } from '../types.ts';
import type { Reader } from './reader.ts';

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

/** The persisted snapshot to create the actor from (checked by the machine's own state names). */
export function actorSnapshot(r: Reader): unknown {
  const snapshot = r.at('snapshot');
  if (snapshot.str('status') !== 'active') snapshot.at('status').fail('expected an active actor');
  if (snapshot.raw('value') === undefined) snapshot.at('value').fail('expected a state');
  snapshot.at('context').value satisfies unknown;
  return snapshot.value;
}

/** Puts a started actor's timers back in the queue, each at its saved time and place. */
export function restoreTimers(actor: AnyActor, r: Reader, scheduler: Scheduler): void {
  for (const timer of r.list('timers', (t) => t)) {
    const at = timer.num('at');
    const seq = timer.num('seq');
    const id = timer.str('id');
    const type = timer.at('event').str('type');
    if (at < scheduler.now()) timer.at('at').fail('is in the past');
    scheduler.fillSlot(at, seq);
    actor.system.scheduler.schedule(actor, actor, { type }, at - scheduler.now(), id);
  }
}
