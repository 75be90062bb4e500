import { expect, test } from '@playwright/test';
import { button, openPaused, selectNode } from './lab.ts';

test.describe('the PostgreSQL preset', () => {
  test("speaks PostgreSQL's settings: synchronous_standby_names and each standby's sync_state", async ({
    page,
  }) => {
    await openPaused(page);
    await page.getByLabel('Topology', { exact: true }).selectOption('sync-standby');
    await expect(page.getByText("synchronous_standby_names = 'FIRST 1 (pg2)'").first()).toBeVisible();

    const syncState = page.locator('.node-details dt', { hasText: 'Sync state' }).locator('xpath=../dd');
    await selectNode(page, 'pg2');
    await expect(syncState).toHaveText('sync');
    await selectNode(page, 'pg3');
    await expect(syncState).toHaveText('async');

    await button(page, 'Settings').click();
    await expect(page.getByText("synchronous_standby_names = 'FIRST 1 (pg2)'.")).toBeVisible();
  });
});
