/** Pure questions about the mirrored topology that node and network actions need. */
import type { NodeView } from '../engine/index.ts';

/** `nodeId` and every node that replicates from it, directly or through others. */
export function subtree(nodes: readonly NodeView[], nodeId: string): string[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const out: string[] = [];
  const queue = [nodeId];
  while (queue.length > 0) {
    const id = queue.shift();
    if (id === undefined || out.includes(id)) continue;
    out.push(id);
    queue.push(...(byId.get(id)?.downstream ?? []));
  }
  return out;
}

/** A new id in the style of `like` ("db3" → "db4", "pg2" → "pg5"), unused by any node so far. */
export function freshNodeId(
  nodes: readonly NodeView[],
  like: string,
  taken: ReadonlySet<string> = new Set(),
): string {
  const prefix = /^(.*?)\d*$/.exec(like)?.[1] ?? '';
  const stem = prefix === '' || prefix === like ? 'db' : prefix;
  const used = new Set([...nodes.map((n) => n.id), ...taken]);
  let max = 0;
  for (const id of used) {
    const match = new RegExp(`^${stem.replace(/[.\\-]/g, '\\$&')}(\\d+)$`).exec(id);
    if (match?.[1] !== undefined) max = Math.max(max, Number(match[1]));
  }
  let n = max + 1;
  while (used.has(`${stem}${n}`)) n += 1;
  return `${stem}${n}`;
}

/** The primary that is up (the first one), else any primary. */
export function currentPrimary(nodes: readonly NodeView[]): NodeView | undefined {
  return (
    nodes.find((n) => n.role === 'primary' && n.status === 'up') ?? nodes.find((n) => n.role === 'primary')
  );
}

/** Nodes `nodeId` could stream from: any other node outside its own subtree. */
export function upstreamCandidates(nodes: readonly NodeView[], nodeId: string): string[] {
  const own = new Set(subtree(nodes, nodeId));
  return nodes.filter((n) => !own.has(n.id)).map((n) => n.id);
}
