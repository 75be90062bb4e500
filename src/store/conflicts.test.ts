import { describe, expect, it } from 'vitest';
import { createLab } from './connectEngine.ts';
import { conflictsByNode, ledgerSignature, resolverFor } from './conflicts.ts';

const masterMaster = () => createLab({ preset: 'master-master', playing: false });

/** The same key written on both masters at once, then time enough to replicate both ways. */
function collide(store: ReturnType<typeof masterMaster>, key = 'colour'): void {
  const { actions } = store.getState();
  actions.write('db1', key, 'red');
  actions.write('db2', key, 'blue');
  actions.tick(2000);
}

describe('the conflict ledger in the store', () => {
  it('starts empty, and mirrors each conflict once with both versions when two masters write one key', () => {
    const store = masterMaster();
    expect(store.getState().conflicts).toEqual([]);
    collide(store);
    const { conflicts, snapshot } = store.getState();
    expect(conflicts).toHaveLength(1);
    expect(snapshot.metrics.conflicts).toBe(1);
    const [record] = conflicts;
    expect(record?.key).toBe('colour');
    expect(record?.strategy).toBe('lww');
    expect(record?.versions.map((v) => [v.value, v.origin]).sort()).toEqual([
      ['blue', 'db2'],
      ['red', 'db1'],
    ]);
    // Both masters met both versions, and the ledger shows every detection, not only the first.
    expect([...(record?.detectedOn ?? [])].sort()).toEqual(['db1', 'db2']);
    expect(store.getState().conflictsByNode.db1?.count).toBe(1);
    expect(store.getState().conflictsByNode.db3).toBeUndefined();
  });

  it('keeps the same ledger object while nothing in it changes', () => {
    const store = masterMaster();
    collide(store);
    const before = store.getState().conflicts;
    store.getState().actions.write('db1', 'other', 'x');
    store.getState().actions.tick(1000);
    expect(store.getState().conflicts).toBe(before);
  });

  it('resolves siblings through a recorded resolve command on a master that holds them', () => {
    const store = masterMaster();
    store.getState().actions.applySettings({ conflictResolution: 'siblings' });
    expect(store.getState().settings.conflictResolution).toBe('siblings');
    expect(store.getState().snapshot.replication.conflictResolution).toBe('siblings');
    collide(store);
    const record = store.getState().conflicts[0];
    expect(record?.strategy).toBe('siblings');
    expect(record?.resolvedAt).toBeNull();
    // A merged value a link could not carry is refused before it reaches the engine.
    store.getState().actions.resolveConflict(record?.id ?? -1, 'p'.repeat(201));
    expect(store.getState().status?.text).toMatch(
      /value: must be at most 200 characters \(this one has 201\)/,
    );
    expect(store.getState().conflicts[0]?.resolvedAt).toBeNull();
    store.getState().actions.resolveConflict(record?.id ?? -1, 'purple');
    expect(store.getState().status?.text).toMatch(/^db\d is merging the siblings of colour into "purple"/);
    expect(
      store
        .getState()
        .actions.currentRun()
        .commands.map((c) => c.type),
    ).toContain('resolve');
    store.getState().actions.tick(2000);
    expect(store.getState().conflicts[0]?.resolvedAt).not.toBeNull();
    for (const n of store.getState().snapshot.nodes) expect(n.data.colour).toBe('purple');

    store.getState().actions.resolveConflict(record?.id ?? -1, 'again');
    expect(store.getState().status?.text).toMatch(/conflict #1 is already resolved/);
  });

  it('says why a conflict cannot be resolved instead of throwing', () => {
    const store = masterMaster();
    collide(store);
    const record = store.getState().conflicts[0];
    if (record === undefined) throw new Error('expected a conflict');
    expect(resolverFor(store.getState().snapshot.nodes, record)).toEqual({
      problem: 'conflict #1 was settled by lww: there are no siblings to resolve',
    });
    store.getState().actions.resolveConflict(99, 'x');
    expect(store.getState().status?.text).toMatch(/there is no conflict #99/);
  });

  it('carries the conflict resolution into the scenario, share links and Reset', () => {
    const store = masterMaster();
    store.getState().actions.applySettings({ conflictResolution: 'siblings' });
    expect(store.getState().actions.currentRun().scenario.conflictResolution).toBe('siblings');
    store.getState().actions.reset();
    expect(store.getState().snapshot.replication.conflictResolution).toBe('siblings');
    store.getState().actions.loadPreset('master-master');
    expect(store.getState().settings.conflictResolution).toBe('lww');
  });

  it('reports the engine’s refusal of a mode for a group, without applying it', () => {
    const store = masterMaster();
    expect(store.getState().actions.settingsProblems({ replication: { mode: 'semi-sync' } })).toEqual([
      'replication.mode: a group of 2 primaries replicates "async" or "sync" (certification), not "semi-sync"',
    ]);
    expect(store.getState().actions.settingsProblems({ replication: { mode: 'sync' } })).toEqual([]);
    expect(store.getState().settings.replication.mode).toBe('async');
    const single = createLab({ preset: 'master-slave', playing: false });
    expect(single.getState().actions.settingsProblems({ replication: { mode: 'scheduled' } })).toEqual([]);
  });
});

describe('ledger helpers', () => {
  const record = (id: number, nodeIds: string[], at: number, resolvedAt: number | null = null) => ({
    id,
    key: 'k',
    at,
    nodeIds,
    detectedOn: nodeIds,
    versions: [],
    winner: null,
    siblings: [],
    strategy: 'siblings' as const,
    resolvedAt,
  });

  it('counts each node’s conflicts and remembers the latest', () => {
    expect(conflictsByNode([record(1, ['a', 'b'], 10), record(2, ['b', 'c'], 30)])).toEqual({
      a: { count: 1, lastAt: 10 },
      b: { count: 2, lastAt: 30 },
      c: { count: 1, lastAt: 30 },
    });
  });

  it('changes its signature on a new record, a new detection and a merge', () => {
    const one = ledgerSignature([record(1, ['a'], 0)]);
    expect(ledgerSignature([record(1, ['a', 'b'], 0)])).not.toBe(one);
    expect(ledgerSignature([record(1, ['a'], 0, 5)])).not.toBe(one);
    expect(ledgerSignature([record(1, ['a'], 0), record(2, ['a'], 1)])).not.toBe(one);
    expect(ledgerSignature([record(1, ['a'], 0)])).toBe(one);
  });
});
