import { describe, expect, it } from 'vitest';
import { createSimulation, restoreSimulation } from './index.ts';
import { cluster } from './testing.ts';

describe("a write on a replica is refused in the modelled server's words", () => {
  it('reads as PostgreSQL when the scenario names no system', () => {
    const sim = createSimulation(cluster(1));
    sim.advance(100);
    expect(sim.write('db2', 'k', 'v').error).toBe(
      'db2 is a read-only replica: cannot execute INSERT in a read-only transaction (SQLSTATE 25006)',
    );
  });

  it("reads as MariaDB's error 1290 when the scenario says mariadb", () => {
    const sim = createSimulation({ ...cluster(1), system: 'mariadb' });
    sim.advance(100);
    const op = sim.write('db2', 'k', 'v');
    expect(op.status).toBe('failed');
    expect(op.error).toBe(
      'db2 is a read-only replica: ERROR 1290 (HY000): The MariaDB server is running with the --read-only option so it cannot execute this statement',
    );
  });

  it('keeps speaking MariaDB after a save and a restore', () => {
    const sim = createSimulation({ ...cluster(1), system: 'mariadb' });
    sim.advance(100);
    const restored = restoreSimulation(JSON.parse(JSON.stringify(sim.save())));
    expect(restored.write('db2', 'k', 'v').error).toContain('ERROR 1290 (HY000)');
  });

  it('still accepts the write on the primary', () => {
    const sim = createSimulation({ ...cluster(1), system: 'mariadb' });
    const op = sim.write('db1', 'k', 'v');
    sim.runUntilIdle();
    expect(sim.op(op.id)?.status).toBe('ok');
  });
});

describe('an insert of a key the server holds', () => {
  it("fails with MariaDB's error 1062 on a single primary too, and commits nothing", () => {
    const sim = createSimulation({ ...cluster(1), system: 'mariadb' });
    sim.advance(100);
    sim.write('db1', 'k', 'v', { insert: true });
    const second = sim.write('db1', 'k', 'w', { insert: true });
    sim.runUntilIdle();
    expect(sim.op(second.id)?.error).toBe("db1: ERROR 1062 (23000): Duplicate entry 'k' for key 'PRIMARY'");
    expect(sim.node('db2').data.k).toBe('v');
  });
});
