/**
 * UI benchmark (`npm run bench:ui`): builds the app and a benchmark page (bench/ui: the real App on a
 * grown lab), drives it in headless Chromium through Playwright's library API and prints frame-time
 * figures for 30 nodes at rest, with about 500 and about 2,000 messages in flight, with every panel open
 * (a node selected, so the inspector shows its data), with every panel collapsed, and with every panel and
 * the space-time diagram open (its five-second window holds about 10,000 arrows at 2,000 in flight).
 * Then compare mode at the app's default workload: both sides animating together (the async vs sync
 * one-click comparison, two graphs, the Differences table open). `BENCH_CASE=compare` runs that case only;
 * `BENCH_CASE=diagram` only the space-time diagram at about 2,000 in flight, beside every panel open without it.
 * Prints; asserts nothing.
 * Headless Chromium here renders in software and caps frames at 60 Hz (16.7 ms).
 */
import { execSync } from 'node:child_process';
import type { Page } from '@playwright/test';
import type { LabStore } from '../src/store/index.ts';
import {
  BENCH_PAGE_CONFIG,
  buildBenchPage,
  describeFrames,
  meanInFlight,
  sampleFrames,
  withPreview,
  type FrameSample,
} from './browser.ts';
import { printBundleSizes } from './bundleSize.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4190);
const MEASURE_MS = 10_000;
const WARMUP_MS = 3000;
/** One-way latency on the benchmark's links: slow, so a modest write rate fills the wire. */
const LATENCY_MS = 1000;

function describe(label: string, sample: FrameSample): string {
  return `${label.padEnd(34)} in flight ${meanInFlight(sample).toFixed(0).padStart(5)}  ${describeFrames(sample)}`;
}

/** `diagram`: every panel open, the space-time diagram too (closed by default). */
type Panels = 'open' | 'closed' | 'diagram';

async function open(page: Page, base: string, writes: number, panels: Panels): Promise<void> {
  const query = panels === 'diagram' ? 'panels=open&spacetime=1' : `panels=${panels}`;
  await page.goto(`${base}/?nodes=30&writes=${writes}&latency=${LATENCY_MS}&${query}`);
  await page.locator('[data-node-id]').nth(29).waitFor({ timeout: 120_000 });
}

/** Finds a write rate giving about `target` messages in flight (it grows roughly linearly), then measures. */
async function measureAt(page: Page, base: string, target: number, panels: Panels): Promise<string> {
  let writes = target / 60;
  for (let attempt = 0; attempt < 4; attempt++) {
    await open(page, base, writes, panels);
    await page.waitForTimeout(WARMUP_MS);
    const seen = meanInFlight(await sampleFrames(page, 1500));
    if (seen > 0 && Math.abs(seen - target) / target < 0.15) break;
    if (attempt === 3) break;
    writes = seen > 0 ? (writes * target) / seen : writes * 2;
  }
  const line = describe(
    `~${target} in flight (${writes.toFixed(1)} writes/s), panels ${panels}`,
    await sampleFrames(page, MEASURE_MS),
  );
  return panels === 'diagram' ? `${line}  arrows in view ${await arrowsInView(page)}` : line;
}

/** How many messages the space-time diagram's window holds now (it follows the run, 5 s wide). */
async function arrowsInView(page: Page): Promise<number> {
  return page.evaluate(() => {
    const state = (window as unknown as { __lab: LabStore }).__lab.getState();
    return state.actions.spaceTime(Math.max(0, state.simTime - 5000), state.simTime).messages.length;
  });
}

/** Compare mode on the app's default lab: both sides animating together, at the default workload. */
async function measureCompare(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/?lab=default`);
  await page.locator('[data-node-id]').first().waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('combobox', { name: 'Comparison' }).selectOption('async-sync');
  await page.locator('[data-side="B"] [data-node-id="db1"]').waitFor();
  const play = page.getByRole('button', { name: 'Play', exact: true });
  if (await play.isVisible()) await play.click();
  await page.waitForTimeout(WARMUP_MS);
  return describe('compare, async vs sync (A and B)', await sampleFrames(page, MEASURE_MS));
}

async function main(): Promise<void> {
  const only = process.env.BENCH_CASE;
  execSync('npx vite build', { stdio: 'ignore' });
  buildBenchPage();
  printBundleSizes();
  console.log('');

  await withPreview({ port: PORT, config: BENCH_PAGE_CONFIG }, async (base, browser) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
    console.log(
      `Frame times, headless Chromium at 1440×900 (${MEASURE_MS / 1000} s each, 60 Hz cap = 16.7 ms):`,
    );
    if (only === 'compare') {
      console.log(await measureCompare(page, base));
      return;
    }
    if (only === 'diagram') {
      console.log(await measureAt(page, base, 2000, 'open'));
      console.log(await measureAt(page, base, 2000, 'diagram'));
      return;
    }
    console.log('30 nodes each:');
    for (const panels of ['closed', 'open', 'diagram'] as const) {
      await open(page, base, 0, panels);
      await page.waitForTimeout(WARMUP_MS);
      console.log(describe(`no workload, panels ${panels}`, await sampleFrames(page, MEASURE_MS)));
      console.log(await measureAt(page, base, 500, panels));
      console.log(await measureAt(page, base, 2000, panels));
    }
    console.log(await measureCompare(page, base));
  });
}

await main();
