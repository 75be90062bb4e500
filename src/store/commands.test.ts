import { describe, expect, it } from 'vitest';
import { createLab } from './connectEngine.ts';
import { replayed } from './replayed.ts';
import { freshNodeId, subtree } from './topology.ts';

const lab = () => createLab({ preset: 'master-slave', playing: false });
const nodeOf = (store: ReturnType<typeof lab>, id: string) =>
  store.getState().snapshot.nodes.find((n) => n.id === id);

describe('node commands', () => {
  it('adds a replica with a fresh id streaming from the chosen node', () => {
    const store = lab();
    store.getState().actions.addReplica('db2');
    expect(nodeOf(store, 'db4')?.upstream).toBe('db2');
    expect(store.getState().status?.tone).toBe('ok');
  });

  it('refuses a replica past the scenario’s 64 nodes, with the engine’s reason', async () => {
    const store = lab();
    for (let i = 0; i < 61; i++) store.getState().actions.addReplica('db1');
    expect(store.getState().snapshot.nodes).toHaveLength(64);
    store.getState().actions.addReplica('db1');
    expect(store.getState().snapshot.nodes).toHaveLength(64);
    expect(store.getState().status).toEqual({
      tone: 'error',
      text: 'Adding a replica of db1 failed: the cluster already has 64 nodes, the most a scenario may have.',
    });
    const copy = createLab({
      preset: 'master-slave',
      playing: false,
      run: store.getState().actions.currentRun(),
    });
    await replayed(copy);
    expect(copy.getState().loadReport).toBeNull();
    expect(copy.getState().snapshot.nodes).toHaveLength(64);
  });

  it('restores a backup as a new node streaming from the current primary', () => {
    const store = lab();
    const { actions } = store.getState();
    actions.write('db1', 'balance', '100');
    actions.tick(1000);
    actions.takeBackup('db2');
    const backup = store.getState().backups[0];
    expect(backup?.data).toHaveProperty('balance', '100');
    actions.restoreBackup(backup?.id ?? '');
    expect(nodeOf(store, 'db4')?.upstream).toBe('db1');
  });

  it('isolates a node so it misses writes until the network heals', () => {
    const store = lab();
    const { actions } = store.getState();
    actions.isolate('db3');
    expect(store.getState().snapshot.network.partitioned).toBe(true);
    actions.write('db1', 'k', 'v');
    actions.tick(1000);
    expect(nodeOf(store, 'db3')?.data).not.toHaveProperty('k');
    actions.heal();
    actions.tick(3000);
    expect(nodeOf(store, 'db3')?.data).toHaveProperty('k', 'v');
  });

  it('cuts a link and slows one down', () => {
    const store = lab();
    const { actions } = store.getState();
    actions.cutLink({ from: 'db1', to: 'db2' });
    expect(store.getState().snapshot.links.find((l) => l.to === 'db2')?.cut).toBe(true);
    actions.setLinkLatency({ from: 'db1', to: 'db3' }, 1000);
    expect(store.getState().snapshot.links.find((l) => l.to === 'db3')?.latencyMs).toBe(1000);
  });

  it('reports the writes a promotion lost', () => {
    const store = lab();
    const { actions } = store.getState();
    actions.write('db1', 'balance', '200');
    actions.tick(5);
    actions.kill('db1');
    actions.promote('db2');
    expect(store.getState().status?.text).toMatch(/1 acknowledged write was lost/);
    expect(store.getState().lostWrites.map((op) => op.key)).toEqual(['balance']);
    // The graph marks where they were lost: on the master that acknowledged them.
    expect(store.getState().lostByNode).toEqual({ db1: 1 });
  });

  it('provisions a new primary from a backup while none is up, losing what came after the backup', () => {
    const store = lab();
    const { actions } = store.getState();
    actions.write('db1', 'balance', '100');
    actions.tick(2000);
    actions.takeBackup('db2');
    const backup = store.getState().backups[0];
    if (backup === undefined) throw new Error('a backup was taken');
    actions.write('db1', 'balance', '200');
    actions.tick(2000);
    actions.kill('db1');
    expect(store.getState().snapshot.metrics.readOnly).toBe(true);

    actions.provisionPrimary(backup.id);
    const { snapshot, status, lostWrites } = store.getState();
    const fresh = snapshot.nodes.find((n) => n.id === 'db4');
    expect(fresh).toMatchObject({ role: 'primary', status: 'up' });
    expect(fresh?.timeline).toBe(2);
    expect(snapshot.metrics.readOnly).toBe(false);
    expect(status).toMatchObject({ tone: 'warn' });
    expect(status?.text).toMatch(
      new RegExp(
        `^db4 was provisioned from backup ${backup.id} \\(LSN ${String(backup.lsn)}\\) as the new primary`,
      ),
    );
    expect(lostWrites.map((op) => op.value)).toContain('200');
    // The other replicas follow the new primary, and writes are accepted again.
    actions.write('db4', 'balance', '300');
    actions.tick(3000);
    const after = store.getState().snapshot.nodes;
    expect(after.find((n) => n.id === 'db2')?.data.balance).toBe('300');
  });

  it('refuses to provision a second primary while one is up, and says why', () => {
    const store = lab();
    const { actions } = store.getState();
    actions.takeBackup('db2');
    actions.provisionPrimary(store.getState().backups[0]?.id ?? 'missing');
    expect(store.getState().status).toMatchObject({ tone: 'error' });
    expect(store.getState().status?.text).toMatch(/a primary is already up/);
    expect(store.getState().snapshot.nodes).toHaveLength(3);
  });
});

describe('what a write, a read or a merge may carry', () => {
  it('refuses a key a link could not carry, says why, and records nothing', () => {
    const store = lab();
    const { actions } = store.getState();
    for (const key of ['k'.repeat(201), 'k'.repeat(1024 * 1024), '']) {
      expect(actions.write('db1', key, 'v')).toBeNull();
      expect(store.getState().status).toMatchObject({ tone: 'error' });
    }
    expect(store.getState().status?.text).toBe('Write to db1 failed: key: must not be empty.');
    actions.write('db1', 'k', 'v'.repeat(201));
    expect(store.getState().status?.text).toMatch(
      /value: must be at most 200 characters \(this one has 201\)/,
    );
    actions.read('db2', 'k'.repeat(201));
    expect(store.getState().status?.text).toMatch(/^Read on db2 failed: key: must be at most 200/);
    expect(actions.currentRun().commands).toEqual([]);
  });

  it('makes every write it accepts into a run that replays, unicode and prototype names included', async () => {
    const store = lab();
    const { actions } = store.getState();
    for (const key of ['k'.repeat(200), '😀'.repeat(200), '__proto__', 'constructor']) {
      expect(actions.write('db1', key, '✓'.repeat(200))?.status).toBe('pending');
    }
    actions.tick(500);
    const copy = createLab({ preset: 'cascading', playing: false, run: actions.currentRun() });
    await replayed(copy);
    expect(copy.getState().loadReport).toBeNull();
    expect(copy.getState().snapshot.nodes.find((n) => n.id === 'db3')?.data).toEqual(
      store.getState().snapshot.nodes.find((n) => n.id === 'db3')?.data,
    );
  });

  it('hands back the write as issued: failed at once on a replica or a node that is down', () => {
    const store = lab();
    const { actions } = store.getState();
    const onReplica = actions.write('db2', 'k', 'v');
    expect(onReplica?.status).toBe('failed');
    expect(onReplica?.error).toMatch(/read-only/);
    actions.kill('db3');
    const onDown = actions.write('db3', 'k', 'v');
    expect(onDown?.status).toBe('failed');
    expect(onDown?.error).toMatch(/db3 is down/);
    expect(actions.write('db9', 'k', 'v')).toBeNull();
    expect(store.getState().status?.text).toMatch(/db9/);
  });
});

describe('waiting for an operation to settle', () => {
  it('calls back at once for a write that already failed', () => {
    const store = lab();
    const { actions } = store.getState();
    const op = actions.write('db2', 'k', 'v');
    const seen: unknown[] = [];
    actions.onSettled(op?.id ?? -1, (settled) => seen.push(settled?.status));
    expect(seen).toEqual(['failed']);
  });

  it('calls back once a pending write is acknowledged, and only then', () => {
    const store = lab();
    const { actions } = store.getState();
    const op = actions.write('db1', 'k', 'v');
    expect(op?.status).toBe('pending');
    const seen: unknown[] = [];
    actions.onSettled(op?.id ?? -1, (settled) => seen.push([settled?.id, settled?.status]));
    expect(seen).toEqual([]);
    actions.tick(100);
    expect(seen).toEqual([[op?.id, 'ok']]);
    actions.tick(100);
    expect(seen).toHaveLength(1);
  });

  it('waits while a synchronous write blocks, and says the write is gone when the lab starts over', () => {
    const store = lab();
    store.getState().actions.applySettings({ replication: { mode: 'sync' } });
    const { actions } = store.getState();
    actions.kill('db2');
    actions.kill('db3');
    const op = actions.write('db1', 'k', 'v');
    const seen: unknown[] = [];
    const other: unknown[] = [];
    actions.onSettled(op?.id ?? -1, (settled) => seen.push(settled));
    const stop = actions.onSettled(op?.id ?? -1, (settled) => other.push(settled));
    stop();
    actions.tick(5000);
    expect(seen).toEqual([]);
    actions.reset();
    expect(seen).toEqual([null]);
    expect(other).toEqual([]);
  });
});

describe('settings', () => {
  it('rebuilds the simulation with the new replication mode, keeping the preset', () => {
    const store = lab();
    store.getState().actions.tick(500);
    store.getState().actions.applySettings({ replication: { mode: 'sync' }, network: { latencyMs: 150 } });
    const state = store.getState();
    expect(state.simTime).toBe(0);
    expect(state.snapshot.replication.mode).toBe('sync');
    expect(state.settings.network.latencyMs).toBe(150);
    expect(state.presetName).toBe('master-slave');
  });

  it('turns on automatic failover with fencing, and lifts the lag limit when asked', () => {
    const store = lab();
    expect(store.getState().snapshot.failover).toBeNull();
    store.getState().actions.applySettings({
      failover: { mode: 'automatic', heartbeatMs: 500, timeoutMs: 1500, fencing: true, maxLagOnFailover: 10 },
    });
    expect(store.getState().snapshot.failover).toMatchObject({
      mode: 'automatic',
      heartbeatMs: 500,
      timeoutMs: 1500,
      fencing: true,
      maxLagOnFailover: 10,
    });
    store.getState().actions.applySettings({ failover: { maxLagOnFailover: undefined } });
    expect(store.getState().settings.failover).not.toHaveProperty('maxLagOnFailover');
    expect(store.getState().snapshot.failover?.maxLagOnFailover).toBeUndefined();
  });

  it('says what is wrong with a timeout shorter than two heartbeats, and keeps running', () => {
    const store = lab();
    store
      .getState()
      .actions.applySettings({ failover: { mode: 'automatic', heartbeatMs: 1000, timeoutMs: 1500 } });
    expect(store.getState().status?.text).toMatch(/failover\.timeoutMs: must be at least twice/);
    expect(store.getState().snapshot.nodes.length).toBeGreaterThan(0);
  });

  it('takes a preset’s failover settings when it is loaded', () => {
    const store = lab();
    store.getState().actions.loadPreset('auto-failover');
    expect(store.getState().settings.failover).toMatchObject({ mode: 'automatic', fencing: true });
    store.getState().actions.loadPreset('master-slave');
    expect(store.getState().settings.failover.mode).toBe('manual');
  });

  it('takes a preset’s replication mode when it is loaded', () => {
    const store = lab();
    store.getState().actions.loadPreset('scheduled');
    expect(store.getState().settings.replication).toMatchObject({ mode: 'scheduled', intervalMs: 2000 });
  });
});

describe('topology helpers', () => {
  it('names a new node after its neighbour without reusing an id', () => {
    const nodes = lab().getState().snapshot.nodes;
    expect(freshNodeId(nodes, 'db2')).toBe('db4');
    expect(freshNodeId(nodes, 'db2', new Set(['db4']))).toBe('db5');
    expect(freshNodeId(nodes, 'report')).toBe('db4');
  });

  it('finds a node’s subtree', () => {
    const store = createLab({ preset: 'cascading', playing: false });
    expect(subtree(store.getState().snapshot.nodes, 'db2').sort()).toEqual(['db2', 'db4', 'db5', 'db6']);
  });
});
