import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../engine/index.ts';
import { VOCABULARIES } from '../../view/vocabulary.ts';
import { conditionHolds, describeCondition, type LessonWorld } from './conditions.ts';
import { parseLessonQuery, withLessonQuery } from './lessonQuery.ts';

function world(): LessonWorld {
  const sim = createSimulation({
    nodes: [
      { id: 'db1', role: 'primary' },
      { id: 'db2', role: 'replica', upstream: 'db1' },
    ],
  });
  sim.write('db1', 'k', 'v');
  sim.advance(500);
  sim.kill('db2');
  return { snapshot: sim.snapshot(), backups: [] };
}

describe('conditionHolds', () => {
  const w = world();

  it('judges a node by status, role, data and state', () => {
    expect(conditionHolds({ node: 'db2', status: 'down' }, w)).toBe(true);
    expect(conditionHolds({ node: 'db2', status: 'up' }, w)).toBe(false);
    expect(conditionHolds({ node: 'db1', role: 'primary', has: { key: 'k', value: 'v' } }, w)).toBe(true);
    expect(conditionHolds({ node: 'db1', has: { key: 'k', value: 'other' } }, w)).toBe(false);
    expect(conditionHolds({ node: 'db1', lacks: 'k' }, w)).toBe(false);
    expect(conditionHolds({ node: 'db1', state: 'primary' }, w)).toBe(true);
  });

  it('never lets an unknown node satisfy a condition', () => {
    expect(conditionHolds({ node: 'db9', lacks: 'k' }, w)).toBe(false);
  });

  it('compares metrics with open or closed ranges, flags, mode and backups', () => {
    expect(conditionHolds({ metric: 'writes', atLeast: 1 }, w)).toBe(true);
    expect(conditionHolds({ metric: 'writes', atLeast: 1, atMost: 0 }, w)).toBe(false);
    expect(conditionHolds({ flag: 'readOnly', is: false }, w)).toBe(true);
    expect(conditionHolds({ conflicts: { atMost: 0 } }, w)).toBe(true);
    expect(conditionHolds({ mode: 'async' }, w)).toBe(true);
    expect(conditionHolds({ backups: { atLeast: 1 } }, w)).toBe(false);
  });

  it('needs every part of an `all`', () => {
    expect(
      conditionHolds(
        {
          all: [
            { node: 'db2', status: 'down' },
            { metric: 'writes', atLeast: 1 },
          ],
        },
        w,
      ),
    ).toBe(true);
    expect(
      conditionHolds(
        {
          all: [
            { node: 'db2', status: 'down' },
            { metric: 'writes', atLeast: 2 },
          ],
        },
        w,
      ),
    ).toBe(false);
  });

  it('says the condition in the chosen words', () => {
    expect(describeCondition({ node: 'db2', role: 'primary' }, VOCABULARIES['leader-follower'])).toBe(
      'db2 is a leader',
    );
    expect(describeCondition({ metric: 'lostWrites', atLeast: 1 }, VOCABULARIES['master-slave'])).toBe(
      'lost writes at least 1',
    );
  });
});

describe('lesson links', () => {
  it('reads a lesson and a 1-based step', () => {
    const query = parseLessonQuery('?lesson=master-down&step=4');
    expect(query.kind === 'lesson' && [query.lesson.id, query.index]).toEqual(['master-down', 3]);
    expect(parseLessonQuery('?theme=dark').kind).toBe('none');
  });

  it('names what is wrong with a bad id or step', () => {
    const unknown = parseLessonQuery('?lesson=<script>');
    expect(unknown.kind === 'problem' && unknown.problem).toMatch(
      /There is no lesson “<script>”. The lessons are: basics/,
    );
    for (const step of ['0', '99', 'two', '-1', '1e3']) {
      const bad = parseLessonQuery(`?lesson=basics&step=${step}`);
      expect(bad.kind === 'problem' && bad.problem).toMatch(/has steps 1 to 4/);
    }
  });

  it('writes the step into the query and keeps other options', () => {
    expect(withLessonQuery('?theme=dark', { lessonId: 'lag', index: 1 })).toBe(
      '?theme=dark&lesson=lag&step=2',
    );
    expect(withLessonQuery('?lesson=lag&step=2&theme=dark', null)).toBe('?theme=dark');
  });
});
