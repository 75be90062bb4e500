/** Zipf key popularity: the key of rank k (from 1) has weight 1 / k^s; picked by inverting the CDF. */

/** The cumulative shares of keys 1..n (the last is exactly 1): `cdf[i]` is the chance of a rank ≤ i + 1. */
export function zipfCdf(n: number, skew: number): Float64Array {
  const cdf = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) cdf[i] = sum += (i + 1) ** -skew;
  for (let i = 0; i < n; i++) cdf[i] = (cdf[i] as number) / sum;
  cdf[n - 1] = 1;
  return cdf;
}

/** The index (rank − 1) a uniform draw `u` in [0, 1) picks: the first whose cumulative share exceeds it. */
export function zipfIndex(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cdf[mid] as number) > u) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
