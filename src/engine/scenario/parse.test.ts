import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from './parse.ts';
import { presets } from './allPresets.ts';
import { createSimulation } from '../index.ts';

function problemsOf(input: unknown): readonly string[] {
  try {
    parseScenario(input);
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseScenario', () => {
  it('fills every default for a minimal scenario', () => {
    const scenario = parseScenario({ nodes: [{ id: 'db1', role: 'primary' }] });
    expect(scenario.version).toBe(1);
    expect(scenario.replication.mode).toBe('async');
    expect(scenario.replication.ackOn).toBe('received');
    expect(scenario.network.latencyMs).toBeGreaterThan(0);
  });

  it('models PostgreSQL unless the scenario names another system', () => {
    expect(parseScenario({ nodes: [{ id: 'db1', role: 'primary' }] }).system).toBe('postgresql');
    expect(parseScenario({ system: 'mariadb', nodes: [{ id: 'db1', role: 'primary' }] }).system).toBe(
      'mariadb',
    );
    expect(problemsOf({ system: 'mysql', nodes: [{ id: 'db1', role: 'primary' }] })).toEqual([
      expect.stringMatching(/^system: .*"postgresql"\|"mariadb"/),
    ]);
  });

  it('defaults to manual failover with Patroni-like timers', () => {
    const { failover } = parseScenario({ nodes: [{ id: 'db1', role: 'primary' }] });
    expect(failover).toEqual({ mode: 'manual', heartbeatMs: 1000, timeoutMs: 3000, fencing: false });
  });

  it('rejects a failover timeout shorter than two heartbeats', () => {
    const problems = problemsOf({
      nodes: [{ id: 'db1', role: 'primary' }],
      failover: { mode: 'automatic', heartbeatMs: 1000, timeoutMs: 1500 },
    });
    expect(problems).toEqual([
      'failover.timeoutMs: must be at least twice failover.heartbeatMs (1000 ms), not 1500',
    ]);
  });

  it('names an unknown upstream with its path', () => {
    const problems = problemsOf({
      nodes: [
        { id: 'db1', role: 'primary' },
        { id: 'db2', role: 'replica', upstream: 'db1' },
        { id: 'db3', role: 'replica', upstream: 'db9' },
      ],
    });
    expect(problems).toContain('nodes[2].upstream: unknown node "db9"');
  });

  it('reports duplicate ids, a replica without an upstream and a missing primary together', () => {
    const problems = problemsOf({
      nodes: [
        { id: 'a', role: 'replica', upstream: 'b' },
        { id: 'a', role: 'replica' },
      ],
    });
    expect(problems.some((p) => p.startsWith('nodes[1].id: duplicate id "a"'))).toBe(true);
    expect(problems).toContain('nodes[1].upstream: a replica needs an upstream');
    expect(problems).toContain('nodes: needs at least one primary');
  });

  it('rejects a replication cycle', () => {
    const problems = problemsOf({
      nodes: [
        { id: 'p', role: 'primary' },
        { id: 'a', role: 'replica', upstream: 'b' },
        { id: 'b', role: 'replica', upstream: 'a' },
      ],
    });
    expect(problems.some((p) => p.includes('replication cycle'))).toBe(true);
  });

  it('rejects wrong types and unknown fields by path', () => {
    const problems = problemsOf({
      nodes: [{ id: 'db1', role: 'leader' }],
      replication: { mode: 'fast', colour: 1 },
    });
    expect(problems.some((p) => p.startsWith('nodes[0].role:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('replication.mode:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('replication:') && p.includes('colour'))).toBe(true);
  });

  it('rejects an empty node list and non-objects', () => {
    expect(problemsOf({ nodes: [] })).toContain('nodes: needs at least one node');
    expect(problemsOf('nope').length).toBeGreaterThan(0);
    expect(problemsOf(null).length).toBeGreaterThan(0);
  });

  it('accepts every preset', () => {
    for (const preset of Object.values(presets)) expect(() => parseScenario(preset)).not.toThrow();
  });

  it('makes createSimulation validate the same way', () => {
    expect(() => createSimulation({ nodes: [] })).toThrow(ScenarioError);
  });
});

describe('parseScenario with regions', () => {
  const regions = [
    { id: 'eu', name: 'Europe' },
    { id: 'us', name: 'US East' },
  ];
  const nodes = [
    { id: 'a', role: 'primary', region: 'eu' },
    { id: 'b', role: 'replica', upstream: 'a', region: 'us' },
  ] as const;
  const between = [{ from: 'eu', to: 'us', latencyMs: 80 }];

  it('fills both directions of a symmetric entry, and no regions means none', () => {
    const scenario = parseScenario({ regions, nodes, network: { latencyMs: 1, between } });
    expect(scenario.regions).toEqual(regions);
    expect(scenario.nodes.map((n) => n.region)).toEqual(['eu', 'us']);
    expect(scenario.network.between).toEqual([
      { from: 'eu', to: 'us', latencyMs: 80 },
      { from: 'us', to: 'eu', latencyMs: 80 },
    ]);
    const plain = parseScenario({ nodes: [{ id: 'a', role: 'primary' }] });
    expect(plain.regions).toEqual([]);
    expect(plain.network).toEqual({ latencyMs: 40, jitterMs: 10, between: [], links: [] });
    expect(plain.workload).toEqual({});
  });

  it('validates region ids like node ids', () => {
    const problems = problemsOf({
      regions: [{ id: 'bad id', name: 'X' }],
      nodes: [{ id: 'a', role: 'primary', region: 'bad id' }],
    });
    expect(problems).toContain('regions[0].id: may contain only letters, digits, ".", "_" and "-"');
  });

  it('names a node in an unknown region, or without one, by path', () => {
    const problems = problemsOf({
      regions,
      nodes: [
        { id: 'a', role: 'primary', region: 'eu' },
        { id: 'b', role: 'replica', upstream: 'a', region: 'ap' },
        { id: 'c', role: 'replica', upstream: 'a' },
      ],
      network: { between },
    });
    expect(problems).toContain('nodes[1].region: unknown region "ap"');
    expect(problems).toContain('nodes[2].region: needs a region (the scenario lists regions)');
    expect(problemsOf({ nodes: [{ id: 'a', role: 'primary', region: 'eu' }] })).toEqual([
      'nodes[0].region: unknown region "eu" (the scenario lists no regions)',
    ]);
  });

  it('refuses latencies below zero or above 60 s', () => {
    const problems = problemsOf({
      regions,
      nodes,
      network: {
        between: [{ from: 'eu', to: 'us', latencyMs: -1, jitterMs: 60_001 }],
        links: [{ a: 'a', b: 'b', latencyMs: 60_001 }],
      },
    });
    expect(problems).toEqual([
      'network.between[0].latencyMs: Too small: expected number to be >=0',
      'network.between[0].jitterMs: Too big: expected number to be <=60000',
      'network.links[0].latencyMs: Too big: expected number to be <=60000',
    ]);
  });

  it('names a between entry for an unknown region, a pair listed twice and a pair left out', () => {
    const three = [...regions, { id: 'ap', name: 'Asia' }];
    const problems = problemsOf({
      regions: three,
      nodes: [...nodes, { id: 'c', role: 'replica', upstream: 'a', region: 'ap' }],
      network: {
        between: [
          { from: 'eu', to: 'us', latencyMs: 80 },
          { from: 'eu', to: 'mars', latencyMs: 80 },
          { from: 'eu', to: 'us', latencyMs: 90 },
        ],
      },
    });
    expect(problems).toEqual([
      'network.between[1].to: unknown region "mars"',
      'network.between[2]: "eu" → "us" is listed twice (also network.between[0])',
      'network.between: no latency between regions "eu" and "ap"',
      'network.between: no latency between regions "us" and "ap"',
    ]);
  });

  it('names a region with no nodes and duplicate region ids', () => {
    const problems = problemsOf({
      regions: [...regions, { id: 'eu', name: 'Europe again' }, { id: 'ap', name: 'Asia' }],
      nodes,
      network: {
        between: [
          { from: 'eu', to: 'us', latencyMs: 80 },
          { from: 'eu', to: 'ap', latencyMs: 150 },
          { from: 'us', to: 'ap', latencyMs: 120 },
        ],
      },
    });
    expect(problems).toEqual([
      'regions[2].id: duplicate id "eu" (also regions[0])',
      'regions[3]: no node is in region "ap"',
    ]);
  });

  it('names links between unknown or equal nodes, and a link listed twice', () => {
    const problems = problemsOf({
      regions,
      nodes,
      network: {
        between,
        links: [
          { a: 'a', b: 'zz', latencyMs: 5 },
          { a: 'a', b: 'a', latencyMs: 5 },
          { a: 'a', b: 'b', latencyMs: 5 },
          { a: 'b', b: 'a', latencyMs: 6 },
        ],
      },
    });
    expect(problems).toEqual([
      'network.links[0].b: unknown node "zz"',
      'network.links[1]: a link joins two different nodes',
      'network.links[3]: the link "b"–"a" is listed twice (also network.links[2])',
    ]);
  });

  it('checks the workload section and keeps only what it gives', () => {
    expect(
      problemsOf({
        nodes,
        regions,
        network: { between },
        workload: { readRatio: 1.5, keyDistribution: 'pareto' },
      }),
    ).toEqual([
      'workload.readRatio: Too big: expected number to be <=1',
      'workload.keyDistribution: Invalid option: expected one of "uniform"|"zipf"',
    ]);
    const scenario = parseScenario({
      nodes,
      regions,
      network: { between },
      workload: { readRatio: 0.9, keyDistribution: 'zipf', zipfSkew: 1.1 },
    });
    expect(scenario.workload).toEqual({ readRatio: 0.9, keyDistribution: 'zipf', zipfSkew: 1.1 });
  });

  it('loads nothing from a bad scenario', () => {
    expect(() => createSimulation({ regions, nodes })).toThrow(ScenarioError);
  });
});
