import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      // Playwright owns e2e/*.spec.ts; Vitest runs only the tests beside the code.
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
      environment: 'node',
      setupFiles: ['src/testing/fastCheckSeed.ts', 'src/testing/labParts.ts'],
    },
  }),
);
