/**
 * Regions (issue 18): the two-region PostgreSQL preset draws each region as an area with its latency between
 * them; Cut between regions from a node's menu and from a region label's menu cuts along region lines, and
 * Heal restores it; the review file exports and opens offline; axe finds nothing.
 */
import { copyFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { expectNoModerateViolations } from './axe.ts';
import { button, node, openPaused, selectNode, statusLine } from './lab.ts';

const PG_REGIONS = '/?preset=pg-regions&autoplay=0';
const region = (page: Page, id: string) => page.locator(`[data-region="${id}"]`);
const cutLinks = (page: Page) => page.locator('.edge-group--cut');

async function heal(page: Page): Promise<void> {
  await node(page, 'pg1').click();
  await page.getByRole('menu').getByRole('menuitem', { name: 'Heal', exact: true }).click();
  await expect(cutLinks(page)).toHaveCount(0);
  await expect(region(page, 'eu-west')).not.toHaveClass(/region--cut/);
}

test.describe('regions', () => {
  test.describe.configure({ timeout: 90_000 });

  test('the two-region PostgreSQL preset: areas, latency between them, cut from a node and a region label', async ({
    page,
  }) => {
    await openPaused(page, PG_REGIONS);
    await expect(region(page, 'us-east')).toBeVisible();
    await expect(region(page, 'eu-west')).toBeVisible();
    await expect(region(page, 'us-east')).toContainText('US East (N. Virginia)');
    // pg1 → pg3 crosses the Atlantic: its one-way latency is written on it.
    await expect(page.locator('.region-link-latency')).toHaveText('38 ms');
    await expect(node(page, 'pg1')).toHaveAccessibleName(/^pg1 “Virginia primary”, master/);
    await expect(
      page.getByText(/two regions, US East \(N\. Virginia\) and EU West \(Ireland\), 38 ms apart/),
    ).toBeVisible();

    // From pg3's menu: its region (eu-west) is cut off from the other.
    await node(page, 'pg3').click();
    await page.getByRole('menu').getByRole('menuitem', { name: 'Cut between regions' }).click();
    await expect(region(page, 'eu-west')).toHaveClass(/region--cut/);
    await expect(region(page, 'us-east')).toHaveClass(/region--cut/);
    await expect(page.locator('[data-link-from="pg1"][data-link-to="pg3"]')).toHaveClass(/edge-group--cut/);
    await expect(page.locator('[data-link-from="pg1"][data-link-to="pg2"]')).not.toHaveClass(
      /edge-group--cut/,
    );
    await expect(page.locator('[data-link-from="pg3"][data-link-to="report"]')).not.toHaveClass(
      /edge-group--cut/,
    );
    await expect(region(page, 'eu-west')).toContainText('cut off from the other regions');
    await heal(page);

    // From a region label's menu (keyboard): Enter opens it, Cut between regions, then Heal there.
    const label = region(page, 'us-east').getByRole('button', { name: /^Region US East/ });
    await label.focus();
    await page.keyboard.press('Enter');
    const menu = page.getByRole('menu', { name: 'Region US East (N. Virginia)' });
    await menu.getByRole('menuitem', { name: 'Cut between regions' }).click();
    await expect(page.locator('[data-link-from="pg1"][data-link-to="pg3"]')).toHaveClass(/edge-group--cut/);
    await label.click();
    await expect(menu.getByRole('menuitem', { name: 'Cut between regions' })).toHaveCount(0);
    await menu.getByRole('menuitem', { name: 'Heal', exact: true }).click();
    await expect(cutLinks(page)).toHaveCount(0);

    await expectNoModerateViolations(page, 'the two-region PostgreSQL preset');
  });

  test('adds a replica into a chosen region', async ({ page }) => {
    await openPaused(page, PG_REGIONS);
    await node(page, 'pg1').click();
    await page.getByRole('menu').getByRole('menuitem', { name: 'Add replica in EU West (Ireland)' }).click();
    await expect(page.locator('[data-node-id]')).toHaveCount(5);
    await expect(page.getByText(/joined in EU West \(Ireland\) as a slave of pg1/)).toBeVisible();
    // The new node is drawn inside the EU West area.
    const added = page.locator(
      '[data-node-id]:not([data-node-id="pg1"], [data-node-id="pg2"], [data-node-id="pg3"], [data-node-id="report"])',
    );
    await expect(added).toHaveCount(1);
    await expect(async () => {
      const area = (await region(page, 'eu-west').locator('.region-area').boundingBox())!;
      const shape = (await added.locator('.node-shape').boundingBox())!;
      expect(shape.x).toBeGreaterThan(area.x);
      expect(shape.x + shape.width).toBeLessThan(area.x + area.width);
    }).toPass();
  });

  test('picked from the Topology list, a regional preset loads its data, then starts', async ({ page }) => {
    await openPaused(page);
    const topology = page.getByRole('combobox', { name: 'Topology' });
    await topology.selectOption('galera-regions');
    await expect(region(page, 'us-west')).toContainText('US West (Oregon)');
    await expect(node(page, 'g3')).toHaveAccessibleName(/^g3 “Dublin node”/);
    // Back to a preset of one region, and straight on to another regional one.
    await topology.selectOption('master-slave');
    await expect(region(page, 'us-west')).toHaveCount(0);
    await topology.selectOption('pgd-regions');
    await expect(region(page, 'ap-southeast')).toBeVisible();
    await expect(topology).toHaveValue('pgd-regions');
  });

  test('the workload in Settings: read share, key popularity, clients per region, sessions, a burst', async ({
    page,
  }) => {
    await openPaused(page, PG_REGIONS);
    await button(page, 'Settings').click();
    const workload = page.getByRole('group', { name: 'Workload' });
    const field = (name: string) => workload.getByLabel(name, { exact: true });
    await expect(field('Key popularity')).toHaveValue('zipf');
    await expect(field('Zipf skew')).toHaveValue('1.1');
    await expect(field('Clients per region')).toHaveValue('2');
    await expect(field('Read share')).toHaveValue('75');
    await expect(field('Read share')).toHaveAttribute('title', /share that are reads/);

    // A read share splits the rate (16 operations a second) between writes and reads.
    await field('Read share').fill('50');
    await field('Read share').press('Enter');
    await expect(field('Writes per second')).toHaveValue('8');
    await expect(field('Reads per second')).toHaveValue('8');
    // Rates asked for move the share.
    await field('Writes per second').fill('4');
    await field('Writes per second').press('Enter');
    await expect(field('Read share')).toHaveValue('66.7');
    // A bad value names what is wrong and changes nothing.
    await field('Clients per region').fill('0');
    await field('Clients per region').press('Enter');
    await expect(workload.getByRole('alert')).toHaveText(
      'Clients per region must be between 1 and 100 clients, not 0.',
    );
    await expect(field('Writes per second')).toHaveValue('4');

    await field('Key popularity').selectOption('uniform');
    await expect(field('Zipf skew')).toHaveCount(0);
    await workload.getByRole('checkbox', { name: 'Read your writes (client sessions)' }).check();
    await expect(
      workload.getByRole('checkbox', { name: 'Read your writes (client sessions)' }),
    ).toBeChecked();

    const burst = workload.getByRole('button', { name: 'Burst (10× for 5 s)' });
    await burst.click();
    await expect(burst).toHaveAccessibleDescription(/^Bursting 10× until 5\.00 s\.$/);
    await expect(statusLine(page)).toContainText('ten times as fast for 5 s');
    await field('Writes per second').fill('0');
    await field('Writes per second').press('Enter');
    await field('Reads per second').fill('0');
    await field('Reads per second').press('Enter');
    await expect(burst).toBeDisabled();
  });

  test('the inspector names a node’s region and renames it; the table lists regions', async ({ page }) => {
    await openPaused(page, PG_REGIONS);
    await selectNode(page, 'pg3');
    const details = page.locator('[data-node-details="pg3"]');
    await expect(details.locator('dt', { hasText: /^Region$/ }).locator('+ dd')).toHaveText(
      'EU West (Ireland) (eu-west)',
    );
    const label = details.getByRole('textbox', { name: 'Label' });
    await expect(label).toHaveValue('Dublin DR replica');
    await label.fill('Dublin reporting source');
    await details.getByRole('button', { name: 'Rename' }).click();
    await expect(node(page, 'pg3')).toHaveAccessibleName(/^pg3 “Dublin reporting source”/);
    await expect(statusLine(page)).toContainText('pg3 is now shown as “Dublin reporting source”.');
    await label.fill('x'.repeat(33));
    await expect(details.getByRole('button', { name: 'Rename' })).toBeDisabled();
    await expect(label).toHaveAccessibleDescription('A label is at most 32 characters (this one has 33).');
    await label.fill('');
    await details.getByRole('button', { name: 'Rename' }).click();
    await expect(node(page, 'pg3')).toHaveAccessibleName(/^pg3, /);

    await button(page, 'Topology table').click();
    const table = page.getByRole('table', { name: 'Topology', exact: true });
    await expect(table.getByRole('columnheader', { name: 'Region' })).toBeVisible();
    const row = table.getByRole('row').filter({ hasText: 'report' });
    await expect(row).toContainText('EU West (Ireland)');
    await expect(row).toContainText('“reporting”');
  });

  test('exports the review, which opens from disk with no network', async ({ page, browser }, info) => {
    await openPaused(page, PG_REGIONS);
    await button(page, 'Play').click();
    await page.waitForTimeout(1500);
    await button(page, 'Pause').click();
    await button(page, 'Share').click();
    const dialog = page.getByRole('dialog', { name: 'Share this run' });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export review', exact: true }).click(),
    ]);
    const path = info.outputPath('review.html');
    await copyFile(await download.path(), path);
    const context = await browser.newContext();
    await context.setOffline(true);
    const requests: string[] = [];
    await context.route('**/*', (route) =>
      route.request().url().startsWith('file:') ? route.continue() : route.abort(),
    );
    const review = await context.newPage();
    review.on('request', (request) => requests.push(request.url()));
    await review.goto(`file://${path}`);
    await expect(review.getByRole('heading', { level: 1 })).toContainText('PostgreSQL across two regions');
    await expect(review.locator('[data-section="graph"]')).toHaveCount(1);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    await context.close();
  });
});
