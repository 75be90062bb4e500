/** Settings changed in a run: in place from the instant shown, forking in the past, kept by links. */
import { describe, expect, it } from 'vitest';
import { createLab } from '../connectEngine.ts';

const lab = () => createLab({ preset: 'master-slave', playing: false });

describe('settings changed in a run', () => {
  it('change the live run in place: time goes on, the change is a command and a marker', () => {
    const store = lab();
    const { actions } = store.getState();
    actions.write('db1', 'a', '1');
    actions.tick(2_000);
    actions.changeSettings({ replication: { mode: 'sync' } });
    const state = store.getState();
    expect(state.simTime).toBe(2_000);
    expect(state.settings.replication.mode).toBe('sync');
    expect(state.snapshot.replication.mode).toBe('sync');
    expect(state.snapshot.nodes.find((n) => n.id === 'db2')?.data).toHaveProperty('a', '1');
    expect(state.status?.text).toBe('Settings applied at 2.00 s: the run carries on with them.');
    expect(state.timeline.markers.at(-1)).toMatchObject({
      kind: 'setting',
      at: 2_000,
      text: 'replication mode async → sync',
    });
    expect(actions.currentRun().commands.at(-1)).toMatchObject({
      at: 2_000,
      type: 'configure',
      args: [{ replication: { mode: 'sync' } }],
    });
  });

  it('in the past fork a branch named by the change; each instant shows the settings it had', () => {
    const store = lab();
    const { actions } = store.getState();
    actions.tick(1_000);
    actions.changeSettings({ network: { latencyMs: 80 } });
    actions.tick(2_000);
    actions.seek(500);
    expect(store.getState().settings.network.latencyMs).toBe(40);
    actions.changeSettings({ replication: { mode: 'semi-sync' } });
    const { timeline, settings, status } = store.getState();
    expect(timeline.branches.map((b) => b.label)).toEqual([
      'A: the original run',
      'B: set replication mode semi-sync at 0.50 s',
    ]);
    expect(status?.text).toMatch(/^New branch B: set replication mode semi-sync at 0\.50 s; the future/);
    expect(settings.replication.mode).toBe('semi-sync');
    expect(settings.network.latencyMs).toBe(40);
    // Branch A still changes latency at 1 s, and never had semi-sync.
    actions.switchBranch('A');
    actions.goLive();
    expect(store.getState().settings.network.latencyMs).toBe(80);
    expect(store.getState().settings.replication.mode).toBe('async');
    actions.seek(999);
    expect(store.getState().settings.network.latencyMs).toBe(40);
    // Playing forward across the change shows it as it happens.
    actions.tick(2);
    expect(store.getState().settings.network.latencyMs).toBe(80);
  });

  it('failover mode changed in the past forks a branch where the manager fails the dead master over', () => {
    const store = lab();
    const { actions } = store.getState();
    actions.tick(300);
    actions.kill('db1');
    actions.tick(5_000);
    actions.seek(400);
    actions.changeSettings({ failover: { mode: 'automatic' } });
    let state = store.getState();
    expect(state.timeline.branches.map((b) => b.label)).toEqual([
      'A: the original run',
      'B: set failover mode automatic at 0.40 s',
    ]);
    expect(state.simTime).toBe(400);
    expect(state.settings.failover.mode).toBe('automatic');
    expect(state.snapshot.failover).toMatchObject({ mode: 'automatic', state: 'watching', leader: 'db1' });
    // The manager, started at 0.4 s, promotes a slave once db1 has been silent for the timeout.
    actions.tick(5_000);
    state = store.getState();
    expect(state.failovers).toEqual([expect.objectContaining({ trigger: 'automatic', oldPrimary: 'db1' })]);
    expect(state.snapshot.nodes.filter((n) => n.role === 'primary' && n.status === 'up')).toHaveLength(1);
    expect(state.timeline.markers.some((m) => m.text === 'failover mode manual → automatic')).toBe(true);
    // Branch A is as it was: manual, db1 dead, nobody promoted.
    actions.switchBranch('A');
    actions.goLive();
    state = store.getState();
    expect(state.settings.failover.mode).toBe('manual');
    expect(state.snapshot.failover).toBeNull();
    expect(state.failovers).toEqual([]);
    expect(state.snapshot.nodes.filter((n) => n.role === 'primary' && n.status === 'up')).toHaveLength(0);
  });

  it('failover settings changed live keep time going, and pause the manager when set to manual', () => {
    const store = lab();
    const { actions } = store.getState();
    actions.tick(1_000);
    actions.changeSettings({ failover: { mode: 'automatic', fencing: true } });
    let state = store.getState();
    expect(state.simTime).toBe(1_000);
    expect(state.timeline.branches).toHaveLength(1);
    expect(state.status?.text).toBe('Settings applied at 1.00 s: the run carries on with them.');
    expect(actions.currentRun().commands.at(-1)).toMatchObject({
      at: 1_000,
      type: 'configure',
      args: [{ failover: { mode: 'automatic', fencing: true } }],
    });
    actions.tick(500);
    actions.changeSettings({ failover: { maxLagOnFailover: 5 } });
    actions.changeSettings({ failover: { maxLagOnFailover: undefined, mode: 'manual' } });
    state = store.getState();
    expect(state.simTime).toBe(1_500);
    expect(actions.currentRun().commands.at(-1)?.args).toEqual([
      { failover: { mode: 'manual', maxLagOnFailover: null } },
    ]);
    expect(state.settings.failover).toEqual({
      mode: 'manual',
      heartbeatMs: 1000,
      timeoutMs: 3000,
      fencing: true,
    });
    expect(state.snapshot.failover).toMatchObject({ mode: 'manual', state: 'paused' });
    expect(state.timeline.markers.at(-1)?.text).toBe(
      'failover mode automatic → manual, max lag on failover 5 entries → no limit',
    );
  });

  it('a bad value is refused with its path and changes nothing', () => {
    const store = lab();
    store.getState().actions.tick(300);
    store.getState().actions.changeSettings({ network: { latencyMs: -5 } });
    const state = store.getState();
    expect(state.status?.text).toMatch(/^Changing the settings failed: network\.latencyMs: /);
    expect(state.settings.network.latencyMs).toBe(40);
    expect(state.actions.currentRun().commands).toHaveLength(0);
  });

  it('a shared run reopens with the settings it had at the instant shown', () => {
    const store = lab();
    const { actions } = store.getState();
    actions.startWorkload({ writesPerSec: 10, readsPerSec: 5 });
    actions.tick(800);
    actions.changeSettings({ replication: { mode: 'sync' }, conflictResolution: 'siblings' });
    actions.changeSettings({ workload: { writesPerSec: 0, readsPerSec: 0 } });
    actions.tick(800);
    const reopened = createLab({ preset: 'master-slave', playing: false, run: actions.currentRun() });
    const state = reopened.getState();
    expect(state.simTime).toBe(1_600);
    expect(state.settings).toEqual(store.getState().settings);
    expect(state.settings.workload.writesPerSec).toBe(0);
    expect(state.snapshot).toEqual({ ...store.getState().snapshot, version: state.snapshot.version });
  });
});
