/** Runs `task` once the browser is idle (or after a short delay where idle callbacks are missing). */
export function whenIdle(task: () => unknown): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(() => void task(), { timeout: 2000 });
    return () => {
      cancelIdleCallback(handle);
    };
  }
  const timer = setTimeout(() => void task(), 200);
  return () => {
    clearTimeout(timer);
  };
}
