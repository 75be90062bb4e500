/**
 * Version vectors (per-key causal context, as Riak's vector clocks and dotted version vectors): version
 * `a` has seen `b` when every counter of `b` is at most `a`'s; neither having seen the other is concurrency.
 */
import { dict, own } from '../dict.ts';
import type { NodeId, SimTime, VersionVector } from '../types.ts';

export const EMPTY_VV: VersionVector = Object.freeze(dict<number>());

/** `node`'s counter in `vv` (0 when it has none). */
export function counterOf(vv: VersionVector | undefined, node: NodeId): number {
  return own(vv, node) ?? 0;
}

/** Whether `a` has seen everything `b` has (a ≥ b, pointwise). */
export function dominates(a: VersionVector, b: VersionVector): boolean {
  for (const [node, count] of Object.entries(b)) if (counterOf(a, node) < count) return false;
  return true;
}

export function concurrent(a: VersionVector, b: VersionVector): boolean {
  return !dominates(a, b) && !dominates(b, a);
}

/** The pointwise maximum: what a version that has seen both has seen. */
export function merge(a: VersionVector, b: VersionVector): VersionVector {
  const out = dict(Object.entries(a));
  for (const [node, count] of Object.entries(b)) out[node] = Math.max(counterOf(out, node), count);
  return out;
}

/** `vv` with `node`'s counter set to `seq`: the version a write by `node` creates. */
export function bump(vv: VersionVector, node: NodeId, seq: number): VersionVector {
  const out = dict(Object.entries(vv));
  out[node] = seq;
  return out;
}

/** Whether a version with `vv` has seen the write `node` made as its `seq`-th. */
export function hasSeen(vv: VersionVector | undefined, node: NodeId, seq: number): boolean {
  return counterOf(vv, node) >= seq;
}

/**
 * Last writer wins: the later origin commit timestamp, ties to the higher node id (PGD `update_if_newer`;
 * Cassandra breaks ties deterministically too). Positive when `a` wins.
 */
export function lwwCompare(
  a: { readonly committedAt: SimTime; readonly origin: NodeId },
  b: { readonly committedAt: SimTime; readonly origin: NodeId },
): number {
  if (a.committedAt !== b.committedAt) return a.committedAt - b.committedAt;
  return compareNodeIds(a.origin, b.origin);
}

/** Node ids in natural order, so "db10" is higher than "db9". */
export function compareNodeIds(a: NodeId, b: NodeId): number {
  const pattern = /(\d+)|(\D+)/g;
  const pa = a.match(pattern) ?? [];
  const pb = b.match(pattern) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x === y) continue;
    const nx = Number(x);
    const ny = Number(y);
    if (Number.isInteger(nx) && Number.isInteger(ny) && nx !== ny) return nx - ny;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** A stable, readable form ("db1:3 db2:1") for records and messages. */
export function formatVv(vv: VersionVector): string {
  return Object.keys(vv)
    .sort()
    .map((node) => `${node}:${String(vv[node])}`)
    .join(' ');
}
