import { expect, test } from '@playwright/test';
import { button, expectData, metric, node, writeVia } from './lab.ts';

test.describe('master-master', () => {
  // Switching preset, two writes and four data tables, each waiting for replication at 1×.
  test.describe.configure({ timeout: 60_000 });

  test('two masters take writes, replicate both ways, and a concurrent write to one key is a conflict', async ({
    page,
  }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Topology', exact: true }).selectOption('master-master');
    await expect(node(page, 'db4')).toBeVisible();
    const pause = button(page, 'Pause');
    if (await pause.isVisible()) await pause.click();
    await expect(node(page, 'db1')).toHaveAttribute('data-role', 'primary');
    await expect(node(page, 'db2')).toHaveAttribute('data-role', 'primary');
    await expect(page.locator('[data-link-from="db1"][data-link-to="db2"]')).toHaveAttribute(
      'aria-label',
      /Peer link db1 and db2/,
    );
    await writeVia(page, 'db1', 'colour', 'red');
    await writeVia(page, 'db2', 'colour', 'blue');
    await button(page, 'Play').click();
    await expect(metric(page, 'conflicts')).not.toHaveText('0', { timeout: 10_000 });
    // Both writes carry the same simulated time (paused): last writer wins breaks the tie to the higher id, db2.
    for (const id of ['db1', 'db2', 'db3', 'db4']) await expectData(page, id, 'colour', 'blue');
  });
});
