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

/** `sim.configure()`, settings changed in a run (and replayed from a run's `configure` commands). */
export async function loadConfigure(): Promise<void> {
  await import('../configure.ts');
}

/** The automatic failover manager, for a scenario (or a `configure`) with `failover.mode: 'automatic'`. */
export async function loadFailover(): Promise<void> {
  await import('../failover/manager.ts');
}

/** Multi-primary groups (replication, conflicts, certification), for a scenario with two or more primaries. */
export async function loadMultiPrimary(): Promise<void> {
  await import('../multiprimary/group.ts');
}

/** The parser of `synchronous_standby_names`, for a scenario (or a `configure`) that names its standbys. */
export async function loadStandbyNames(): Promise<void> {
  await import('../replication/standbyNamesParser.ts');
}
