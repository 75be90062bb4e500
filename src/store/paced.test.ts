import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLab } from './connectEngine.ts';
import { pacedSubscribe } from './paced.ts';

describe('the panels’ paced subscription', () => {
  let clock = 0;
  beforeEach(() => {
    vi.useFakeTimers();
    clock = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const setup = (playing: boolean) => {
    const store = createLab({ preset: 'master-slave', playing });
    const heard: number[] = [];
    const subscribe = pacedSubscribe(store, 250, () => clock);
    const unsubscribe = subscribe(() => heard.push(store.getState().simTime));
    return { store, heard, unsubscribe };
  };
  /** One animation frame: 16 ms of wall time, then the loop's tick. */
  const frame = (store: ReturnType<typeof setup>['store']) => {
    clock += 16;
    vi.advanceTimersByTime(16);
    store.getState().actions.tick(16);
  };

  it('hears a playing simulation at most every 250 ms, and its last change within 250 ms', () => {
    const { store, heard } = setup(true);
    for (let i = 0; i < 60; i++) frame(store); // about a second of frames
    expect(heard.length).toBeGreaterThanOrEqual(4);
    expect(heard.length).toBeLessThanOrEqual(5);
    clock += 250;
    vi.advanceTimersByTime(250);
    expect(heard.at(-1)).toBe(store.getState().simTime);
  });

  it('hears a pause, a step and a selection at once', () => {
    const { store, heard } = setup(true);
    frame(store);
    frame(store);
    const before = heard.length;
    store.getState().actions.pause();
    expect(heard.length).toBe(before + 1);
    store.getState().actions.tick(16);
    expect(heard.length).toBe(before + 2);
    store.getState().select('db2');
    expect(heard.length).toBe(before + 3);
  });

  it('stops listening to the store when the last listener leaves', () => {
    const { store, heard, unsubscribe } = setup(true);
    unsubscribe();
    frame(store);
    store.getState().select('db2');
    vi.advanceTimersByTime(1000);
    expect(heard).toEqual([]);
  });
});
