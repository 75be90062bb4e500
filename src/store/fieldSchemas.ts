/**
 * The field rules of fields.ts as zod schemas, for what validates untrusted input: the run check
 * (links, files) and the embed's messages. Loaded with them, not with the first frame.
 */
import { z } from './zod.ts';
import { MAX_NODE_ID_CHARS, fieldProblem, type Field } from './fields.ts';

const field = (name: Field) =>
  z.string().check(
    z.check((ctx) => {
      const problem = fieldProblem(name, ctx.value);
      if (problem !== null) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value });
    }),
  );

export const keyField = field('key');
export const valueField = field('value');
/** A node's id, as the engine's scenario schema allows it. */
export const nodeIdField = z
  .string()
  .check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(MAX_NODE_ID_CHARS, `must be at most ${MAX_NODE_ID_CHARS} characters`),
    z.regex(/^[A-Za-z0-9_.-]+$/, 'may contain only letters, digits, ".", "_" and "-"'),
  );
