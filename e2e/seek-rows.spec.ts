/**
 * Time travel from the ledgers and charts: a row's time is a button, and a chart's sample a click, that
 * shows the lab at that instant, paused. The instant shown is read from the metrics strip (its exact
 * simulated time) and the event log.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { timeScale } from '../src/view/panels/charts/chartGeometry.ts';
import { CHART_HEIGHT, MARGIN, plotOf } from '../src/view/panels/charts/chartStyle.ts';
import {
  button,
  metric,
  node,
  openPaused,
  selectNode,
  stepUntilStatus,
  writeConflict,
  writeVia,
} from './lab.ts';

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The lab's exact simulated time, as the metrics strip has it. */
const simTime = async (page: Page) => Number(await metric(page, 'sim-time').getAttribute('data-value'));

const eventRows = (page: Page): Locator =>
  page.getByRole('list', { name: 'Events, newest first' }).getByRole('listitem');

/** The instant a time button shows, from its data-seek-time. */
async function instantOf(time: Locator): Promise<number> {
  const at = Number(await time.getAttribute('data-seek-time'));
  expect(Number.isFinite(at)).toBe(true);
  return at;
}

/** Lets the lab run at 10× for `wallMs`, then pauses it; returns where it stopped. */
async function runFor(page: Page, wallMs: number): Promise<number> {
  await page.getByRole('combobox', { name: 'Speed', exact: true }).selectOption('10');
  await button(page, 'Play').click();
  await page.waitForTimeout(wallMs);
  await button(page, 'Pause').click();
  return simTime(page);
}

/** Clicks `time` and checks that the lab shows its instant: the clock, and an event log that ends there. */
async function seekVia(page: Page, time: Locator): Promise<number> {
  const at = await instantOf(time);
  await expect(time).toHaveAccessibleName(`Show ${seconds(at)}`);
  await time.click();
  await expect(metric(page, 'sim-time')).toHaveAttribute('data-value', String(at));
  await expect(button(page, 'Play')).toBeVisible();
  // Nothing after the instant is listed: the newest event is at or before it.
  const newest = await instantOf(eventRows(page).first().locator('[data-seek-time]'));
  expect(newest).toBeLessThanOrEqual(at);
  return at;
}

test.describe('a time in a ledger or a chart shows the lab at that instant', () => {
  // Many steps through the UI: on a loaded two-core machine each takes a while.
  test.describe.configure({ timeout: 90_000 });

  test('in the event log', async ({ page }) => {
    await openPaused(page);
    const end = await runFor(page, 800);
    const row = eventRows(page).nth(4);
    const seq = Number(await row.getAttribute('data-event-seq'));
    const time = row.locator('[data-seek-time]');
    await expect(time).toHaveText(/^\d+\.\d\d s$/);
    const at = await seekVia(page, time);
    expect(at).toBeLessThan(end);
    // The event clicked happened at that instant, so it is still listed, and nothing after the instant is.
    await expect(page.locator(`[data-event-seq="${seq}"]`)).toHaveCount(1);
    expect(await instantOf(eventRows(page).first().locator('[data-seek-time]'))).toBe(at);
    const times = await eventRows(page)
      .locator('[data-seek-time]')
      .evaluateAll((buttons) => buttons.map((b) => Number(b.getAttribute('data-seek-time'))));
    for (const t of times) expect(t).toBeLessThanOrEqual(at);
    // Picking a row's sentence still inspects what it concerns, and leaves the instant alone.
    await page.locator('.event-list .event-pick').first().click();
    await expect(page.locator('[data-node-id][aria-pressed="true"]')).toHaveCount(1);
    await expect(metric(page, 'sim-time')).toHaveAttribute('data-value', String(at));
  });

  test('in the lost-writes and failover ledgers: the failover that lost the write', async ({ page }) => {
    await openPaused(page);
    await runFor(page, 600);
    // However little the workload left unreplicated, one acknowledged write the slaves lack is sure.
    await writeVia(page, 'db1', 'balance', '200');
    await stepUntilStatus(page, /acknowledged balance = "200"/);
    await selectNode(page, 'db1');
    await button(page, 'Kill').click();
    await selectNode(page, 'db2');
    await button(page, 'Promote').click();
    await expect(node(page, 'db2')).toHaveAttribute('data-role', 'primary');
    const promotedAt = await simTime(page);
    await runFor(page, 500);
    expect(await simTime(page)).toBeGreaterThan(promotedAt);

    const lost = page.getByTestId('lost-writes');
    const balance = lost.locator('tbody tr').filter({ hasText: 'balance = "200"' });
    const time = balance.locator('td').last().locator('[data-seek-time]');
    await expect(balance.locator('td').last()).toHaveText(
      `failover #1 (db1 → db2) at ${seconds(promotedAt)}`,
    );
    expect(await seekVia(page, time)).toBe(promotedAt);
    // Lost at that very instant: the ledger lists it, and the log ends with the promotion.
    await expect(balance).toHaveCount(1);
    expect(await instantOf(eventRows(page).first().locator('[data-seek-time]'))).toBe(promotedAt);

    const failover = page.getByTestId('failovers').locator('tbody tr').first();
    await expect(failover.locator('[data-seek-time]')).toHaveCount(2);
    await expect(failover.locator('td').nth(2).getByRole('button')).toHaveAccessibleName(
      `Show ${seconds(promotedAt)}`,
    );
  });

  test('in the conflicts ledger: when the conflict was detected', async ({ page }) => {
    await openPaused(page, '/?preset=master-master&autoplay=0');
    await writeConflict(page);
    await runFor(page, 500);
    const entry = page
      .getByRole('region', { name: /^Conflicts/ })
      .locator('li[data-conflict-id]')
      .last();
    const time = entry.locator('.conflict-where [data-seek-time]');
    const at = await seekVia(page, time);
    // Detected at that instant: the conflict is in the ledger then, and the log ends with it.
    const id = (await entry.getAttribute('data-conflict-id')) ?? '';
    await expect(page.locator(`li[data-conflict-id="${id}"]`)).toHaveCount(1);
    await expect(
      eventRows(page)
        .filter({ has: page.locator(`[data-seek-time="${at}"]`) })
        .first(),
    ).toBeVisible();
  });

  test('in a chart: the sample under the pointer, or a time in its table', async ({ page }) => {
    await openPaused(page);
    await runFor(page, 1000);
    const chart = page.locator('[data-chart="lag"]');
    const plot = chart.locator('svg.chart-svg');
    await expect(plot).toHaveAttribute('role', 'img');
    await expect(plot).toHaveAccessibleName(/^Replication lag per slave over the last 30 s: db2 /);
    await expect(plot.locator('title')).toHaveText('Click to show that instant');
    const seriesTime = Number(await page.locator('[data-series-time]').getAttribute('data-series-time'));
    // Two seconds before the newest sample. A pixel is some 150 ms here, so the click aims at the sample itself:
    // the nearest-sample rule is unit-tested (chartGeometry.test.ts).
    const sample = seriesTime - 2000;
    const width = (await plot.boundingBox())?.width ?? 0;
    const x = timeScale(seriesTime, plotOf(width, CHART_HEIGHT));
    await plot.click({ position: { x: MARGIN.left + x(sample), y: MARGIN.top + 30 } });
    await expect(metric(page, 'sim-time')).toHaveAttribute('data-value', String(sample));
    await expect(page.locator('[data-series-time]')).toHaveAttribute('data-series-time', String(sample));
    expect(await instantOf(eventRows(page).first().locator('[data-seek-time]'))).toBeLessThanOrEqual(sample);

    // The table, the chart's alternative, offers every sample's instant to the keyboard.
    await chart.getByRole('button', { name: /as a table$/ }).click();
    const earlier = chart.getByRole('table').locator('tbody tr').nth(3).locator('[data-seek-time]');
    await expect(earlier).toHaveAccessibleName(`Show ${seconds(sample - 750)}`);
    await earlier.focus();
    await page.keyboard.press('Enter');
    await expect(metric(page, 'sim-time')).toHaveAttribute('data-value', String(sample - 750));
  });
});
