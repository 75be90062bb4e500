import { expect, test } from '@playwright/test';
import { button, node, openPaused, readOnlyBanner, statusLine, writeVia } from './lab.ts';

test.describe('settings', () => {
  test('switching to synchronous replication rebuilds the lab and slows writes down', async ({ page }) => {
    await openPaused(page);
    await button(page, 'Settings').click();
    await page.getByRole('combobox', { name: 'Replication mode', exact: true }).selectOption('sync');
    await expect(statusLine(page)).toContainText('Settings applied');
    await expect(page.locator('[data-link-from] .edge--sync')).toHaveCount(2);
    await page.keyboard.press('Escape');

    await writeVia(page, 'db1', 'balance', '100');
    await button(page, 'Play').click();
    await expect(statusLine(page)).toContainText('acknowledged balance = "100"', { timeout: 10_000 });
    const text = (await statusLine(page).textContent()) ?? '';
    const ms = Number(/after (\d+) ms/.exec(text)?.[1]);
    // A round trip to the slaves at 150 ms each way.
    expect(ms).toBeGreaterThanOrEqual(250);
  });

  test('changes the network latency on Enter', async ({ page }) => {
    await openPaused(page);
    await button(page, 'Settings').click();
    const latency = page.getByRole('spinbutton', { name: 'Latency', exact: true });
    await latency.fill('500');
    await latency.press('Enter');
    await expect(statusLine(page)).toContainText('Settings applied');
    await expect(page.locator('[data-link-from="db1"][data-link-to="db2"]')).toHaveAccessibleName(/500 ms/);
  });

  test('speaks primary/replica when asked, in labels and messages', async ({ page }) => {
    await openPaused(page);
    await button(page, 'Settings').click();
    await page.getByRole('combobox', { name: 'Terminology' }).selectOption('primary-replica');
    await expect(node(page, 'db2')).toHaveAccessibleName(/^db2, replica, up/);
    await page.keyboard.press('Escape');
    await node(page, 'db1').click();
    await button(page, 'Kill').click();
    await expect(readOnlyBanner(page)).toContainText('until a replica is promoted');
    await writeVia(page, 'db2', 'x', '1');
    await expect(statusLine(page)).toContainText('read-only replica');
    await expect(page.locator('body')).not.toContainText(/\b(master|slave)s?\b/);
  });
});

test.describe('keyboard shortcuts', () => {
  test('Space plays and pauses, → steps, ? shows the shortcuts', async ({ page }) => {
    await openPaused(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(' ');
    await expect(button(page, 'Pause')).toBeVisible();
    await page.keyboard.press(' ');
    await expect(button(page, 'Play')).toBeVisible();

    // → pauses first, then runs to the next event: a few presses move simulated time on.
    await page.keyboard.press(' ');
    await expect(button(page, 'Pause')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await expect(button(page, 'Play')).toBeVisible();
    const simTime = page.getByRole('term').filter({ hasText: 'Sim time' }).locator('+ dd');
    const before = (await simTime.textContent()) ?? '';
    await expect
      .poll(async () => {
        await page.keyboard.press('ArrowRight');
        return simTime.textContent();
      })
      .not.toBe(before);

    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('does nothing while typing, or once turned off', async ({ page }) => {
    await openPaused(page);
    await writeVia(page, 'db1', 'a', 'b');
    await page.getByLabel('Value', { exact: true }).press(' ');
    await expect(button(page, 'Play')).toBeVisible();

    await button(page, 'Settings').click();
    await page.getByRole('checkbox', { name: /Single-key shortcuts/ }).uncheck();
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press(' ');
    await expect(button(page, 'Play')).toBeVisible();
  });
});
