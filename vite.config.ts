import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    sourcemap: true,
    rolldownOptions: {
      treeshake: {
        // Save, restore and the checker register themselves (src/engine/persist/registry.ts): the lab's
        // first frame leaves them out, and their loaders fetch them as chunks of their own when needed.
        moduleSideEffects: [
          {
            test: /src\/engine\/(persist\/(save|restore|read|reader)|observe\/checker)\.ts$/,
            sideEffects: false,
          },
        ],
      },
      output: {
        // Everything the first frame needs in one chunk (not a dozen small ones shared with the lazy
        // parts); what loads later (charts' plots, Share, lessons, menus, settings) splits as it likes.
        codeSplitting: { groups: [{ name: 'lab', tags: ['$initial'] }] },
      },
    },
  },
});
