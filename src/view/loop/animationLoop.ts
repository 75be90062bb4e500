/** The one animation loop: wall time × speed becomes simulated time, one tick per frame. */
import type { LabStore } from '../../store/index.ts';

/** The most wall time one frame may count, so a background tab does not jump ahead on return. */
export const MAX_FRAME_MS = 250;

export interface FrameScheduler {
  readonly request: (callback: (now: number) => void) => number;
  readonly cancel: (handle: number) => void;
}

const browserFrames: FrameScheduler = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => {
    cancelAnimationFrame(handle);
  },
};

/** Starts the loop; returns a function that stops it. Paused: frames pass without advancing. */
export function startAnimationLoop(store: LabStore, frames: FrameScheduler = browserFrames): () => void {
  let last: number | null = null;
  let handle = 0;
  const onFrame = (now: number) => {
    const { playing, speed, actions } = store.getState();
    if (playing && last !== null) {
      const wallMs = Math.min(Math.max(0, now - last), MAX_FRAME_MS);
      actions.tick(wallMs * speed);
    }
    last = now;
    handle = frames.request(onFrame);
  };
  handle = frames.request(onFrame);
  return () => {
    frames.cancel(handle);
  };
}
