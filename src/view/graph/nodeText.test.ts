import { describe, expect, it } from 'vitest';
import { createSimulation, presets } from '../../engine/index.ts';
import { VOCABULARIES } from '../vocabulary.ts';
import { nodeAccessibleName } from './nodeText.ts';

describe('a node’s accessible name', () => {
  it('says when its disk is slowed, and stops saying so once fixed', () => {
    const sim = createSimulation(presets['master-slave']);
    sim.slowDisk('db2', 10);
    expect(nodeAccessibleName(sim.node('db2'), VOCABULARIES['master-slave'])).toBe(
      'db2, slave, up, lag 0 entries 0 ms, disk 10× slower',
    );
    sim.fixDisk('db2');
    expect(nodeAccessibleName(sim.node('db2'), VOCABULARIES['master-slave'])).not.toContain('disk');
  });
});
