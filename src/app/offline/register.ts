/**
 * Offline after the first visit: registers the build's service worker (`sw.js` under the lab's base; see
 * serviceWorker.ts) and tells when a new version is installed and waiting. The new version takes over only
 * when the reader accepts (`acceptUpdate`), and the page then reloads once, under it.
 */

/** How often an open lab asks for a new version (browsers also ask on every visit). */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

let waiting: ServiceWorker | null = null;
let accepted = false;
const listeners = new Set<() => void>();

function setWaiting(worker: ServiceWorker): void {
  waiting = worker;
  for (const listener of listeners) listener();
}

/** True once a new version is installed and waits for the reader's word. */
export const updateWaiting = (): boolean => waiting !== null;

export function onUpdateChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The reader chose the new version: it takes over, and the page reloads under it. */
export function acceptUpdate(): void {
  accepted = true;
  waiting?.postMessage('skip-waiting');
}

let registered = false;

/** Registers the service worker for the lab at `base` (once); a browser without one keeps working online. */
export function registerOffline(base: string): void {
  if (registered || !('serviceWorker' in navigator)) return;
  registered = true;
  const workers = navigator.serviceWorker;
  // An installed worker waits only where another already controls the page: the very first one does not.
  const watch = (worker: ServiceWorker) => {
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && workers.controller !== null) setWaiting(worker);
    });
  };
  workers
    .register(`${base}sw.js`, { scope: base })
    .then((registration) => {
      if (registration.waiting !== null && workers.controller !== null) setWaiting(registration.waiting);
      if (registration.installing !== null) watch(registration.installing);
      registration.addEventListener('updatefound', () => {
        if (registration.installing !== null) watch(registration.installing);
      });
      setInterval(() => {
        registration.update().catch(() => undefined);
      }, UPDATE_CHECK_MS);
    })
    .catch(() => undefined);
  let reloading = false;
  workers.addEventListener('controllerchange', () => {
    // The first worker taking control of this page changes nothing in it; only an accepted update reloads.
    if (!accepted || reloading) return;
    reloading = true;
    window.location.reload();
  });
}
