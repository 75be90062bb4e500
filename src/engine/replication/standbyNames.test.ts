import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError } from '../scenario/parse.ts';
import { formatStandbyNames } from './standbyNames.ts';
import { parseStandbyNames } from './standbyNamesParser.ts';

describe('synchronous_standby_names', () => {
  it('reads FIRST n (...) as a priority list', () => {
    expect(parseStandbyNames('FIRST 2 (s1, s2, s3)')).toEqual({
      method: 'first',
      num: 2,
      names: ['s1', 's2', 's3'],
    });
  });

  it('reads ANY n (...) as a quorum, whatever the keyword case and spacing', () => {
    expect(parseStandbyNames('any 1(s1,s2)')).toEqual({ method: 'any', num: 1, names: ['s1', 's2'] });
  });

  it('reads a bare list as FIRST 1 and "n (...)" as FIRST n, as PostgreSQL does', () => {
    expect(parseStandbyNames('s1, s2')).toEqual({ method: 'first', num: 1, names: ['s1', 's2'] });
    expect(parseStandbyNames('2 (s1, s2)')).toEqual({ method: 'first', num: 2, names: ['s1', 's2'] });
  });

  it('accepts "*" for any standby and quoted names', () => {
    expect(parseStandbyNames('ANY 3 (*)')).toEqual({ method: 'any', num: 3, names: ['*'] });
    expect(parseStandbyNames('FIRST 1 ("east 1", s2)')).toEqual({
      method: 'first',
      num: 1,
      names: ['east 1', 's2'],
    });
  });

  it('says what is wrong with bad syntax', () => {
    expect(parseStandbyNames('')).toBe('names no standby (leave it out for asynchronous commit)');
    expect(parseStandbyNames('FIRST (s1)')).toBe('FIRST needs a number of standbys before "("');
    expect(parseStandbyNames('ANY 1 (s1, s2')).toBe('expected "," or ")", found the end');
    expect(parseStandbyNames('ANY 1 (s1) s2')).toBe('unexpected "s2" after ")"');
    expect(parseStandbyNames('FIRST 0 (s1)')).toBe(
      'the number of synchronous standbys (0) must be greater than zero',
    );
    expect(parseStandbyNames('ANY 3 (s1, s2)')).toBe('ANY 3 needs at least 3 names; the list has 2');
    expect(parseStandbyNames('FIRST 1 (s1, S1)')).toBe('"S1" is listed twice');
    expect(parseStandbyNames('s1; s2')).toBe('unexpected ";"');
  });

  it('prints the list back in PostgreSQL spelling', () => {
    const list = parseStandbyNames('s1,  "east 1"');
    expect(typeof list === 'string' ? list : formatStandbyNames(list)).toBe('FIRST 1 (s1, "east 1")');
  });

  it('is rejected by parseScenario with its path and the reason', () => {
    const input = {
      nodes: [{ id: 'db1', role: 'primary' }],
      replication: { synchronousStandbyNames: 'ANY (db2)' },
    };
    expect(() => parseScenario(input)).toThrow(ScenarioError);
    expect(() => parseScenario(input)).toThrow(
      'replication.synchronousStandbyNames: "ANY (db2)": ANY needs a number of standbys before "("',
    );
  });

  it("makes sync the default mode, and conflicts with a node's own sync flag", () => {
    const nodes = [
      { id: 'db1', role: 'primary' as const },
      { id: 'db2', role: 'replica' as const, upstream: 'db1' },
    ];
    const scenario = parseScenario({ nodes, replication: { synchronousStandbyNames: 'FIRST 1 (db2)' } });
    expect(scenario.replication.mode).toBe('sync');
    expect(scenario.replication.synchronousStandbyNames).toEqual({ method: 'first', num: 1, names: ['db2'] });
    expect(() =>
      parseScenario({
        nodes: [nodes[0], { ...nodes[1], sync: false }],
        replication: { synchronousStandbyNames: 'FIRST 1 (db2)' },
      }),
    ).toThrow('nodes[1].sync: replication.synchronousStandbyNames decides which standbys are synchronous');
  });
});
