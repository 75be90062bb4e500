import { describe, expect, it } from 'vitest';
import { createLab } from './connectEngine.ts';

const lab = () => createLab({ preset: 'master-slave', playing: false });
const dataOf = (store: ReturnType<typeof lab>, id: string) =>
  store.getState().snapshot.nodes.find((n) => n.id === id)?.data;

describe('a lab connected to the engine', () => {
  it('starts with the preset mirrored and time at zero', () => {
    const store = lab();
    const state = store.getState();
    expect(state.snapshot.nodes.map((n) => n.id)).toEqual(['db1', 'db2', 'db3']);
    expect(state.simTime).toBe(0);
    expect(state.playing).toBe(false);
  });

  it('writes a new key to the master and, once time passes, every slave has it', () => {
    const store = lab();
    store.getState().actions.writeNext();
    expect(store.getState().status?.text).toMatch(/^Writing user1/);
    store.getState().actions.tick(1000);
    expect(dataOf(store, 'db1')).toHaveProperty('user1', 'hello1');
    expect(store.getState().simTime).toBeGreaterThanOrEqual(1000);
    expect(dataOf(store, 'db2')).toHaveProperty('user1', 'hello1');
    expect(dataOf(store, 'db3')).toHaveProperty('user1', 'hello1');
    expect(store.getState().status?.tone).toBe('ok');
  });

  it('follows a write it made: where it has arrived, node by node, until a node is picked instead', () => {
    const store = lab();
    store.getState().actions.write('db1', 'balance', '100');
    expect(store.getState().selectedOpId).not.toBeNull();
    expect(store.getState().opReach).toBeNull();
    store.getState().actions.tick(5);
    expect(store.getState().opReach).toEqual({ db1: 'applied', db2: 'missing', db3: 'missing' });
    store.getState().actions.tick(2000);
    expect(store.getState().opReach).toEqual({ db1: 'applied', db2: 'applied', db3: 'applied' });
    store.getState().select('db2');
    expect(store.getState().selectedOpId).toBeNull();
  });

  it('explains a stale read on a slave that has not applied the write yet', () => {
    const store = lab();
    const { actions } = store.getState();
    actions.write('db1', 'balance', '100');
    actions.tick(5);
    actions.read('db2', 'balance');
    const status = store.getState().status;
    expect(status?.tone).toBe('warn');
    expect(status?.text).toMatch(/stale/i);
  });

  it('turns an engine error into a visible message instead of throwing', () => {
    const store = lab();
    expect(() => {
      store.getState().actions.kill('nope');
    }).not.toThrow();
    expect(store.getState().error).toBeTruthy();
    expect(store.getState().status?.tone).toBe('error');
  });

  it('reports a failed write while no master is up', () => {
    const store = lab();
    const { actions } = store.getState();
    actions.kill('db1');
    actions.tick(100);
    expect(store.getState().snapshot.metrics.readOnly).toBe(true);
    actions.writeNext();
    expect(store.getState().status?.tone).toBe('error');
  });

  it('steps one event at a time, pausing first', () => {
    const store = lab();
    store.getState().actions.play();
    store.getState().actions.writeNext();
    const before = store.getState().snapshot.version;
    store.getState().actions.stepToNextEvent();
    expect(store.getState().snapshot.version).toBeGreaterThan(before);
    expect(store.getState().playing).toBe(false);
    for (let i = 0; i < 5; i++) store.getState().actions.stepToNextEvent();
    expect(store.getState().simTime).toBeGreaterThan(0);
  });

  it('starts over on reset and on loading another preset', () => {
    const store = lab();
    store.getState().actions.tick(500);
    store.getState().actions.reset();
    expect(store.getState().simTime).toBe(0);
    store.getState().actions.loadPreset('cascading');
    expect(store.getState().snapshot.nodes).toHaveLength(6);
    expect(store.getState().presetName).toBe('cascading');
  });

  it('keeps speed within 0.1–10', () => {
    const store = lab();
    store.getState().actions.setSpeed(50);
    expect(store.getState().speed).toBe(10);
    store.getState().actions.setSpeed(0);
    expect(store.getState().speed).toBe(0.1);
  });
});
