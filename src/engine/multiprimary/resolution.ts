/**
 * Conflict resolution strategies: what a multi-primary group keeps of concurrent versions of one key.
 * Each is a pure function of the versions, so every node settles the same conflict the same way.
 */
import type { ConflictResolution, SiblingVersion } from '../types.ts';
import { lwwCompare } from './versions.ts';

/** One version wins (the others are overwritten), or all are kept side by side. */
export type Resolution =
  | { readonly kind: 'winner'; readonly winner: SiblingVersion }
  | { readonly kind: 'siblings'; readonly siblings: readonly SiblingVersion[] };

export type Resolver = (versions: readonly SiblingVersion[]) => Resolution;

const byOrigin = (a: SiblingVersion, b: SiblingVersion): number =>
  a.origin < b.origin ? -1 : a.origin > b.origin ? 1 : a.opId - b.opId;

/**
 * The strategies by scenario name (`none`, MariaDB source-source, settles nothing: peers.ts applies each
 * arrival as it comes). A merge function (Riak's counter adding concurrent increments) would
 * be one more entry returning a new, merged version built from all of them.
 */
export const RESOLVERS: Readonly<Record<Exclude<ConflictResolution, 'none'>, Resolver>> = {
  /** PGD `update_if_newer`, Cassandra: the later origin commit timestamp, ties to the higher node id. */
  lww: (versions) => ({
    kind: 'winner',
    winner: versions.reduce((best, v) => (lwwCompare(v, best) > 0 ? v : best)),
  }),
  /** Riak `allow_mult`: every concurrent version, in a stable order, for the reader to resolve. */
  siblings: (versions) => ({ kind: 'siblings', siblings: [...versions].sort(byOrigin) }),
};
