/** Operations per simulated second, over a sliding one-second window of 100 ms buckets. */
import type { SimTime } from '../types.ts';

const BUCKET_MS = 100;
export const BUCKETS = 10;

export class LoadMeter {
  // Saved and put back by persist/state.ts.
  readonly counts = new Array<number>(BUCKETS).fill(0);
  readonly stamps = new Array<number>(BUCKETS).fill(-1);

  record(at: SimTime): void {
    const bucket = Math.floor(at / BUCKET_MS);
    const i = bucket % BUCKETS;
    if (this.stamps[i] !== bucket) {
      this.stamps[i] = bucket;
      this.counts[i] = 0;
    }
    this.counts[i] = (this.counts[i] ?? 0) + 1;
  }

  perSecond(now: SimTime): number {
    const current = Math.floor(now / BUCKET_MS);
    let total = 0;
    for (let i = 0; i < BUCKETS; i++) {
      const stamp = this.stamps[i] ?? -1;
      if (stamp > current - BUCKETS && stamp <= current) total += this.counts[i] ?? 0;
    }
    return total;
  }
}
