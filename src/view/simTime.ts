/** Simulated time in words, one way everywhere. */

/** Simulated time as seconds with two decimals, e.g. "12.34 s". */
export function formatSimTime(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}
