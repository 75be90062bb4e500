/** A node's replication log: a contiguous run of entries [startLsn, lastLsn]; older entries are compacted away. */
import type { LogEntry, Lsn } from '../types.ts';

export class Log {
  private entries: LogEntry[] = [];
  private head = 0;
  /** LSN of the first retained entry; entries before it were compacted or never held. */
  private start: Lsn;

  /** An empty log positioned after `lsn` (0 for a new node, a backup's position for a restored one). */
  constructor(after: Lsn = 0) {
    this.start = after + 1;
  }

  get startLsn(): Lsn {
    return this.start;
  }

  get lastLsn(): Lsn {
    return this.start + this.length - 1;
  }

  get length(): number {
    return this.entries.length - this.head;
  }

  append(entry: LogEntry): void {
    this.entries.push(entry);
  }

  get(lsn: Lsn): LogEntry | undefined {
    if (lsn < this.start) return undefined;
    return this.entries[this.head + lsn - this.start];
  }

  /** Entries from `from` to `to` inclusive (both must be retained). */
  slice(from: Lsn, to: Lsn): LogEntry[] {
    const offset = this.head - this.start;
    const first = Math.max(from, this.start) + offset;
    const last = Math.min(to + offset, this.entries.length - 1);
    // Exactly sized (a batch is often one entry; growing an empty array by push reserves seventeen).
    return this.entries.slice(first, Math.max(first, last + 1));
  }

  /** The newest `n` entries. */
  tail(n: number): LogEntry[] {
    return this.entries.slice(Math.max(this.head, this.entries.length - n));
  }

  /** Drops every entry after `lsn` (a rewind); returns what was dropped. */
  truncateAfter(lsn: Lsn): LogEntry[] {
    if (lsn >= this.lastLsn) return [];
    const keep = Math.max(lsn - this.start + 1, 0) + this.head;
    const dropped = this.entries.splice(keep);
    if (lsn < this.start - 1) this.start = lsn + 1;
    return dropped;
  }

  /** The retained entries and where they start. */
  save(): { readonly start: Lsn; readonly entries: readonly LogEntry[] } {
    return { start: this.start, entries: this.entries.slice(this.head) };
  }

  /** A log holding `entries` from `start` on. */
  static restored(start: Lsn, entries: readonly LogEntry[]): Log {
    const log = new Log(start - 1);
    log.entries = entries.slice();
    return log;
  }

  /** Keeps at most `retain` entries, and never drops entries at or after `keepFrom` (e.g. not yet applied). */
  compact(retain: number, keepFrom: Lsn): void {
    const target = Math.min(this.lastLsn - retain + 1, keepFrom);
    if (target <= this.start) return;
    this.head += target - this.start;
    this.start = target;
    // Free the array's front in chunks, not on every append.
    if (this.head > 4096 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}
