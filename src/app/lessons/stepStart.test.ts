/** "A write is lost during this step" sees only a loss of the step, not one the lesson had before. */
import { describe, expect, it } from 'vitest';
import { createLab } from '../../store/index.ts';
import { VOCABULARIES } from '../../view/vocabulary.ts';
import { conditionChoices } from './editorSteps.ts';
import { checkLesson } from './lessonCheck.ts';
import { lessonFileData } from './lessonFormat.ts';
import { lessonMoves, lessonStoreFor, nextState } from './lessonState.ts';
import { conditionHolds, describeCondition } from './conditions.ts';
import { stepStart } from './player.ts';
import type { Lesson, LessonAction, LessonCondition } from './types.ts';

const lostDuringStep: LessonCondition = { metric: 'lostWrites', atLeast: 1, since: 'step' };

/** A write acknowledged by db1, then db1 killed and db2 promoted before it arrived: one write lost. */
const loseAWrite: LessonAction[] = [
  { do: 'write', node: 'db1', key: 'k', value: '1' },
  { do: 'advance', ms: 5 },
  { do: 'kill', node: 'db1' },
  { do: 'promote', node: 'db2' },
];

function lesson(steps: Lesson['steps']): Lesson {
  return {
    id: 'lost-twice',
    title: 'Lost twice',
    summary: 'A write lost, then another.',
    scenario: { preset: 'master-slave', overrides: { network: { latencyMs: 80, jitterMs: 0 } } },
    steps,
  };
}

const twoLosses = lesson([
  { text: 'A write is lost.', doneBy: 'next', actions: loseAWrite, condition: lostDuringStep },
  {
    text: 'Write again on db2 and let time pass.',
    doneBy: 'next',
    actions: [
      { do: 'write', node: 'db2', key: 'k', value: '2' },
      { do: 'advance', ms: 1000 },
    ],
    condition: lostDuringStep,
  },
  { text: 'The end.' },
]);

describe('a condition on what happens during the step', () => {
  it('counts from the step’s start, not from the run’s', () => {
    const lab = createLab({ preset: 'master-slave', playing: false, network: { latencyMs: 80 } });
    lab.getState().actions.tick(1000);
    const before = stepStart(lab);
    const { actions } = lab.getState();
    actions.write('db1', 'k', '1');
    actions.tick(5);
    actions.kill('db1');
    actions.promote('db2');
    const after = stepStart(lab);
    expect(after.lostWrites).toBeGreaterThanOrEqual(1);
    expect(conditionHolds(lostDuringStep, lab.getState(), before)).toBe(true);
    // A step reached after that loss does not see it.
    expect(conditionHolds(lostDuringStep, lab.getState(), after)).toBe(false);
    // A total over the run (format 2's meaning) does.
    expect(conditionHolds({ metric: 'lostWrites', atLeast: 1 }, lab.getState(), after)).toBe(true);
  });

  it('says so in words, and the editor’s “a write is lost” is this one', () => {
    const words = VOCABULARIES['master-slave'];
    expect(describeCondition(lostDuringStep, words)).toBe('lost writes during this step at least 1');
    const lost = conditionChoices(['db1', 'db2'], words).find((c) => c.key === 'lost');
    expect(lost?.label).toBe('a write is lost during this step');
    expect(lost?.condition).toEqual(lostDuringStep);
  });

  it('keeps a lesson on a step whose loss has not happened though an earlier step lost one', () => {
    const lab = createLab({ preset: 'master-slave', playing: false });
    const store = lessonStoreFor(lab);
    const moves = lessonMoves(lab, store);
    moves.start(twoLosses, 0, true);
    moves.next();
    // Step 1's loss moved the lesson on; step 2 waits for a loss of its own.
    expect(store.getState().open?.index).toBe(1);
    const place = store.getState().open;
    if (place === null) throw new Error('the lesson closed');
    expect(nextState(lab, twoLosses, place).kind).toBe('perform');
    moves.next();
    // Writing on the new master loses nothing: Next waits (the step's condition names why).
    expect(store.getState().open?.index).toBe(1);
    const waiting = store.getState().open;
    if (waiting === null) throw new Error('the lesson closed');
    expect(nextState(lab, twoLosses, waiting).kind).toBe('wait');
  });

  it('is what the checker plays: a step that loses nothing of its own never holds', async () => {
    const checked = await checkLesson(JSON.parse(JSON.stringify(lessonFileData(twoLosses))));
    expect(checked.ok).toBe(false);
    expect(!checked.ok && checked.problems).toEqual([
      expect.stringMatching(/^steps\[1\]\.condition: never holds after the step's actions/),
    ]);
  });

  it('is new in format 3: a version 2 file may not hold it', async () => {
    const file = { ...lessonFileData(twoLosses), version: 2 };
    const checked = await checkLesson(JSON.parse(JSON.stringify(file)));
    expect(!checked.ok && checked.problems).toContain(
      'steps[0].condition.since: is new in lesson format 3: set "version": 3 (this file says 2)',
    );
  });
});
