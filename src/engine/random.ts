/** Seeded random source (mulberry32): the engine's only randomness; equal seeds give equal streams. */

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An exponentially distributed gap with the given mean (Poisson arrivals). */
  exponential(mean: number): number;
  /** A new independent stream derived from this one (so adding a consumer does not shift others). */
  fork(salt: number): Random;
  /** Where the stream stands, to save. */
  state(): number;
  /** Puts the stream back where a save found it. */
  restore(state: number): void;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    exponential: (mean) => -Math.log(1 - next()) * mean,
    fork: (salt) => createRandom((seed ^ Math.imul(salt + 1, 0x9e3779b1)) >>> 0),
    state: () => state,
    restore: (saved) => {
      state = saved >>> 0;
    },
  };
}
