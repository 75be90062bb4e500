/**
 * The service worker's source, made at build time (vite.config.ts writes it to `sw.js` beside index.html)
 * from the build's file list: the lab works offline after its first visit.
 *
 * - Install precaches every file of this build in a cache named by the build's version; it does not take
 *   over by itself (no `skipWaiting`): a page keeps the version it loaded until its reader chooses "Reload
 *   for the new version", which posts `skip-waiting`. Never a silent swap mid-lesson.
 * - Activate drops older versions' caches and takes control of open pages (the first visit included).
 * - Fetch answers from the cache first (every file is content-hashed, but for the two pages): the lab's
 *   own pages (the base, `index.html`, `embed/`) from the cached page, other requests fall through to the
 *   network. Requests to other origins are not touched.
 */
export function serviceWorkerSource(version: string, files: readonly string[]): string {
  return `// Replication Lab's service worker, written by the build (src/app/offline/serviceWorker.ts).
const VERSION = ${JSON.stringify(version)};
const CACHE = 'replication-lab-' + VERSION;
const FILES = ${JSON.stringify(files)};
const scope = new URL(self.registration.scope);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES.map((f) => new URL(f, scope).href))));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('replication-lab-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

/** The cached page for a navigation to one of the lab's own pages, else null. */
function pageFor(url) {
  if (!url.pathname.startsWith(scope.pathname)) return null;
  const rest = url.pathname.slice(scope.pathname.length);
  if (rest === '' || rest === 'index.html') return 'index.html';
  if (rest === 'embed' || rest === 'embed/' || rest === 'embed/index.html') return 'embed/index.html';
  return null;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== scope.origin) return;
  const page = request.mode === 'navigate' ? pageFor(url) : null;
  const key = page === null ? request : new URL(page, scope).href;
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(key, { ignoreSearch: page !== null, ignoreVary: true }).then((hit) => hit || fetch(request)),
    ),
  );
});
`;
}
