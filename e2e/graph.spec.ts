import { expect, test, type Page } from '@playwright/test';
import {
  button,
  node,
  nodeMenu,
  openPaused,
  readOnlyBanner,
  statusLine,
  stepUntilStatus,
  writeVia,
} from './lab.ts';

const link = (page: Page, from: string, to: string) =>
  page.locator(`[data-link-from="${from}"][data-link-to="${to}"]`);
const focusedNodeId = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('data-node-id') ?? null);

test.describe('the graph from the keyboard', () => {
  test('is one Tab stop; arrows, Home and End move between nodes', async ({ page }) => {
    await openPaused(page);
    await expect(page.getByRole('group', { name: 'Replication topology' })).toBeVisible();
    await expect(page.locator('[data-node-id][tabindex="0"]')).toHaveCount(1);
    await expect(page.locator('[data-link-from][tabindex="0"]')).toHaveCount(0);

    await node(page, 'db2').focus();
    await page.keyboard.press('End');
    expect(await focusedNodeId(page)).toBe('db3');
    await page.keyboard.press('Home');
    expect(await focusedNodeId(page)).toBe('db1');
    await page.keyboard.press('ArrowDown');
    expect(await focusedNodeId(page)).not.toBeNull();
    const moved = await focusedNodeId(page);
    await expect(node(page, moved!)).toHaveAttribute('tabindex', '0');

    // Tab leaves the graph instead of walking every node and link.
    await page.keyboard.press('Tab');
    expect(await focusedNodeId(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.closest('svg') === null)).toBe(true);
    // Shift+Tab comes back to the node that had focus.
    await page.keyboard.press('Shift+Tab');
    expect(await focusedNodeId(page)).toBe(moved);
  });

  test('kills the master, promotes a slave and writes again, keyboard only', async ({ page }) => {
    await openPaused(page);
    await node(page, 'db1').focus();

    // Enter opens the master's menu with focus on its first item; arrows move; Enter acts.
    await page.keyboard.press('Enter');
    const menu = nodeMenu(page, 'db1');
    await expect(menu).toBeVisible();
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await page.keyboard.press('End');
    await expect(menu.getByRole('menuitem', { name: 'Remove' })).toBeFocused();
    await page.keyboard.press('Home');
    for (;;) {
      const name = await page.evaluate(() => document.activeElement?.textContent);
      if (name === 'Kill') break;
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
    await expect(readOnlyBanner(page)).toBeVisible();
    await expect(menu).toBeHidden();
    await expect(node(page, 'db1')).toBeFocused();

    // Down to a slave, open its menu, promote it.
    await page.keyboard.press('ArrowDown');
    const slave = await focusedNodeId(page);
    expect(slave).toMatch(/^db[23]$/);
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Promote' }).focus();
    await page.keyboard.press('Enter');
    await expect(node(page, slave!)).toHaveAttribute('data-role', 'primary');
    await expect(readOnlyBanner(page)).toBeHidden();

    // Write here… swaps the menu for a write form; Enter sends it.
    await expect(node(page, slave!)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(nodeMenu(page, slave!).getByRole('menuitem').first()).toHaveText('Write here…');
    await page.keyboard.press('Enter');
    const form = page.getByRole('dialog', { name: `Write to ${slave!}` });
    await expect(form.getByLabel('Key', { exact: true })).toBeFocused();
    await page.keyboard.type('after');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('failover');
    await page.keyboard.press('Enter');
    await expect(form).toBeHidden();
    await expect(statusLine(page)).toContainText('failover');
    await expect(statusLine(page)).not.toContainText('failed');
  });

  test('Escape closes a menu and returns focus to its node; Tab closes it too', async ({ page }) => {
    await openPaused(page);
    await node(page, 'db2').focus();
    await page.keyboard.press(' ');
    await expect(nodeMenu(page, 'db2')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(nodeMenu(page, 'db2')).toBeHidden();
    await expect(node(page, 'db2')).toBeFocused();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await expect(nodeMenu(page, 'db2')).toBeHidden();
  });
});

test.describe('the graph’s menus by pointer', () => {
  test('a click opens a node’s menu; its link submenu cuts, slows and heals', async ({ page }) => {
    await openPaused(page);
    await node(page, 'db3').click();
    const menu = nodeMenu(page, 'db3');
    await expect(menu.getByRole('menuitem')).toHaveText([
      'Write here…',
      'Read here',
      'Kill',
      'Promote',
      'Add replica',
      'Take backup',
      'Re-point…',
      'Slow disk',
      'Isolate',
      'Link from db1…',
      'Remove',
    ]);
    await menu.getByRole('menuitem', { name: 'Link from db1…' }).click();
    const linkMenu = page.getByRole('menu', { name: 'Link db1 → db3' });
    await linkMenu.getByRole('menuitemradio', { name: /Slow down: 1000 ms/ }).click();
    await expect(link(page, 'db1', 'db3')).toHaveAccessibleName(/1000 ms/);

    await link(page, 'db1', 'db3').click();
    await expect(page.getByRole('menuitemradio', { name: /1000 ms/ })).toHaveAttribute(
      'aria-checked',
      'true',
    );
    await page.getByRole('menuitem', { name: 'Cut' }).click();
    await expect(link(page, 'db1', 'db3')).toHaveAccessibleName(/cut/);
    await link(page, 'db1', 'db3').click();
    await page.getByRole('menuitem', { name: 'Heal' }).click();
    await expect(link(page, 'db1', 'db3')).not.toHaveAccessibleName(/cut/);
  });

  test('re-points a slave and adds a replica from the menu; a click elsewhere closes it', async ({
    page,
  }) => {
    await openPaused(page);
    await node(page, 'db3').click();
    await page.getByRole('menuitem', { name: 'Re-point…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Re-point db3' });
    await dialog.getByRole('combobox', { name: 'Stream from' }).selectOption('db2');
    await dialog.getByRole('button', { name: 'Re-point' }).click();
    await expect(statusLine(page)).toContainText('db3 now streams from db2');
    await expect(dialog).toBeHidden();

    await node(page, 'db2').click();
    await page.getByRole('menuitem', { name: 'Add replica' }).click();
    await expect(node(page, 'db4')).toHaveAttribute('data-role', 'replica');

    await node(page, 'db1').click();
    await expect(nodeMenu(page, 'db1')).toBeVisible();
    await page.locator('.caption').click();
    await expect(nodeMenu(page, 'db1')).toBeHidden();
  });
});

test.describe('dragging a slave onto another node', () => {
  /** Presses on `from`'s shape, moves in steps to `to`'s (checking the hint on the way), and releases. */
  async function drag(page: Page, from: string, to: { x: number; y: number }, hint?: RegExp) {
    const start = await node(page, from).locator('.node-shape').boundingBox();
    if (start === null) throw new Error(`${from} is not drawn`);
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 12 });
    if (hint !== undefined) await expect(page.locator('.drop-hint-text')).toHaveText(hint);
    await page.mouse.up();
  }
  const centre = async (page: Page, id: string) => {
    const box = await node(page, id).locator('.node-shape').boundingBox();
    if (box === null) throw new Error(`${id} is not drawn`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };

  test('re-points it; its own downstream, or nowhere, changes nothing', async ({ page }) => {
    await openPaused(page);
    await drag(page, 'db3', await centre(page, 'db2'), /^Drop: stream from db2$/);
    await expect(statusLine(page)).toContainText('db3 now streams from db2');
    await expect(link(page, 'db2', 'db3')).toHaveCount(1);
    await expect(link(page, 'db1', 'db3')).toHaveCount(0);
    await expect(page.locator('.drop-hint')).toHaveCount(0);

    // db2 onto db3 would be a loop: refused, in words, and nothing changes.
    await drag(page, 'db2', await centre(page, 'db3'), /^No: db3 streams from db2: a loop$/);
    await expect(link(page, 'db1', 'db2')).toHaveCount(1);
    await expect(link(page, 'db3', 'db2')).toHaveCount(0);

    // Dropped on empty space, it goes back where it was; and the drag did not pan the graph.
    const before = await centre(page, 'db3');
    const placed = await node(page, 'db3').getAttribute('transform');
    const transform = await page.locator('.graph-svg > g').getAttribute('transform');
    await drag(page, 'db3', { x: before.x + 150, y: before.y + 60 });
    await expect(node(page, 'db3')).toHaveAttribute('transform', placed!);
    await expect(link(page, 'db2', 'db3')).toHaveCount(1);
    expect(await page.locator('.graph-svg > g').getAttribute('transform')).toBe(transform);
    // A drag opens no menu; a click still does.
    await expect(page.getByRole('menu')).toHaveCount(0);
    await node(page, 'db3').click();
    await expect(nodeMenu(page, 'db3')).toBeVisible();
  });
});

test.describe('failover settings', () => {
  test('turn on automatic failover with fencing; a bad timeout is explained, not applied', async ({
    page,
  }) => {
    await openPaused(page);
    await button(page, 'Settings').click();
    await page.getByRole('combobox', { name: 'Failover mode' }).selectOption('automatic');
    await expect(statusLine(page)).toContainText('Settings applied');

    const timeout = page.getByRole('spinbutton', { name: 'Failover timeout' });
    await timeout.fill('1500');
    await timeout.press('Enter');
    await expect(timeout).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('alert')).toHaveText(
      /at least twice the heartbeat interval \(2000 ms or more\)/,
    );
    await timeout.fill('2500');
    await timeout.press('Enter');
    await expect(timeout).toHaveValue('2500');
    await expect(page.getByRole('alert')).toHaveCount(0);

    const maxLag = page.getByRole('spinbutton', { name: 'Max lag on failover' });
    await maxLag.fill('-3');
    await maxLag.press('Enter');
    await expect(page.getByRole('alert')).toHaveText(
      /Max lag on failover must be between 0 and 100000000 entries, not -3/,
    );
    await maxLag.fill('');
    await maxLag.press('Enter');
    await expect(page.getByRole('alert')).toHaveCount(0);

    await page.getByRole('checkbox', { name: /Fencing/ }).check();
    await page.keyboard.press('Escape');

    // The failover manager promotes a slave once the master has been silent for the timeout.
    await node(page, 'db1').click();
    await page.getByRole('menuitem', { name: 'Kill' }).click();
    await button(page, 'Play').click();
    await expect(page.locator('[data-node-id][data-role="primary"][data-status="up"]')).toHaveCount(1, {
      timeout: 20_000,
    });
  });
});

test.describe('following a write', () => {
  test('marks where a write has arrived and where not yet, in names and glyphs', async ({ page }) => {
    test.setTimeout(60_000);
    await openPaused(page);
    await writeVia(page, 'db1', 'balance', '100');
    await stepUntilStatus(page, /acknowledged balance = "100"/);
    await expect(node(page, 'db1')).toHaveAttribute('data-write-reach', 'applied');
    await expect(node(page, 'db2')).toHaveAttribute('data-write-reach', 'missing');
    await expect(node(page, 'db2')).toHaveAccessibleName(/^db2, slave, up, .*write #\d+: does not have it$/);
    await expect(page.locator('ul.legend')).toContainText(/write #\d+:/);

    await button(page, 'Play').click();
    for (const id of ['db2', 'db3']) {
      await expect(node(page, id)).toHaveAttribute('data-write-reach', 'applied');
      await expect(node(page, id)).toHaveAccessibleName(/write #\d+: has it$/);
    }
    // Picking a node instead stops following it.
    await button(page, 'Pause').click();
    await node(page, 'db3').click();
    await page.keyboard.press('Escape');
    await expect(page.locator('[data-write-reach]')).toHaveCount(0);
  });
});
