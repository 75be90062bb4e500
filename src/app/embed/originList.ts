/** Reads `?origin=`, the origins a host page lists as allowed to drive the embed (see origins.ts). */

/** Most origins `?origin=` may list; the rest are reported and ignored. */
export const MAX_LISTED_ORIGINS = 16;

export interface OriginList {
  /** The valid entries, each once, as the browser writes an origin (`event.origin`). */
  readonly origins: readonly string[];
  /** One line per entry that was ignored, and why. */
  readonly problems: readonly string[];
}

/** Why `entry` is not an origin the embed can trust, or its canonical form ("https://a.example"). */
function checkEntry(entry: string): { readonly origin: string } | { readonly problem: string } {
  if (entry === '') return { problem: 'an empty entry' };
  if (entry.includes('*')) return { problem: `"${entry}": wildcards are not supported` };
  if (entry === 'null') {
    return { problem: '"null" is the origin every sandboxed page shares' };
  }
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return { problem: `"${entry}" is not an origin such as https://docs.example.com` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { problem: `"${entry}" is not an http or https origin` };
  }
  // Scheme, host and port only: a path, query, fragment or user name would mean something else.
  if (url.href !== `${url.origin}/`) {
    return { problem: `"${entry}" is more than an origin (use ${url.origin})` };
  }
  return { origin: url.origin };
}

/**
 * Reads `?origin=`: a comma-separated list, each entry checked on its own. A malformed entry is
 * reported and ignored, the valid ones are kept, and a list with no valid entry trusts nobody (it never
 * falls back to the framing page: an allow-list fails closed).
 */
export function parseOriginList(raw: string): OriginList {
  const origins: string[] = [];
  const problems: string[] = [];
  for (const entry of raw.split(',').map((e) => e.trim())) {
    const checked = checkEntry(entry);
    if ('problem' in checked) {
      problems.push(`?origin: ${checked.problem}; ignored`);
    } else if (origins.includes(checked.origin)) {
      continue;
    } else if (origins.length >= MAX_LISTED_ORIGINS) {
      problems.push(`?origin: more than ${MAX_LISTED_ORIGINS} origins; "${entry}" ignored`);
    } else {
      origins.push(checked.origin);
    }
  }
  if (origins.length === 0) {
    problems.push('?origin: no valid origin listed, so no page may drive the embed');
  }
  return { origins, problems };
}
