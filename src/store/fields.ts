/**
 * What a person or a host page may type into a command: keys and values. One rule each, used by the
 * forms, the store's actions and (through fieldSchemas.ts) the embed's messages and the run check, so
 * whatever the lab accepts a link carries, and a link never holds what the lab would not have accepted.
 * Plain functions, no schema library: the store's actions need them in the first frame.
 */

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
