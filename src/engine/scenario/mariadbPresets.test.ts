import { describe, expect, it } from 'vitest';
import { createSimulation, parseScenario, presets } from '../index.ts';
import { MARIADB_PRESET_TITLES, presetTitle } from './presets.ts';

describe('the MariaDB presets', () => {
  it('each parses, speaks MariaDB and carries its title', () => {
    for (const name of Object.keys(MARIADB_PRESET_TITLES) as (keyof typeof MARIADB_PRESET_TITLES)[]) {
      const scenario = parseScenario(presets[name]);
      expect(scenario.system).toBe('mariadb');
      expect(presets[name].name).toBe(presetTitle(name));
    }
  });

  it('source-source runs with no conflict resolution: an insert of one key on both stops both appliers', () => {
    const sim = createSimulation({ ...presets['mariadb-source-source'], seed: 1 });
    sim.advance(500);
    sim.write('db1', 'k', 'a', { insert: true });
    sim.write('db2', 'k', 'b', { insert: true });
    sim.runUntilIdle();
    expect(sim.nodes().map((n) => n.stoppedAppliers.length)).toEqual([1, 1]);
  });

  it('semi-sync falls back after its timeout with both replicas gone', () => {
    const sim = createSimulation({ ...presets['mariadb-semisync'], seed: 1 });
    sim.advance(500);
    sim.kill('db2');
    sim.kill('db3');
    const op = sim.write('db1', 'k', 'v');
    sim.advance(9_000);
    expect(sim.op(op.id)?.status).toBe('pending');
    sim.advance(2_000);
    expect(sim.op(op.id)?.status).toBe('ok');
  });
});
