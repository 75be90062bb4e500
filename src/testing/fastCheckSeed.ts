/**
 * Vitest setup: fast-check properties run from one fixed seed, so `npm test` (and CI) is reproducible and
 * a red run always means a change broke something. `npm run test:fuzz` sets FC_SEED=random to hunt with
 * fresh seeds and many more runs; FC_SEED=<number> replays the seed a failure printed.
 */
import fc from 'fast-check';

const FIXED_SEED = 20_261_126;

const requested = process.env.FC_SEED;
if (requested !== 'random') {
  const seed = requested === undefined ? FIXED_SEED : Number(requested);
  if (!Number.isSafeInteger(seed))
    throw new Error(`FC_SEED must be an integer or "random", not ${requested ?? ''}`);
  fc.configureGlobal({ seed });
}
