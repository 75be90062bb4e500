/**
 * Log entries in saved state. Entries are immutable and shared (between nodes' logs, their data, outboxes,
 * messages and backups), so a save lists each once and refers to it by index; a restore makes each once,
 * so the restored entries are shared the same way.
 */
import { dict } from '../dict.ts';
import type { LogEntry, SiblingVersion } from '../types.ts';
import type { Reader } from './reader.ts';

/** Collects the entries a save refers to, each once. */
export class EntryPool {
  private readonly index = new Map<LogEntry, number>();
  readonly entries: LogEntry[] = [];

  ref(entry: LogEntry): number {
    let i = this.index.get(entry);
    if (i === undefined) {
      i = this.entries.length;
      this.index.set(entry, i);
      this.entries.push(entry);
    }
    return i;
  }

  refs(entries: readonly LogEntry[]): number[] {
    return entries.map((e) => this.ref(e));
  }
}

function readSibling(r: Reader): SiblingVersion {
  return {
    value: r.str('value'),
    origin: r.str('origin'),
    committedAt: r.num('committedAt'),
    opId: r.num('opId'),
    originSeq: r.num('originSeq'),
    vv: r.counters('vv'),
  };
}

/** A saved entry, checked, as a new entry (version vectors prototype-free again). */
export function readEntry(r: Reader): LogEntry {
  const entry: { -readonly [K in keyof LogEntry]: LogEntry[K] } = {
    lsn: r.num('lsn'),
    timeline: r.num('timeline'),
    origin: r.str('origin'),
    committedAt: r.num('committedAt'),
    key: r.str('key'),
    value: r.str('value'),
    opId: r.num('opId'),
  };
  const originSeq = r.optNum('originSeq');
  if (originSeq !== undefined) entry.originSeq = originSeq;
  if (r.raw('vv') !== undefined) entry.vv = r.counters('vv');
  if (r.raw('siblings') !== undefined) entry.siblings = r.list('siblings', readSibling);
  return entry;
}

/** The restored entries, and a lookup of saved indices that fails with the path when one is out of range. */
export class EntryTable {
  constructor(readonly entries: readonly LogEntry[]) {}

  get(r: Reader): LogEntry {
    const i = r.asNum();
    const entry = this.entries[i];
    if (entry === undefined) r.fail(`no saved entry #${i}`);
    return entry;
  }

  list(r: Reader, name: string): LogEntry[] {
    return r.list(name, (item) => this.get(item));
  }
}

/** A version vector copied into a prototype-free record. */
export const copyVv = (vv: Readonly<Record<string, number>>): Record<string, number> =>
  dict(Object.entries(vv));
