import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from './parse.ts';
import { presets } from './presets.ts';
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
