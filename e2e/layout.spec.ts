/** The lab's layout at large and small windows: one header row, More, the one-line caption, the graph's room. */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { box, button, node, nodeMenu, openPaused } from './lab.ts';

/** Every given control sits on one row: their vertical centres within a few pixels. */
async function expectOneRow(controls: readonly Locator[]): Promise<void> {
  const centres = await Promise.all(controls.map(async (c) => ((b) => b.y + b.height / 2)(await box(c))));
  expect(Math.max(...centres) - Math.min(...centres)).toBeLessThan(4);
}

const graph = (page: Page) => page.locator('.graph');

/** Drags a control `dx` screen pixels to the left with the mouse. */
async function dragLeft(page: Page, control: Locator, dx: number): Promise<void> {
  const h = await box(control);
  await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
  await page.mouse.down();
  await page.mouse.move(h.x + h.width / 2 - dx, h.y + h.height / 2, { steps: 5 });
  await page.mouse.up();
}

test.describe('the full lab', () => {
  test('fits its header on one row at 1440×900, Lessons included', async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openPaused(page);
    await expectOneRow([
      page.getByRole('heading', { name: 'Replication Lab' }),
      button(page, 'Play'),
      page.getByRole('combobox', { name: 'Topology' }),
      button(page, 'Share'),
      button(page, 'Lessons'),
    ]);
    await expect(button(page, 'More')).toHaveCount(0);
  });

  test('keeps the graph still when the legend loses a followed write, so a node menu opens', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openPaused(page);
    await node(page, 'db1').click();
    await nodeMenu(page, 'db1').getByRole('menuitem', { name: 'Write here…' }).click();
    await page
      .getByRole('form', { name: 'Write to db1' })
      .getByRole('button', { name: 'Send write' })
      .click();
    await button(page, 'Step').click();
    // The write is followed: the legend explains its marks (at 1440, on a second line).
    await expect(page.locator('.legend-reach')).toBeVisible();
    const height = (await box(graph(page))).height;
    // Picking a node stops following the write; the legend's line goes, the graph keeps its size.
    await node(page, 'db2').click();
    await expect(page.locator('.legend-reach')).toHaveCount(0);
    await expect(nodeMenu(page, 'db2')).toBeVisible();
    expect((await box(graph(page))).height).toBe(height);
  });

  test('at 640×400 has one header row, its other controls behind More, and a graph that fills the window', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 640, height: 400 });
    await openPaused(page);
    const more = button(page, 'More');
    await expectOneRow([
      button(page, 'Play'),
      button(page, 'Step'),
      button(page, 'Reset'),
      more,
      button(page, 'Lessons'),
    ]);
    // The graph and its legend take most of the window's height.
    expect((await box(graph(page))).height).toBeGreaterThan(400 * 0.55);
    expect((await box(graph(page))).width).toBeGreaterThan(600);

    // The caption is one line; the whole of it is one button away.
    const caption = page.locator('p.caption');
    await expect(caption).toContainText('A master replicates every write to two slaves.');
    const oneLine = (await box(caption)).height;
    expect(oneLine).toBeLessThan(30);
    const whole = button(page, 'Whole caption');
    await whole.click();
    await expect(whole).toHaveAttribute('aria-expanded', 'true');
    expect((await box(caption)).height).toBeGreaterThan(oneLine * 1.5);
    await whole.click();
    expect((await box(caption)).height).toBe(oneLine);

    // More, by keyboard: Enter opens it, its controls keep their names, Escape closes it.
    const topology = page.getByRole('combobox', { name: 'Topology' });
    await expect(topology).toBeHidden();
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(more).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('combobox', { name: 'Speed' })).toBeFocused();
    for (const name of ['Keyboard shortcuts', 'Present', 'Share'])
      await expect(button(page, name)).toBeVisible();
    await expect(page.getByRole('button', { name: /^Theme: / })).toBeVisible();
    await topology.selectOption('master-master');
    await expect(page.locator('[data-node-id][data-role="primary"]')).toHaveCount(2);
    await topology.focus();
    await page.keyboard.press('Escape');
    await expect(more).toHaveAttribute('aria-expanded', 'false');
    await expect(more).toBeFocused();
    await expect(topology).toBeHidden();

    // Share's dialog, opened from More, gives focus back to Share, with More still open.
    await more.click();
    await button(page, 'Share').click();
    const share = page.getByRole('dialog', { name: 'Share this run' });
    await expect(share).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(share).toBeHidden();
    await expect(button(page, 'Share')).toBeFocused();

    // A press outside closes it.
    await page.locator('.legend').click();
    await expect(more).toHaveAttribute('aria-expanded', 'false');
  });

  test('at 640×400 scrolls the picked node’s details up under the graph, every button reachable', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 640, height: 400 });
    await openPaused(page);
    await node(page, 'db1').click();
    await page.keyboard.press('Escape');
    const details = page.locator('[data-node-details="db1"]');
    // Before, the details column shrank to nothing under the graph: there, but out of reach.
    expect((await box(page.locator('.side-panel'))).height).toBeGreaterThan(200);
    await details.getByRole('button', { name: 'Kill', exact: true }).click();
    await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
  });
});

test.describe('the details column', () => {
  test('resizes with its handle, by keyboard and by pointer, and keeps the graph beside it', async ({
    page,
  }) => {
    await openPaused(page);
    const handle = page.getByRole('separator', { name: 'Resize the details column' });
    const column = page.locator('#lab-details');
    const width = async () => (await box(column)).width;
    await expect(handle).toHaveAttribute('aria-valuenow', '320');
    expect(Math.round(await width())).toBe(320);
    const graphBefore = (await box(graph(page))).width;

    await handle.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect(handle).toHaveAttribute('aria-valuenow', String(320 + 16 + 64));
    expect(Math.round(await width())).toBe(400);
    expect((await box(graph(page))).width).toBeLessThan(graphBefore - 70);
    await page.keyboard.press('Home');
    await expect(handle).toHaveAttribute('aria-valuenow', '260');

    // Dragged 100 px to the left, the column is 100 px wider; a double click gives back the default.
    await dragLeft(page, handle, 100);
    await expect(handle).toHaveAttribute('aria-valuenow', '360');
    expect(Math.round(await width())).toBe(360);
    await handle.dblclick();
    await expect(handle).toHaveAttribute('aria-valuenow', '320');

    // It never takes the graph's room: End stops with the graph 420 px wide at least.
    await handle.focus();
    await page.keyboard.press('End');
    expect((await box(graph(page))).width).toBeGreaterThanOrEqual(400);
  });

  test('in presenter mode sits between the graph (legend included) and the column, and follows a drag', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await openPaused(page, '/?mode=present');
    const handle = page.getByRole('separator', { name: 'Resize the details column' });
    const stage = page.locator('.graph-stage');
    const column = page.locator('#lab-details');
    const expectBetween = async () => {
      const h = await box(handle);
      // Neither the graph nor its footer (the legend, the Table toggle) reaches under the handle.
      for (const drawn of [graph(page), stage, page.locator('.legend')])
        expect((await box(drawn)).x + (await box(drawn)).width).toBeLessThanOrEqual(h.x + 0.5);
      expect(h.x + h.width).toBeLessThanOrEqual((await box(column)).x + 0.5);
    };
    await expectBetween();

    // Dragged 150 screen pixels left, it is still under the pointer (the column is 100 CSS pixels wider at 1.5×).
    const h = await box(handle);
    await dragLeft(page, handle, 150);
    await expect(handle).toHaveAttribute('aria-valuenow', '420');
    expect(Math.abs((await box(handle)).x - (h.x - 150))).toBeLessThan(2);
    await expectBetween();
  });

  test('has no handle where there is no column beside the graph', async ({ page }) => {
    await page.setViewportSize({ width: 640, height: 400 });
    await openPaused(page);
    await expect(page.getByRole('separator', { name: 'Resize the details column' })).toHaveCount(0);
    await page.goto('/embed');
    await expect(node(page, 'db1')).toBeVisible();
    await expect(page.getByRole('separator', { name: 'Resize the details column' })).toHaveCount(0);
  });
});

test.describe('the embed at 640×400', () => {
  test('gives the graph the whole width until the details are asked for, and a node menu survives picking', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 640, height: 400 });
    await openPaused(page, '/embed');
    const main = page.locator('.lab-main');
    const fullWidth = (await box(main)).width;
    expect((await box(graph(page))).width).toBeGreaterThan(fullWidth - 2);
    await expect(page.locator('aside.side-panel')).toBeHidden();

    // Picking a node opens its menu and changes nothing else: the menu stays, and its items work.
    await node(page, 'db2').click();
    await expect(node(page, 'db2')).toHaveAttribute('aria-pressed', 'true');
    const menu = nodeMenu(page, 'db2');
    await expect(menu).toBeVisible();
    await page.waitForTimeout(300);
    await expect(menu).toBeVisible();
    expect((await box(graph(page))).width).toBeGreaterThan(fullWidth - 2);
    await menu.getByRole('menuitem', { name: 'Kill' }).click();
    await expect(node(page, 'db2')).toHaveAttribute('data-status', 'down');

    // The details, on request, beside a narrower graph; and gone again.
    const details = button(page, 'Details');
    await details.click();
    await expect(details).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('[data-node-details="db2"]')).toBeVisible();
    await expect.poll(async () => (await box(graph(page))).width).toBeLessThan(fullWidth - 150);
    await details.click();
    await expect(page.locator('[data-node-details="db2"]')).toHaveCount(0);
    await expect.poll(async () => (await box(graph(page))).width).toBeGreaterThan(fullWidth - 2);
  });
});
