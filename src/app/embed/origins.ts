/**
 * Which origins may drive the embed: needed at the first frame, before the protocol's code loads. The
 * `?origin=` list is read by originList.ts, with the view options' parser.
 */

/**
 * Who may drive the embed: the valid origins of `?origin=` when it is given (none, if none is valid),
 * else the origin of the page that framed us (from `document.referrer`). Any other sender is foreign.
 */
export function allowedOrigins(listed: readonly string[] | undefined, referrer: string): readonly string[] {
  if (listed !== undefined) return listed;
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
