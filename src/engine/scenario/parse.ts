/** parseScenario: schema validation plus topology checks; every problem is reported with its path. */
import { safeParse, type Output } from './check.ts';
import { DEFAULTS, SCENARIO_VERSION, scenarioSchema, type RegionLink, type Scenario } from './schema.ts';

/** Thrown for invalid scenarios; `problems` lists each one as "path: message". */
export class ScenarioError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`Invalid scenario: ${problems.join('; ')}`);
    this.name = 'ScenarioError';
    this.problems = problems;
  }
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(scenario)' : out;
}

/** Validates untrusted input and fills defaults. Throws ScenarioError naming every problem. */
export function parseScenario(input: unknown): Scenario {
  const result = safeParse(scenarioSchema, input);
  if (!result.success) {
    throw new ScenarioError(result.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`));
  }
  const raw = result.data;
  const problems = topologyProblems(raw.nodes);
  problems.push(...regionProblems(raw));
  const replication = raw.replication ?? {};
  const failover = raw.failover ?? {};
  const heartbeatMs = failover.heartbeatMs ?? DEFAULTS.heartbeatMs;
  const timeoutMs = failover.timeoutMs ?? DEFAULTS.timeoutMs;
  // Patroni's rule `loop_wait + 2 * retry_timeout <= ttl`, simplified: one lost heartbeat is not a failure.
  if (timeoutMs < 2 * heartbeatMs) {
    problems.push(
      `failover.timeoutMs: must be at least twice failover.heartbeatMs (${heartbeatMs} ms), not ${timeoutMs}`,
    );
  }
  const primaries = raw.nodes.filter((n) => n.role === 'primary').length;
  if (primaries > 1) {
    // A multi-primary group: peers replicate asynchronously (PGD) or certify synchronously (Galera).
    const mode = replication.mode ?? DEFAULTS.mode;
    if (mode !== 'async' && mode !== 'sync') {
      problems.push(
        `replication.mode: a group of ${primaries} primaries replicates "async" or "sync" (certification), not "${mode}"`,
      );
    }
    if (failover.mode === 'automatic') {
      problems.push(
        'failover.mode: automatic failover manages one primary (Patroni); a multi-primary group keeps writing on its other primaries',
      );
    }
  }
  const names = replication.synchronousStandbyNames;
  if (names !== undefined) {
    raw.nodes.forEach((node, i) => {
      if (node.sync !== undefined)
        problems.push(
          `nodes[${i}].sync: replication.synchronousStandbyNames decides which standbys are synchronous; leave sync out`,
        );
    });
  }
  if (problems.length > 0) throw new ScenarioError(problems);
  const scenario: Scenario = {
    version: SCENARIO_VERSION,
    ...(raw.name === undefined ? {} : { name: raw.name }),
    seed: raw.seed ?? DEFAULTS.seed,
    system: raw.system ?? DEFAULTS.system,
    nodes: raw.nodes.map((n) => ({
      id: n.id,
      role: n.role,
      ...(n.upstream === undefined ? {} : { upstream: n.upstream }),
      sync: n.sync ?? true,
      ...(n.applyRate === undefined ? {} : { applyRate: n.applyRate }),
      ...(n.applyDelayMs === undefined ? {} : { applyDelayMs: n.applyDelayMs }),
      ...(n.region === undefined ? {} : { region: n.region }),
      ...(n.label === undefined || n.label === '' ? {} : { label: n.label }),
    })),
    regions: (raw.regions ?? []).map((r) => ({ id: r.id, name: r.name })),
    replication: {
      mode: replication.mode ?? (names === undefined ? DEFAULTS.mode : 'sync'),
      syncCount: replication.syncCount ?? DEFAULTS.syncCount,
      ...(names === undefined ? {} : { synchronousStandbyNames: names }),
      intervalMs: replication.intervalMs ?? DEFAULTS.intervalMs,
      ackOn: replication.ackOn ?? DEFAULTS.ackOn,
      ...(replication.syncTimeoutMs === undefined ? {} : { syncTimeoutMs: replication.syncTimeoutMs }),
      retainEntries: replication.retainEntries ?? DEFAULTS.retainEntries,
      shipRate: replication.shipRate ?? DEFAULTS.shipRate,
      applyRate: replication.applyRate ?? DEFAULTS.applyRate,
      commitMs: replication.commitMs ?? DEFAULTS.commitMs,
      autoRewind: replication.autoRewind ?? DEFAULTS.autoRewind,
      flushMs: replication.flushMs ?? DEFAULTS.flushMs,
    },
    network: {
      latencyMs: raw.network?.latencyMs ?? DEFAULTS.latencyMs,
      jitterMs: raw.network?.jitterMs ?? DEFAULTS.jitterMs,
      between: bothWays(raw.network?.between ?? []),
      links: (raw.network?.links ?? []).map((l) => ({ a: l.a, b: l.b, latencyMs: l.latencyMs })),
    },
    workload: definedFields(raw.workload ?? {}),
    conflictResolution: raw.conflictResolution ?? DEFAULTS.conflictResolution,
    failover: {
      mode: failover.mode ?? DEFAULTS.failoverMode,
      heartbeatMs,
      timeoutMs,
      ...(failover.maxLagOnFailover === undefined ? {} : { maxLagOnFailover: failover.maxLagOnFailover }),
      fencing: failover.fencing ?? DEFAULTS.fencing,
    },
  };
  return scenario;
}

type Raw = Output<typeof scenarioSchema>;
type RawNode = Raw['nodes'][number];

/** The fields that hold a value (an explicit `undefined` is a field left out). */
function definedFields<T extends object>(record: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };
}

type RawRegionLink = NonNullable<NonNullable<Raw['network']>['between']>[number];

/** Each entry as given, and its reverse where the other direction is not listed: `between` is symmetric by default. */
function bothWays(entries: readonly RawRegionLink[]): RegionLink[] {
  const listed = new Set(entries.map((e) => `${e.from}>${e.to}`));
  const out: RegionLink[] = [];
  for (const e of entries) {
    const jitter = e.jitterMs === undefined ? {} : { jitterMs: e.jitterMs };
    out.push({ from: e.from, to: e.to, latencyMs: e.latencyMs, ...jitter });
    if (e.from !== e.to && !listed.has(`${e.to}>${e.from}`))
      out.push({ from: e.to, to: e.from, latencyMs: e.latencyMs, ...jitter });
  }
  return out;
}

/**
 * Whether `key` is seen for the first time, at index `i` of the list at `path`; if not, a problem says
 * where it was first.
 */
function firstTime(
  seen: Map<string, number>,
  key: string,
  i: number,
  problems: string[],
  what: string,
): boolean {
  const first = seen.get(key);
  if (first === undefined) seen.set(key, i);
  else problems.push(`${what} (also ${what.slice(0, what.indexOf('['))}[${first}])`);
  return first === undefined;
}

/**
 * Regions: unique ids, every node in a known one (all or none), none empty; `between` names known regions,
 * each direction once, and covers every pair; `links` join two different known nodes, each pair once.
 */
function regionProblems(raw: Raw): string[] {
  const problems: string[] = [];
  const regions = raw.regions ?? [];
  const index = new Map<string, number>();
  regions.forEach((r, i) => firstTime(index, r.id, i, problems, `regions[${i}].id: duplicate id "${r.id}"`));
  const used = new Set<string>();
  raw.nodes.forEach((node, i) => {
    const region = node.region;
    if (region !== undefined && index.has(region)) used.add(region);
    else if (region !== undefined || regions.length > 0)
      problems.push(
        region === undefined
          ? `nodes[${i}].region: needs a region (the scenario lists regions)`
          : `nodes[${i}].region: unknown region "${region}"${regions.length === 0 ? ' (the scenario lists no regions)' : ''}`,
      );
  });
  regions.forEach((r, i) => {
    if (index.get(r.id) === i && !used.has(r.id))
      problems.push(`regions[${i}]: no node is in region "${r.id}"`);
  });
  const directions = new Map<string, number>();
  (raw.network?.between ?? []).forEach((link, i) => {
    const unknown = (['from', 'to'] as const).filter((end) => !index.has(link[end]));
    for (const end of unknown) problems.push(`network.between[${i}].${end}: unknown region "${link[end]}"`);
    const what = `network.between[${i}]: "${link.from}" → "${link.to}" is listed twice`;
    if (unknown.length === 0) firstTime(directions, `${link.from}>${link.to}`, i, problems, what);
  });
  const ids = [...index.keys()];
  ids.forEach((a, i) => {
    for (const b of ids.slice(i + 1))
      if (!directions.has(`${a}>${b}`) && !directions.has(`${b}>${a}`))
        problems.push(`network.between: no latency between regions "${a}" and "${b}"`);
  });
  const nodes = new Set(raw.nodes.map((n) => n.id));
  const pairs = new Map<string, number>();
  (raw.network?.links ?? []).forEach(({ a, b }, i) => {
    const unknown = (['a', 'b'] as const).filter((end) => !nodes.has(end === 'a' ? a : b));
    for (const end of unknown)
      problems.push(`network.links[${i}].${end}: unknown node "${end === 'a' ? a : b}"`);
    if (unknown.length > 0) return;
    if (a === b) problems.push(`network.links[${i}]: a link joins two different nodes`);
    else
      firstTime(
        pairs,
        a < b ? `${a}|${b}` : `${b}|${a}`,
        i,
        problems,
        `network.links[${i}]: the link "${a}"–"${b}" is listed twice`,
      );
  });
  return problems;
}

/** Duplicate ids, unknown upstreams, replicas without one, primaries with one, and cycles. */
function topologyProblems(nodes: readonly RawNode[]): string[] {
  const problems: string[] = [];
  const index = new Map<string, number>();
  nodes.forEach((node, i) => {
    const first = index.get(node.id);
    if (first === undefined) index.set(node.id, i);
    else problems.push(`nodes[${i}].id: duplicate id "${node.id}" (also nodes[${first}])`);
  });
  nodes.forEach((node, i) => {
    if (node.role === 'primary' && node.upstream !== undefined) {
      problems.push(`nodes[${i}].upstream: a primary has no upstream`);
    }
    if (node.role === 'replica') {
      if (node.upstream === undefined) problems.push(`nodes[${i}].upstream: a replica needs an upstream`);
      else if (!index.has(node.upstream))
        problems.push(`nodes[${i}].upstream: unknown node "${node.upstream}"`);
      else if (node.upstream === node.id)
        problems.push(`nodes[${i}].upstream: a node cannot replicate from itself`);
    }
  });
  if (!nodes.some((n) => n.role === 'primary')) problems.push('nodes: needs at least one primary');
  // Follow each replica's upstream chain; a chain that never reaches a primary is a cycle.
  const byId = new Map(nodes.map((n) => [n.id, n]));
  nodes.forEach((node, i) => {
    const seen = new Set<string>();
    let current: RawNode | undefined = node;
    while (current !== undefined && current.role === 'replica' && current.upstream !== undefined) {
      if (seen.has(current.id)) {
        problems.push(`nodes[${i}].upstream: replication cycle through "${[...seen].join('" → "')}"`);
        break;
      }
      seen.add(current.id);
      current = byId.get(current.upstream);
    }
  });
  return problems;
}
