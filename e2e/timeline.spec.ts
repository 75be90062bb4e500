/** Time travel: the timeline under the graph, its markers and keys, and branches made by acting in the past. */
import { expect, test, type Page } from '@playwright/test';
import { button, node, openPaused, selectNode, writeVia, stepUntilStatus } from './lab.ts';

const slider = (page: Page) => page.getByRole('slider', { name: 'Timeline' });
const markers = (page: Page) => page.getByRole('group', { name: 'Markers' });
const branch = (page: Page) => page.getByRole('combobox', { name: 'Branch' });
const lostWrites = (page: Page) => page.getByRole('region', { name: 'Lost writes', exact: true });

/** The instant the lab shows and the run's furthest, in ms. */
async function shown(page: Page): Promise<{ now: number; max: number }> {
  const now = Number(await slider(page).getAttribute('aria-valuenow'));
  const max = Number(await slider(page).getAttribute('aria-valuemax'));
  return { now, max };
}

async function playFor(page: Page, ms: number): Promise<void> {
  await button(page, 'Play').click();
  await page.waitForTimeout(ms);
  await button(page, 'Pause').click();
}

/** Kills db1 through its menu. */
async function kill(page: Page, id: string): Promise<void> {
  await selectNode(page, id);
  await button(page, 'Kill').click();
  await expect(node(page, id)).toHaveAttribute('data-status', 'down');
}

test.describe('time travel', () => {
  test('scrubs back to the failover and reads the lost write in the ledger, then goes live', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await openPaused(page);
    await writeVia(page, 'db1', 'balance', '200');
    await stepUntilStatus(page, /acknowledged balance = "200"/);
    await kill(page, 'db1');
    await selectNode(page, 'db2');
    await button(page, 'Promote').click();
    await expect(lostWrites(page)).toContainText('balance = "200"');
    await playFor(page, 1500);

    // The start of the run: nothing was lost yet, and the lab says it shows the past.
    await slider(page).focus();
    await page.keyboard.press('Home');
    await expect(slider(page)).toHaveAttribute('aria-valuenow', '0');
    await expect(page.getByText(/Viewing 0\.00 s of \d+\.\d\d s/)).toBeVisible();
    await expect(lostWrites(page)).toBeHidden();

    // The promotion's marker: the instant the write was lost, in the ledger again.
    const failover = markers(page).getByRole('button', { name: /db2 promoted/ });
    await expect(failover).toHaveAttribute('data-marker-kind', /^(failover|lost-write)$/);
    const at = (await failover.getAttribute('data-time')) ?? '';
    await failover.click();
    await expect(slider(page)).toHaveAttribute('aria-valuenow', at);
    await expect(lostWrites(page)).toContainText('balance = "200"');
    await expect(node(page, 'db2')).toHaveAttribute('data-role', 'primary');
    await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');

    await button(page, 'Live').click();
    const live = await shown(page);
    expect(live.now).toBe(live.max);
    await expect(button(page, 'Live')).toBeDisabled();
  });

  test('a setting changed in the past forks a branch; each branch keeps its settings', async ({ page }) => {
    test.setTimeout(60_000);
    await openPaused(page);
    await playFor(page, 1200);
    await slider(page).focus();
    await page.keyboard.press('Home');
    await expect(slider(page)).toHaveAttribute('aria-valuenow', '0');

    await button(page, 'Settings').click();
    const mode = page.getByRole('combobox', { name: 'Replication mode', exact: true });
    await expect(mode).toHaveValue('async');
    await mode.selectOption('sync');
    await expect(page.locator('p.status-line')).toContainText(
      'New branch B: set replication mode sync at 0.00 s; the future you left is kept (Branch).',
    );
    await expect(page.locator('[data-link-from] .edge--sync')).toHaveCount(2);
    await page.keyboard.press('Escape');
    await expect(branch(page)).toHaveValue('B');
    await expect(markers(page).locator('[data-marker-kind="setting"]')).toHaveCount(1);

    // The original run never changed its mode; the new branch has sync from its start.
    await branch(page).selectOption('A');
    await expect(page.locator('[data-link-from] .edge--sync')).toHaveCount(0);
    await button(page, 'Settings').click();
    await expect(mode).toHaveValue('async');
    await page.keyboard.press('Escape');
    await branch(page).selectOption('B');
    await expect(page.locator('[data-link-from] .edge--sync')).toHaveCount(2);
  });

  test('forks when a different replica is promoted in the past, and switches between the branches', async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await openPaused(page);
    await playFor(page, 800);
    await kill(page, 'db1');
    await playFor(page, 800);
    await selectNode(page, 'db2');
    await button(page, 'Promote').click();
    await playFor(page, 800);
    await expect(branch(page)).toBeHidden();

    // Back to the kill, before any promotion; promote db3 there instead.
    const killed = markers(page).getByRole('button', { name: /db1 killed/ });
    const at = Number(await killed.getAttribute('data-time'));
    await killed.click();
    await expect(node(page, 'db2')).toHaveAttribute('data-role', 'replica');
    await selectNode(page, 'db3');
    await button(page, 'Promote').click();
    await expect(node(page, 'db3')).toHaveAttribute('data-role', 'primary');
    await expect(branch(page)).toBeVisible();
    await expect(branch(page)).toHaveValue('B');
    await expect(branch(page).locator('option')).toHaveText([
      'A: the original run',
      `B: promoted db3 at ${(at / 1000).toFixed(2)} s`,
    ]);
    const forked = await shown(page);
    expect(forked.now).toBe(forked.max);
    await playFor(page, 600);

    // The original run is kept: at the same instant db2 is still a replica, and at its end, the primary.
    await branch(page).selectOption('A');
    await expect(node(page, 'db3')).toHaveAttribute('data-role', 'replica');
    await button(page, 'Live').click();
    await expect(node(page, 'db2')).toHaveAttribute('data-role', 'primary');
    await expect(node(page, 'db3')).toHaveAttribute('data-role', 'replica');

    await branch(page).selectOption('B');
    await expect(node(page, 'db3')).toHaveAttribute('data-role', 'primary');

    // Reset clears the branches.
    await button(page, 'Reset').click();
    await expect(branch(page)).toBeHidden();
  });

  test('a share link reopens the branch shown, at the instant shown', async ({ page }) => {
    test.setTimeout(60_000);
    await openPaused(page);
    await playFor(page, 800);
    await kill(page, 'db1');
    await playFor(page, 600);
    await selectNode(page, 'db2');
    await button(page, 'Promote').click();
    await playFor(page, 600);
    // Branch B: db3 promoted at the kill instead; run on, then step back into B's past.
    await markers(page)
      .getByRole('button', { name: /db1 killed/ })
      .click();
    await selectNode(page, 'db3');
    await button(page, 'Promote').click();
    await expect(branch(page)).toHaveValue('B');
    await playFor(page, 700);
    await button(page, 'Step back').click();
    await button(page, 'Step back').click();
    const at = await shown(page);
    expect(at.now).toBeLessThan(at.max);

    await button(page, 'Share').click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
    await page.goto('about:blank');
    await page.goto(link);
    await expect(slider(page)).toHaveAttribute('aria-valuenow', String(at.now));
    await expect(slider(page)).toHaveAttribute('aria-valuemax', String(at.max));
    await expect(node(page, 'db3')).toHaveAttribute('data-role', 'primary');
    await expect(node(page, 'db2')).toHaveAttribute('data-role', 'replica');
    await expect(button(page, 'Play')).toBeVisible();
  });

  test('scrubs with the keyboard only: events, markers, start and live', async ({ page }) => {
    test.setTimeout(60_000);
    await openPaused(page);
    await playFor(page, 600);
    await kill(page, 'db1');
    await playFor(page, 1200);
    await page.keyboard.press('Escape');

    // Tab to the timeline.
    for (let i = 0; i < 40; i++) {
      if (await slider(page).evaluate((el) => el === document.activeElement)) break;
      await page.keyboard.press('Tab');
    }
    await expect(slider(page)).toBeFocused();
    const end = await shown(page);

    await page.keyboard.press('ArrowLeft');
    const back = await shown(page);
    expect(back.now).toBeLessThan(end.now);
    await page.keyboard.press('ArrowRight');
    expect((await shown(page)).now).toBeGreaterThan(back.now);

    await page.keyboard.press('Home');
    await expect(slider(page)).toHaveAttribute('aria-valuenow', '0');
    const killAt =
      (await markers(page)
        .getByRole('button', { name: /db1 killed/ })
        .getAttribute('data-time')) ?? '';
    // Shift+→ goes from marker to marker: past the workload's start to the kill.
    for (let i = 0; i < 3 && (await slider(page).getAttribute('aria-valuenow')) !== killAt; i++)
      await page.keyboard.press('Shift+ArrowRight');
    await expect(slider(page)).toHaveAttribute('aria-valuenow', killAt);
    await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
    await page.keyboard.press('Shift+ArrowLeft');
    expect((await shown(page)).now).toBeLessThan(Number(killAt));
    await expect(node(page, 'db1')).toHaveAttribute('data-status', 'up');

    await page.keyboard.press('End');
    const live = await shown(page);
    expect(live.now).toBe(live.max);

    // The page's own keys, with the focus elsewhere: ← is a step back.
    await page.locator('body').focus();
    await page.keyboard.press('ArrowLeft');
    expect((await shown(page)).now).toBeLessThan(live.now);
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog')).toContainText('Step back to the previous event');
  });

  test('Step back, beside Step, shows the previous event, and Step goes forward again', async ({ page }) => {
    await openPaused(page);
    await playFor(page, 500);
    await button(page, 'Step back').click();
    const { now, max } = await shown(page);
    expect(now).toBeLessThan(max);
    await expect(page.getByText(/Viewing/)).toBeVisible();
    await button(page, 'Step').click();
    expect((await shown(page)).now).toBeGreaterThan(now);
  });
});
