/** The typed event log: everything that happened, in order; the oldest are dropped past a bound. */
import type { EngineEvent, EngineEventBody, SimTime } from '../types.ts';

const RETAIN = 5_000;

export class EventLog {
  private events: EngineEvent[] = [];
  private seq = 0;

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

  /** Events are immutable: a save shares them. */
  save(): { readonly events: readonly EngineEvent[]; readonly seq: number } {
    return { events: this.events.slice(-RETAIN), seq: this.seq };
  }

  load(state: { readonly events: readonly EngineEvent[]; readonly seq: number }): void {
    this.events = state.events.slice();
    this.seq = state.seq;
  }
}
