/**
 * Loads the live comparison's functions on demand (`live.ts`), so the lab's first frame does not carry
 * them; code that imports the engine's `index.ts` has them (and `compare()`) already.
 */
export type CompareKit = typeof import('./live.ts');

/**
 * Automatic failover and multi-primary groups come with it: a comparison may start either on one side
 * ("manual vs automatic", "2 vs 5 masters"), at once.
 */
export async function loadCompare(): Promise<CompareKit> {
  const [kit] = await Promise.all([
    import('./live.ts'),
    import('../failover/manager.ts'),
    import('../multiprimary/group.ts'),
  ]);
  return kit;
}
