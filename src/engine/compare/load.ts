/**
 * Loads the live comparison's functions on demand (`live.ts`), so the lab's first frame does not carry
 * them; code that imports the engine's `index.ts` has them (and `compare()`) already.
 */
export type CompareKit = typeof import('./live.ts');

/** Automatic failover comes with it: a comparison may start it on either side ("manual vs automatic"). */
export async function loadCompare(): Promise<CompareKit> {
  const [kit] = await Promise.all([import('./live.ts'), import('../failover/manager.ts')]);
  return kit;
}
