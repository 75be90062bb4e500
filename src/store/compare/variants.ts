/**
 * Compare mode's configurations: the one-click comparisons (each side's scenario) and how side B differs
 * from side A, in words. Pure functions of scenarios, checked by the engine's `parseScenario`.
 */
import { parseScenario, type ScenarioInput } from '../../engine/index.ts';

type Node = ScenarioInput['nodes'][number];

/** A primary `db1` and `n` replicas streaming from it. */
function primaryWith(replicas: number): Node[] {
  return [
    { id: 'db1', role: 'primary' },
    ...Array.from(
      { length: replicas },
      (_, i) => ({ id: `db${i + 2}`, role: 'replica', upstream: 'db1' }) as const,
    ),
  ];
}

/** `n` masters, db1..dbn, in one group. */
function masters(n: number): Node[] {
  return Array.from({ length: n }, (_, i) => ({ id: `db${i + 1}`, role: 'primary' }) as const);
}

const AUTO = { mode: 'automatic', heartbeatMs: 1000, timeoutMs: 3000, fencing: true } as const;

/** A classic question, asked with one click: side A's scenario and side B's, on one seed and workload. */
export interface ClassicComparison {
  readonly id: string;
  readonly label: string;
  readonly a: ScenarioInput;
  readonly b: ScenarioInput;
}

export const CLASSIC_COMPARISONS: readonly ClassicComparison[] = [
  {
    id: 'async-sync',
    label: 'Async vs sync',
    a: { name: 'Async', nodes: primaryWith(2), replication: { mode: 'async' } },
    b: { name: 'Sync', nodes: primaryWith(2), replication: { mode: 'sync', syncCount: 1 } },
  },
  {
    id: 'async-semisync',
    label: 'Async vs semi-sync ANY 1',
    a: { name: 'Async', nodes: primaryWith(2), replication: { mode: 'async' } },
    b: { name: 'Semi-sync ANY 1', nodes: primaryWith(2), replication: { mode: 'semi-sync', syncCount: 1 } },
  },
  {
    id: 'replicas-2-8',
    label: '2 vs 8 replicas',
    a: { name: 'Two replicas', nodes: primaryWith(2) },
    b: { name: 'Eight replicas', nodes: primaryWith(8) },
  },
  {
    id: 'failover-manual-auto',
    label: 'Manual vs automatic failover',
    a: { name: 'Manual failover', nodes: primaryWith(2), failover: { mode: 'manual' } },
    b: { name: 'Automatic failover', nodes: primaryWith(2), failover: AUTO },
  },
  {
    id: 'fencing',
    label: 'Fencing off vs on (partition)',
    a: { name: 'No fencing', nodes: primaryWith(2), failover: { ...AUTO, fencing: false } },
    b: { name: 'Fencing', nodes: primaryWith(2), failover: AUTO },
  },
  {
    id: 'lww-siblings',
    label: 'Last writer wins vs siblings',
    a: {
      name: 'Last writer wins',
      nodes: masters(2),
      network: { latencyMs: 150 },
      conflictResolution: 'lww',
    },
    b: { name: 'Siblings', nodes: masters(2), network: { latencyMs: 150 }, conflictResolution: 'siblings' },
  },
  {
    id: 'masters-2-5',
    label: '2 vs 5 masters at 150 ms',
    a: { name: 'Two masters', nodes: masters(2), network: { latencyMs: 150 } },
    b: { name: 'Five masters', nodes: masters(5), network: { latencyMs: 150 } },
  },
];

export function classicComparison(id: string): ClassicComparison | undefined {
  return CLASSIC_COMPARISONS.find((c) => c.id === id);
}

/**
 * The one-click comparison whose sides `a` and `b` are, in every way the words above the graphs tell
 * (a shared link reopens with its name in the picker), or null.
 */
export function classicOf(a: ScenarioInput, b: ScenarioInput): string | null {
  const same = (x: ScenarioInput, y: ScenarioInput): boolean => {
    try {
      return differencesInWords(x, y).length === 0;
    } catch {
      return false;
    }
  };
  return CLASSIC_COMPARISONS.find((c) => same(c.a, a) && same(c.b, b))?.id ?? null;
}

/** Replicas of a primary directly, and the deepest cascade (1: every replica streams from a primary). */
function shape(nodes: ScenarioInput['nodes']): { primaries: number; replicas: number; depth: number } {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const depthOf = (id: string, seen = 0): number => {
    const node = byId.get(id);
    if (node?.role !== 'replica' || node.upstream === undefined || seen > nodes.length) return 0;
    return 1 + depthOf(node.upstream, seen + 1);
  };
  return {
    primaries: nodes.filter((n) => n.role === 'primary').length,
    replicas: nodes.filter((n) => n.role === 'replica').length,
    depth: Math.max(0, ...nodes.map((n) => depthOf(n.id))),
  };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A replication mode in words: "async", "sync (1 standby)", "semi-sync ANY 1", "scheduled every 2000 ms". */
function modeText(r: ReturnType<typeof parseScenario>['replication']): string {
  if (r.mode === 'sync')
    return `sync (${plural(r.syncCount, 'synchronous standby', 'synchronous standbys')})`;
  if (r.mode === 'semi-sync') return `semi-sync ANY ${r.syncCount}`;
  if (r.mode === 'scheduled') return `scheduled every ${r.intervalMs} ms`;
  return 'async';
}

/**
 * How side B differs from side A, one sentence a difference ("Replication: async on A, sync (1
 * synchronous standby) on B."); empty when they run the same configuration. Throws ScenarioError for a bad one.
 */
export function differencesInWords(a: ScenarioInput, b: ScenarioInput): string[] {
  const pa = parseScenario(a);
  const pb = parseScenario(b);
  const out: string[] = [];
  const differ = (what: string, on: string, onB: string): void => {
    if (on !== onB) out.push(`${what}: ${on} on A, ${onB} on B.`);
  };
  const sa = shape(a.nodes);
  const sb = shape(b.nodes);
  differ('Masters', String(sa.primaries), String(sb.primaries));
  differ('Replicas', String(sa.replicas), String(sb.replicas));
  differ(
    'Cascade',
    sa.depth > 1 ? `${sa.depth} levels` : 'none',
    sb.depth > 1 ? `${sb.depth} levels` : 'none',
  );
  differ('Replication', modeText(pa.replication), modeText(pb.replication));
  differ('Acknowledged when', pa.replication.ackOn, pb.replication.ackOn);
  differ('Latency', `${pa.network.latencyMs} ms`, `${pb.network.latencyMs} ms`);
  differ('Jitter', `${pa.network.jitterMs} ms`, `${pb.network.jitterMs} ms`);
  differ('Failover', pa.failover.mode, pb.failover.mode);
  if (pa.failover.mode === 'automatic' || pb.failover.mode === 'automatic') {
    differ('Fencing', pa.failover.fencing ? 'on' : 'off', pb.failover.fencing ? 'on' : 'off');
    differ('Failover timeout', `${pa.failover.timeoutMs} ms`, `${pb.failover.timeoutMs} ms`);
  }
  if (sa.primaries > 1 || sb.primaries > 1)
    differ(
      'Conflict resolution',
      pa.conflictResolution === 'lww' ? 'last writer wins' : pa.conflictResolution,
      pb.conflictResolution === 'lww' ? 'last writer wins' : pb.conflictResolution,
    );
  return out;
}
