/** The words the conflicts ledger shows: strategies, outcomes, version vectors and each version's fate. */
import type {
  ConflictRecord,
  ConflictResolution,
  ConflictStrategy,
  ConflictVersion,
  ReplicationMode,
  VersionVector,
} from '../../../engine/index.ts';
import { translateRoles, type Vocabulary } from '../../vocabulary.ts';
import { formatSimTime } from '../../simTime.ts';

export const STRATEGY_NAMES: Record<ConflictStrategy, string> = {
  lww: 'last writer wins',
  siblings: 'siblings',
  none: 'none (arrival order)',
  certification: 'certification',
};

/** "db1:2, db2:1" (origins in id order), or "—" for a version written outside a group. */
export function vectorText(vv: VersionVector): string {
  const parts = Object.entries(vv)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([id, n]) => `${id}:${n}`);
  return parts.length === 0 ? '—' : parts.join(', ');
}

/** What became of one version: kept, overwritten, failed, or kept beside the others. */
export function versionFate(record: ConflictRecord, version: ConflictVersion): string {
  if (record.strategy === 'siblings') return record.resolvedAt === null ? 'sibling' : 'merged';
  if (record.winner?.opId === version.opId) return record.strategy === 'lww' ? 'kept' : 'certified';
  return record.strategy === 'lww' ? 'overwritten' : 'rolled back';
}

/** One sentence on how the group settled it. */
export function outcomeText(record: ConflictRecord): string {
  const { winner } = record;
  if (record.strategy === 'siblings') {
    const values = record.siblings.map((v) => `"${v.value}"`).join(' and ');
    return record.resolvedAt === null
      ? `Siblings kept: ${values} until someone resolves them.`
      : `Siblings ${values} merged at ${formatSimTime(record.resolvedAt)}.`;
  }
  if (winner === null) return 'No version was kept.';
  if (record.strategy === 'certification') {
    return `${winner.origin}’s "${winner.value}" was certified first; the other commit failed with ERROR 1213 (40001).`;
  }
  return `${winner.origin}’s "${winner.value}" kept: the later origin time wins, a tie the higher node id.`;
}

/** The origins of the versions, in order of first appearance: "db1 and db2", "db1, db2 and db3". */
export function originsText(record: ConflictRecord): string {
  const ids = [...new Set(record.versions.map((v) => v.origin))];
  if (ids.length <= 1) return ids.join('');
  return `${ids.slice(0, -1).join(', ')} and ${ids.at(-1) ?? ''}`;
}

/** How the running group settles conflicts, in the chosen role words. */
export function strategyHint(
  mode: ReplicationMode,
  resolution: ConflictResolution,
  words: Vocabulary,
): string {
  const text =
    mode === 'sync'
      ? 'Synchronous group: each primary certifies a write with its peers before it commits; of two concurrent writes to one key the first certified commits and the other fails with ERROR 1213 (Galera, Group Replication).'
      : resolution === 'none'
        ? 'No conflict resolution (MariaDB source-source): each primary applies the other’s writes in arrival order, so concurrent updates of one key leave them silently different, and an insert of a key a primary already holds stops its applier with error 1062 until someone skips the event or resyncs it.'
        : resolution === 'siblings'
          ? 'Siblings: concurrent versions are all kept, and a read returns them all until someone writes a merged value (Riak).'
          : 'Last writer wins: every primary keeps the version with the later origin commit time, a tie going to the higher node id (PGD, Cassandra). The other acknowledged write is silently overwritten.';
  return translateRoles(text, words);
}

/** The empty ledger: what a conflict is, and how to cause one with these primaries. */
export function emptyLedgerText(primaries: readonly string[], words: Vocabulary): string {
  const [a = 'one primary', b = 'another'] = primaries;
  const topology = `${words.primary.charAt(0).toUpperCase()}${words.primary.slice(1)}-${words.primary}`;
  const what =
    'A conflict is two primaries accepting writes to the same key before either has seen the other’s: their version vectors are concurrent, so the group must settle them.';
  const how =
    primaries.length >= 2
      ? `To cause one: pause, write the same key on ${a} and on ${b} (select a node, then Write), and step until the writes cross.`
      : `Conflicts need two or more primaries: pick the ${topology} topology, pause, write the same key on both primaries and step.`;
  return translateRoles(`${what} ${how}`, words);
}
