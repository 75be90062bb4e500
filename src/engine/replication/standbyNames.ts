/**
 * PostgreSQL's `synchronous_standby_names`: `FIRST n (s1, s2, ...)` (priority: the first n connected
 * standbys in list order must confirm), `ANY n (s1, s2, ...)` (quorum: any n of them), `n (s1, ...)` and
 * the legacy `s1, s2, ...` (both FIRST; the legacy list means FIRST 1). Its parser (standbyNamesParser.ts)
 * registers itself with the engine's optional parts (persist/registry.ts) as it loads: the engine's entry
 * imports it, and the lab's first frame leaves it out and loads it at once beside it (`loadStandbyNames()`).
 */
import { standbyNamesParser } from '../persist/registry.ts';

export interface SyncStandbyList {
  /** `first`: priority (sync_state `sync` and `potential`); `any`: quorum (sync_state `quorum`). */
  readonly method: 'first' | 'any';
  /** How many standbys must confirm a commit. */
  readonly num: number;
  /** Standby names (application_name, here the node id) in priority order; `*` matches any. */
  readonly names: readonly string[];
}

/** A standby's `pg_stat_replication.sync_state` as its primary sees it. */
export type SyncState = 'sync' | 'potential' | 'quorum' | 'async';

/** Parses the setting; returns the list, or a message saying what is wrong (or that the parser is not in yet). */
export function parseStandbyNames(text: string): SyncStandbyList | string {
  const parse = standbyNamesParser();
  return parse === undefined
    ? 'its parser is not loaded: await loadStandbyNames() from the engine first'
    : parse(text);
}

/** Whether a listed name stands for the standby `id` (`*` stands for any). */
export function namesStandby(name: string, id: string): boolean {
  return name === '*' || name.toLowerCase() === id.toLowerCase();
}

/** The setting as PostgreSQL would show it: `FIRST 1 (s1, s2)`. */
export function formatStandbyNames(list: SyncStandbyList): string {
  const names = list.names.map((name) => (/^[A-Za-z0-9_.*$-]+$/.test(name) ? name : `"${name}"`));
  return `${list.method.toUpperCase()} ${list.num} (${names.join(', ')})`;
}
