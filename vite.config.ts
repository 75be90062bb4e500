import { defineConfig, transformWithOxc, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { serviceWorkerSource } from './src/app/offline/serviceWorker.ts';

/**
 * The lab's bundle builds against the engine's API without its optional parts registered (save, restore,
 * the checker, `configure`, automatic failover, multi-primary groups: src/engine/entry.ts), so they load on
 * demand as chunks of their own; tests and the dev server get them all.
 */
const engineEntry: Plugin = {
  name: 'engine-entry',
  apply: 'build',
  config: () => ({
    resolve: { alias: [{ find: /^(.*)\/engine\/index\.ts$/, replacement: '$1/engine/entry.ts' }] },
  }),
};

/**
 * Where the built lab is served: `/` by default, or a sub-path of a static host (`BASE=/docs/lab/ npm run
 * build`). It must start and end with `/`.
 */
function basePath(): string {
  const base = process.env.BASE ?? '/';
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(base)) {
    throw new Error(
      `BASE must be a path that starts and ends with "/" (such as /docs/lab/), not ${JSON.stringify(base)}`,
    );
  }
  return base;
}

/**
 * A static host serves `embed/` from a file of its own: the built index.html again at dist/embed/index.html
 * (its asset URLs are absolute under the base, so the copy loads the same chunks; the app reads the path).
 */
const embedPage: Plugin = {
  name: 'embed-page',
  apply: 'build',
  enforce: 'post',
  generateBundle(_options, bundle) {
    const index = bundle['index.html'];
    if (index?.type !== 'asset') return;
    this.emitFile({ type: 'asset', fileName: 'embed/index.html', source: index.source });
  },
};

/**
 * Offline after the first visit: `sw.js` beside index.html, precaching every file of this build (its
 * chunks, styles, both pages and the public files but the example host page), named by a hash of them.
 */
const offline: Plugin = {
  name: 'offline',
  apply: 'build',
  enforce: 'post',
  generateBundle(_options, bundle) {
    const publicFiles = readdirSync('public').filter((f) => !f.endsWith('-host.html'));
    const files = [...Object.keys(bundle).filter((f) => !f.endsWith('.map')), ...publicFiles].sort();
    const hash = createHash('sha256');
    for (const file of Object.keys(bundle).sort()) {
      const item = bundle[file];
      if (item !== undefined) hash.update(file).update(item.type === 'chunk' ? item.code : item.source);
    }
    for (const file of publicFiles) hash.update(file).update(readFileSync(`public/${file}`));
    // The worker's own code too: a change to it alone is a new version.
    hash.update(serviceWorkerSource('', files));
    const version = hash.digest('hex').slice(0, 16);
    this.emitFile({ type: 'asset', fileName: 'sw.js', source: serviceWorkerSource(version, files) });
  },
};

/**
 * `<replication-lab>` for docs pages: `replication-lab.js` beside index.html, a stable name a page can
 * include. It is src/element/replicationLab.ts alone, its types stripped (it imports nothing of the lab).
 */
const customElement: Plugin = {
  name: 'custom-element',
  apply: 'build',
  async generateBundle() {
    const file = 'src/element/replicationLab.ts';
    const { code } = await transformWithOxc(readFileSync(file, 'utf8'), file);
    this.emitFile({ type: 'asset', fileName: 'replication-lab.js', source: code });
  },
};

export default defineConfig({
  base: basePath(),
  plugins: [react(), engineEntry, embedPage, customElement, offline],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Everything the first frame needs in one chunk (not a dozen small ones shared with the lazy
        // parts); what loads later (charts' plots, Share, lessons, menus, settings) splits as it likes.
        codeSplitting: { groups: [{ name: 'lab', tags: ['$initial'] }] },
      },
    },
  },
});
