import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import prettier from 'eslint-config-prettier/flat';
import globals from 'globals';

const engineClock =
  'the engine runs on simulated time: schedule on the engine clock (src/engine/scheduler.ts)';
const engineRandom = 'the engine is deterministic: draw from the seeded random source (src/engine/random.ts)';

export default defineConfig([
  globalIgnores([
    'dist',
    'dist-bench',
    'dist-engine',
    'docs/api',
    'coverage',
    'playwright-report',
    'test-results',
    'screenshots',
  ]),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.strictTypeChecked,
      reactHooks.configs.flat.recommended,
      reactRefresh.configs.vite,
    ],
    languageOptions: {
      ecmaVersion: 2022,
      globals: { ...globals.browser },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // The engine boundary (STYLE.md): pure, deterministic, no DOM, no UI layers.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'react', message: 'src/engine is pure: React belongs to src/view.' },
            { name: 'react-dom', message: 'src/engine is pure: React belongs to src/view.' },
            { name: 'zustand', message: 'src/engine is pure: the store (src/store) wraps the engine.' },
            {
              name: 'd3',
              message: 'import only pure d3 modules (d3-array, d3-hierarchy, d3-scale) in src/engine.',
            },
            { name: 'd3-selection', message: 'd3-selection touches the DOM: keep it in src/view.' },
            { name: 'd3-zoom', message: 'd3-zoom touches the DOM: keep it in src/view.' },
            { name: 'd3-drag', message: 'd3-drag touches the DOM: keep it in src/view.' },
            {
              name: 'd3-transition',
              message: 'd3-transition uses wall-clock timers: keep it out of src/engine.',
            },
            { name: 'd3-timer', message: engineClock },
          ],
          patterns: [
            {
              group: ['zustand/*', 'react/*', 'react-dom/*', '@xstate/react'],
              message: 'src/engine is pure: no UI libraries.',
            },
            {
              group: ['**/store/**', '**/view/**', '**/app/**'],
              message: 'src/engine may not import the store, the view or the app.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: engineClock },
        { name: 'setInterval', message: engineClock },
        { name: 'clearTimeout', message: engineClock },
        { name: 'clearInterval', message: engineClock },
        { name: 'requestAnimationFrame', message: engineClock },
        { name: 'window', message: 'src/engine has no DOM.' },
        { name: 'document', message: 'src/engine has no DOM.' },
        { name: 'performance', message: engineClock },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: engineRandom },
        { object: 'Date', property: 'now', message: engineClock },
        { object: 'globalThis', property: 'setTimeout', message: engineClock },
        { object: 'performance', property: 'now', message: engineClock },
      ],
    },
  },
  {
    files: ['*.config.ts', 'e2e/**', 'bench/**', 'calibration/**', 'scripts/**', '**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  prettier,
]);
