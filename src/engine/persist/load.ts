/**
 * Loads optional parts on demand (see registry.ts): the lab calls these when it first needs them, so its
 * first frame does not carry them. Code that imports the engine's entry outside a bundle has them already.
 */

/** Save, restore and fork. */
export async function loadPersistence(): Promise<void> {
  await import('./restore.ts');
}

/** `sim.check()`, the consistency checker. */
export async function loadChecker(): Promise<void> {
  await import('../observe/checker.ts');
}
