import { expect, test } from '@playwright/test';
import { button, expectData, metric, node, openPaused, primary, readOnlyBanner, writeVia } from './lab.ts';

test.describe('the lab at /', () => {
  test('shows a master and two slaves with the node contract', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('[data-node-id]')).toHaveCount(3);
    await expect(primary(page)).toHaveCount(1);
    await expect(primary(page)).toHaveAttribute('data-status', 'up');
    await expect(primary(page)).not.toHaveAttribute('data-lag-ms');
    const replicas = page.locator('[data-node-id][data-role="replica"]');
    await expect(replicas).toHaveCount(2);
    for (const replica of await replicas.all()) {
      await expect(replica).toHaveAttribute('data-lag-ms', /^\d+$/);
      await expect(replica).toHaveAttribute('role', 'button');
    }
    await expect(node(page, 'db2')).toHaveAccessibleName(/^db2, slave, up, lag \d+ entr(y|ies) \d+ ms$/);
    await expect(node(page, 'db1')).toHaveAccessibleName(/^db1, master, up/);
    for (const name of ['lost-writes', 'conflicts', 'stale-reads', 'blocked-writes']) {
      await expect(metric(page, name)).toHaveText(/^\d+$/);
    }
  });

  test('has the named controls', async ({ page }) => {
    await page.goto('/');
    await expect(button(page, 'Pause')).toBeVisible();
    await expect(button(page, 'Step')).toBeVisible();
    await expect(button(page, 'Reset')).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Speed', exact: true })).toBeVisible();
    const topology = page.getByRole('combobox', { name: 'Topology', exact: true });
    await expect(topology).toBeVisible();
    await expect(topology.getByRole('option', { name: /Master-master/ })).toBeEnabled();
    await button(page, 'Settings').click();
    await expect(page.getByRole('combobox', { name: 'Replication mode', exact: true })).toBeVisible();
  });

  test('replicates a write made through the Write form to both slaves', async ({ page }) => {
    await openPaused(page);
    await writeVia(page, 'db1', 'colour', 'blue');
    await button(page, 'Play').click();
    await expectData(page, 'db2', 'colour', 'blue');
    await expectData(page, 'db3', 'colour', 'blue');
  });

  test('selects a node from the keyboard and moves between nodes with arrows', async ({ page }) => {
    await page.goto('/');
    const db2 = node(page, 'db2');
    await db2.focus();
    await page.keyboard.press('Enter');
    await expect(db2).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('heading', { name: /db2/ })).toBeVisible();
    await expect(button(page, 'Kill')).toBeVisible();
    // Enter also opened db2's menu; Escape closes it and gives focus back to db2.
    await page.keyboard.press('Escape');
    await expect(db2).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(node(page, 'db3')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(node(page, 'db1')).toBeFocused();
  });

  test('switches theme from the Theme button', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto('/');
    const theme = page.getByRole('button', { name: /^Theme/ });
    await theme.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await theme.click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await theme.click();
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
  });

  test('says the system is read-only when the master is killed', async ({ page }) => {
    await page.goto('/');
    await primary(page).click();
    await button(page, 'Kill').click();
    await expect(primary(page)).toHaveAttribute('data-status', 'down');
    await expect(readOnlyBanner(page)).toContainText('read-only');
    await expect(readOnlyBanner(page)).toContainText('slave is promoted');
  });
});

test.describe('the embed at /embed', () => {
  test('starts paused with a visible Play button', async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 400 });
    await page.goto('/embed');
    await expect(page.locator('[data-node-id]')).toHaveCount(3);
    const play = button(page, 'Play');
    await expect(play).toBeVisible();
    await expect(play).toBeInViewport();
    await page.waitForTimeout(500);
    await expect(page.getByRole('term').filter({ hasText: 'Sim time' }).locator('+ dd')).toHaveText('0.00 s');
  });
});
