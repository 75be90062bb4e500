/** Save, restore and the checker are registered parts: without them loaded, the calls say what to load. */
import { describe, expect, it, vi } from 'vitest';

describe('the optional parts', () => {
  it('refuse with what to load while not loaded, and work once loaded', async () => {
    vi.resetModules();
    const registry = await import('./registry.ts');
    expect(() => registry.restoreSimulation({})).toThrow(
      /restoring is not loaded: await loadPersistence\(\)/,
    );
    expect(() => registry.saver()).toThrow(/saving is not loaded/);
    expect(() => registry.checker()).toThrow(/checker is not loaded: await loadChecker\(\)/);
    const { loadChecker, loadPersistence } = await import('./load.ts');
    await loadPersistence();
    await loadChecker();
    expect(() => registry.restoreSimulation(null)).toThrow(/^saved state: expected an object/);
    expect(typeof registry.saver()).toBe('function');
    expect(typeof registry.checker()).toBe('function');
  });
});
