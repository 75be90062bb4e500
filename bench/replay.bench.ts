/**
 * Replay benchmark (`npm run bench:replay`): the costliest links that fit the link format's limits. For
 * each: its estimated cost (against MAX_REPLAY_COST), how long validating and replaying take in Node, and,
 * opened in headless Chromium, how long until the lab shows the run (or the refusal) and the longest
 * main-thread task meanwhile (the page must stay responsive: under 200 ms). Prints; asserts nothing.
 */
import { execSync } from 'node:child_process';
import { parseScenario, type ScenarioInput } from '../src/engine/index.ts';
import { MAX_REPLAY_COST, replayCost } from '../src/store/replayCost.ts';
import { replayRun, type RunRecord } from '../src/store/run.ts';
import { validateRun } from '../src/store/runCheck.ts';
import lz from 'lz-string';
import { withPreview } from './browser.ts';

const PORT = Number(process.env.BENCH_PORT ?? 4195);

const many = (extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
  seed: 3,
  nodes: [
    { id: 'db1', role: 'primary' },
    ...Array.from({ length: 63 }, (_, i) => ({ id: `r${i}`, role: 'replica' as const, upstream: 'db1' })),
  ],
  ...extra,
});
const fastFailover = { mode: 'automatic' as const, heartbeatMs: 10, timeoutMs: 30 };
const workload = (writesPerSec: number, readsPerSec: number) => ({
  at: 0,
  type: 'startWorkload',
  args: [{ writesPerSec, readsPerSec }],
});
const master = {
  nodes: [
    { id: 'db1', role: 'primary' as const },
    { id: 'db2', role: 'replica' as const, upstream: 'db1' },
    { id: 'db3', role: 'replica' as const, upstream: 'db1' },
  ],
};

/** The largest `time` under the budget for a run shape, in whole seconds. */
function longestAccepted(scenario: ScenarioInput, commands: RunRecord['commands']): number {
  const parsed = parseScenario(scenario);
  let lo = 0;
  let hi = 3_600;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (replayCost(parsed, commands, mid * 1000).cost <= MAX_REPLAY_COST) lo = mid;
    else hi = mid - 1;
  }
  return lo * 1000;
}

/** As many partitions and heals as a link's 256 KB of JSON holds: each cuts the master off every replica. */
const flapping = Array.from({ length: 2000 }, (_, i) => [
  { at: 10 + i * 20, type: 'partition', args: [[['db1']]] },
  { at: 20 + i * 20, type: 'heal', args: [] },
]).flat();

const CASES: { name: string; run: RunRecord }[] = [
  {
    name: '64 nodes, failover every 10 ms, 1 h',
    run: { scenario: many({ failover: fastFailover }), commands: [], time: 3_600_000 },
  },
  {
    name: '64 nodes, 1000 w/s + 1000 r/s, 200 s',
    run: { scenario: many(), commands: [workload(1000, 1000)], time: 200_000 },
  },
  {
    name: '3 nodes, 5 w/s + 5 r/s, 1 h',
    run: { scenario: master, commands: [workload(5, 5)], time: 3_600_000 },
  },
  {
    name: '64 nodes, failover every 10 ms, longest accepted',
    run: {
      scenario: many({ failover: fastFailover }),
      commands: [],
      time: longestAccepted(many({ failover: fastFailover }), []),
    },
  },
  {
    name: '64 nodes, 100 w/s + 50 r/s, longest accepted',
    run: {
      scenario: many(),
      commands: [workload(100, 50)],
      time: longestAccepted(many(), [workload(100, 50)]),
    },
  },
  {
    name: '64 nodes, 1000 w/s, longest accepted',
    run: {
      scenario: many(),
      commands: [workload(1000, 0)],
      time: longestAccepted(many(), [workload(1000, 0)]),
    },
  },
  {
    name: '64 nodes, 4000 partition/heal commands',
    run: { scenario: many(), commands: flapping, time: 40_020 },
  },
];

/** Records every long main-thread task from the page's first script on. */
const WATCH_TASKS = `window.__longest = 0; window.__tasks = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.__tasks++; window.__longest = Math.max(window.__longest, e.duration); } })
  .observe({ type: 'longtask', buffered: true });`;

async function inBrowser(runs: typeof CASES): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  await withPreview({ port: PORT }, async (base, browser) => {
    for (const { name, run } of runs) {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
      await page.addInitScript(WATCH_TASKS);
      // The app's own v1z encoding (linkCodec.ts), spelled out: lz-string is CommonJS under Node.
      const link = `${base}/#s=v1z:${lz.compressToEncodedURIComponent(JSON.stringify({ v: 1, ...run }))}`;
      const started = Date.now();
      await page.goto(link);
      const outcome = await Promise.race([
        page
          .locator('[data-banner="load-report"]')
          .waitFor({ timeout: 600_000 })
          .then(() => 'refused'),
        // Replayed: the status line's simulated time is the run's own.
        page
          .getByRole('term')
          .filter({ hasText: 'Sim time' })
          .locator('+ dd')
          .filter({ hasText: `${(run.time / 1000).toFixed(2)} s` })
          .waitFor({ timeout: 600_000 })
          .then(() => 'shown'),
      ]);
      const took = Date.now() - started;
      const longest = await page.evaluate('window.__longest');
      const tasks = await page.evaluate('window.__tasks');
      out.set(
        name,
        `${outcome} after ${(took / 1000).toFixed(1)} s; longest task ${Number(longest).toFixed(0)} ms (${String(tasks)} over 50 ms)`,
      );
      await page.close();
    }
  });
  return out;
}

/** The run a link carries, without its format version (what `validateRun` checks after decoding). */
function stripVersion(payload: unknown): unknown {
  const run = { ...(payload as Record<string, unknown>) };
  delete run.v;
  return run;
}

async function main(): Promise<void> {
  console.log(`Replay cost budget: ${(MAX_REPLAY_COST / 1e6).toFixed(0)} million units\n`);
  console.log('In Node (one replay each, no slicing):');
  for (const { name, run } of CASES) {
    const json = JSON.stringify({ v: 1, ...run });
    const t0 = performance.now();
    const checked = validateRun(stripVersion(JSON.parse(json)));
    const validated = performance.now() - t0;
    const { cost } = replayCost(parseScenario(run.scenario), run.commands, run.time);
    let replay = 'refused';
    if (checked.ok) {
      const t1 = performance.now();
      const sim = replayRun(checked.value);
      const took = performance.now() - t1;
      const tasks = sim.ok ? sim.value.stats().tasksRun : 0;
      replay = `replayed in ${(took / 1000).toFixed(2)} s (${tasks} tasks, ${((took * 1000) / cost).toFixed(2)} µs per unit)`;
    }
    console.log(
      `  ${name.padEnd(48)} ${(json.length / 1024).toFixed(0).padStart(4)} KB ${(run.time / 1000).toFixed(0).padStart(5)} s  cost ${(cost / 1e6).toFixed(1).padStart(7)} M  checked in ${validated.toFixed(1)} ms, ${replay}`,
    );
  }
  execSync('npx vite build', { stdio: 'ignore' });
  console.log('\nIn headless Chromium (the link opened in a new page):');
  const browser = await inBrowser(CASES);
  for (const { name } of CASES) console.log(`  ${name.padEnd(48)} ${browser.get(name) ?? ''}`);
}

await main();
