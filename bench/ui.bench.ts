/**
 * UI benchmark (`npm run bench:ui`): builds the app and a benchmark page (bench/ui: the real App on a
 * grown lab), drives it in headless Chromium through Playwright's library API and prints frame-time
 * figures for 30 nodes at rest, with about 500 and about 2,000 messages in flight, with every panel open
 * (a node selected, so the inspector shows its data) and with every panel collapsed. Prints; asserts nothing.
 * Headless Chromium here renders in software and caps frames at 60 Hz (16.7 ms).
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { printBundleSizes } from './bundleSize.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4190);
const BASE = `http://localhost:${PORT}`;
const MEASURE_MS = 10_000;
const WARMUP_MS = 3000;
/** One-way latency on the benchmark's links: slow, so a modest write rate fills the wire. */
const LATENCY_MS = 1000;

interface Sample {
  readonly frames: number[];
  readonly inFlight: number[];
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/**
 * rAF timestamps for `ms`, and the number of messages in flight every 10 frames. Sent as source text:
 * tsx would wrap a function's inner names in a helper the page does not have.
 */
const SAMPLER = `(duration) => new Promise((resolve) => {
  const lab = window.__lab;
  const frames = [];
  const inFlight = [];
  const onFrame = (now) => {
    frames.push(now);
    if (frames.length % 10 === 0) inFlight.push(lab.getState().snapshot.messages.length);
    if (now - frames[0] < duration) requestAnimationFrame(onFrame);
    else resolve({ frames, inFlight });
  };
  requestAnimationFrame(onFrame);
})`;

async function sample(page: Page, ms: number): Promise<Sample> {
  return page.evaluate<Sample>(`(${SAMPLER})(${ms})`);
}

function describe(label: string, { frames, inFlight }: Sample): string {
  const intervals = frames.slice(1).map((t, i) => t - frames[i]!);
  const sorted = [...intervals].sort((a, b) => a - b);
  const mean = intervals.reduce((a, b) => a + b, 0) / Math.max(1, intervals.length);
  // A frame longer than a 60 Hz period by half or more dropped round(interval / period) - 1 frames.
  const period = 1000 / 60;
  const dropped = intervals.reduce((n, d) => n + Math.max(0, Math.round(d / period) - 1), 0);
  const messages = inFlight.length === 0 ? 0 : inFlight.reduce((a, b) => a + b, 0) / inFlight.length;
  const f = (n: number) => n.toFixed(1).padStart(6);
  return (
    `${label.padEnd(34)} in flight ${messages.toFixed(0).padStart(5)}  frames ${String(intervals.length).padStart(4)}` +
    `  mean ${f(mean)}  p50 ${f(percentile(sorted, 50))}  p95 ${f(percentile(sorted, 95))}` +
    `  p99 ${f(percentile(sorted, 99))} ms  dropped ${dropped}`
  );
}

type Panels = 'open' | 'closed';

async function open(page: Page, writes: number, panels: Panels): Promise<void> {
  await page.goto(`${BASE}/?nodes=30&writes=${writes}&latency=${LATENCY_MS}&panels=${panels}`);
  await page.locator('[data-node-id]').nth(29).waitFor({ timeout: 120_000 });
}

/** Finds a write rate giving about `target` messages in flight (it grows roughly linearly), then measures. */
async function measureAt(page: Page, target: number, panels: Panels): Promise<string> {
  let writes = target / 60;
  for (let attempt = 0; attempt < 4; attempt++) {
    await open(page, writes, panels);
    await page.waitForTimeout(WARMUP_MS);
    const probe = await sample(page, 1500);
    const seen = probe.inFlight.reduce((a, b) => a + b, 0) / Math.max(1, probe.inFlight.length);
    if (seen > 0 && Math.abs(seen - target) / target < 0.15) break;
    if (attempt === 3) break;
    writes = seen > 0 ? (writes * target) / seen : writes * 2;
  }
  return describe(
    `~${target} in flight (${writes.toFixed(1)} writes/s), panels ${panels}`,
    await sample(page, MEASURE_MS),
  );
}

function chromiumPath(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync(chromium.executablePath())) return undefined;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

async function main(): Promise<void> {
  execSync('npx vite build', { stdio: 'ignore' });
  execSync('npx vite build --config bench/ui.vite.config.ts', { stdio: 'ignore' });
  printBundleSizes();
  console.log('');

  const server = spawn(
    'npx',
    ['vite', 'preview', '--config', 'bench/ui.vite.config.ts', '--port', String(PORT), '--strictPort'],
    { stdio: 'ignore', detached: true },
  );
  const executablePath = chromiumPath();
  const browser = await chromium.launch(executablePath === undefined ? {} : { executablePath });
  try {
    for (let i = 0; i < 50; i++) {
      const up = await fetch(BASE).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    console.log(
      `Frame times, headless Chromium at 1440×900 (${MEASURE_MS / 1000} s each, 60 Hz cap = 16.7 ms):`,
    );
    console.log('30 nodes each:');
    for (const panels of ['closed', 'open'] as const) {
      await open(page, 0, panels);
      await page.waitForTimeout(WARMUP_MS);
      console.log(describe(`no workload, panels ${panels}`, await sample(page, MEASURE_MS)));
      console.log(await measureAt(page, 500, panels));
      console.log(await measureAt(page, 2000, panels));
    }
  } finally {
    await browser.close();
    // The preview runs in its own process group (detached): end the group, if it is still there.
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid);
  }
}

await main();
