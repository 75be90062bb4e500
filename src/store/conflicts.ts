/** Pure questions about the conflict ledger the store mirrors: what changed, per-node counts, who can resolve. */
import { dict, type ConflictRecord, type NodeView } from '../engine/index.ts';

/** The ledger keeps the most recent conflicts (the engine's count stays exact). */
export const CONFLICTS_KEPT = 200;

/** How many conflicts each node took part in (as an origin or where detected), and the latest one's time. */
export interface NodeConflicts {
  readonly count: number;
  readonly lastAt: number;
}

export function conflictsByNode(records: readonly ConflictRecord[]): Readonly<Record<string, NodeConflicts>> {
  const out = dict<NodeConflicts>();
  for (const record of records) {
    for (const id of record.nodeIds) {
      const seen = out[id];
      out[id] = { count: (seen?.count ?? 0) + 1, lastAt: Math.max(seen?.lastAt ?? 0, record.at) };
    }
  }
  return out;
}

/**
 * A string that changes whenever the ledger does: a new record, a node detecting one again, siblings
 * merged. Comparing it lets the store skip re-rendering the ledger when nothing in it changed.
 */
export function ledgerSignature(records: readonly ConflictRecord[]): string {
  let detections = 0;
  let resolved = 0;
  for (const record of records) {
    detections += record.detectedOn.length;
    if (record.resolvedAt !== null) resolved += 1;
  }
  return `${records.at(-1)?.id ?? 0}:${records.length}:${detections}:${resolved}`;
}

/** The signature of an empty ledger. */
export const NO_CONFLICTS = ledgerSignature([]);

/** Where a sibling conflict can be resolved: an up primary that holds its key's siblings, or why none. */
export function resolverFor(
  nodes: readonly NodeView[],
  record: ConflictRecord,
): { readonly nodeId: string } | { readonly problem: string } {
  if (record.strategy !== 'siblings') {
    return {
      problem: `conflict #${record.id} was settled by ${record.strategy}: there are no siblings to resolve`,
    };
  }
  if (record.resolvedAt !== null) return { problem: `conflict #${record.id} is already resolved` };
  const holds = (n: NodeView) =>
    n.role === 'primary' && n.status === 'up' && n.quorum && n.siblings[record.key] !== undefined;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const preferred = [...record.detectedOn, ...record.nodeIds]
    .map((id) => byId.get(id))
    .find((n) => n !== undefined && holds(n));
  const found = preferred ?? nodes.find(holds);
  if (found !== undefined) return { nodeId: found.id };
  return {
    problem: `no primary that is up holds the siblings of "${record.key}" right now; restart or heal one, or let replication deliver them`,
  };
}
