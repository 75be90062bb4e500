/**
 * Regions: where each node runs and what people call it. The scenario lists the regions and the latency
 * between them (fixed for the run); which region each node is in, and its label, are state (nodes are added
 * into a region and renamed in a run), saved with the rest. Invariant: a node's region is one the scenario lists.
 */
import { SimulationError } from '../api.ts';
import { charCount } from '../args.ts';
import type { Cluster } from '../cluster.ts';
import { definePart } from '../hooks.ts';
import { MAX_LABEL_LENGTH } from '../scenario/schema.ts';
import type { NodeId, RegionId } from '../types.ts';

export interface RegionState {
  /** Each node's region (none without regions). */
  readonly nodes: Map<NodeId, RegionId>;
  /** Each renamed node's label. */
  readonly labels: Map<NodeId, string>;
}

const pairs = (data: unknown, what: string): [string, string][] => {
  if (!Array.isArray(data)) throw new Error(`regions: expected ${what} as [node, text] pairs`);
  return data.map((pair: unknown) => {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || typeof pair[1] !== 'string')
      throw new Error(`regions: expected ${what} as [node, text] pairs`);
    return [pair[0], pair[1]];
  });
};

export const REGIONS = definePart<RegionState>({
  name: 'regions',
  create: () => ({ nodes: new Map(), labels: new Map() }),
  save: (state) => ({ nodes: [...state.nodes], labels: [...state.labels] }),
  load: (data) => {
    if (typeof data !== 'object' || data === null) throw new Error('regions: expected an object');
    const { nodes, labels } = data as { nodes?: unknown; labels?: unknown };
    return { nodes: new Map(pairs(nodes, 'nodes')), labels: new Map(pairs(labels, 'labels')) };
  },
});

/** The region `nodeId` runs in, if the scenario has regions. */
export function regionOf(cluster: Cluster, nodeId: NodeId): RegionId | undefined {
  return cluster.part(REGIONS).nodes.get(nodeId);
}

/** Checks a region named by an untrusted caller: one the scenario lists. */
export function checkRegion(cluster: Cluster, region: unknown): RegionId {
  if (typeof region !== 'string' || !cluster.regions.some((r) => r.id === region)) {
    const known = cluster.regions.map((r) => r.id).join(', ');
    throw new SimulationError(
      known === ''
        ? `unknown region "${String(region)}": the scenario lists no regions`
        : `unknown region "${String(region)}" (known: ${known})`,
    );
  }
  return region;
}

/** Renames a node for people: `label` of at most MAX_LABEL_LENGTH characters, '' for its id again. */
export function renameNode(cluster: Cluster, nodeId: unknown, label: unknown): void {
  const node = cluster.node(nodeId);
  if (typeof label !== 'string') throw new SimulationError('a label is a string');
  const text = label.trim();
  const length = charCount(text);
  if (length > MAX_LABEL_LENGTH)
    throw new SimulationError(`a label is at most ${MAX_LABEL_LENGTH} characters (this one has ${length})`);
  const labels = cluster.part(REGIONS).labels;
  if (text === '' || text === node.id) labels.delete(node.id);
  else labels.set(node.id, text);
  cluster.emit({ type: 'node-renamed', nodeId: node.id, label: text === '' ? node.id : text });
  cluster.touch();
}

/**
 * Cuts the network along region lines: each group of regions is one side, and the regions in no group
 * form one more side (as `partition` does with nodes), so `[['eu']]` cuts Europe off from the rest.
 * Returns the node groups it cut the network into.
 */
export function regionGroups(cluster: Cluster, input: unknown): NodeId[][] {
  if (!Array.isArray(input) || input.length === 0)
    throw new SimulationError('a cut between regions needs at least one group of regions');
  const seen = new Set<RegionId>();
  const groups = input.map((group: unknown, i) => {
    if (!Array.isArray(group) || group.length === 0)
      throw new SimulationError(`region group ${i + 1} is empty`);
    return group.map((id: unknown) => {
      const region = checkRegion(cluster, id);
      if (seen.has(region)) throw new SimulationError(`${region} appears in more than one region group`);
      seen.add(region);
      return region;
    });
  });
  if (seen.size === cluster.regions.length && groups.length === 1)
    throw new SimulationError('every region is on one side: name the regions to cut off from the rest');
  const nodes = [...cluster.nodes.keys()];
  const side = (id: NodeId): number => {
    const region = regionOf(cluster, id);
    return groups.findIndex((group) => region !== undefined && group.includes(region));
  };
  const out = groups.map((_, i) => nodes.filter((id) => side(id) === i));
  const rest = nodes.filter((id) => side(id) === -1);
  const cut = [...out, rest].filter((group) => group.length > 0);
  if (cut.length < 2) throw new SimulationError('no node is on the other side of that cut');
  return cut;
}
