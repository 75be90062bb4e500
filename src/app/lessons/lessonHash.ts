/**
 * Where a lesson of the reader's own sits in a URL hash (`#l=...`, beside a run's `s=`): reading and
 * replacing it, without decoding it (lessonLink.ts does that), so following the lesson in the address bar
 * loads no codec.
 */

const PARAM = /(^#?|&)l=([^&]*)/;

/** The encoded lesson in a URL hash, or null. Percent-escapes a chat tool may have added are undone. */
export function lessonParam(hash: string): string | null {
  const value = PARAM.exec(hash)?.[2];
  if (value === undefined) return null;
  try {
    return decodeURIComponent(value.replace(/%2B/gi, '+'));
  } catch {
    return value;
  }
}

/** `hash` with its lesson set to `value` (or removed, with null), its other parameters (a run's `s=`) kept. */
export function withLessonParam(hash: string, value: string | null): string {
  const parts = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part !== '' && !part.startsWith('l='));
  if (value !== null) parts.push(`l=${value}`);
  return parts.length === 0 ? '' : `#${parts.join('&')}`;
}
