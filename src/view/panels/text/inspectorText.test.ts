import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../engine/index.ts';
import { operationText } from './inspectorText.ts';

/** An acknowledged write on a master with one slave, in the words of `system`. */
function acknowledged(system: 'postgresql' | 'mariadb') {
  const sim = createSimulation({
    seed: 1,
    system,
    nodes: [
      { id: 'db1', role: 'primary' },
      { id: 'db2', role: 'replica', upstream: 'db1' },
    ],
  });
  const op = sim.write('db1', 'k', 'v');
  sim.advance(100);
  const record = sim.op(op.id);
  if (record === undefined) throw new Error('no record of the write');
  return operationText(record, system);
}

describe('an operation in words', () => {
  it('places an acknowledged write in its database’s terms: LSN and timeline, or GTID seq_no and epoch', () => {
    expect(acknowledged('postgresql')).toMatch(/acknowledged after \d+ ms \(LSN 1, timeline 1\)$/);
    expect(acknowledged('mariadb')).toMatch(/acknowledged after \d+ ms \(GTID seq_no 1, epoch 1\)$/);
  });
});
