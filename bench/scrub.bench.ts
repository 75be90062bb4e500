/**
 * Scrub benchmark (`npm run bench:scrub`): on the UI bench's page (bench/ui) in headless Chromium, plays a
 * run at the maximum speed to its length, pauses, then drags the mouse across the whole timeline (the
 * `Timeline` slider) from left to right. Prints the frame intervals during the drag, the time of each
 * seek the drag made (the store's `seek`, with the subscribers it runs synchronously) and the JS heap
 * (after a forced GC) at load, after the run and after the drag, for 30 nodes with about 2,000 messages
 * in flight over 2 minutes and for the app's default lab over 10 minutes. Prints; asserts nothing.
 * Headless Chromium here renders in software and caps frames at 60 Hz (16.7 ms).
 */
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { MAX_SPEED } from '../src/store/slices/playbackSlice.ts';
import {
  BENCH_PAGE_CONFIG,
  buildBenchPage,
  describeFrames,
  meanInFlight,
  percentile,
  startSampling,
  withPreview,
} from './browser.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4191);
/** Pointer moves in a drag, and the wall time they are spread over. */
const MOVES = 120;
const DRAG_MS = 4000;
/** Wall ms to let the page settle after loading, playing and dragging, before a heap reading. */
const SETTLE_MS = 1000;
const MB = 1024 * 1024;

interface Case {
  readonly name: string;
  /** The bench page's query. */
  readonly query: string;
  readonly nodes: number;
  /** Simulated ms to play before the drag. */
  readonly runMs: number;
}

const CASES: readonly Case[] = [
  // 60 writes/s over 1 s links fill the wire with about 2,000 messages (as in bench:seek).
  {
    name: '30 nodes, ~2,000 in flight, 2 min',
    query: '?nodes=30&writes=60&latency=1000',
    nodes: 30,
    runMs: 120_000,
  },
  { name: 'the default lab (/), 10 min', query: '?lab=default', nodes: 3, runMs: 600_000 },
];

/**
 * Plays at `speed` until the simulated time reaches `until`, then pauses (in the same store update).
 * Sent as source text, as the sampler is.
 */
const PLAY_UNTIL = `(until, speed) => new Promise((resolve) => {
  const lab = window.__lab;
  const started = performance.now();
  const unsubscribe = lab.subscribe((s) => {
    if (s.simTime < until) return;
    unsubscribe();
    s.actions.pause();
    resolve(performance.now() - started);
  });
  lab.getState().actions.setSpeed(speed);
  lab.getState().actions.play();
})`;

/**
 * Replaces the store's `seek` with one that records its duration in `window.__seekMs`. The timeline takes
 * its actions from the store (`useLabActions`), so it calls the wrapper from its next render on.
 */
const TIME_SEEKS = `() => {
  const lab = window.__lab;
  const actions = lab.getState().actions;
  const seek = actions.seek;
  const times = (window.__seekMs = []);
  lab.setState({
    actions: { ...actions, seek: (t) => { const t0 = performance.now(); seek(t); times.push(performance.now() - t0); } },
  });
}`;

/** Used JS heap after a full GC (Chromium runs with --expose-gc and precise memory info). */
async function heap(page: Page): Promise<number> {
  return page.evaluate<number>('(window.gc(), performance.memory.usedJSHeapSize)');
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const s = (ms: number): string => (ms / 1000).toFixed(1);
const f = (n: number): string => n.toFixed(1);

/** Drags across the slider in MOVES moves over DRAG_MS, sampling frames; returns the drag's wall ms. */
async function drag(page: Page): Promise<{ wallMs: number; frames: string; inFlight: number }> {
  const box = await page.getByRole('slider', { name: 'Timeline' }).boundingBox();
  if (box === null) throw new Error('the timeline is not shown');
  const y = box.y + box.height / 2;
  const left = box.x + 0.5;
  const right = box.x + box.width - 0.5;
  await page.mouse.move(left, y);
  const stop = await startSampling(page);
  const started = performance.now();
  await page.mouse.down();
  for (let i = 1; i <= MOVES; i++) {
    await page.mouse.move(left + ((right - left) * i) / MOVES, y);
    const due = started + (DRAG_MS * i) / MOVES - performance.now();
    if (due > 0) await new Promise((r) => setTimeout(r, due));
  }
  await page.mouse.up();
  const wallMs = performance.now() - started;
  const sample = await stop();
  return { wallMs, frames: describeFrames(sample), inFlight: meanInFlight(sample) };
}

async function measure(page: Page, base: string, c: Case): Promise<void> {
  const loadBefore = load();
  await page.goto(`${base}/${c.query}`);
  await page
    .locator('[data-node-id]')
    .nth(c.nodes - 1)
    .waitFor({ timeout: 120_000 });
  await page.waitForTimeout(SETTLE_MS);
  const heapAtLoad = await heap(page);

  const stopPlaying = await startSampling(page);
  const playedMs = await page.evaluate<number>(`(${PLAY_UNTIL})(${c.runMs}, ${MAX_SPEED})`);
  const playing = await stopPlaying();
  const end = await page.evaluate<number>('window.__lab.getState().simTime');
  await page.waitForTimeout(SETTLE_MS);
  const heapAfterRun = await heap(page);

  await page.evaluate(`(${TIME_SEEKS})()`);
  const dragged = await drag(page);
  await page.waitForTimeout(SETTLE_MS);
  const seekMs = [...(await page.evaluate<number[]>('window.__seekMs'))].sort((a, b) => a - b);
  const shown = await page.getByRole('slider', { name: 'Timeline' }).getAttribute('aria-valuenow');
  const heapAfterDrag = await heap(page);

  console.log(`${c.name}  (load ${loadBefore} → ${load()})`);
  console.log(
    `  played at ${MAX_SPEED}×: ${s(end)} s simulated in ${s(playedMs)} s; ` +
      `${describeFrames(playing)}, in flight ~${meanInFlight(playing).toFixed(0)}`,
  );
  console.log(
    `  drag (${MOVES} moves in ${s(dragged.wallMs)} s): ${dragged.frames}, in flight ~${dragged.inFlight.toFixed(0)}`,
  );
  console.log(
    `  seeks ${seekMs.length}: median ${f(percentile(seekMs, 50))}  p95 ${f(percentile(seekMs, 95))}` +
      `  max ${f(seekMs.at(-1) ?? NaN)} ms; the cursor ended at ${s(Number(shown))} s of ${s(end)} s`,
  );
  console.log(
    `  JS heap after a GC: ${f(heapAtLoad / MB)} MB at load, ${f(heapAfterRun / MB)} MB after the run, ` +
      `${f(heapAfterDrag / MB)} MB after the drag\n`,
  );
}

async function main(): Promise<void> {
  buildBenchPage();
  const args = ['--js-flags=--expose-gc', '--enable-precise-memory-info'];
  await withPreview({ port: PORT, config: BENCH_PAGE_CONFIG, args }, async (base, browser) => {
    console.log(
      `Scrubbing the timeline, headless Chromium at 1440×900 (60 Hz cap = 16.7 ms); ` +
        `a drag is ${MOVES} pointer moves over ${DRAG_MS / 1000} s.\n`,
    );
    for (const c of CASES) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
      await measure(page, base, c);
      await page.close();
    }
  });
}

await main();
