/**
 * What a person or a host page may type into a command: keys, values, node ids. One schema each, used
 * by the forms, the store's actions, the embed's messages and the run check (runCheck.ts), so whatever
 * the lab accepts a link carries, and a link never holds what the lab would not have accepted.
 */
import * as z from 'zod/mini';

export const MAX_KEY_CHARS = 200;
export const MAX_VALUE_CHARS = 200;
export const MAX_NODE_ID_CHARS = 32;

/**
 * Characters as a reader counts them: code points, so "✓" and "😀" are one each (a string's `length`
 * counts an emoji as two UTF-16 units).
 */
export function charCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++, count++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) i++;
  }
  return count;
}

const grouped = (n: number) => n.toLocaleString('en-US');

/** A string of `min` to `max` characters (code points), whose message says how long it is. */
const chars = (min: number, max: number) =>
  z.string().check(
    z.check((ctx) => {
      if (ctx.value.length === 0 && min > 0) {
        ctx.issues.push({ code: 'custom', message: 'must not be empty', input: ctx.value });
        return;
      }
      if (ctx.value.length <= max) return;
      const count = charCount(ctx.value);
      if (count <= max) return;
      ctx.issues.push({
        code: 'custom',
        message: `must be at most ${max} characters (this one has ${grouped(count)})`,
        input: ctx.value,
      });
    }),
  );

/** A key a client reads or writes. */
export const keyField = chars(1, MAX_KEY_CHARS);
/** A value a client writes (empty is a value too). */
export const valueField = chars(0, MAX_VALUE_CHARS);
/** A node's id, as the engine's scenario schema allows it. */
export const nodeIdField = z
  .string()
  .check(
    z.minLength(1, 'must not be empty'),
    z.maxLength(MAX_NODE_ID_CHARS, `must be at most ${MAX_NODE_ID_CHARS} characters`),
    z.regex(/^[A-Za-z0-9_.-]+$/, 'may contain only letters, digits, ".", "_" and "-"'),
  );

export type Field = 'key' | 'value';
const FIELDS = { key: keyField, value: valueField } as const;

/** What is wrong with `text` as a `field` ("must not be empty"), or null when it is fine. */
export function fieldProblem(field: Field, text: string): string | null {
  const parsed = FIELDS[field].safeParse(text);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'is not valid');
}

/** Every problem of a write's key and value, each as "key: must not be empty". */
export function writeProblems(key: string, value: string): string[] {
  const problems: string[] = [];
  const inKey = fieldProblem('key', key);
  if (inKey !== null) problems.push(`key: ${inKey}`);
  const inValue = fieldProblem('value', value);
  if (inValue !== null) problems.push(`value: ${inValue}`);
  return problems;
}
