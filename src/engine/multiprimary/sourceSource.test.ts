import { describe, expect, it } from 'vitest';
import type { Simulation } from '../index.ts';
import { createSimulation, restoreSimulation } from '../index.ts';

const DUPLICATE = "ERROR 1062 (23000): Duplicate entry 'k' for key 'PRIMARY'";

/** Two MariaDB primaries, each replicating the other, 20 ms apart, with no conflict resolution. */
function sourceSource(): Simulation {
  const sim = createSimulation({
    seed: 5,
    system: 'mariadb',
    nodes: [
      { id: 'a', role: 'primary' },
      { id: 'b', role: 'primary' },
      { id: 'ra', role: 'replica', upstream: 'a' },
    ],
    network: { latencyMs: 20, jitterMs: 0 },
    conflictResolution: 'none',
  });
  sim.advance(200);
  return sim;
}

/** The same key inserted on both before either insert arrives at the other. */
function insertOnBoth(sim: Simulation): void {
  sim.write('a', 'k', 'from-a', { insert: true });
  sim.write('b', 'k', 'from-b', { insert: true });
  sim.runUntilIdle();
}

describe("source-source (conflictResolution: 'none')", () => {
  describe('when both update one key at once', () => {
    it('applies each in arrival order: the two diverge silently, with no conflict recorded', () => {
      const sim = sourceSource();
      sim.write('a', 'k', '1');
      sim.write('b', 'k', '2');
      sim.runUntilIdle();
      expect(sim.node('a').data.k).toBe('2');
      expect(sim.node('b').data.k).toBe('1');
      expect(sim.node('ra').data.k).toBe('2');
      expect(sim.conflicts()).toEqual([]);
      expect(sim.history().every((op) => op.status === 'ok')).toBe(true);
      expect(sim.nodes().every((n) => n.stoppedAppliers.length === 0)).toBe(true);
    });

    it('lets the checker say the nodes diverge', () => {
      const sim = sourceSource();
      sim.write('a', 'k', '1');
      sim.write('b', 'k', '2');
      sim.runUntilIdle();
      expect(sim.check().some((a) => a.kind === 'divergence')).toBe(true);
    });
  });

  describe('an insert', () => {
    it('fails on a node that already holds the key, with MariaDB’s duplicate-key error', () => {
      const sim = sourceSource();
      sim.write('a', 'k', 'one');
      sim.runUntilIdle();
      const op = sim.write('b', 'k', 'two', { insert: true });
      sim.runUntilIdle();
      expect(sim.op(op.id)).toMatchObject({ status: 'failed', error: `b: ${DUPLICATE}` });
      expect(sim.node('b').data.k).toBe('one');
    });

    it('of a new key commits and replicates like any write', () => {
      const sim = sourceSource();
      const op = sim.write('a', 'k', 'one', { insert: true });
      sim.runUntilIdle();
      expect(sim.op(op.id)?.status).toBe('ok');
      expect(sim.node('b').data.k).toBe('one');
      expect(sim.nodes().every((n) => n.stoppedAppliers.length === 0)).toBe(true);
    });
  });

  describe('when both insert one key at once', () => {
    it('stops each one’s applier with 1062 and MariaDB’s Last_SQL_Error', () => {
      const sim = sourceSource();
      insertOnBoth(sim);
      for (const [node, source] of [
        ['a', 'b'],
        ['b', 'a'],
      ] as const) {
        const [stop] = sim.node(node).stoppedAppliers;
        expect(stop).toMatchObject({ source, key: 'k', errno: 1062 });
        expect(stop?.error).toBe(
          "Could not execute Write_rows_v1 event on table lab.kv; Duplicate entry 'k' for key 'PRIMARY', Error_code: 1062; handler error HA_ERR_FOUND_DUPP_KEY; the event's master log bin.000001, end_log_pos 1",
        );
      }
      expect(sim.events().filter((e) => e.type === 'applier-stopped')).toHaveLength(2);
    });

    it('applies nothing more from that source until an operator acts', () => {
      const sim = sourceSource();
      insertOnBoth(sim);
      sim.write('b', 'later', 'x');
      sim.runUntilIdle();
      expect(sim.node('a').data.later).toBeUndefined();
    });

    it('skipEvent keeps the node’s own row and applies what follows', () => {
      const sim = sourceSource();
      insertOnBoth(sim);
      sim.write('b', 'later', 'x');
      sim.runUntilIdle();
      sim.skipEvent('a');
      sim.runUntilIdle();
      expect(sim.node('a').stoppedAppliers).toEqual([]);
      expect(sim.node('a').data).toMatchObject({ k: 'from-a', later: 'x' });
      expect(sim.node('b').stoppedAppliers).toHaveLength(1);
    });

    it('resync copies the source’s rows, its replicas follow, and its applier runs again', () => {
      const sim = sourceSource();
      insertOnBoth(sim);
      sim.skipEvent('a');
      sim.resync('b');
      sim.write('a', 'after', 'y');
      sim.runUntilIdle();
      for (const id of ['a', 'b', 'ra']) expect(sim.node(id).data).toEqual({ k: 'from-a', after: 'y' });
      expect(sim.nodes().every((n) => n.stoppedAppliers.length === 0)).toBe(true);
      expect(sim.events().some((e) => e.type === 'node-resynced' && e.nodeId === 'b')).toBe(true);
    });

    it('keeps the applier stopped across a restart, and in a save', () => {
      const sim = sourceSource();
      insertOnBoth(sim);
      sim.kill('a');
      sim.restart('a');
      sim.runUntilIdle();
      expect(sim.node('a').stoppedAppliers).toHaveLength(1);
      const copy = restoreSimulation(sim.save());
      expect(copy.node('a').stoppedAppliers).toEqual(sim.node('a').stoppedAppliers);
      copy.skipEvent('a');
      copy.runUntilIdle();
      expect(copy.node('a').stoppedAppliers).toEqual([]);
    });

    it('replays the same run from its command log', () => {
      const sim = sourceSource();
      insertOnBoth(sim);
      sim.skipEvent('b');
      sim.resync('a');
      sim.runUntilIdle();
      const again = sourceSource();
      for (const command of sim.commands()) {
        again.advanceTo(command.at);
        (again[command.type] as (...args: unknown[]) => unknown)(...command.args);
      }
      again.runUntilIdle();
      expect(again.nodes()).toEqual(sim.nodes());
    });
  });

  describe('refuses', () => {
    it('to skip or resync a node whose appliers all run, or one outside the group', () => {
      const sim = sourceSource();
      expect(() => {
        sim.skipEvent('a');
      }).toThrow('a has no stopped applier');
      expect(() => {
        sim.resync('b');
      }).toThrow('b has no stopped applier');
      expect(() => {
        sim.skipEvent('ra');
      }).toThrow('ra is not a source-source member');
      expect(() => sim.write('a', 'k', 'v', { insert: 'yes' as unknown as boolean })).toThrow(
        'insert is true or false',
      );
    });
  });

  it('leaves last-writer-wins as it was: an insert of a held key replicates as an update', () => {
    const sim = createSimulation({
      seed: 5,
      nodes: [
        { id: 'a', role: 'primary' },
        { id: 'b', role: 'primary' },
      ],
      network: { latencyMs: 20, jitterMs: 0 },
    });
    sim.advance(200);
    insertOnBoth(sim);
    expect(sim.node('a').data.k).toBe(sim.node('b').data.k);
    expect(sim.conflicts()).toHaveLength(1);
    expect(sim.nodes().every((n) => n.stoppedAppliers.length === 0)).toBe(true);
  });
});
