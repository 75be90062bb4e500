/**
 * What a person or a host page may type into a command: keys and values. One rule each, used by the
 * forms, the store's actions and (through fieldSchemas.ts) the embed's messages and the run check, so
 * whatever the lab accepts a link carries, and a link never holds what the lab would not have accepted.
 * Plain functions, no schema library: the store's actions need them in the first frame.
 */

import { MAX_KEY_LENGTH, MAX_VALUE_LENGTH, charCount } from '../engine/index.ts';

export { charCount };
/** The engine's own limits (it refuses anything longer), so a form never accepts what a call would refuse. */
export const MAX_KEY_CHARS = MAX_KEY_LENGTH;
export const MAX_VALUE_CHARS = MAX_VALUE_LENGTH;
export const MAX_NODE_ID_CHARS = 32;

/** A key a client reads or writes: 1 to 200 characters. A value: 0 to 200 (empty is a value too). */
const LIMITS = {
  key: { min: 1, max: MAX_KEY_CHARS },
  value: { min: 0, max: MAX_VALUE_CHARS },
} as const;
export type Field = keyof typeof LIMITS;

/** What is wrong with `text` as a `field` ("must not be empty"), or null when it is fine. */
export function fieldProblem(field: Field, text: string): string | null {
  const { min, max } = LIMITS[field];
  if (text.length === 0) return min > 0 ? 'must not be empty' : null;
  if (text.length <= max) return null;
  const count = charCount(text);
  if (count <= max) return null;
  return `must be at most ${max} characters (this one has ${count.toLocaleString('en-US')})`;
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
