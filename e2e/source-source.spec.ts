/** MariaDB source-source: no conflict resolution, a duplicate insert stops each applier until an operator acts. */
import { expect, test, type Page } from '@playwright/test';
import { expectNoModerateViolations } from './axe.ts';
import { button, node, openPaused, selectNode } from './lab.ts';

const STOPPED = "Applier stopped: Duplicate entry 'k' for key 'PRIMARY' (1062)";

/** Selects `id` and sends an insert of `key` through the inspector's Write form. */
async function insertVia(page: Page, id: string, key: string, value: string): Promise<void> {
  await selectNode(page, id);
  const keyField = page.getByLabel('Key', { exact: true });
  if (!(await keyField.isVisible())) await button(page, 'Write').click();
  await keyField.fill(key);
  await page.getByLabel('Value', { exact: true }).fill(value);
  await page.getByRole('checkbox', { name: 'Insert (fails if the key exists)' }).check();
  await button(page, 'Send insert').click();
}

test('an insert of one key on both masters stops both appliers; Skip event and Resync start them again', async ({
  page,
}) => {
  // Many steps and two axe scans: slow on a busy two-core machine.
  test.slow();
  await openPaused(page, '/?autoplay=0');
  await page.getByRole('combobox', { name: 'Topology', exact: true }).selectOption('mariadb-source-source');
  await expect(node(page, 'db2')).toHaveAttribute('data-role', 'primary');
  if (await button(page, 'Pause').isVisible()) await button(page, 'Pause').click();

  await insertVia(page, 'db1', 'k', 'one');
  await insertVia(page, 'db2', 'k', 'two');
  for (let i = 0; i < 60 && (await page.locator('[data-applier="stopped"]').count()) < 2; i++)
    await button(page, 'Step').click();

  // In words on the graph (the node's name and its label), and in the inspector with MariaDB's error.
  for (const id of ['db1', 'db2']) {
    await expect(node(page, id)).toHaveAttribute('data-applier', 'stopped');
    await expect(node(page, id)).toHaveAccessibleName(new RegExp(STOPPED.replace(/[()]/g, '\\$&')));
    await expect(node(page, id)).toContainText('applier stopped1062 duplicate ‘k’');
  }
  await selectNode(page, 'db1');
  const inspector = page.locator('[data-node-details="db1"]');
  await expect(inspector).toContainText(`${STOPPED}, from db2`);
  await expect(inspector).toContainText('Last_SQL_Error: Could not execute Write_rows_v1 event');
  await expectNoModerateViolations(page, 'with both appliers stopped');

  await button(page, 'Skip event').click();
  await expect(node(page, 'db1')).not.toHaveAttribute('data-applier', 'stopped');
  await selectNode(page, 'db2');
  await button(page, 'Resync').click();
  await expect(node(page, 'db2')).not.toHaveAttribute('data-applier', 'stopped');

  // Both run again: a write on either arrives on the other.
  await insertVia(page, 'db2', 'after', 'yes');
  await selectNode(page, 'db1');
  const data = page.getByRole('table', { name: 'Data on db1' });
  const arrived = data.getByRole('row', { name: 'after yes' });
  for (let i = 0; i < 60 && !(await arrived.isVisible()); i++) await button(page, 'Step').click();
  await expect(arrived).toBeVisible();
  await expect(data.getByRole('row', { name: 'k one' })).toBeVisible();
  await selectNode(page, 'db2');
  await expect(
    page.getByRole('table', { name: 'Data on db2' }).getByRole('row', { name: 'k one' }),
  ).toBeVisible();
  await expect(page.locator('[data-applier="stopped"]')).toHaveCount(0);
  await expectNoModerateViolations(page, 'after Skip event and Resync');
});
