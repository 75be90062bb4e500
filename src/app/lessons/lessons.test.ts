import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../engine/index.ts';
import { createLab } from '../../store/index.ts';
import { VOCABULARIES } from '../../view/vocabulary.ts';
import { conditionHolds } from './conditions.ts';
import { lessonSchema } from './lessonSchema.ts';
import { LESSONS } from './lessons.ts';
import { needsActions, performStep, replayTo, startLesson, stepStart } from './player.ts';
import { resolveScenario } from './scenario.ts';
import { ANY_PLACEHOLDER, PLACEHOLDER, lessonText } from './text.ts';
import type { LessonAction, LessonStep } from './types.ts';

const lab = () => createLab({ preset: 'master-slave', playing: false });

function textsOf(lesson: (typeof LESSONS)[number]): string[] {
  return [lesson.title, lesson.summary, ...lesson.steps.map((s) => s.text)];
}

describe('the lesson data', () => {
  it('has one lesson per point of the subject, in order, with unique ids', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([
      'basics',
      'lag',
      'cascading',
      'master-down',
      'async-sync',
      'scheduled',
      'offline-backup',
      'master-master',
      'conflicts',
      'split-brain',
    ]);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s passes the lesson schema', (_id, lesson) => {
    const result = lessonSchema.safeParse(lesson);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it('rejects a typo in a lesson', () => {
    const [first] = LESSONS;
    if (first === undefined) throw new Error('no lessons');
    const typo = {
      ...first,
      steps: [{ text: 'A step with a typo in it.', actions: [{ do: 'kil', node: 'db1' }] }],
    };
    expect(lessonSchema.safeParse(typo).success).toBe(false);
    const badMetric = {
      ...first,
      steps: [
        ...first.steps,
        {
          text: 'Waits for nothing.',
          actions: [{ do: 'heal' }],
          condition: { metric: 'lostWrite', atLeast: 1 },
        },
      ],
    };
    expect(lessonSchema.safeParse(badMetric).success).toBe(false);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))('%s uses only known placeholders', (_id, lesson) => {
    for (const text of textsOf(lesson)) {
      const unknown = [...text.matchAll(ANY_PLACEHOLDER)]
        .map((m) => m[0])
        .filter((p) => !p.match(PLACEHOLDER));
      expect(unknown, text).toEqual([]);
      expect(lessonText(text, VOCABULARIES['leader-follower'])).not.toMatch(/\{|\}/);
    }
  });

  it('speaks the chosen vocabulary', () => {
    expect(lessonText('{Primary} and {replicas}', VOCABULARIES['master-slave'])).toBe('Master and slaves');
    expect(lessonText('a {replica} of the {primary}', VOCABULARIES['leader-follower'])).toBe(
      'a follower of the leader',
    );
  });

  it('gives every scenario (and every variant a step loads) to the engine valid', () => {
    const scenarios = LESSONS.flatMap((l) => [
      l.scenario,
      ...l.steps.flatMap((s) =>
        (s.actions ?? []).flatMap((a: LessonAction) => (a.do === 'load' ? [a.scenario] : [])),
      ),
    ]);
    for (const scenario of scenarios) expect(() => parseScenario(resolveScenario(scenario))).not.toThrow();
  });
});

/** Node ids a step names (its target, actions and condition) must exist when the step is shown. */
function namedNodes(step: LessonStep): string[] {
  const ids: string[] = [];
  if (step.target !== undefined && 'node' in step.target) ids.push(step.target.node);
  return ids;
}

describe.each(LESSONS.map((l) => [l.id, l] as const))(
  'lesson %s, played against the engine',
  (_id, lesson) => {
    it('makes each step’s condition false before its actions and true right after them', () => {
      const store = lab();
      expect(startLesson(store, lesson)).toBe(true);
      expect(store.getState().playing).toBe(false);
      for (const [i, step] of lesson.steps.entries()) {
        const where = `step ${i + 1}: ${step.text}`;
        const ids = store.getState().snapshot.nodes.map((n) => n.id);
        for (const id of namedNodes(step)) expect(ids, where).toContain(id);
        if (step.condition === undefined) {
          expect(performStep(store, step), where).toBe(true);
          continue;
        }
        const start = stepStart(store);
        expect(conditionHolds(step.condition, store.getState(), start), where).toBe(false);
        expect(needsActions(store, step, start), where).toBe(true);
        performStep(store, step);
        expect(store.getState().error, where).toBeNull();
        expect(conditionHolds(step.condition, store.getState(), start), where).toBe(true);
      }
    });

    it('fast-forwards to its last step, as a deep link does', () => {
      const store = lab();
      expect(replayTo(store, lesson, lesson.steps.length - 1)).toEqual({ ok: true });
      const last = lesson.steps.at(-2);
      if (last?.condition !== undefined) expect(conditionHolds(last.condition, store.getState())).toBe(true);
    });
  },
);
