import { expect, test } from '@playwright/test';

test.describe('the lab at /', () => {
  test('shows a master and two slaves, and replicates a write to both slaves', async ({ page }) => {
    await page.goto('/');
    const nodes = page.locator('[data-node-id]');
    await expect(nodes).toHaveCount(3);
    await expect(page.locator('[data-node-id][data-role="primary"]')).toHaveCount(1);
    await expect(page.locator('[data-node-id][data-role="replica"]')).toHaveCount(2);

    // It starts playing: pause it, write, then let it run.
    await page.getByRole('button', { name: 'Pause', exact: true }).click();
    await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Write', exact: true }).click();
    await expect(page.getByRole('status')).toContainText('user1');
    await page.getByRole('button', { name: 'Play', exact: true }).click();

    const replicaIds = await page
      .locator('[data-node-id][data-role="replica"]')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-node-id') ?? ''));
    expect(replicaIds).toHaveLength(2);
    for (const id of replicaIds) {
      await page.locator(`[data-node-id="${id}"]`).click();
      const table = page.getByRole('table', { name: `Data on ${id}` });
      await expect(table.getByRole('row', { name: 'user1 hello1' })).toBeVisible({ timeout: 10_000 });
    }
  });

  test('selects a node from the keyboard and names it with role, status and lag', async ({ page }) => {
    await page.goto('/');
    const db2 = page.locator('[data-node-id="db2"]');
    await expect(db2).toHaveAttribute('aria-label', /^db2, slave, up, lag \d+ entr(y|ies) \d+ ms$/);
    await db2.focus();
    await page.keyboard.press('Enter');
    await expect(db2).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('heading', { name: /db2/ })).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(page.locator('[data-node-id="db3"]')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('[data-node-id="db1"]')).toBeFocused();
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
    await page.locator('[data-node-id][data-role="primary"]').click();
    await page.getByRole('button', { name: 'Kill', exact: true }).click();
    await expect(page.locator('[data-node-id][data-role="primary"]')).toHaveAttribute('data-status', 'down');
    await expect(page.getByRole('alert')).toContainText('read-only until a slave is promoted');
  });
});

test.describe('the embed at /embed', () => {
  test('starts paused with a visible Play button', async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 400 });
    await page.goto('/embed');
    await expect(page.locator('[data-node-id]')).toHaveCount(3);
    const play = page.getByRole('button', { name: 'Play', exact: true });
    await expect(play).toBeVisible();
    await expect(play).toBeInViewport();
    await page.waitForTimeout(500);
    await expect(page.getByRole('term').filter({ hasText: 'Sim time' }).locator('+ dd')).toHaveText('0.00 s');
  });
});
