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

export default defineConfig({
  plugins: [react(), engineEntry],
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
