import { describe, expect, it, vi } from 'vitest';
import type { LabStore } from '../../store/index.ts';
import { MAX_FRAME_MS, startAnimationLoop, type FrameScheduler } from './animationLoop.ts';

/** A fake store holding only what the loop reads, and manual frames. */
function setup(playing: boolean, speed: number) {
  const tick = vi.fn();
  const store = { getState: () => ({ playing, speed, actions: { tick } }) } as unknown as LabStore;
  let pending: ((now: number) => void) | undefined;
  const frames: FrameScheduler = {
    request: (callback) => {
      pending = callback;
      return 1;
    },
    cancel: () => {
      pending = undefined;
    },
  };
  const stop = startAnimationLoop(store, frames);
  const frame = (now: number) => {
    pending?.(now);
  };
  return { tick, stop, frame };
}

describe('the animation loop', () => {
  it('advances simulated time by wall time times speed', () => {
    const { tick, frame } = setup(true, 2);
    frame(1000);
    frame(1016);
    expect(tick).toHaveBeenCalledExactlyOnceWith(32);
  });

  it('caps one frame so a background tab does not jump ahead', () => {
    const { tick, frame } = setup(true, 1);
    frame(0);
    frame(60_000);
    expect(tick).toHaveBeenCalledExactlyOnceWith(MAX_FRAME_MS);
  });

  it('does not advance while paused', () => {
    const { tick, frame } = setup(false, 1);
    frame(0);
    frame(16);
    expect(tick).not.toHaveBeenCalled();
  });

  it('stops requesting frames once stopped', () => {
    const { tick, frame, stop } = setup(true, 1);
    frame(0);
    stop();
    frame(16);
    expect(tick).not.toHaveBeenCalled();
  });
});
