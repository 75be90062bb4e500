/**
 * Export review (the Share dialog): one self-contained HTML file for a design document. It opens from disk
 * with the network blocked, makes no request, has every section, and shows markup from the run as text.
 */
import { copyFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoModerateViolations } from './axe.ts';
import { button, metric, node, openPaused, selectNode, stepUntilStatus, writeVia } from './lab.ts';

const XSS = '<img src=x onerror="window.__pwned=1">';
const SECTIONS = [
  'scenario',
  'graph',
  'metrics',
  'charts',
  'failovers',
  'lost-writes',
  'conflicts',
  'anomalies',
] as const;

/** Opens Share, presses Export review and keeps the file it downloads as `name` in the test's output. */
async function exportReview(page: Page, path: string): Promise<string> {
  await button(page, 'Share').click();
  const dialog = page.getByRole('dialog', { name: 'Share this run' });
  await expect(dialog).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Export review', exact: true }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/-review\.html$/);
  await copyFile(await download.path(), path);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return path;
}

/** Opens `path` from disk in a fresh context with the network cut off; returns the page and every request it made. */
async function openOffline(browser: Browser, path: string) {
  const context = await browser.newContext();
  await context.setOffline(true);
  const requests: string[] = [];
  // Only the file itself may load: anything else it asked for would be refused, and counted below.
  await context.route('**/*', (route) =>
    route.request().url().startsWith('file:') ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`file://${path}`);
  return { page, requests, context };
}

test.describe('Export review', () => {
  test.describe.configure({ timeout: 90_000 });

  test('a run with a failover: the file opens offline, with every section and no request', async ({
    page,
    browser,
  }, info) => {
    await openPaused(page);
    await button(page, 'Play').click();
    await expect(metric(page, 'sim-time')).not.toHaveText(/^[01]\./, { timeout: 15_000 });
    // An acknowledged write the slaves have not received yet, then the master dies and a slave is promoted.
    await button(page, 'Pause').click();
    await writeVia(page, 'db1', 'balance', '200');
    await stepUntilStatus(page, /acknowledged balance = "200"/);
    await button(page, 'Kill').click();
    await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
    await selectNode(page, 'db2');
    await button(page, 'Promote').click();
    await expect(node(page, 'db2')).toHaveAttribute('data-role', 'primary');
    await button(page, 'Play').click();
    await expect(metric(page, 'rto')).not.toHaveText('no write yet', { timeout: 15_000 });
    await button(page, 'Pause').click();
    const lost = (await metric(page, 'lost-writes').textContent()) ?? '';

    const file = await exportReview(page, info.outputPath('review.html'));
    const { page: review, requests, context } = await openOffline(browser, file);
    for (const section of SECTIONS)
      await expect(review.locator(`[data-section="${section}"]`)).toHaveCount(1);
    await expect(review.getByRole('heading', { level: 1 })).toContainText('Master and two slaves');
    await expect(review.locator('[data-section="scenario"]')).toContainText(
      'A master replicates every write',
    );
    await expect(review.locator('[data-section="failovers"] tbody tr')).toHaveCount(1);
    await expect(review.locator('[data-section="failovers"]')).toContainText('db1 → db2');
    await expect(review.locator('[data-section="lost-writes"]')).toContainText('balance');
    await expect(review.locator('[data-section="metrics"]')).toContainText(`Lost writes${lost}`);
    await expect(review.locator('svg.chart')).toHaveCount(4);
    // The graph picture is in the file: it decodes with nothing fetched.
    const width = await review
      .locator('[data-section="graph"] img')
      .evaluate(async (img: HTMLImageElement) => (await img.decode(), img.naturalWidth));
    expect(width).toBeGreaterThan(300);
    const reopen = review.getByRole('link', { name: 'Reopen this run in Replication Lab' });
    await expect(reopen).toHaveAttribute('href', /^http:\/\/localhost:\d+\/.*#s=v1z:/);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    await expectNoModerateViolations(review, 'in the review file');
    await context.close();
  });

  test('a scenario name with markup shows as text', async ({ page, browser }, info) => {
    const run = {
      v: 2,
      scenario: {
        name: XSS,
        nodes: [
          { id: 'db1', role: 'primary' },
          { id: 'db2', role: 'replica', upstream: 'db1' },
        ],
      },
      commands: [{ at: 100, type: 'write', args: ['db1', XSS, XSS] }],
      time: 2000,
    };
    await page.goto(`/#s=v1j:${encodeURIComponent(JSON.stringify(run))}`);
    await expect(page.locator('[data-node-id]').first()).toBeVisible();
    const file = await exportReview(page, info.outputPath('review-markup.html'));
    const { page: review, context } = await openOffline(browser, file);
    await expect(review.getByRole('heading', { level: 1 })).toContainText(XSS);
    await expect(review.locator('img')).toHaveCount(1); // the graph's picture, nothing from the name
    expect(await review.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await context.close();
  });

  test('a comparison: both sides and the differences', async ({ page, browser }, info) => {
    await openPaused(page);
    await button(page, 'Compare').click();
    await expect(page.locator('[data-side="B"] [data-node-id]').first()).toBeVisible();
    await button(page, 'Step').click();
    const file = await exportReview(page, info.outputPath('review-compare.html'));
    const { page: review, requests, context } = await openOffline(browser, file);
    await expect(review.locator('[data-section="comparison"]')).toContainText('Differences');
    await expect(review.locator('[data-section="comparison"] tbody tr').first()).toBeVisible();
    for (const side of ['A', 'B'])
      for (const section of SECTIONS)
        await expect(review.locator(`[data-side="${side}"] [data-section="${section}"]`)).toHaveCount(1);
    await expect(
      review.getByRole('link', { name: 'Reopen this comparison in Replication Lab' }),
    ).toHaveAttribute('href', /&b=v1z:/);
    expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual([]);
    await expectNoModerateViolations(review, 'in the comparison review');
    await context.close();
  });
});
