/**
 * The schema of lesson data, built-in or from a file or link: a typo (an unknown action, metric or key)
 * or text past a cap fails it, every problem named by its path. zod's small build, as the run check uses.
 */
import { z } from '../../store/zod.ts';
import { MAX_NODES, REPLICATION_MODES } from '../../engine/index.ts';
import { keyField, nodeIdField, valueField } from '../../store/fieldSchemas.ts';
import { configureOptions, workloadOptions } from '../../store/runCheck.ts';
import { charCount } from '../../store/fields.ts';
import { PRESET_NAMES } from '../../store/index.ts';
import { FLAG_NAMES, LESSON_PANEL_NAMES, METRIC_NAMES } from './conditions.ts';
import { learnerProblem } from './steps.ts';
import type { Lesson, LessonCondition, LessonStep } from './types.ts';

/** The caps on a lesson: what a file or a link may hold, and what the built-in lessons keep within. */
export const LESSON_LIMITS = {
  steps: 100,
  title: 90,
  summary: 120,
  text: 400,
  control: 80,
  actionsPerStep: 20,
  /** Conditions joined by `all`, at one level. */
  conditionsPerAll: 20,
  /** One `advance`, in simulated ms (ten minutes). */
  advanceMs: 600_000,
  question: 200,
  choice: 120,
  choices: 5,
  /** The one sentence that says why. */
  explain: 300,
} as const;

/** Text of 1 to `max` characters (counted as code points, as the lab's other fields are). */
const text = (max: number) =>
  z.string().check(
    z.check((ctx) => {
      const count = ctx.value.length <= max ? ctx.value.length : charCount(ctx.value);
      if (count === 0 || ctx.value.trim() === '')
        ctx.issues.push({ code: 'custom', message: 'must not be empty', input: ctx.value });
      else if (count > max)
        ctx.issues.push({
          code: 'custom',
          message: `must be at most ${max} characters (this one has ${count.toLocaleString('en-US')})`,
          input: ctx.value,
        });
    }),
  );

/**
 * A list of `min` to `max` items, saying how many it has when it has too many. Checked even when items
 * have problems (`when`), and marked `cap`, so it is said first: it explains the problems past the cap.
 */
const list = <T extends z.ZodMiniType>(item: T, max: number, min: number, noun: string) =>
  z.array(item).check(
    z.refine((items: readonly unknown[]) => items.length >= min, {
      error: `must have at least ${min} ${noun}`,
      when: () => true,
    }),
    z.refine((items: readonly unknown[]) => items.length <= max, {
      error: (issue) =>
        `must have at most ${max} ${noun} (this one has ${(issue.input as readonly unknown[]).length})`,
      params: { cap: true },
      when: () => true,
    }),
  );

const id = nodeIdField;
const finite = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));
const range = { atLeast: z.optional(finite), atMost: z.optional(finite) };
const hasBound = (r: { atLeast?: number | undefined; atMost?: number | undefined }) =>
  r.atLeast !== undefined || r.atMost !== undefined;
const rangeObject = z.strictObject(range).check(z.refine(hasBound, 'needs atLeast or atMost'));
/** The run check's limits on a workload (what a link's `startWorkload` may ask for). */
const workload = workloadOptions.def.shape;

const scenario = z.strictObject({
  preset: z.enum(PRESET_NAMES as [string, ...string[]]),
  // Checked by the engine's own scenario check when the lesson is played (lessonCheck.ts).
  overrides: z.optional(z.record(z.string(), z.unknown())),
  workload: z.optional(z.strictObject(workload)),
});

const action = z.discriminatedUnion('do', [
  z.strictObject({ do: z.literal('write'), node: id, key: keyField, value: valueField }),
  z.strictObject({ do: z.literal('read'), node: id, key: keyField }),
  z.strictObject({ do: z.enum(['kill', 'restart', 'promote', 'takeBackup', 'addReplica']), node: id }),
  z.strictObject({ do: z.literal('restoreBackup') }),
  z.strictObject({ do: z.literal('repoint'), node: id, upstream: id }),
  z.strictObject({
    do: z.literal('partition'),
    groups: list(list(id, MAX_NODES, 1, 'nodes'), MAX_NODES, 1, 'groups'),
  }),
  z.strictObject({ do: z.literal('heal') }),
  z.strictObject({
    do: z.literal('setLatency'),
    a: id,
    b: id,
    ms: z.number().check(z.minimum(0), z.maximum(60_000)),
  }),
  z.strictObject({ do: z.literal('startWorkload'), ...workload }),
  z.strictObject({ do: z.literal('stopWorkload') }),
  z.strictObject({
    do: z.literal('advance'),
    ms: z
      .number()
      .check(z.positive(), z.maximum(LESSON_LIMITS.advanceMs, 'must be at most 600000 ms (10 minutes)')),
  }),
  z.strictObject({
    do: z.literal('configure'),
    // The values are checked by the engine when the settings apply.
    settings: z.strictObject({
      replication: z.optional(z.record(z.string(), z.unknown())),
      network: z.optional(z.record(z.string(), z.unknown())),
      workload: z.optional(z.strictObject(workload)),
    }),
  }),
  // The values are checked by the engine when the settings change, as a run link's `configure` is.
  z.strictObject({ do: z.literal('changeSettings'), settings: configureOptions }),
  z.strictObject({ do: z.literal('load'), scenario }),
]);

const nodeCondition = z
  .strictObject({
    node: id,
    status: z.optional(z.enum(['up', 'down'])),
    role: z.optional(z.enum(['primary', 'replica'])),
    state: z.optional(
      z
        .string()
        .check(
          z.regex(
            /^(primary|replica|down|booting)(\.\w+){0,4}$/,
            'must be a node state such as "replica.streaming"',
          ),
        ),
    ),
    has: z.optional(z.strictObject({ key: keyField, value: z.optional(valueField) })),
    lacks: z.optional(keyField),
    siblings: z.optional(keyField),
    lagEntries: z.optional(rangeObject),
    lagMs: z.optional(rangeObject),
    load: z.optional(rangeObject),
  })
  .check(z.refine((c) => Object.keys(c).length > 1, 'says nothing about the node'));

/** Each kind of condition by the key that names it: a condition is checked as the kind its keys say. */
const CONDITION_KINDS: readonly (readonly [string, () => z.ZodMiniType])[] = [
  ['node', () => nodeCondition],
  [
    'metric',
    () =>
      z
        .strictObject({
          metric: z.enum(METRIC_NAMES as [string, ...string[]]),
          since: z.optional(z.literal('step')),
          ...range,
        })
        .check(z.refine(hasBound, 'needs atLeast or atMost')),
  ],
  ['flag', () => z.strictObject({ flag: z.enum(FLAG_NAMES as [string, ...string[]]), is: z.boolean() })],
  ['conflicts', () => z.strictObject({ conflicts: rangeObject })],
  ['backups', () => z.strictObject({ backups: rangeObject })],
  ['mode', () => z.strictObject({ mode: z.enum(REPLICATION_MODES) })],
  ['all', () => z.strictObject({ all: list(condition, LESSON_LIMITS.conditionsPerAll, 1, 'conditions') })],
];
const KIND_NAMES = CONDITION_KINDS.map(([key]) => key).join(', ');

/**
 * A condition, checked as the kind its keys name (so a problem names the field, not "invalid input"
 * for the whole union).
 */
const condition: z.ZodMiniType<LessonCondition> = z.custom<LessonCondition>().check(
  z.check((ctx) => {
    const value = ctx.value as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.issues.push({ code: 'custom', message: 'must be an object', input: value });
      return;
    }
    const kind = CONDITION_KINDS.find(([key]) => key in value);
    if (kind === undefined) {
      ctx.issues.push({ code: 'custom', message: `must name one of ${KIND_NAMES}`, input: value });
      return;
    }
    const parsed = kind[1]().safeParse(value);
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        ctx.issues.push({ code: 'custom', message: issue.message, input: value, path: issue.path });
  }),
);

const prediction = z
  .strictObject({
    question: text(LESSON_LIMITS.question),
    choices: list(
      z.strictObject({ text: text(LESSON_LIMITS.choice), right: z.optional(z.boolean()) }),
      LESSON_LIMITS.choices,
      2,
      'choices',
    ),
    explain: text(LESSON_LIMITS.explain),
  })
  .check(
    z.refine(
      (p) => p.choices.some((c) => c.right === true),
      'needs at least one choice marked right (`"right": true`)',
    ),
    z.refine(
      (p) => p.choices.some((c) => c.right !== true),
      'needs at least one choice that is not right, or there is nothing to predict',
    ),
  );

const step = z
  .strictObject({
    text: text(LESSON_LIMITS.text),
    target: z.optional(
      z
        .strictObject({
          node: z.optional(id),
          control: z.optional(text(LESSON_LIMITS.control)),
          panel: z.optional(z.enum(LESSON_PANEL_NAMES as [string, ...string[]])),
        })
        .check(
          z.refine(
            (t) => [t.node, t.control, t.panel].filter((named) => named !== undefined).length === 1,
            'must name a node, a control or a panel (one of them)',
          ),
        ),
    ),
    actions: z.optional(list(action, LESSON_LIMITS.actionsPerStep, 1, 'actions')),
    doneBy: z.optional(z.enum(['learner', 'next'])),
    predict: z.optional(prediction),
    condition: z.optional(condition),
  })
  // A condition with nothing to make it true would leave a deep link (and the keyboard) stuck.
  .check(
    z.refine((s) => s.condition === undefined || s.actions !== undefined, 'has a condition but no actions'),
    z.check((ctx) => {
      const problem = learnerProblem(ctx.value as LessonStep);
      if (problem !== null)
        ctx.issues.push({ code: 'custom', message: problem, input: ctx.value, path: ['doneBy'] });
    }),
    // The lab plays a prediction's step to show what happens: without actions there is nothing to see.
    z.refine((s) => s.predict === undefined || s.actions !== undefined, {
      error: 'a prediction needs actions for the lab to play',
      path: ['predict'],
    }),
  );

export const lessonSchema: z.ZodMiniType<Lesson> = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/, 'must be 1 to 40 lowercase letters, digits or "-"')),
  title: text(LESSON_LIMITS.title),
  summary: text(LESSON_LIMITS.summary),
  scenario,
  steps: list(step, LESSON_LIMITS.steps, 1, 'steps'),
}) as unknown as z.ZodMiniType<Lesson>;
