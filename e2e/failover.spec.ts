import { expect, test } from '@playwright/test';
import { button, metric, node, openPaused, primary, selectNode } from './lab.ts';

test.describe('automatic failover', () => {
  test('promotes a slave by itself when the master dies, and reports the recovery time', async ({ page }) => {
    test.setTimeout(60_000);
    await openPaused(page);
    await page.getByLabel('Topology', { exact: true }).selectOption('auto-failover');
    await expect(page.locator('dt').filter({ hasText: /^Failover$/ })).toBeVisible();
    const oldPrimary = (await primary(page).getAttribute('data-node-id')) ?? '';
    await selectNode(page, oldPrimary);
    await button(page, 'Kill').click();
    await expect(node(page, oldPrimary)).toHaveAttribute('data-status', 'down');
    await button(page, 'Play').click();
    // The manager waits for the heartbeat timeout, then promotes the most advanced slave.
    await expect(page.locator('[data-node-id][data-role="primary"][data-status="up"]')).toHaveCount(1, {
      timeout: 20_000,
    });
    await expect(metric(page, 'rto')).toHaveText(/\d+\.\d+ s/, { timeout: 20_000 });
    await expect(metric(page, 'rpo')).toContainText('writes');
  });
});
