import { describe, expect, it } from 'vitest';
import { createSimulation, presets } from '../../engine/index.ts';
import { positionWord } from '../positionWord.ts';
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

  it('names a master’s log position in its database’s words: LSN, or MariaDB’s GTID seq_no', () => {
    const sim = createSimulation(presets['master-slave']);
    const name = (system?: 'mariadb') =>
      nodeAccessibleName(
        sim.node('db1'),
        VOCABULARIES['master-slave'],
        0,
        undefined,
        0,
        positionWord(system),
      );
    expect(name()).toBe('db1, master, up, LSN 0');
    expect(name('mariadb')).toBe('db1, master, up, GTID seq_no 0');
  });
});
