/** Heavy links and files: refused up front when too costly, otherwise replayed in slices with progress and Cancel. */
import { expect, test } from '@playwright/test';
import { jsonLink } from './lab.ts';

const manyNodes = (extra: object = {}) => ({
  nodes: [
    { id: 'db1', role: 'primary' },
    ...Array.from({ length: 63 }, (_, i) => ({ id: `r${i}`, role: 'replica', upstream: 'db1' })),
  ],
  ...extra,
});

/** Within the cost budget, but seconds of work: it must replay in slices. */
const heavyRun = {
  v: 1,
  scenario: manyNodes({ seed: 2 }),
  commands: [{ at: 0, type: 'startWorkload', args: [{ writesPerSec: 50, readsPerSec: 20 }] }],
  time: 90_000,
};

test('a link too costly to replay is refused with a banner that says why, and the default opens', async ({
  page,
}) => {
  const started = Date.now();
  await page.goto(
    jsonLink({
      v: 1,
      scenario: manyNodes({ failover: { mode: 'automatic', heartbeatMs: 10, timeoutMs: 30 } }),
      commands: [],
      time: 3_600_000,
    }),
  );
  const report = page.locator('[data-banner="load-report"]');
  await expect(report).toContainText(/time: replaying this run would take about .* 64 nodes/);
  await expect(page.locator('[data-node-id]')).toHaveCount(3);
  expect(Date.now() - started).toBeLessThan(15_000);
});

test('a heavy link replays in slices: progress shows, the page answers, and Cancel keeps the default', async ({
  page,
}) => {
  await page.goto(jsonLink(heavyRun));
  const banner = page.locator('[data-banner="replay"]');
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('progressbar')).toBeVisible();
  // The page still answers while it replays: a click on Cancel lands.
  await banner.getByRole('button', { name: 'Cancel' }).click();
  await expect(banner).toBeHidden();
  await expect(page.locator('[data-node-id]')).toHaveCount(3);
  await expect(page.locator('p.status-line')).toContainText('Replay cancelled');
});

test('a heavy link left to replay ends on its run', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(jsonLink({ ...heavyRun, time: 20_000 }));
  const banner = page.locator('[data-banner="replay"]');
  await expect(banner).toBeHidden({ timeout: 90_000 });
  await expect(page.locator('[data-node-id]')).toHaveCount(64);
  await expect(page.getByRole('term').filter({ hasText: 'Sim time' }).locator('+ dd')).toHaveText('20.00 s');
});
