import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The lab's bundle builds against the engine's API without save, restore and the checker registered
 * (src/engine/entry.ts), so they load on demand as chunks of their own; tests and the dev server get them all.
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

export default defineConfig({
  base: basePath(),
  plugins: [react(), engineEntry, embedPage],
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
