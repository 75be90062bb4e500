import { describe, expect, it } from 'vitest';
import { actionOfKind, addStep, fieldValue, kindOf, withActions, withField } from './editorActions.ts';
import { targetKey, targetOf } from './editorSteps.ts';
import type { Lesson } from './types.ts';

const nodes = ['db1', 'db2', 'db3'];
const lesson: Lesson = {
  id: 'l',
  title: 'L',
  summary: 'S',
  scenario: { preset: 'master-slave' },
  steps: [{ text: 'Kill db1.', doneBy: 'learner', actions: [{ do: 'kill', node: 'db1' }] }],
};

describe('editing a step’s actions', () => {
  it('changes an action’s kind, keeping its node and key where the new kind has them', () => {
    const write = { do: 'write', node: 'db2', key: 'k', value: 'v' } as const;
    expect(actionOfKind('read', write, nodes)).toEqual({ do: 'read', node: 'db2', key: 'k' });
    expect(actionOfKind('promote', write, nodes)).toEqual({ do: 'promote', node: 'db2' });
    expect(actionOfKind('advance', write, nodes)).toEqual({ do: 'advance', ms: 1000 });
    expect(actionOfKind('write', undefined, nodes)).toEqual({ do: 'write', node: 'db1', key: '', value: '' });
  });

  it('isolates a node as a two-group partition, and shows it as such', () => {
    const isolate = actionOfKind('isolate', { do: 'kill', node: 'db2' }, nodes);
    expect(isolate).toEqual({ do: 'partition', groups: [['db2'], ['db1', 'db3']] });
    expect(kindOf(isolate)).toBe('isolate');
    expect(fieldValue(withField(isolate, 'node', 'db3', nodes), 'node')).toBe('db3');
    expect(
      kindOf({
        do: 'partition',
        groups: [
          ['db1', 'db2'],
          ['db3', 'db4'],
        ],
      }),
    ).toBeNull();
    expect(kindOf({ do: 'changeSettings', settings: {} })).toBeNull();
  });

  it('gives the step to Next when its first action is no longer the learner’s, and drops an empty list', () => {
    const waiting = withActions(lesson, 0, [{ do: 'advance', ms: 500 }]);
    expect(waiting.steps[0]).toEqual({ text: 'Kill db1.', actions: [{ do: 'advance', ms: 500 }] });
    const still = withActions(lesson, 0, [{ do: 'promote', node: 'db2' }]);
    expect(still.steps[0]?.doneBy).toBe('learner');
    expect(withActions(lesson, 0, []).steps[0]).toEqual({ text: 'Kill db1.' });
  });

  it('adds a step with text to write', () => {
    expect(addStep(lesson).steps).toEqual([...lesson.steps, { text: '' }]);
  });
});

describe('what a step rings', () => {
  it('reads back what it writes: none, a node, a panel, a control', () => {
    for (const target of [{ node: 'db1' }, { panel: 'events' }, { control: 'Heal' }] as const)
      expect(targetOf(targetKey(target))).toEqual(target);
    expect(targetKey(undefined)).toBe('');
    expect(targetOf('')).toBeNull();
    expect(targetOf('panel:secrets')).toBeNull();
  });
});
