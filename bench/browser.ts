/**
 * What the browser benches share (bench:ui, bench:scrub, bench:replay): the Chromium to launch, a build
 * served by `vite preview`, and frame times sampled with requestAnimationFrame on the UI bench's page.
 */
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';

/** The UI bench's page (bench/ui), built into dist-bench. */
export const BENCH_PAGE_CONFIG = 'bench/ui.vite.config.ts';

/** Builds the UI bench's page (bench/ui: the real App on a lab grown from the URL's query). */
export function buildBenchPage(): void {
  execSync(`npx vite build --config ${BENCH_PAGE_CONFIG}`, { stdio: 'ignore' });
}

function chromiumPath(): string | undefined {
  const fromEnv = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH;
  if (fromEnv) return fromEnv;
  if (existsSync(chromium.executablePath())) return undefined;
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
}

/** What `withPreview` serves and how it launches Chromium. */
export interface PreviewOptions {
  readonly port: number;
  /** The Vite config whose build is served (default: the app's). */
  readonly config?: string;
  /** Extra Chromium switches. */
  readonly args?: readonly string[];
}

/**
 * Resolves once `vite preview` says where it serves; rejects if it exits first (with --strictPort, when
 * the port is taken: the page must not come from another worktree's server) or stays silent for 30 s.
 */
function serving(server: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => {
      reject(new Error(`vite preview did not start on port ${port} within 30 s`));
    }, 30_000);
    server.stdout?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (!said.includes('Local')) return;
      clearTimeout(timer);
      resolve();
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`vite preview exited (${String(code)}): is port ${port} taken? Set BENCH_PORT.`));
    });
  });
}

/**
 * Serves a build with `vite preview` and launches headless Chromium, runs `run` with the base URL and
 * the browser, then closes both.
 */
export async function withPreview<T>(
  { port, config, args = [] }: PreviewOptions,
  run: (base: string, browser: Browser) => Promise<T>,
): Promise<T> {
  const server = spawn(
    'npx',
    [
      'vite',
      'preview',
      ...(config === undefined ? [] : ['--config', config]),
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'], detached: true },
  );
  try {
    await serving(server, port);
    const executablePath = chromiumPath();
    const browser = await chromium.launch({
      args: [...args],
      ...(executablePath === undefined ? {} : { executablePath }),
    });
    try {
      return await run(`http://localhost:${port}`, browser);
    } finally {
      await browser.close();
    }
  } finally {
    // The preview runs in its own process group (detached): end the group, if it is still there.
    if (server.pid !== undefined && server.exitCode === null) process.kill(-server.pid);
  }
}

/** rAF timestamps, and the messages in flight (`window.__lab`) every 10 frames. */
export interface FrameSample {
  readonly frames: number[];
  readonly inFlight: number[];
}

/**
 * Records frames for `duration` ms (Infinity: until `window.__frameSample.stop()`, which resolves with the
 * sample at the next frame). Sent as source text: tsx would wrap a function's inner names in a helper the
 * page does not have.
 */
const RECORDER = `(duration) => {
  const lab = window.__lab;
  const frames = [];
  const inFlight = [];
  let stopped = false;
  const done = new Promise((resolve) => {
    const onFrame = (now) => {
      frames.push(now);
      if (frames.length % 10 === 0) inFlight.push(lab.getState().snapshot.messages.length);
      if (!stopped && now - frames[0] < duration) requestAnimationFrame(onFrame);
      else resolve({ frames, inFlight });
    };
    requestAnimationFrame(onFrame);
  });
  window.__frameSample = { stop: () => { stopped = true; return done; } };
  return done;
}`;

/** Samples frames for `ms`. */
export function sampleFrames(page: Page, ms: number): Promise<FrameSample> {
  return page.evaluate<FrameSample>(`(${RECORDER})(${ms})`);
}

/** Starts sampling frames; the function returned stops and returns the sample. */
export async function startSampling(page: Page): Promise<() => Promise<FrameSample>> {
  await page.evaluate(`void (${RECORDER})(Infinity)`);
  return () => page.evaluate<FrameSample>('window.__frameSample.stop()');
}

/** The value below which `p` percent of `sorted` (ascending) lie. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The messages in flight on average over a sample. */
export function meanInFlight({ inFlight }: FrameSample): number {
  return inFlight.length === 0 ? 0 : inFlight.reduce((a, b) => a + b, 0) / inFlight.length;
}

/** A sample's frame intervals: how many, mean, p50, p95, p99 (ms) and dropped frames, on one line. */
export function describeFrames({ frames }: FrameSample): string {
  const intervals = frames.slice(1).map((t, i) => t - frames[i]!);
  const sorted = [...intervals].sort((a, b) => a - b);
  const mean = intervals.reduce((a, b) => a + b, 0) / Math.max(1, intervals.length);
  // A frame longer than a 60 Hz period by half or more dropped round(interval / period) - 1 frames.
  const period = 1000 / 60;
  const dropped = intervals.reduce((n, d) => n + Math.max(0, Math.round(d / period) - 1), 0);
  const f = (n: number) => n.toFixed(1).padStart(6);
  return (
    `frames ${String(intervals.length).padStart(4)}` +
    `  mean ${f(mean)}  p50 ${f(percentile(sorted, 50))}  p95 ${f(percentile(sorted, 95))}` +
    `  p99 ${f(percentile(sorted, 99))} ms  dropped ${dropped}`
  );
}
