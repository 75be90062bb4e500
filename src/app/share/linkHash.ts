/**
 * What the first frame needs of a link: whether its hash holds a run (decoding it loads linkCodec.ts,
 * lz-string and the run's schemas only then), and the banner listing its problems.
 */
import type { Checked, LoadReport, RunRecord } from '../../store/index.ts';

/**
 * The encoded run in a URL hash, or null when the hash holds none. Not URLSearchParams: it would
 * turn lz-string's "+" into a space. Percent-escapes a chat tool may have added are undone.
 */
export function runParam(hash: string): string | null {
  const match = /(?:^#?|&)s=([^&]*)/.exec(hash);
  if (match?.[1] === undefined) return null;
  try {
    return decodeURIComponent(match[1].replace(/%2B/gi, '+'));
  } catch {
    return match[1];
  }
}

/**
 * The banner for a link: what was wrong with its run (if it had one: the run refused, or a part of it
 * left out, such as a bad `at`) and with its view options.
 */
export function linkReport(
  decoded: Checked<RunRecord> | null,
  viewProblems: readonly string[],
): LoadReport | null {
  if (decoded !== null && !decoded.ok) {
    return {
      title: 'This link could not be opened, so the default scenario opened instead.',
      problems: [...decoded.problems, ...viewProblems],
    };
  }
  const problems = [...(decoded?.ignored ?? []), ...viewProblems];
  return problems.length > 0 ? { title: 'Some options in this link were ignored.', problems } : null;
}
