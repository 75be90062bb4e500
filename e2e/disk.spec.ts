/** A slow disk, from the node's menu and the inspector: the lab says what it does, and it can be fixed. */
import { expect, test } from '@playwright/test';
import { button, node, nodeMenu, openPaused, selectNode, statusLine } from './lab.ts';

test('a slave’s disk is slowed from its menu and fixed from the inspector', async ({ page }) => {
  await openPaused(page);
  await node(page, 'db2').click();
  await nodeMenu(page, 'db2').getByRole('menuitem', { name: 'Slow disk' }).click();
  await expect(statusLine(page)).toContainText("db2's disk is 10× slower");
  await expect(page.getByRole('list', { name: 'Events, newest first' })).toContainText(
    "db2's disk is 10× slower",
  );
  // Not by colour alone: the node says it in its label and its accessible name, the inspector in a row.
  await expect(node(page, 'db2')).toHaveAttribute('aria-label', /disk 10× slower/);
  await expect(node(page, 'db2')).toContainText('disk 10× slower');
  await node(page, 'db2').click();
  await expect(nodeMenu(page, 'db2').getByRole('menuitem', { name: 'Fix disk' })).toBeVisible();
  await page.keyboard.press('Escape');
  await selectNode(page, 'db2');
  await expect(page.locator('[data-node-details="db2"]')).toContainText(
    '10× slower (commits, fsyncs, replay)',
  );
  await button(page, 'Fix disk').click();
  await expect(statusLine(page)).toContainText("db2's disk is back to normal speed");
  await expect(node(page, 'db2')).not.toContainText('disk');
  await expect(button(page, 'Slow disk')).toBeVisible();
});
