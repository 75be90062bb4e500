import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

/**
 * Browser, in order: PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH; Playwright's own Chromium when
 * `npx playwright install chromium` has run (a normal laptop); Debian's /usr/bin/chromium
 * (machines that cannot download browsers).
 */
function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync(chromium.executablePath())) return undefined;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  return undefined;
}
const executablePath = chromiumExecutable();
// Its own port, so a preview or dev server already running on this machine does not collide.
const PORT = Number(process.env.E2E_PORT ?? 4391);

export default defineConfig({
  testDir: './e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? 'line' : 'list',
  // Lazy chunks (settings, menus, panels) can take a few seconds to arrive on a busy two-core machine.
  expect: { timeout: 10_000 },
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    // The built lab registers a service worker (offline support): only offline.spec.ts lets it, so the
    // other tests neither precache the whole build nor answer from a cache.
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        ...(executablePath ? { launchOptions: { executablePath } } : {}),
      },
    },
  ],
  webServer: {
    // Tests run against the production bundle, as users get it.
    command: `npx vite build && npx vite preview --port ${PORT} --strictPort`,
    url: `http://localhost:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
  },
});
