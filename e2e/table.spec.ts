import { expect, test, type Locator } from '@playwright/test';
import { button, node, openPaused, primary } from './lab.ts';

/** The cells of the table row for `id`, its header cell first. */
const rowOf = (table: Locator, id: string): Locator =>
  table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: id, exact: true }) });

test.describe('the topology table', () => {
  test('is one click away and follows the snapshot, the terminology and the selection', async ({ page }) => {
    await openPaused(page);
    const toggle = button(page, 'Topology table');
    await expect(toggle).toHaveText('Table');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');

    const table = page.getByRole('table', { name: 'Topology', exact: true });
    await expect(table.getByRole('columnheader')).toHaveText([
      'Node',
      'Role',
      'Status',
      'Upstream',
      'Lag',
      'Received LSN',
      'Applied LSN',
    ]);
    await expect(table.getByRole('rowheader')).toHaveText(['db1', 'db2', 'db3']);
    await expect(rowOf(table, 'db1').getByRole('cell')).toHaveText([
      'master',
      /^up/,
      '—none',
      '—none',
      /^\d+$/,
      /^\d+$/,
    ]);
    await expect(rowOf(table, 'db2').getByRole('cell')).toHaveText([
      'slave',
      /^up/,
      'db1',
      /^\d+ entr(y|ies), \d+ ms$/,
      /^\d+$/,
      /^\d+$/,
    ]);

    // Selecting from the table opens the same inspector as the graph; Kill shows in the row.
    await rowOf(table, 'db1').getByRole('button', { name: 'db1', exact: true }).click();
    await expect(page.getByRole('heading', { name: /db1/ })).toBeVisible();
    await button(page, 'Kill').click();
    await expect(rowOf(table, 'db1').getByRole('cell').nth(1)).toHaveText('down');

    await button(page, 'Settings').click();
    await page.getByRole('combobox', { name: 'Terminology' }).selectOption('leader-follower');
    await page.keyboard.press('Escape');
    await expect(rowOf(table, 'db2').getByRole('cell').first()).toHaveText('follower');

    // And back to the graph, which shows the same state.
    await toggle.click();
    await expect(table).toBeHidden();
    await expect(node(page, 'db1')).toHaveAttribute('data-status', 'down');
    await expect(primary(page)).toHaveAccessibleName(/^db1, leader, down/);
  });
});
