/**
 * Loads the live comparison's functions on demand (`live.ts`), so the lab's first frame does not carry
 * them; code that imports the engine's `index.ts` has them (and `compare()`) already.
 */
export type CompareKit = typeof import('./live.ts');

export async function loadCompare(): Promise<CompareKit> {
  return import('./live.ts');
}
