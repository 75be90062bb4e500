/**
 * Builds the UI benchmark's page (bench/ui) into dist-bench, with the app's own Vite config.
 * `BENCH_MINIFY=0` keeps names readable, for CPU profiles of the page.
 */
import { defineConfig, mergeConfig } from 'vite';
import appConfig from '../vite.config.ts';

export default mergeConfig(
  appConfig,
  defineConfig({
    root: 'bench/ui',
    base: '/',
    build: {
      outDir: '../../dist-bench',
      emptyOutDir: true,
      sourcemap: false,
      minify: process.env.BENCH_MINIFY !== '0',
    },
  }),
);
