import { describe, expect, it } from 'vitest';
import {
  MAX_LESSON_COST,
  MAX_LESSON_FILE_CHARS,
  checkLesson,
  lessonCost,
  parseLessonFile,
} from './lessonCheck.ts';
import {
  LESSON_VERSION,
  lessonFileData,
  lessonFileName,
  lessonFileText,
  upgradeLesson,
} from './lessonFormat.ts';
import { LESSONS } from './lessons.ts';

const problemsOf = async (data: unknown) => {
  const checked = await checkLesson(data);
  return checked.ok ? [] : checked.problems;
};

/** A small valid lesson file's data, to spoil one part at a time. */
const good = () => ({
  version: 1,
  id: 'my-failover',
  title: 'My failover',
  summary: 'Kill the master, promote a slave.',
  scenario: { preset: 'master-slave' },
  steps: [
    {
      text: 'Next writes *balance* = 100 on `db1`.',
      target: { node: 'db1' },
      actions: [
        { do: 'write', node: 'db1', key: 'balance', value: '100' },
        { do: 'advance', ms: 1000 },
      ],
      condition: { node: 'db2', has: { key: 'balance', value: '100' } },
    },
    {
      text: 'Next kills db1.',
      actions: [{ do: 'kill', node: 'db1' }],
      condition: { node: 'db1', status: 'down' },
    },
    { text: 'The end.' },
  ],
});

describe('lesson files', () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))(
    'built-in lesson %s round-trips through export and import unchanged',
    async (_id, lesson) => {
      const text = lessonFileText(lesson);
      expect(JSON.parse(text)).toEqual({ version: LESSON_VERSION, ...lesson });
      expect(await parseLessonFile(text)).toEqual({ ok: true, value: lesson });
      expect(lessonFileName(lesson)).toBe(`${lesson.id}.lesson.json`);
    },
  );

  it('accepts a small lesson of its own', async () => {
    expect(await problemsOf(good())).toEqual([]);
  });

  it('refuses what is not a lesson, saying what it is', async () => {
    expect(await problemsOf([1, 2])).toEqual([expect.stringMatching(/^\(root\): not a lesson/)]);
    expect(await problemsOf('basics')).toEqual([expect.stringMatching(/^\(root\): not a lesson/)]);
    expect(await problemsOf({ hello: 'world' })).toEqual([expect.stringMatching(/^\(root\): not a lesson/)]);
    expect(await problemsOf({ v: 2, scenario: {}, commands: [], time: 0 })).toEqual([
      expect.stringMatching(/^\(root\): not a lesson but a scenario/),
    ]);
    expect(await parseLessonFile('{"version": 1,')).toEqual({
      ok: false,
      problems: ['file: not valid JSON'],
    });
    expect(await parseLessonFile(' '.repeat(MAX_LESSON_FILE_CHARS + 1))).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^file: 1,048,577 characters, more than/)],
    });
  });

  it('names the format version it cannot read', async () => {
    const unversioned: Record<string, unknown> = good();
    delete unversioned.version;
    expect(await problemsOf(unversioned)).toEqual([
      'version: missing (this lab reads lessons of versions 1 to 3)',
    ]);
    expect(await problemsOf({ ...good(), version: 4 })).toEqual([
      'version: this lesson was made by a newer Replication Lab (format 4); this one reads formats 1 to 3',
    ]);
  });

  describe('versions', () => {
    it('keeps a version 1 file’s meaning: Next does every step that has actions', async () => {
      const checked = await checkLesson(good());
      if (!checked.ok) throw new Error(checked.problems.join('\n'));
      expect(checked.value.steps.map((s) => s.doneBy)).toEqual(['next', 'next', undefined]);
      expect(upgradeLesson(checked.value, 2)).toBe(checked.value);
    });

    it('leaves a version 2 file’s steps to their defaults (the learner does a write or a kill)', async () => {
      const checked = await checkLesson({ ...good(), version: 2 });
      if (!checked.ok) throw new Error(checked.problems.join('\n'));
      expect(checked.value.steps.map((s) => s.doneBy)).toEqual([undefined, undefined, undefined]);
    });

    it('refuses format 2 fields in a version 1 file, by path', async () => {
      const lesson = good();
      const [first, second, third] = lesson.steps;
      if (first === undefined || second === undefined || third === undefined) throw new Error('three steps');
      const spoiled = {
        ...lesson,
        steps: [{ ...first, doneBy: 'learner' }, second, { ...third, predict: {} }],
      };
      expect(await problemsOf(spoiled)).toEqual([
        'steps[0].doneBy: is new in lesson format 2: set "version": 3 (this file says 1)',
        'steps[2].predict: is new in lesson format 2: set "version": 3 (this file says 1)',
      ]);
    });
  });

  describe('panel targets (format 3)', () => {
    const ringing = (target: unknown, version = 3) => {
      const lesson = good();
      return { ...lesson, version, steps: [{ ...lesson.steps[0], target }, ...lesson.steps.slice(1)] };
    };

    it('rings a panel of the lab by name', async () => {
      expect(await problemsOf(ringing({ panel: 'events' }))).toEqual([]);
      expect(await problemsOf(ringing({ panel: 'timeline' }))).toEqual([]);
    });

    it('names an unknown panel, a target naming two things, and a panel in a version 2 file', async () => {
      expect((await problemsOf(ringing({ panel: 'secrets' })))[0]).toMatch(/^steps\[0\]\.target\.panel: /);
      expect(await problemsOf(ringing({ panel: 'events', node: 'db1' }))).toEqual([
        'steps[0].target: must name a node, a control or a panel (one of them)',
      ]);
      expect(await problemsOf(ringing({ panel: 'events' }, 2))).toEqual([
        'steps[0].target.panel: is new in lesson format 3: set "version": 3 (this file says 2)',
      ]);
    });
  });

  describe('who does a step, and predictions', () => {
    const prediction = {
      question: 'Will db1’s write reach db2?',
      choices: [{ text: 'Yes', right: true }, { text: 'No' }],
      explain: 'db2 streams from db1.',
    };
    const withStep = (step: Record<string, unknown>) => {
      const lesson = good();
      return { ...lesson, version: 2, steps: [{ ...lesson.steps[0], ...step }, ...lesson.steps.slice(1)] };
    };

    it('accepts a prediction, and Next for a step a learner could do', async () => {
      expect(await problemsOf(withStep({ predict: prediction }))).toEqual([]);
      expect(await problemsOf(withStep({ doneBy: 'next' }))).toEqual([]);
    });

    it('refuses the learner for a step a learner cannot start, or one with a prediction', async () => {
      expect(
        await problemsOf(withStep({ doneBy: 'learner', actions: [{ do: 'advance', ms: 1000 }] })),
      ).toEqual([
        expect.stringMatching(
          /^steps\[0\]\.doneBy: its first action \(advance\) is not one a learner can do in the lab/,
        ),
      ]);
      expect(await problemsOf(withStep({ doneBy: 'learner', predict: prediction }))).toEqual([
        'steps[0].doneBy: a step with a prediction is played by the lab, not the learner',
      ]);
      expect(await problemsOf(withStep({ doneBy: 'someone' }))).toEqual([
        expect.stringMatching(/^steps\[0\]\.doneBy: /),
      ]);
    });

    it('names each problem of a prediction by its path', async () => {
      const problems = await problemsOf(
        withStep({
          predict: {
            question: 'q'.repeat(201),
            choices: [
              { text: 'Yes' },
              { text: '<b>No</b>' },
              ...Array.from({ length: 4 }, () => ({ text: 'x' })),
            ],
            explain: '',
            hint: 'extra',
          },
        }),
      );
      expect(problems).toEqual([
        'steps[0].predict.choices[1].text: contains markup (<b>); lessons are plain text, with *emphasis* and `code` only',
        'steps[0].predict.choices: must have at most 5 choices (this one has 6)',
        'steps[0].predict.question: must be at most 200 characters (this one has 201)',
        'steps[0].predict.explain: must not be empty',
        'steps[0].predict: Unrecognized key: "hint"',
      ]);
      expect(
        await problemsOf(
          withStep({ predict: { ...prediction, choices: [{ text: 'Yes' }, { text: 'No' }] } }),
        ),
      ).toEqual(['steps[0].predict: needs at least one choice marked right (`"right": true`)']);
      expect(
        await problemsOf(
          withStep({
            predict: {
              ...prediction,
              choices: [
                { text: 'Yes', right: true },
                { text: 'Sure', right: true },
              ],
            },
          }),
        ),
      ).toEqual([
        'steps[0].predict: needs at least one choice that is not right, or there is nothing to predict',
      ]);
    });

    it('refuses a prediction with nothing for the lab to play', async () => {
      const lesson = good();
      const spoiled = {
        ...lesson,
        version: 2,
        steps: [...lesson.steps.slice(0, 2), { text: 'The end.', predict: prediction }],
      };
      expect(await problemsOf(spoiled)).toEqual([
        'steps[2].predict: a prediction needs actions for the lab to play',
      ]);
    });
  });

  it('names every node its scenario lacks, by path', async () => {
    const lesson = good();
    const [first, second] = lesson.steps;
    if (first === undefined || second === undefined) throw new Error('two steps');
    const spoiled = {
      ...lesson,
      steps: [
        { ...first, target: { node: 'db7' }, condition: { node: 'db9', has: { key: 'balance' } } },
        { ...second, actions: [{ do: 'kill', node: 'dbX' }] },
      ],
    };
    expect(await problemsOf(spoiled)).toEqual([
      'steps[0].target.node: unknown node "db7" (its scenario has db1, db2, db3)',
      'steps[0].condition.node: unknown node "db9" (its scenario has db1, db2, db3)',
      'steps[1].actions[0].node: unknown node "dbX" (its scenario has db1, db2, db3)',
    ]);
  });

  it('names a scenario the engine refuses, under the lesson’s path', async () => {
    const problems = await problemsOf({
      ...good(),
      scenario: { preset: 'master-slave', overrides: { nodes: [{ id: 'x', role: 'replica' }] } },
    });
    expect(problems).toContain('scenario.overrides.nodes[0].upstream: a replica needs an upstream');
  });

  it('names actions that cannot run and conditions that never hold', async () => {
    const lesson = good();
    const problems = await problemsOf({
      ...lesson,
      steps: [
        { text: 'Promotes a node that is already the master.', actions: [{ do: 'promote', node: 'db1' }] },
        {
          text: 'Waits for something that never happens.',
          actions: [{ do: 'advance', ms: 100 }],
          condition: { metric: 'conflicts', atLeast: 1 },
        },
      ],
    });
    expect(problems).toEqual([
      expect.stringMatching(/^steps\[0\]\.actions\[0\]: cannot run: /),
      expect.stringMatching(/^steps\[1\]\.condition: never holds after the step's actions \(waited 30 s/),
    ]);
  });

  it('refuses more than 100 steps, and text over the caps', async () => {
    const lesson = good();
    const step = { text: 'A step.' };
    expect(await problemsOf({ ...lesson, steps: Array.from({ length: 101 }, () => step) })).toEqual([
      'steps: must have at most 100 steps (this one has 101)',
    ]);
    // Said first, before the problems of the steps (the list stops at 50 of them).
    const long = await problemsOf({
      ...lesson,
      steps: Array.from({ length: 101 }, () => ({ text: 'x'.repeat(401) })),
    });
    expect(long[0]).toBe('steps: must have at most 100 steps (this one has 101)');
    expect(long[1]).toBe('steps[0].text: must be at most 400 characters (this one has 401)');
    expect(long).toHaveLength(51);
    expect(long.at(-1)).toBe('… and 52 more problems');
    expect(
      await problemsOf({
        ...lesson,
        title: 't'.repeat(91),
        steps: [{ text: '😀'.repeat(401) }, { text: '' }],
      }),
    ).toEqual([
      'title: must be at most 90 characters (this one has 91)',
      'steps[0].text: must be at most 400 characters (this one has 401)',
      'steps[1].text: must not be empty',
    ]);
  });

  it('refuses markup anywhere, naming each place', async () => {
    const lesson = good();
    const problems = await problemsOf({
      ...lesson,
      title: 'Failover <img src=x onerror=alert(1)>',
      steps: [{ text: 'Read <b>this</b>.' }, { text: 'lag < 5 ms is fine, and so is a*b*c.' }],
    });
    expect(problems).toEqual([
      'title: contains markup (<img src=x onerror=alert(1)>); lessons are plain text, with *emphasis* and `code` only',
      'steps[0].text: contains markup (<b>); lessons are plain text, with *emphasis* and `code` only',
    ]);
  });

  it('names typos by path, and every one of them', async () => {
    const lesson = good();
    const problems = await problemsOf({
      ...lesson,
      id: 'My Lesson',
      scenario: { preset: 'no-such-preset' },
      steps: [
        { text: 'A typo.', actions: [{ do: 'kil', node: 'db1' }] },
        { text: 'Another.', actions: [{ do: 'heal' }], condition: { metric: 'lostWrite', atLeast: 1 } },
        { text: 'And a third.', actions: [{ do: 'heal' }], condition: { nod: 'db1' } },
      ],
    });
    expect(problems).toEqual([
      'id: must be 1 to 40 lowercase letters, digits or "-"',
      expect.stringMatching(/^scenario\.preset: /),
      expect.stringMatching(/^steps\[0\]\.actions\[0\]\.do: /),
      expect.stringMatching(/^steps\[1\]\.condition\.metric: /),
      'steps[2].condition: must name one of node, metric, flag, conflicts, backups, mode, all',
    ]);
  });

  it('refuses a lesson too costly to play, before playing it', async () => {
    for (const lesson of LESSONS) expect(lessonCost(lesson), lesson.id).toBeLessThan(MAX_LESSON_COST / 4);
    const heavy = {
      ...good(),
      scenario: { preset: 'master-slave' },
      steps: [
        {
          text: 'A storm of writes for ten minutes.',
          actions: [
            { do: 'startWorkload', writesPerSec: 1000 },
            { do: 'advance', ms: 600_000 },
          ],
        },
      ],
    };
    expect(await problemsOf(heavy)).toEqual([
      expect.stringMatching(/^steps: playing this lesson would take too much work/),
    ]);
    const long = {
      ...good(),
      steps: Array.from({ length: 7 }, () => ({ text: 'Wait.', actions: [{ do: 'advance', ms: 600_000 }] })),
    };
    expect(await problemsOf(long)).toContain(
      'steps: lets 4200 s of simulated time pass, more than the 3600 s (one hour) a lesson may',
    );
  });

  it('refuses JSON nested too deeply instead of overflowing the stack', async () => {
    let condition: unknown = { mode: 'async' };
    for (let i = 0; i < 5000; i++) condition = { all: [condition] };
    const problems = await problemsOf({
      ...good(),
      steps: [{ text: 'Deep.', actions: [{ do: 'heal' }], condition }],
    });
    expect(problems).toEqual([expect.stringMatching(/nested more than 16 levels deep$/)]);
  });

  it('writes the built-in lessons with their version first', () => {
    const [lesson] = LESSONS;
    if (lesson === undefined) throw new Error('no lessons');
    expect(Object.keys(lessonFileData(lesson))[0]).toBe('version');
  });
});
