/**
 * Save, restore, the checker, `configure` and automatic failover are registered parts: without them
 * loaded, the calls say what to load.
 */
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

  it('start automatic failover and change settings in a run only once loaded', async () => {
    vi.resetModules();
    // The lab's entry: the engine without its optional parts imported.
    const engine = await import('../entry.ts');
    const { presets } = engine;
    expect(engine.failoverLoaded()).toBe(false);
    expect(engine.configureLoaded()).toBe(false);
    expect(() => engine.createSimulation(presets['auto-failover'])).toThrow(
      /automatic failover is not loaded: await loadFailover\(\)/,
    );
    const sim = engine.createSimulation(presets['master-slave']);
    expect(() => {
      sim.configure({ network: { latencyMs: 80 } });
    }).toThrow(/changing settings in a run is not loaded: await loadConfigure\(\)/);
    expect(sim.commands()).toEqual([]); // refused: nothing recorded
    await engine.loadConfigure();
    // `configure` brings the failover manager: automatic failover can be switched on in a run.
    expect(engine.failoverLoaded()).toBe(true);
    sim.configure({ network: { latencyMs: 80 }, failover: { mode: 'automatic' } });
    expect(sim.snapshot().failover?.mode).toBe('automatic');
    await engine.loadFailover();
    expect(engine.createSimulation(presets['auto-failover']).snapshot().failover?.state).toBeDefined();
  });
});
