/** The zod schema of lesson data: a typo in a lesson (an unknown action, metric or key) fails validation. */
import { z } from 'zod';
import { READ_ROUTINGS, REPLICATION_MODES } from '../../engine/index.ts';
import { PRESET_NAMES } from '../../store/index.ts';
import { FLAG_NAMES, METRIC_NAMES } from './conditions.ts';
import type { Lesson, LessonCondition } from './types.ts';

const id = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must be a node id');
const range = { atLeast: z.number().optional(), atMost: z.number().optional() };
const rangeObject = z
  .strictObject(range)
  .refine((r) => r.atLeast !== undefined || r.atMost !== undefined, 'needs atLeast or atMost');
const workload = {
  writesPerSec: z.number().min(0).optional(),
  readsPerSec: z.number().min(0).optional(),
  keys: z.number().int().min(1).optional(),
  readRouting: z.enum(READ_ROUTINGS).optional(),
};

const scenario = z.strictObject({
  preset: z.enum(PRESET_NAMES as [string, ...string[]]),
  overrides: z.record(z.string(), z.unknown()).optional(),
  workload: z.strictObject(workload).optional(),
});

const action = z.discriminatedUnion('do', [
  z.strictObject({ do: z.literal('write'), node: id, key: z.string().min(1), value: z.string() }),
  z.strictObject({ do: z.literal('read'), node: id, key: z.string().min(1) }),
  z.strictObject({ do: z.enum(['kill', 'restart', 'promote', 'takeBackup', 'addReplica']), node: id }),
  z.strictObject({ do: z.literal('restoreBackup') }),
  z.strictObject({ do: z.literal('repoint'), node: id, upstream: id }),
  z.strictObject({ do: z.literal('partition'), groups: z.array(z.array(id).min(1)).min(1) }),
  z.strictObject({ do: z.literal('heal') }),
  z.strictObject({ do: z.literal('setLatency'), a: id, b: id, ms: z.number().min(0) }),
  z.strictObject({ do: z.literal('startWorkload'), ...workload }),
  z.strictObject({ do: z.literal('stopWorkload') }),
  z.strictObject({ do: z.literal('advance'), ms: z.number().positive() }),
  z.strictObject({
    do: z.literal('configure'),
    settings: z.strictObject({
      replication: z.record(z.string(), z.unknown()).optional(),
      network: z.record(z.string(), z.unknown()).optional(),
      workload: z.strictObject(workload).optional(),
    }),
  }),
  z.strictObject({ do: z.literal('load'), scenario }),
]);

const condition: z.ZodType<LessonCondition> = z.lazy(() =>
  z.union([
    z
      .strictObject({
        node: id,
        status: z.enum(['up', 'down']).optional(),
        role: z.enum(['primary', 'replica']).optional(),
        state: z
          .string()
          .regex(/^(primary|replica|down|booting)(\.\w+)*$/)
          .optional(),
        has: z.strictObject({ key: z.string().min(1), value: z.string().optional() }).optional(),
        lacks: z.string().min(1).optional(),
        siblings: z.string().min(1).optional(),
        lagEntries: rangeObject.optional(),
        lagMs: rangeObject.optional(),
        load: rangeObject.optional(),
      })
      .refine((c) => Object.keys(c).length > 1, 'says nothing about the node'),
    z
      .strictObject({ metric: z.enum(METRIC_NAMES as [string, ...string[]]), ...range })
      .refine((c) => c.atLeast !== undefined || c.atMost !== undefined, 'needs atLeast or atMost'),
    z.strictObject({ flag: z.enum(FLAG_NAMES as [string, ...string[]]), is: z.boolean() }),
    z.strictObject({ conflicts: rangeObject }),
    z.strictObject({ backups: rangeObject }),
    z.strictObject({ mode: z.enum(REPLICATION_MODES) }),
    z.strictObject({ all: z.array(condition).min(1) }),
  ]),
) as z.ZodType<LessonCondition>;

const step = z
  .strictObject({
    text: z.string().min(10).max(400),
    target: z
      .union([z.strictObject({ node: id }), z.strictObject({ control: z.string().min(1) })])
      .optional(),
    actions: z.array(action).min(1).optional(),
    condition: condition.optional(),
  })
  // A condition with nothing to make it true would leave a deep link (and the keyboard) stuck.
  .refine((s) => s.condition === undefined || s.actions !== undefined, 'has a condition but no actions');

export const lessonSchema: z.ZodType<Lesson> = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lowercase words joined by "-"'),
  title: z.string().min(3).max(90),
  summary: z.string().min(3).max(120),
  scenario,
  steps: z.array(step).min(2),
}) as unknown as z.ZodType<Lesson>;
