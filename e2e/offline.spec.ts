/**
 * Offline after the first visit: the full lab registers a service worker that precaches the build; a
 * reload with no network opens the lab, its lazy parts and the embed. A new version is announced with
 * "Reload for the new version" and never swapped in by itself. The embed registers none.
 */
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { expectNoModerateViolations } from './axe.ts';
import { serveStatic } from './staticHost.ts';

test.use({ serviceWorkers: 'allow' });

/** Waits until the lab's service worker controls the page (its precache is complete by then). */
async function controlled(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, {
    timeout: 30_000,
  });
}

test('after one visit the lab, its lazy parts and the embed open with no network', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await page.goto('/?autoplay=0');
  await expect(page.locator('[data-node-id="db2"]')).toBeVisible();
  await controlled(page);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('[data-node-id="db2"]')).toBeVisible();
  // Settings is a chunk of its own, fetched on first use: from the cache.
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Settings' }).or(page.getByRole('region', { name: 'Settings' })),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByRole('term').filter({ hasText: 'Sim time' }).locator('+ dd')).not.toHaveText(
    '0.00 s',
  );

  await page.goto('/embed/?autoplay=0');
  await expect(page.locator('[data-node-id="db2"]')).toBeVisible();
  await context.setOffline(false);
});

test('a new version waits for "Reload for the new version", then takes over', async ({ page }) => {
  test.setTimeout(90_000);
  // A copy of the build on a host of its own, so the test can deploy "the next version" of it.
  const root = mkdtempSync(join(tmpdir(), 'lab-offline-'));
  cpSync('dist', root, { recursive: true });
  const host = await serveStatic(root);
  try {
    await page.goto(`${host.origin}/?autoplay=0`);
    await controlled(page);
    await page.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
    // The next deploy changes sw.js; the browser's update check (on a visit, or hourly) finds it.
    appendFileSync(join(root, 'sw.js'), '\n// the next version\n');
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const reload = page.getByRole('button', { name: 'Reload for the new version' });
    await expect(reload).toBeVisible({ timeout: 30_000 });
    // Announced, not swapped: this is still the page that loaded.
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(
      true,
    );
    await expectNoModerateViolations(page, 'with the new-version prompt');
    // The page reloads once, under the new version.
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    expect(
      await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded),
    ).toBeUndefined();
    await expect(page.locator('[data-node-id="db2"]')).toBeVisible();
    await expect(reload).toHaveCount(0);
  } finally {
    await host.close();
    rmSync(root, { recursive: true, force: true });
  }
});

test('the embed registers no service worker', async ({ page }) => {
  await page.goto('/embed/?autoplay=0');
  await expect(page.locator('[data-node-id="db2"]')).toBeVisible();
  await page.waitForTimeout(2_000);
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
});
