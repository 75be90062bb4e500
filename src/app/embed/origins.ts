/** Which origins may drive the embed: needed at the first frame, before the protocol's code loads. */

/**
 * Who may drive the embed: the origins listed in `?origin=` when there are any, else the origin
 * of the page that framed us (from `document.referrer`). Any other sender is foreign.
 */
export function allowedOrigins(listed: readonly string[], referrer: string): readonly string[] {
  if (listed.length > 0) return listed;
  try {
    const origin = new URL(referrer).origin;
    return origin === 'null' ? [] : [origin];
  } catch {
    return [];
  }
}

/** Exact comparison: "https://docs.example.com.evil.test" is not "https://docs.example.com". */
export function isAllowed(origin: string, allowed: readonly string[]): boolean {
  return allowed.includes(origin);
}
