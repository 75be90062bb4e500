/** Pure helpers for the inspector: which primary a node is compared with, and how its data differs. */
import type { DatabaseSystem, NodeView, OperationRecord } from '../../../engine/index.ts';
import { currentPrimary } from '../../../store/index.ts';
import { eraWord, positionWord } from '../../positionWord.ts';
import { formatSimTime } from '../../simTime.ts';

/**
 * The primary a node's data should match: the root of its upstream chain (cascading replicas follow
 * the primary at the top), else the primary that is up. None for that primary itself.
 */
export function referencePrimary(nodes: readonly NodeView[], node: NodeView): NodeView | undefined {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  let root = node;
  const seen = new Set<string>();
  while (root.upstream !== undefined && !seen.has(root.id)) {
    seen.add(root.id);
    const next = byId.get(root.upstream);
    if (next === undefined) break;
    root = next;
  }
  const reference = root.role === 'primary' ? root : currentPrimary(nodes);
  return reference === undefined || reference.id === node.id || reference.role !== 'primary'
    ? undefined
    : reference;
}

export interface DataRow {
  readonly key: string;
  /** What a read here returns; undefined when the key is missing here. */
  readonly value: string | undefined;
  /** Every concurrent version held here (siblings), sorted. */
  readonly siblings?: readonly string[];
  /** The reference primary's value, when it differs from this node's. */
  readonly primaryValue?: string | undefined;
  readonly differs: boolean;
}

const byKey = new Intl.Collator('en', { numeric: true });

/** The node's keys (and the reference's), each flagged where it differs from the reference primary. */
export function dataRows(node: NodeView, reference: NodeView | undefined): DataRow[] {
  const keys = new Set([...Object.keys(node.data), ...Object.keys(reference?.data ?? {})]);
  return [...keys]
    .sort((a, b) => byKey.compare(a, b))
    .map((key) => {
      const value = node.data[key];
      const siblings = node.siblings[key];
      const base = { key, value, ...(siblings === undefined ? {} : { siblings }) };
      if (reference === undefined) return { ...base, differs: false };
      const primaryValue = reference.data[key];
      return primaryValue === value ? { ...base, differs: false } : { ...base, primaryValue, differs: true };
    });
}

/** One sentence about a client operation's outcome, in the engine's words. */
export function operationText(op: OperationRecord, system: DatabaseSystem = 'postgresql'): string {
  const what =
    op.kind === 'write' ? `Write #${op.id}: ${op.key} = "${op.value ?? ''}"` : `Read #${op.id} of ${op.key}`;
  const started = `on ${op.nodeId} at ${formatSimTime(op.startedAt)}`;
  if (op.status === 'pending') return `${what} ${started}, still waiting for its acknowledgement`;
  if (op.status === 'failed') return `${what} ${started} failed: ${op.error ?? 'unknown error'}`;
  const took = op.endedAt === undefined ? '' : ` after ${Math.round(op.endedAt - op.startedAt)} ms`;
  if (op.kind === 'read') {
    const value = op.value === undefined ? 'no value' : `"${op.value}"`;
    const stale = op.stale === true ? `; stale: "${op.expected ?? ''}" was already acknowledged` : '';
    return `${what} ${started} returned ${value}${stale}`;
  }
  const era = eraWord(system);
  const position =
    op.lsn === undefined ? '' : ` (${positionWord(system)} ${op.lsn}, ${era} ${op.timeline ?? '?'})`;
  const lost = op.lost === true ? `; then lost: ${op.lostReason ?? 'in a failover'}` : '';
  const overwritten =
    op.overwrittenByConflict === undefined
      ? ''
      : `; then overwritten by a concurrent write (conflict #${op.overwrittenByConflict})`;
  return `${what} ${started}, acknowledged${took}${position}${lost}${overwritten}`;
}
