/**
 * The lab on any static host: built with `BASE=/docs/lab/`, served by a plain file server (no fallback to
 * index.html, as GitHub Pages or a docs site's bucket serve it) under that sub-path. The lab, the embed
 * and share links work there.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { serveStatic, type StaticHost } from './staticHost.ts';

const BASE = '/docs/lab/';
let root = '';
let host: StaticHost | null = null;
let origin = '';

test.describe('under a sub-path of a static host', () => {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    root = mkdtempSync(join(tmpdir(), 'lab-subpath-'));
    execFileSync('npx', ['vite', 'build', '--outDir', root, '--emptyOutDir', '--logLevel', 'warn'], {
      env: { ...process.env, BASE },
      stdio: 'inherit',
    });
    host = await serveStatic(root, BASE);
    origin = host.origin;
  });

  test.afterAll(async () => {
    await host?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('the lab runs there, and its share link reopens the run there', async ({ page }) => {
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${origin}${BASE}?autoplay=0`);
    await expect(page.locator('[data-node-id="db2"]')).toBeVisible();
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await page.getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    const link = await dialog.getByLabel('Share link').inputValue();
    expect(link.startsWith(`${origin}${BASE}`)).toBe(true);
    await expect(dialog.getByRole('textbox', { name: /Embed/ }).first()).toHaveValue(
      new RegExp(`src="${origin}${BASE}embed/#s=`.replace(/\./g, '\\.')),
    );

    const simTime = page.getByRole('term').filter({ hasText: 'Sim time' }).locator('+ dd');
    const shared = await simTime.textContent();
    await page.goto('about:blank');
    await page.goto(link);
    await expect(page.locator('[data-node-id="db2"]')).toBeVisible();
    await expect(simTime).toHaveText(shared ?? '');
    await expect(page.locator('[data-banner="load-report"]')).toHaveCount(0);
    expect(failed).toEqual([]);
  });

  test('the embed runs at embed/ under the base, and links out to the lab there', async ({ page }) => {
    await page.goto(`${origin}${BASE}embed`);
    await expect(page).toHaveURL(`${origin}${BASE}embed/`);
    await expect(page.locator('[data-node-id="db2"]')).toBeVisible();
    const out = page.getByRole('link', { name: 'Open in Replication Lab' });
    await out.hover();
    await expect(out).toHaveAttribute('href', new RegExp(`^${origin}${BASE}[?#]`.replace(/\./g, '\\.')));
  });
});
