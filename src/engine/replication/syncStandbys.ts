/**
 * Which standbys a primary's commits wait for, and how many: in sync mode PostgreSQL's
 * `synchronous_standby_names` when the scenario gives it, else every `sync` direct replica; in
 * semi-sync mode `syncCount` of the `sync` direct replicas (PostgreSQL's `ANY k`). Only a primary's direct replicas can confirm: a cascaded
 * standby is not connected to it, so naming one makes commits wait, as on the real server.
 */
import type { Cluster } from '../cluster.ts';
import type { DbNode } from '../node/dbNode.ts';
import type { Lsn } from '../types.ts';
import { namesStandby, type SyncState } from './standbyNames.ts';

export interface SyncRule<Member = DbNode> {
  /** `first`: the first `num` connected members in priority order confirm; `any`: any `num` of them. */
  readonly method: 'first' | 'any';
  /** Confirmations a commit needs; 0 means commits do not wait. */
  readonly num: number;
  /** The primary's direct replicas that may confirm, in priority order (list order). */
  readonly members: readonly Member[];
}

const NO_WAIT: SyncRule = { method: 'first', num: 0, members: [] };

export function syncRuleOf(cluster: Cluster, primary: DbNode): SyncRule {
  const { mode, syncCount, synchronousStandbyNames: list } = cluster.config;
  if (mode !== 'sync' && mode !== 'semi-sync') return NO_WAIT;
  // In a multi-primary group `sync` means certification among the primaries; their replicas are async.
  if (cluster.group.has(primary.id)) return NO_WAIT;
  const direct = cluster.downstreamOf(primary.id);
  // The list is sync mode's rule; semi-sync keeps its own (`syncCount` of the sync replicas).
  if (list === undefined || mode === 'semi-sync') {
    const members = direct.filter((n) => n.sync);
    if (members.length === 0) return NO_WAIT;
    return mode === 'sync'
      ? { method: 'first', num: members.length, members }
      : { method: 'any', num: syncCount, members };
  }
  const members: DbNode[] = [];
  for (const name of list.names) {
    for (const node of direct) if (!members.includes(node) && namesStandby(name, node.id)) members.push(node);
  }
  return { method: list.method, num: list.num, members };
}

/**
 * The highest LSN a waiting commit may be released at, given each member's confirmed position
 * (`undefined` when it is not connected): under FIRST the oldest position of the `num` chosen by
 * priority, under ANY the `num`-th highest. -1 while too few are connected.
 */
export function releasableLsn<Member>(
  rule: SyncRule<Member>,
  position: (member: Member) => Lsn | undefined,
): Lsn {
  if (rule.num === 0) return Infinity;
  const connected: Lsn[] = [];
  for (const member of rule.members) {
    const lsn = position(member);
    if (lsn !== undefined) connected.push(lsn);
  }
  if (connected.length < rule.num) return -1;
  if (rule.method === 'first') return Math.min(...connected.slice(0, rule.num));
  return connected.sort((a, b) => b - a)[rule.num - 1] ?? -1;
}

/**
 * A standby's `sync_state` as its primary sees it. Under FIRST, the first `num` connected members are
 * `sync` and the rest `potential`; while fewer are connected, the missing slots go to the disconnected
 * members of highest priority, which is what commits are waiting for.
 */
export function syncStateOf(cluster: Cluster, node: DbNode): SyncState {
  const upstream = node.upstream === undefined ? undefined : cluster.nodes.get(node.upstream);
  if (upstream?.isPrimary !== true) return 'async';
  const rule = syncRuleOf(cluster, upstream);
  if (rule.num === 0 || !rule.members.includes(node)) return 'async';
  if (rule.method === 'any') return 'quorum';
  // Connected means streaming: a standby in `catchup` is `potential` until it has caught up.
  const streams = (m: DbNode) => upstream.sender.links.get(m.id)?.streaming === true;
  const connected = rule.members.filter(streams);
  const waitedFor = rule.members.filter((m) => !streams(m));
  const chosen = [...connected, ...waitedFor].slice(0, rule.num);
  return chosen.includes(node) ? 'sync' : 'potential';
}
