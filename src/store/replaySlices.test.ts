/** A long run loads a slice at a time: the lab keeps its run meanwhile, shows progress, and can cancel. */
import { describe, expect, it, vi } from 'vitest';
import { createLab } from './connectEngine.ts';
import { replayed } from './replayed.ts';
import type { RunRecord } from './run.ts';

/** 64 nodes under a steady workload for a minute: seconds of the engine's work, far over one slice. */
const heavy: RunRecord = {
  scenario: {
    seed: 2,
    nodes: [
      { id: 'db1', role: 'primary' },
      ...Array.from({ length: 63 }, (_, i) => ({ id: `r${i}`, role: 'replica' as const, upstream: 'db1' })),
    ],
  },
  commands: [{ at: 0, type: 'startWorkload', args: [{ writesPerSec: 100, readsPerSec: 50 }] }],
  time: 60_000,
};

describe('loading a long run', () => {
  it('goes on in slices while the lab keeps its run, then puts the replayed run in place', async () => {
    const store = createLab({ preset: 'master-slave', playing: true });
    const before = store.getState().snapshot;
    const loading = store.getState().actions.loadRun(heavy, 'Loaded.');
    expect(store.getState().replaying).not.toBeNull();
    expect(store.getState().playing).toBe(false);
    expect(store.getState().snapshot).toBe(before);
    const progress: number[] = [];
    const unsubscribe = store.subscribe((s) => {
      if (s.replaying !== null) progress.push(s.replaying.progress);
    });
    await expect(loading).resolves.toBe(true);
    unsubscribe();
    expect(progress.length).toBeGreaterThan(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    const after = store.getState();
    expect(after.replaying).toBeNull();
    expect(after.playing).toBe(true);
    expect(after.snapshot.nodes).toHaveLength(64);
    expect(after.simTime).toBe(60_000);
    expect(after.status?.text).toBe('Loaded.');
  }, 120_000);

  it('stops when cancelled, and the lab keeps the run it had', async () => {
    const store = createLab({ preset: 'master-slave', playing: false });
    store.getState().actions.write('db1', 'balance', '100');
    const before = store.getState().actions.currentRun();
    const loading = store.getState().actions.loadRun(heavy);
    store.getState().actions.cancelReplay();
    await expect(loading).resolves.toBe(false);
    expect(store.getState().replaying).toBeNull();
    expect(store.getState().actions.currentRun()).toEqual(before);
    expect(store.getState().snapshot.nodes).toHaveLength(3);
    expect(store.getState().status?.text).toMatch(/cancelled/);
  });

  it('that a newer load supersedes resolves false', async () => {
    const store = createLab({ preset: 'master-slave', playing: false });
    const first = store.getState().actions.loadRun(heavy);
    const second = store.getState().actions.loadRun({ ...heavy, time: 100 });
    await expect(first).resolves.toBe(false);
    await expect(second).resolves.toBe(true);
    expect(store.getState().simTime).toBe(100);
  });

  it("from a link opens the preset first and the link's run once replayed", async () => {
    const store = createLab({ preset: 'master-slave', playing: false, run: heavy });
    expect(store.getState().replaying).not.toBeNull();
    expect(store.getState().snapshot.nodes).toHaveLength(3);
    await replayed(store);
    expect(store.getState().snapshot.nodes).toHaveLength(64);
  }, 120_000);

  it("from a link keeps the link's banner once replayed, and shows the link's instant", async () => {
    const report = { title: 'Some options in this link were ignored.', problems: ['?speed: 99; ignored'] };
    const run = { ...heavy, time: 6000, at: 2500 };
    const store = createLab({ preset: 'master-slave', playing: false, run, report });
    expect(store.getState().replaying).not.toBeNull();
    expect(store.getState().loadReport).toEqual(report);
    await replayed(store);
    await vi.waitFor(() => {
      expect(store.getState().loadReport).toEqual(report);
    });
    expect(store.getState().simTime).toBe(2500);
    expect(store.getState().timeline.live).toBe(false);
  }, 120_000);
});
