/** The typed event log: everything that happened, in order; the oldest are dropped past a bound. */
import type { EngineEvent, EngineEventBody, SimTime } from '../types.ts';

const RETAIN = 5_000;

export class EventLog {
  private events: EngineEvent[] = [];
  private seq = 0;

  push(at: SimTime, body: EngineEventBody): void {
    this.events.push({ seq: this.seq++, at, ...body });
    if (this.events.length > RETAIN * 1.2) this.events = this.events.slice(-RETAIN);
  }

  all(): readonly EngineEvent[] {
    return this.events.length > RETAIN ? this.events.slice(-RETAIN) : this.events.slice();
  }

  get count(): number {
    return this.seq;
  }
}
