// Screenshots pages of a running build at several sizes, colour schemes and lab states, into ./screenshots/.
// Usage: node scripts/screenshot.mjs [baseUrl] [path ...]
//   e.g. node scripts/screenshot.mjs http://localhost:4173 / /embed
// Env: SIZES="1440x900,640x400", SCHEMES="light,dark", STATES="default,failover,settings",
//      WAIT_MS=1500, PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH.
// States: default (as it opens), failover (master selected and killed), settings (Settings panel open).
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const [baseUrl = 'http://localhost:4173', ...argPaths] = process.argv.slice(2);
const paths = argPaths.length > 0 ? argPaths : ['/', '/embed'];
const sizes = (process.env.SIZES ?? '1440x900,640x400').split(',').map((s) => s.split('x').map(Number));
const schemes = (process.env.SCHEMES ?? 'light,dark').split(',');
const states = (process.env.STATES ?? 'default').split(',');
const waitMs = Number(process.env.WAIT_MS ?? 1500);

/** Puts the lab into a named state. */
const prepare = {
  default: async () => {},
  failover: async (page) => {
    await page.locator('[data-node-id][data-role="primary"]').first().click();
    await page.getByRole('button', { name: 'Kill', exact: true }).click();
    await page.waitForTimeout(400);
  },
  settings: async (page) => {
    await page.getByRole('button', { name: /Settings/ }).click();
  },
};

await mkdir('screenshots', { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium',
});
try {
  for (const path of paths) {
    for (const [width, height] of sizes) {
      for (const colorScheme of schemes) {
        for (const state of states) {
          const page = await browser.newPage({ viewport: { width, height }, colorScheme });
          await page.goto(new URL(path, baseUrl).href);
          await page.waitForSelector('[data-node-id]');
          // Let the simulation run a little so messages are in flight.
          await page.waitForTimeout(waitMs);
          await prepare[state](page);
          const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'root';
          const suffix = state === 'default' ? '' : `-${state}`;
          const file = `screenshots/${name}-${width}x${height}-${colorScheme}${suffix}.png`;
          await page.screenshot({ path: file });
          console.log(file);
          await page.close();
        }
      }
    }
  }
} finally {
  await browser.close();
}
