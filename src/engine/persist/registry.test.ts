/**
 * Save, restore, the checker, `configure`, automatic failover and multi-primary groups are registered
 * parts: without them loaded, the calls say what to load.
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
    const preset = engine.presetScenario;
    expect(engine.failoverLoaded()).toBe(false);
    expect(engine.configureLoaded()).toBe(false);
    expect(() => engine.createSimulation(preset('auto-failover'))).toThrow(
      /automatic failover is not loaded: await loadFailover\(\)/,
    );
    const sim = engine.createSimulation(preset('master-slave'));
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
    expect(engine.createSimulation(preset('auto-failover')).snapshot().failover?.state).toBeDefined();
  });

  it('start a scenario with two or more primaries only once the group is loaded', async () => {
    vi.resetModules();
    // A save of a group, taken with the whole engine (its own module instances).
    const whole = await import('../index.ts');
    const taken = whole.createSimulation(whole.presets['master-master']);
    taken.write('db1', 'k', 'a'); // pending: its commit and shipping are in the saved queue
    const saved: unknown = JSON.parse(JSON.stringify(taken.save()));

    vi.resetModules();
    const engine = await import('../entry.ts');
    const preset = engine.presetScenario;
    expect(engine.multiPrimaryLoaded()).toBe(false);
    const notLoaded = /a multi-primary group is not loaded: await loadMultiPrimary\(\)/;
    expect(() => engine.createSimulation(preset('master-master'))).toThrow(notLoaded);
    const sync = { ...preset('master-master'), replication: { mode: 'sync' as const } };
    expect(() => engine.createSimulation(sync)).toThrow(notLoaded);
    await engine.loadPersistence();
    expect(() => engine.restoreSimulation(saved)).toThrow(notLoaded);
    // One primary needs none of it.
    const single = engine.createSimulation(preset('master-slave'));
    single.write('db1', 'k', 'v');
    single.runUntilIdle();
    expect(single.node('db2').data).toMatchObject({ k: 'v' });

    await engine.loadMultiPrimary();
    expect(engine.multiPrimaryLoaded()).toBe(true);
    const group = engine.createSimulation(preset('master-master'));
    group.write('db1', 'k', 'a');
    group.write('db2', 'k', 'b');
    group.runUntilIdle();
    expect(group.conflicts()).toHaveLength(1);
    expect(group.node('db1').data).toEqual(group.node('db2').data);
    // The restored group carries on: db1's write, pending when saved, reaches its peer.
    const restored = engine.restoreSimulation(saved);
    restored.runUntilIdle();
    expect(restored.node('db2').data).toMatchObject({ k: 'a' });
    const certified = engine.createSimulation(sync);
    certified.write('db1', 'k', 'a');
    certified.write('db2', 'k', 'b');
    certified.runUntilIdle();
    expect(certified.history().filter((op) => op.status === 'failed')).toHaveLength(1);
  });

  it('give a regional preset once its data is loaded, the same as the whole engine has', async () => {
    vi.resetModules();
    const whole = await import('../index.ts');
    vi.resetModules();
    const engine = await import('../entry.ts');
    expect(engine.presetLoaded('master-slave')).toBe(true);
    expect(engine.loadPresetData('master-slave')).toBeNull();
    expect(engine.presetLoaded('pg-regions')).toBe(false);
    expect(() => engine.presetScenario('pg-regions')).toThrow(/pg-regions is not loaded yet/);
    expect(engine.presetTitle('pg-regions')).toBe(whole.presets['pg-regions'].name);
    await engine.loadPresetData('pg-regions');
    expect(engine.loadPresetData('galera-regions')).toBeNull();
    for (const name of engine.PRESET_NAMES) expect(engine.presetScenario(name)).toEqual(whole.presets[name]);
    expect(engine.PRESET_NAMES).toEqual(Object.keys(whole.presets));
  });
});
