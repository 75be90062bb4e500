/** Compare mode: two configurations side by side, one clock, every command applied to both, by role. */
import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { expectNoModerateViolations } from './axe.ts';
import { button, openPaused } from './lab.ts';

const side = (page: Page, name: 'A' | 'B'): Locator => page.locator(`[data-side="${name}"]`);
const sideNode = (page: Page, name: 'A' | 'B', id: string): Locator =>
  side(page, name).locator(`[data-node-id="${id}"]`);
const differences = (page: Page): Locator => page.getByRole('table', { name: 'Differences' });
const row = (page: Page, metric: string): Locator => differences(page).locator(`[data-metric="${metric}"]`);

/** Picks a node's action from its menu in one side's graph. */
async function act(page: Page, where: 'A' | 'B', id: string, action: string): Promise<void> {
  await sideNode(page, where, id).click();
  await page
    .getByRole('menu', { name: `Actions on ${id}` })
    .getByRole('menuitem', { name: action })
    .click();
}

/** Opens the lab paused and a one-click comparison (by its option's value). */
async function openComparison(page: Page, id: string): Promise<void> {
  await openPaused(page);
  await button(page, 'Compare').click();
  await page.getByRole('combobox', { name: 'Comparison' }).selectOption(id);
  await expect(sideNode(page, 'A', 'db1')).toBeVisible();
  await expect(sideNode(page, 'B', 'db1')).toBeVisible();
}

test.describe('compare mode', () => {
  test('async vs sync: kill the master on both, and read the difference in lost writes', async ({ page }) => {
    test.setTimeout(90_000);
    await openComparison(page, 'async-sync');
    await expect(page.getByRole('list', { name: 'How B differs from A' })).toContainText(
      'Replication: async on A, sync (1 synchronous standby) on B.',
    );
    await expect(differences(page).locator('[data-metric]').first()).toBeVisible();
    for (const metric of [
      'write-p50',
      'write-p99',
      'lag-max',
      'lost-writes',
      'stale-reads',
      'blocked-writes',
      'conflicts',
      'rto',
    ])
      await expect(row(page, metric)).toHaveCount(1);

    // A write to the master, acknowledged on A (async) before any slave has it; waiting on B (sync).
    await act(page, 'A', 'db1', 'Write here…');
    const form = page.getByRole('form', { name: 'Write to db1' });
    await form.getByLabel('Key', { exact: true }).fill('balance');
    await form.getByLabel('Value', { exact: true }).fill('100');
    await form.getByRole('button', { name: 'Send write' }).click();
    await button(page, 'Step').click();
    await button(page, 'Step').click();
    // "Kill the master": each side's own primary goes down.
    await act(page, 'A', 'db1', 'Kill');
    await expect(sideNode(page, 'A', 'db1')).toHaveAttribute('data-status', 'down');
    await expect(sideNode(page, 'B', 'db1')).toHaveAttribute('data-status', 'down');
    await act(page, 'B', 'db2', 'Promote');
    await expect(sideNode(page, 'A', 'db2')).toHaveAttribute('data-role', 'primary');
    await expect(sideNode(page, 'B', 'db2')).toHaveAttribute('data-role', 'primary');

    const lost = row(page, 'lost-writes');
    await expect(lost.getByRole('cell').nth(0)).toHaveText('1 writes');
    await expect(lost.getByRole('cell').nth(1)).toHaveText('0 writes');
    await expect(lost.getByRole('cell').nth(2)).toHaveText('B');
    await expectNoModerateViolations(page, 'in compare mode after a failover');
  });

  test('a command one side cannot apply is refused there, with the reason, and the other carries on', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await openComparison(page, 'replicas-2-8');
    await act(page, 'B', 'db8', 'Kill');
    await expect(sideNode(page, 'B', 'db8')).toHaveAttribute('data-status', 'down');
    await expect(page.getByRole('list', { name: 'Refused on A' })).toContainText(
      /Kill refused on A at 0\.00 s: there is no (slave|replica) 6/,
    );
    await expect(side(page, 'A').locator('[data-status="down"]')).toHaveCount(0);
  });

  test('the Share link reopens the comparison', async ({ page }) => {
    test.setTimeout(90_000);
    await openComparison(page, 'masters-2-5');
    await button(page, 'Step').click();
    await button(page, 'Step').click();
    await button(page, 'Share').click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    const link = await dialog.getByLabel('Share link').inputValue();
    expect(link).toMatch(/#s=v1z:[^&]+&b=v1z:/);
    await expect(dialog.getByRole('textbox', { name: /Embed/ }).first()).toHaveValue(/&amp;b=v1z:/);
    await dialog.getByRole('button', { name: 'Close' }).click();
    const tbody = differences(page).locator('tbody');
    const figures = await tbody.innerText();

    await page.goto('about:blank');
    await page.goto(link);
    await expect(sideNode(page, 'B', 'db5')).toBeVisible();
    await expect(sideNode(page, 'A', 'db2')).toBeVisible();
    await expect(side(page, 'A').locator('[data-node-id]')).toHaveCount(2);
    await expect(page.getByRole('list', { name: 'How B differs from A' })).toContainText(
      'Masters: 2 on A, 5 on B.',
    );
    // The picker names the comparison the link holds.
    await expect(page.getByRole('combobox', { name: 'Comparison' })).toHaveValue('masters-2-5');
    const pause = button(page, 'Pause');
    if (await pause.isVisible()) await pause.click();
    await expect.poll(() => tbody.innerText()).toBe(figures);
  });

  test('a comparison link pasted into the tab replaces both sides; a link without one closes it', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await openComparison(page, 'masters-2-5');
    await button(page, 'Step').click();
    await button(page, 'Share').click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    const hash = new URL(await dialog.getByLabel('Share link').inputValue()).hash;
    await dialog.getByRole('button', { name: 'Close' }).click();
    const picker = page.getByRole('combobox', { name: 'Comparison' });
    await picker.selectOption('replicas-2-8');
    await expect(sideNode(page, 'B', 'db9')).toBeVisible();

    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
    await expect(sideNode(page, 'B', 'db5')).toBeVisible();
    await expect(sideNode(page, 'B', 'db9')).toHaveCount(0);
    await expect(side(page, 'A').locator('[data-node-id]')).toHaveCount(2);
    await expect(picker).toHaveValue('masters-2-5');

    await page.evaluate(
      (h) => {
        location.hash = h;
      },
      hash.replace(/&b=.*/, ''),
    );
    await expect(page.locator('[data-side]')).toHaveCount(0);
    await expect(page.locator('[data-node-id]')).toHaveCount(2);
  });

  test('Table shows each side’s topology as a table in place of its graph', async ({ page }) => {
    test.setTimeout(60_000);
    await openComparison(page, 'replicas-2-8');
    await page.getByRole('button', { name: 'Topology table' }).click();
    await expect(
      side(page, 'A').getByRole('table', { name: 'Topology of A' }).locator('tbody tr'),
    ).toHaveCount(3);
    await expect(
      side(page, 'B').getByRole('table', { name: 'Topology of B' }).locator('tbody tr'),
    ).toHaveCount(9);
    await expect(side(page, 'B').locator('svg.graph-svg')).toHaveCount(0);
    await expectNoModerateViolations(page, 'compare mode as tables');
    await page.getByRole('button', { name: 'Topology table' }).click();
    await expect(sideNode(page, 'B', 'db9')).toBeVisible();
  });

  test('one cursor for both sides, and a picture of both graphs with the table', async ({ page }) => {
    test.setTimeout(90_000);
    await openComparison(page, 'replicas-2-8');
    for (let i = 0; i < 5; i++) await button(page, 'Step').click();
    await act(page, 'A', 'db1', 'Kill');
    await expect(sideNode(page, 'B', 'db1')).toHaveAttribute('data-status', 'down');
    // Back to the start: both sides show the instant before the kill.
    const timeline = page.getByRole('slider', { name: 'Timeline' });
    await timeline.focus();
    await page.keyboard.press('Home');
    await expect(timeline).toHaveAttribute('aria-valuenow', '0');
    await expect(sideNode(page, 'A', 'db1')).toHaveAttribute('data-status', 'up');
    await expect(sideNode(page, 'B', 'db1')).toHaveAttribute('data-status', 'up');

    await button(page, 'Share').click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Download SVG' }).click(),
    ]);
    const svg = await readFile(await file.path(), 'utf8');
    expect(svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    for (const text of ['>db9<', '>Differences<', '>Lost writes<', '&amp;b=v1z:'])
      expect(svg).toContain(text);
    expect(svg.match(/<svg /g)?.length).toBeGreaterThanOrEqual(3);
  });

  test('B differs from A by what B’s settings change, listed in words', async ({ page }) => {
    test.setTimeout(60_000);
    await openPaused(page);
    await button(page, 'Compare').click();
    await expect(sideNode(page, 'B', 'db1')).toBeVisible();
    await expect(page.getByRole('list', { name: 'How B differs from A' })).toContainText(
      'B runs the same configuration as A',
    );
    await button(page, 'B’s settings').click();
    await page.getByRole('combobox', { name: 'Replication mode', exact: true }).selectOption('sync');
    await expect(page.getByRole('list', { name: 'How B differs from A' })).toContainText(
      'Replication: async on A, sync (1 synchronous standby) on B.',
    );
    await expect(side(page, 'B').locator('[data-link-from="db1"][data-link-to="db2"]')).toHaveAttribute(
      'aria-label',
      /^Link db1 to db2, sync,/,
    );
    await button(page, 'Close settings').click();
    await expect(page.locator('#settings-panel')).toHaveCount(0);
  });

  test('a hostile comparison link opens side A alone with a clear message', async ({ page }) => {
    await page.goto('/#b=v1z:not-a-run');
    await expect(page.getByText('The comparison in this link could not be opened')).toBeVisible();
    await expect(page.locator('[data-node-id]').first()).toBeVisible();
    await expect(page.locator('[data-side]')).toHaveCount(0);
  });
});
