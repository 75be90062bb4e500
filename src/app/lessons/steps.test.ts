import { describe, expect, it } from 'vitest';
import { createLab } from '../../store/index.ts';
import { VOCABULARIES } from '../../view/vocabulary.ts';
import { lessonStoreFor } from './lessonStore.ts';
import { lessonMoves, nextState } from './lessonState.ts';
import { lessonById } from './lessons.ts';
import { howTo } from './howTo.ts';
import { commandDoes, learnerCan, progress, stepDoer } from './steps.ts';
import type { Lesson, LessonStep } from './types.ts';

const words = VOCABULARIES['master-slave'];
const settings = createLab({ preset: 'master-slave', playing: false }).getState().settings;

describe('who does a step', () => {
  it('is the learner when the first action is one a learner can do, else Next', () => {
    expect(stepDoer({ text: 'x', actions: [{ do: 'kill', node: 'db1' }] })).toBe('learner');
    expect(stepDoer({ text: 'x', actions: [{ do: 'advance', ms: 100 }] })).toBe('next');
    expect(stepDoer({ text: 'x', actions: [{ do: 'startWorkload', writesPerSec: 2 }] })).toBe('next');
    expect(stepDoer({ text: 'x' })).toBe('next');
  });

  it('is what the lesson says, and Next when the step asks a prediction', () => {
    const kill: LessonStep = { text: 'x', actions: [{ do: 'kill', node: 'db1' }] };
    expect(stepDoer({ ...kill, doneBy: 'next' })).toBe('next');
    const predict = { question: 'q', choices: [{ text: 'a', right: true }, { text: 'b' }], explain: 'e' };
    expect(stepDoer({ ...kill, predict })).toBe('next');
  });

  it('counts Isolate and Replication mode as a learner’s, not any partition or setting', () => {
    expect(learnerCan({ do: 'partition', groups: [['db1'], ['db2', 'db3']] })).toBe(true);
    expect(learnerCan({ do: 'partition', groups: [['db1'], ['db2'], ['db3']] })).toBe(false);
    expect(learnerCan({ do: 'configure', settings: { replication: { mode: 'sync' } } })).toBe(true);
    expect(learnerCan({ do: 'configure', settings: { replication: { mode: 'sync', syncCount: 2 } } })).toBe(
      false,
    );
  });

  it('says how to do it with the lab’s controls', () => {
    expect(howTo({ do: 'kill', node: 'db1' }, words)).toBe('Kill db1: click db1 and choose Kill');
    expect(howTo({ do: 'write', node: 'db1', key: 'balance', value: '100' }, words)).toBe(
      'Write balance = 100 on db1: click db1, choose Write here…, and enter key balance, value 100',
    );
    expect(howTo({ do: 'promote', node: 'db2' }, words)).toBe(
      'Promote db2 to master: click db2 and choose Promote',
    );
    expect(howTo({ do: 'partition', groups: [['db2', 'db3'], ['db1']] }, words)).toMatch(
      /: click db1 and choose Isolate$/,
    );
    expect(howTo({ do: 'advance', ms: 1000 }, words)).toBeNull();
  });
});

describe('seeing an action done in the lab’s commands', () => {
  const write = { do: 'write', node: 'db1', key: 'balance', value: '100' } as const;

  it('matches the command that does exactly the action', () => {
    expect(commandDoes(write, { type: 'write', args: ['db1', 'balance', '100'] })).toBe(true);
    expect(commandDoes(write, { type: 'write', args: ['db1', 'balance', '99'] })).toBe(false);
    expect(commandDoes(write, { type: 'write', args: ['db2', 'balance', '100'] })).toBe(false);
    expect(commandDoes({ do: 'kill', node: 'db1' }, { type: 'kill', args: ['db1'] })).toBe(true);
    expect(commandDoes({ do: 'kill', node: 'db1' }, { type: 'restart', args: ['db1'] })).toBe(false);
    // Isolate cuts the node off from every other, in whatever order the groups come.
    const cut = { do: 'partition', groups: [['db1'], ['db2', 'db3']] } as const;
    expect(commandDoes(cut, { type: 'partition', args: [[['db3', 'db2'], ['db1']]] })).toBe(true);
    expect(commandDoes(cut, { type: 'partition', args: [[['db2'], ['db1', 'db3']]] })).toBe(false);
    expect(
      commandDoes({ do: 'addReplica', node: 'db1' }, { type: 'addNode', args: [{ upstream: 'db1' }] }),
    ).toBe(true);
    expect(commandDoes({ do: 'restoreBackup' }, { type: 'addNode', args: [{ upstream: 'db1' }] })).toBe(
      false,
    );
    expect(
      commandDoes(
        { do: 'restoreBackup' },
        { type: 'addNode', args: [{ upstream: 'db1', fromBackup: 'b1' }] },
      ),
    ).toBe(true);
  });

  const step: LessonStep = {
    text: 'Write, wait, kill.',
    actions: [write, { do: 'advance', ms: 1000 }, { do: 'kill', node: 'db1' }],
  };

  it('goes through the actions in order, and hands back the lab’s own to run', () => {
    const none = progress(step, { step: 0, done: 0, from: 0 }, [], settings);
    expect(none).toEqual({ acted: { step: 0, done: 0, from: 0 }, run: null });
    // A kill before the write does not count: the write comes first.
    const early = progress(step, { step: 0, done: 0, from: 0 }, [{ type: 'kill', args: ['db1'] }], settings);
    expect(early.acted.done).toBe(0);
    const wrote = progress(
      step,
      { step: 0, done: 0, from: 0 },
      [
        { type: 'read', args: ['db2', 'x'] },
        { type: 'write', args: ['db1', 'balance', '100'] },
      ],
      settings,
    );
    expect(wrote).toEqual({ acted: { step: 0, done: 1, from: 2 }, run: { do: 'advance', ms: 1000 } });
    const killed = progress(
      step,
      { step: 0, done: 2, from: 2 },
      [
        { type: 'read', args: ['db2', 'x'] },
        { type: 'write', args: ['db1', 'balance', '100'] },
        { type: 'kill', args: ['db1'] },
      ],
      settings,
    );
    expect(killed).toEqual({ acted: { step: 0, done: 3, from: 3 }, run: null });
  });

  it('ignores commands from before the step began, and starts over with a log that did', () => {
    const before = [{ type: 'write', args: ['db1', 'balance', '100'] }] as const;
    expect(progress(step, { step: 0, done: 0, from: 1 }, before, settings).acted.done).toBe(0);
    // A reset: the log is shorter than where the step began looking.
    expect(progress(step, { step: 0, done: 0, from: 5 }, before, settings).acted.done).toBe(1);
  });

  it('sees a setting in the settings', () => {
    const sync: LessonStep = {
      text: 'x',
      actions: [{ do: 'configure', settings: { replication: { mode: 'sync' } } }],
    };
    expect(progress(sync, { step: 0, done: 0, from: 0 }, [], settings).acted.done).toBe(0);
    const now = { ...settings, replication: { ...settings.replication, mode: 'sync' as const } };
    expect(progress(sync, { step: 0, done: 0, from: 0 }, [], now).acted.done).toBe(1);
  });
});

describe('a lesson the learner does in the lab', () => {
  const lesson = lessonById('master-down') as Lesson;
  const setup = () => {
    const lab = createLab({ preset: 'master-slave', playing: false });
    const store = lessonStoreFor(lab);
    const moves = lessonMoves(lab, store);
    moves.start(lesson);
    return { lab, store, moves, place: () => store.getState().open };
  };

  it('waits for the learner, ticks off each action, runs its own between, and moves on', () => {
    const { lab, moves, place } = setup();
    expect(nextState(lab, lesson, place() ?? ({} as never)).kind).toBe('act');
    // Next does nothing on a learner's step.
    moves.next();
    expect(place()?.index).toBe(0);
    lab.getState().actions.write('db1', 'balance', '100');
    moves.observe();
    // The write is seen, the lab let its 1 s pass, and the kill is the learner's to do.
    expect(place()?.acted?.done).toBe(2);
    expect(lab.getState().snapshot.nodes.find((n) => n.id === 'db2')?.data.balance).toBe('100');
    lab.getState().actions.kill('db1');
    moves.observe();
    expect(place()?.index).toBe(1);
  });

  it('does not take a different action for the one asked', () => {
    const { lab, moves, place } = setup();
    lab.getState().actions.write('db1', 'balance', '7');
    lab.getState().actions.kill('db2');
    moves.observe();
    expect(place()?.index).toBe(0);
    expect(place()?.acted?.done).toBe(0);
  });

  it('does the rest with Show me, without doing again what the learner did', () => {
    const { lab, moves, place } = setup();
    lab.getState().actions.write('db1', 'balance', '100');
    moves.observe();
    const writes = lab.getState().snapshot.metrics.writes;
    moves.showMe();
    expect(lab.getState().snapshot.metrics.writes).toBe(writes);
    expect(lab.getState().snapshot.nodes.find((n) => n.id === 'db1')?.status).toBe('down');
    expect(place()?.index).toBe(1);
  });

  it('asks the prediction first, then plays the step and keeps the answer', () => {
    const { lab, store, moves, place } = setup();
    moves.showMe();
    expect(nextState(lab, lesson, place() ?? ({} as never)).kind).toBe('predict');
    moves.next();
    expect(lab.getState().snapshot.metrics.failedWrites).toBe(0);
    moves.answer(0);
    expect(place()?.answers?.[1]).toEqual({ choice: 0, correct: false });
    expect(store.getState().answered).toMatchObject({ choice: 0, correct: false, place: { index: 1 } });
    // The lab played the step; the panel stays on it to say how the prediction went.
    expect(lab.getState().snapshot.metrics.failedWrites).toBe(1);
    expect(place()?.index).toBe(1);
    moves.answer(1);
    expect(place()?.answers?.[1]).toEqual({ choice: 0, correct: false });
    moves.next();
    expect(place()?.index).toBe(2);
  });
});
