/**
 * Naming a node on either side of a comparison: by id, or by role where the sides' names differ ("kill the
 * primary" kills each side's own). Invariant: a role is resolved on one side at the instant it is used.
 */
import type { Simulation } from '../api.ts';
import { SimulationError } from '../api.ts';
import type { NodeId, NodeView } from '../types.ts';

/**
 * A node by id, or by role: `{ role: 'primary' }` is the side's current primary (the up one on the newest
 * timeline, the first in topology order on a tie, as the workload writes to: in a multi-primary group the
 * first up master; with none up, the newest one that is down); `{ role: 'primary', index }` and
 * `{ role: 'replica', index }` the index-th node of that role in topology order (from 0), up or down.
 */
export type NodeRef =
  | NodeId
  | { readonly role: 'primary'; readonly index?: number }
  | { readonly role: 'replica'; readonly index: number };

/** A resolved reference: the node's id on that side, or why it names none there. */
export type Resolved =
  { readonly ok: true; readonly id: NodeId } | { readonly ok: false; readonly reason: string };

/** A value in a problem's text: a string or number as written, anything else by its kind. */
export const shown = (value: unknown): string =>
  typeof value === 'string'
    ? JSON.stringify(value)
    : typeof value === 'number'
      ? String(value)
      : value === null
        ? 'null'
        : Array.isArray(value)
          ? 'an array'
          : typeof value;

/** `value` as a NodeRef, or a SimulationError naming `path` and what is wrong. */
export function checkNodeRef(value: unknown, path: string): NodeRef {
  if (typeof value === 'string') return value;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new SimulationError(
      `${path}: a node is an id or a role ({ role: 'primary' }, { role: 'replica', index: 0 }), not ${shown(value)}`,
    );
  const fields = Object.keys(value);
  const unknown = fields.find((f) => f !== 'role' && f !== 'index');
  if (unknown !== undefined)
    throw new SimulationError(
      `${path}: a role reference has an unknown field "${unknown}" (known: role, index)`,
    );
  const { role, index } = value as { role?: unknown; index?: unknown };
  if (role !== 'primary' && role !== 'replica')
    throw new SimulationError(`${path}.role: must be primary or replica, not ${shown(role)}`);
  if (index === undefined) {
    if (role === 'replica')
      throw new SimulationError(`${path}.index: a replica is named by its index (from 0)`);
    return { role };
  }
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0)
    throw new SimulationError(`${path}.index: must be a whole number from 0, not ${shown(index)}`);
  return { role, index };
}

/** The primary writes go to: the up one on the newest timeline, else the newest (Cluster.currentPrimary). */
function currentPrimary(nodes: readonly NodeView[]): NodeView | undefined {
  let up: NodeView | undefined;
  let any: NodeView | undefined;
  for (const node of nodes) {
    if (node.role !== 'primary') continue;
    if (any === undefined || node.timeline > any.timeline) any = node;
    if (node.status === 'up' && (up === undefined || node.timeline > up.timeline)) up = node;
  }
  return up ?? any;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Which node `ref` names in `sim` now, or why it names none (a refusal the caller reports). */
export function resolveNodeRef(sim: Simulation, ref: NodeRef): Resolved {
  if (typeof ref === 'string') return { ok: true, id: ref };
  const nodes = sim.nodes();
  if (ref.index === undefined) {
    const primary = currentPrimary(nodes);
    return primary === undefined
      ? { ok: false, reason: 'there is no primary' }
      : { ok: true, id: primary.id };
  }
  const ofRole = nodes.filter((n) => n.role === ref.role);
  const node = ofRole[ref.index];
  if (node !== undefined) return { ok: true, id: node.id };
  const names = ofRole.length === 0 ? '' : ` (${ofRole.map((n) => n.id).join(', ')})`;
  return {
    ok: false,
    reason: `there is no ${ref.role} ${ref.index} (counted from 0): there ${ofRole.length === 1 ? 'is' : 'are'} ${plural(ofRole.length, ref.role)}${names}`,
  };
}

/**
 * How to name `nodeId` by role, so the same command reaches the matching node on the other side: the
 * current primary as `{ role: 'primary' }`, any other node by its role and index.
 */
export function nodeRefOf(sim: Simulation, nodeId: NodeId): NodeRef {
  const nodes = sim.nodes();
  const node = nodes.find((n) => n.id === nodeId);
  if (node === undefined) throw new SimulationError(`unknown node "${nodeId}"`);
  if (currentPrimary(nodes) === node) return { role: 'primary' };
  const index = nodes.filter((n) => n.role === node.role).indexOf(node);
  return node.role === 'primary' ? { role: 'primary', index } : { role: 'replica', index };
}
