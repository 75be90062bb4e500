// Screenshots pages of a running build at several sizes and colour schemes, into ./screenshots/.
// Usage: node scripts/screenshot.mjs [baseUrl] [path ...]
//   e.g. node scripts/screenshot.mjs http://localhost:4173 / /embed
// Env: SIZES="1280x800,640x400", SCHEMES="light,dark", WAIT_MS=1500, PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH.
import { mkdir } from 'node:fs/promises';
import { chromium } from '@playwright/test';

const [baseUrl = 'http://localhost:4173', ...argPaths] = process.argv.slice(2);
const paths = argPaths.length > 0 ? argPaths : ['/', '/embed'];
const sizes = (process.env.SIZES ?? '1280x800,640x400').split(',').map((s) => s.split('x').map(Number));
const schemes = (process.env.SCHEMES ?? 'light,dark').split(',');
const waitMs = Number(process.env.WAIT_MS ?? 1500);

await mkdir('screenshots', { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH || '/usr/bin/chromium',
});
try {
  for (const path of paths) {
    for (const [width, height] of sizes) {
      for (const colorScheme of schemes) {
        const page = await browser.newPage({ viewport: { width, height }, colorScheme });
        await page.goto(new URL(path, baseUrl).href);
        await page.waitForSelector('[data-node-id]');
        // Let the simulation run a little so messages are in flight.
        await page.waitForTimeout(waitMs);
        const name = path.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'root';
        const file = `screenshots/${name}-${width}x${height}-${colorScheme}.png`;
        await page.screenshot({ path: file });
        console.log(file);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
}
