/** The typed event log: everything that happened, in order; the oldest are dropped past a bound. */
import type { EngineEvent, EngineEventBody, SimTime } from '../types.ts';

const RETAIN = 5_000;

export class EventLog {
  // Saved and put back by persist/state.ts.
  events: EngineEvent[] = [];
  seq = 0;

  push(at: SimTime, body: EngineEventBody): void {
    // One allocation per event: the body literal becomes the event (events are emitted often under load).
    const event = body as EngineEvent & { seq: number; at: SimTime };
    event.seq = this.seq++;
    event.at = at;
    this.events.push(event);
    if (this.events.length > RETAIN * 1.2) this.events = this.events.slice(-RETAIN);
  }

  all(): readonly EngineEvent[] {
    return this.events.length > RETAIN ? this.events.slice(-RETAIN) : this.events.slice();
  }

  get count(): number {
    return this.seq;
  }
}
